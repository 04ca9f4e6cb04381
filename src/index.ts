/**
 * carepaths as a library: load and check models, compile them into the care graph, enumerate,
 * count and rank pathways, analyse the system exactly, simulate it (Monte Carlo and discrete-event,
 * on worker threads), test plans against a strategy, draw the diagrams and write the reports.
 * Each stage is also its own entry point: `carepaths/model`, `carepaths/graph`, `carepaths/pathways`,
 * `carepaths/markov`, `carepaths/simulate`, `carepaths/analysis`, `carepaths/strategy`,
 * `carepaths/render`, `carepaths/report`, `carepaths/io`.
 */
export * from './model/index.ts';
export * from './graph/index.ts';
export * from './pathways/index.ts';
export * from './markov/index.ts';
export * from './simulate/index.ts';
export * from './analysis/index.ts';
export * from './report/index.ts';
export * from './io/index.ts';
export * from './strategy/index.ts';
export * from './render/index.ts';
