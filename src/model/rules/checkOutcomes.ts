import type { Rule } from './types.ts';
import type { Diagnostic } from '../types.ts';

/**
 * Every request must be able to reach an outcome. A dead end has no way out at all; a trap
 * has ways out that only lead round in circles. Final states should name their outcome.
 */
export const checkOutcomes: Rule = ({ modelId, states, graph }) => {
  const out: Diagnostic[] = [];
  for (const s of states) {
    if (s.type === 'final' && s.meta.outcome === undefined) {
      out.push({
        code: 'missing-outcome',
        severity: 'warning',
        path: s.path,
        message: 'This final state does not say which outcome it is.',
        hint: "Add meta: { outcome: 'home' } (or 'admitted', 'care-home', 'died', …) so reports can group outcomes.",
      });
    }
  }
  if (!graph) return out;
  const { nodes, edges, outStart } = graph;
  if (!nodes.some((n) => n.isOutcome)) {
    out.push({
      code: 'no-outcome',
      severity: 'error',
      path: modelId,
      message: 'No request can ever reach an outcome: the model has no reachable final state.',
      hint: "Add final states (type: 'final') for the ways an episode of care ends, with meta.outcome.",
    });
    return out;
  }
  const deadEnd = nodes.map((n) => !n.isOutcome && outStart[n.index] === outStart[n.index + 1]);
  // A state that only leads into a dead end is not a trap of its own: the dead end is the one problem, said once.
  const canEnd = getCanFinish(
    graph.nodes.length,
    edges,
    nodes.map((n, i) => n.isOutcome || deadEnd[i]!),
  );
  const byPath = (code: 'dead-end' | 'trap', found: boolean[]) => {
    const groups = new Map<string, typeof nodes>();
    for (const node of nodes) if (found[node.index]) groups.set(node.states.join(' + '), [...(groups.get(node.states.join(' + ')) ?? []), node]);
    return [...groups].map(([path, group]): Diagnostic => {
      const contexts = group.flatMap((n) => (n.context ? [JSON.stringify(n.context)] : []));
      const withContext = contexts.length ? ` (with ${contexts.slice(0, 3).join(' or ')}${contexts.length > 3 ? ` and ${contexts.length - 3} more` : ''})` : '';
      return code === 'dead-end'
        ? {
            code,
            severity: 'error',
            path,
            message: `A request that reaches this state${withContext} has no way out and never reaches an outcome.`,
            hint: "Add a way out (an event with meta.p), or make it a final state (type: 'final') with meta.outcome.",
          }
        : {
            code,
            severity: 'error',
            path,
            message: `From this state${withContext} no outcome can be reached: every way out leads round in a loop.`,
            hint: 'Give one of the states in the loop a way out towards an outcome.',
          };
    });
  };
  out.push(
    ...byPath('dead-end', deadEnd),
    ...byPath(
      'trap',
      canEnd.map((ok) => !ok),
    ),
  );
  return out;
};

/** Which nodes can reach an outcome: a backwards search from the outcome nodes. */
function getCanFinish(n: number, edges: { from: number; to: number }[], isOutcome: boolean[]): boolean[] {
  const into: number[][] = Array.from({ length: n }, () => []);
  for (const e of edges) into[e.to]!.push(e.from);
  const done = isOutcome.slice();
  const stack = done.flatMap((d, i) => (d ? [i] : []));
  while (stack.length) {
    for (const from of into[stack.pop()!]!) {
      if (!done[from]) {
        done[from] = true;
        stack.push(from);
      }
    }
  }
  return done;
}
