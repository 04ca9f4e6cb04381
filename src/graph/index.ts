export { compileCareGraph, defaultCompileOptions, getAgency, getConfigurationKey, getOfferedEvents, getStateInfo, getStatePath } from './compileCareGraph.ts';
export type { CareEdge, CareGraph, CareNode, CompileOptions, CompileResult, StateInfo } from './types.ts';
export { getComponents } from './getComponents.ts';
export type { Components } from './getComponents.ts';
export { toCompactGraph } from './toCompactGraph.ts';
export type { CompactGraph } from './toCompactGraph.ts';
export { groupByState, toConfigurationRef, toConfigurations, toStatePath } from './toConfigurationRef.ts';
export type { ConfigurationRef } from './toConfigurationRef.ts';
export type { RegionStep } from './types.ts';
