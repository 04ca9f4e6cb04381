export { compileCareGraph, defaultCompileOptions, getAgency, getConfigurationKey, getOfferedEvents, getStateInfo, getStatePath } from './compileCareGraph.ts';
export type { CareEdge, CareGraph, CareNode, CompileOptions, CompileResult, StateInfo } from './types.ts';
export { getComponents } from './getComponents.ts';
export type { Components } from './getComponents.ts';
export { toCompactGraph } from './toCompactGraph.ts';
export type { CompactGraph } from './toCompactGraph.ts';
