import type { CountOptions, EnumerateOptions, TopOptions } from './types.ts';

/** The defaults of every pathway option, filled in one place. */
export const defaultPathwayOptions = {
  maxRevisits: 0,
  limit: 1_000_000,
  top: 20,
  maxWork: 50_000_000,
  maxFrontier: 5_000_000,
} satisfies EnumerateOptions & CountOptions & TopOptions;
