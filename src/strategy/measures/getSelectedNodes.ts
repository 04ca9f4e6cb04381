import type { CareGraph, CareNode } from '../../graph/types.ts';
import { suggestPath } from '../applyPlans.ts';
import type { StateSelector } from '../types.ts';

export const asList = (x: string | string[]) => (Array.isArray(x) ? x : [x]);

/** Which graph nodes a selector picks (any of the names it gives), or why it picks nothing. */
export function getSelectedNodes(graph: CareGraph, s: StateSelector): { nodes: CareNode[] } | { problem: string; hint: string } {
  if (s.state) {
    const paths = asList(s.state);
    const missing = paths.find((path) => !graph.stateInfo.some((info) => info.path === path));
    if (missing)
      return {
        problem: `there is no state ${missing} in the model.`,
        hint: suggestPath(
          missing,
          graph.stateInfo.map((info) => info.path),
        ),
      };
    return { nodes: graph.nodes.filter((n) => n.states.some((p) => paths.some((path) => p === path || p.startsWith(`${path}.`)))) };
  }
  if (s.agency) {
    const ids = asList(s.agency);
    const missing = ids.find((id) => !graph.agencies.some((a) => a.id === id));
    if (missing) return { problem: `there is no agency "${missing}" in the model.`, hint: `Agencies: ${graph.agencies.map((a) => a.id).join(', ')}.` };
    return { nodes: graph.nodes.filter((n) => ids.includes(n.agency)) };
  }
  if (s.function) {
    const ids = asList(s.function);
    const missing = ids.find((id) => !graph.functions.some((f) => f.id === id));
    if (missing) return { problem: `there is no function "${missing}" in the model.`, hint: `Functions: ${graph.functions.map((f) => f.id).join(', ')}.` };
    return { nodes: graph.nodes.filter((n) => n.function !== undefined && ids.includes(n.function)) };
  }
  const wanted = asList(s.outcome ?? []);
  const outcomes = [...new Set(graph.nodes.filter((n) => n.isOutcome).map((n) => n.outcome ?? n.id))];
  const missing = wanted.find((o) => !outcomes.includes(o));
  if (missing !== undefined || !wanted.length)
    return { problem: `there is no outcome "${missing ?? ''}" in the model.`, hint: `Outcomes: ${outcomes.join(', ')}.` };
  return { nodes: graph.nodes.filter((n) => n.isOutcome && wanted.includes(n.outcome ?? n.id)) };
}

/** The check of a measure that selects states: only that the selection exists. */
export const checkSelection = (graph: CareGraph, s: StateSelector) => {
  const found = getSelectedNodes(graph, s);
  return 'problem' in found ? found : undefined;
};
