import { getStatePaths } from '../graph/toConfigurationRef.ts';
import type { CareGraph } from '../graph/types.ts';
import type { CareContext } from '../model/builtins.ts';
import type { Pathway } from './types.ts';

/** Makes a pathway record from the nodes and edges of a walk. */
export function toPathway(graph: CareGraph, nodes: ArrayLike<number>, edges: ArrayLike<number>, length: number, rank: number): Pathway {
  const paths = getStatePaths(graph);
  const states: string[] = [];
  const visited: number[] = [];
  const contexts: (CareContext | null)[] = [];
  const events: string[] = [];
  const agencies: string[] = [];
  const functions: string[] = [];
  let probability = 1;
  let expectedMinutes = 0;
  let handoffs = 0;
  for (let i = 0; i <= length; i++) {
    const node = graph.nodes[nodes[i]!]!;
    states.push(paths[node.index]!);
    visited.push(node.index);
    contexts.push(node.context ?? null);
    expectedMinutes += node.meanMinutes;
    if (!node.isOutcome && node.function) functions.push(node.function);
    if (agencies.length === 0 || agencies[agencies.length - 1] !== node.agency) {
      if (agencies.length) handoffs++;
      agencies.push(node.agency);
    }
    if (i < length) {
      const edge = graph.edges[edges[i]!]!;
      events.push(edge.event);
      probability *= edge.p;
    }
  }
  const last = graph.nodes[nodes[length]!]!;
  return {
    rank,
    probability,
    expectedMinutes,
    states,
    ...(contexts.some(Boolean) ? { contexts } : {}),
    nodes: visited,
    events,
    agencies,
    handoffs,
    functions,
    outcome: last.outcome ?? paths[last.index]!,
  };
}
