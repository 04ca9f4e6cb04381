export { compileCareGraph, defaultCompileOptions, getAgency, getConfigurationKey, getOfferedEvents, getStateInfo, getStatePath } from './compileCareGraph.ts';
export type { CareEdge, CareGraph, CareNode, CompileOptions, CompileResult, StateInfo } from './types.ts';
