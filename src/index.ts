/**
 * carepaths as a library: load and check models, compile them into the care graph, and
 * (as later stages land) enumerate pathways, analyse and simulate them, and write reports.
 */
export * from './model/index.ts';
export * from './graph/index.ts';
export * from './analysis/index.ts';
export * from './report/index.ts';
export * from './io/index.ts';
