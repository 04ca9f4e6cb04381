import type { Rule } from './types.ts';

/**
 * Capacity inside a parallel region: the discrete-event simulation runs each region on its own
 * clock and cannot make one region wait for a server while the others go on, so it would give
 * numbers that mean nothing. Said before any number is produced.
 */
export const checkParallelRegions: Rule = ({ states }) => {
  const byPath = new Map(states.map((s) => [s.path, s]));
  const parallelAbove = (path: string): string | undefined => {
    for (let p = byPath.get(path)?.parent; p; p = byPath.get(p)?.parent) if (byPath.get(p)?.type === 'parallel') return p;
    return undefined;
  };
  return states.flatMap((s) => {
    const parallel = s.meta.capacity !== undefined ? parallelAbove(s.path) : undefined;
    return parallel
      ? [
          {
            code: 'capacity-in-region',
            severity: 'error' as const,
            path: s.path,
            message: `This state has a capacity but sits inside the parallel state ${parallel}, whose regions run at the same time on their own clocks; carepaths cannot make one region queue for a server while the others go on.`,
            hint: `Put the capacity on a state before or after ${parallel}, or on ${parallel} itself by moving the queue outside the regions.`,
          },
        ]
      : [];
  });
};
