import type { Rule } from './types.ts';
import type { Diagnostic } from '../types.ts';

/**
 * States no request can reach. A whole unreachable agency is reported once, at its
 * compound state, rather than once for every state inside it.
 */
export const checkReachability: Rule = ({ states, graph }) => {
  if (!graph) return [];
  const reachable = new Map(states.map((s) => [s.path, s.reachable]));
  return states
    .filter((s) => !s.reachable && s.parent !== undefined && reachable.get(s.parent) && s.type !== 'history')
    .map((s): Diagnostic => ({
      code: 'unreachable-state',
      severity: 'warning',
      path: s.path,
      message: `No request can reach this ${s.type === 'atomic' || s.type === 'final' ? 'state' : 'group of states'}: no way out of any reachable state leads here.`,
      hint: 'Add a transition that targets it, or remove it if the service is not part of this system.',
    }));
};
