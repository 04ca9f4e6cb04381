export { countPathways } from './countPathways.ts';
export { defaultPathwayOptions } from './defaults.ts';
export { enumeratePathways } from './enumeratePathways.ts';
export { getBestCompletion } from './getBestCompletion.ts';
export { getTopPathways } from './getTopPathways.ts';
export { toPathway } from './toPathway.ts';
export type {
  CountOptions,
  EnumerateOptions,
  EnumerateResult,
  Pathway,
  PathwayCount,
  PathwayCursor,
  PathwayOptions,
  TopOptions,
  TopPathways,
} from './types.ts';
