import type { Rule } from './types.ts';

/**
 * xstate v4's `cond`: xstate v5 ignores it without a word, so the way out it was meant to guard is
 * always open. Named with the guard and the v5 spelling.
 */
export const checkV4Syntax: Rule = ({ states }) =>
  states.flatMap((s) =>
    (s.v4Guards ?? []).map(({ event, guard }) => ({
      code: 'xstate-v4-cond',
      severity: 'error' as const,
      path: s.path,
      message: `The way out on "${event}" is guarded with cond: ${guard}, which is xstate v4's spelling; xstate v5 ignores cond, so this way out is never guarded.`,
      hint: `Write guard instead of cond: { target: …, guard: ${/^[\w-]+$/.test(guard) ? `'${guard}'` : '…'} }.`,
    })),
  );
