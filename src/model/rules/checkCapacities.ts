import type { Rule } from './types.ts';

const isWhole = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/** Capacities give whole numbers of servers, an hourly schedule of 24 entries, and a known queue order. */
export const checkCapacities: Rule = ({ states }) =>
  states.flatMap((s) => {
    const capacity = s.meta.capacity as Record<string, unknown> | undefined;
    if (capacity === undefined) return [];
    const problem =
      typeof capacity !== 'object' || capacity === null
        ? 'it is not an object such as { servers: 4 }'
        : !isWhole(capacity.servers) || (capacity.servers as number) < 1
          ? `servers must be a whole number, 1 or more (it is ${JSON.stringify(capacity.servers)})`
          : capacity.schedule !== undefined && (!Array.isArray(capacity.schedule) || capacity.schedule.length !== 24 || !capacity.schedule.every(isWhole))
            ? 'schedule must list 24 whole numbers of servers, one for each hour from midnight'
            : capacity.queue !== undefined && capacity.queue !== 'fifo' && capacity.queue !== 'priority'
              ? `queue must be 'fifo' or 'priority' (it is ${JSON.stringify(capacity.queue)})`
              : undefined;
    return problem
      ? [
          {
            code: 'invalid-capacity',
            severity: 'error' as const,
            path: s.path,
            message: `The capacity is not valid: ${problem}.`,
            hint: "Write it as { servers: 6, schedule?: [24 numbers], queue?: 'fifo' | 'priority' }.",
          },
        ]
      : [];
  });
