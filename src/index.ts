/**
 * carepaths as a library: load and check models, compile them into the care graph, enumerate,
 * count and rank pathways, analyse the system exactly, and write reports.
 */
export * from './model/index.ts';
export * from './graph/index.ts';
export * from './pathways/index.ts';
export * from './markov/index.ts';
export * from './simulate/index.ts';
export * from './analysis/index.ts';
export * from './report/index.ts';
export * from './io/index.ts';
