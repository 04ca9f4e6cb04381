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
  const canFinish = getCanFinish(graph.nodes.length, edges, nodes.map((n) => n.isOutcome));
  for (const node of nodes) {
    if (node.isOutcome) continue;
    const path = node.states.join(' + ');
    if (outStart[node.index] === outStart[node.index + 1]) {
      out.push({
        code: 'dead-end',
        severity: 'error',
        path,
        message: `A request that reaches this state${node.context ? ` (with ${JSON.stringify(node.context)})` : ''} has no way out and never reaches an outcome.`,
        hint: "Add a way out (an event with meta.p), or make it a final state (type: 'final') with meta.outcome.",
      });
    } else if (!canFinish[node.index]) {
      out.push({
        code: 'trap',
        severity: 'error',
        path,
        message: `From this state${node.context ? ` (with ${JSON.stringify(node.context)})` : ''} no outcome can be reached: every way out leads round in a loop.`,
        hint: 'Give one of the states in the loop a way out towards an outcome.',
      });
    }
  }
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
