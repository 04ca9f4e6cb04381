import { checkDuration } from '../duration.ts';
import type { Rule } from './types.ts';

/** Durations name a known distribution with valid parameters. */
export const checkDurations: Rule = ({ states }) =>
  states.flatMap((s) => {
    if (s.meta.duration === undefined) return [];
    const problem = checkDuration(s.meta.duration);
    return problem
      ? [
          {
            code: 'invalid-duration',
            severity: 'error' as const,
            path: s.path,
            message: `The duration is not valid: ${problem}.`,
            hint: "Write it in minutes, for example { dist: 'lognormal', median: 20, p90: 45 } or { dist: 'exponential', mean: 15 }.",
          },
        ]
      : [];
  });
