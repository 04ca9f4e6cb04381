import type { Rule } from './types.ts';

/** A priority is a number, 1 or more (1 is the most urgent). */
export const checkPriorities: Rule = ({ states }) =>
  states
    .filter((s) => s.meta.priority !== undefined && !(typeof s.meta.priority === 'number' && Number.isFinite(s.meta.priority) && s.meta.priority >= 1))
    .map((s) => ({
      code: 'invalid-priority',
      severity: 'error' as const,
      path: s.path,
      message: `The priority ${JSON.stringify(s.meta.priority)} is not a number, 1 or more.`,
      hint: 'Write meta: { priority: 1 } for the most urgent, 2 for the next, and so on.',
    }));
