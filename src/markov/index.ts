export { getMarkovAnalysis } from './getMarkovAnalysis.ts';
export { getBoundaryValues, getExpectedVisits, getHittingProbabilities } from './solveChain.ts';
export { solveDense } from './solveDense.ts';
export type { MarkovAnalysis, OutcomeProbability } from './types.ts';
