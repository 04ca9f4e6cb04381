import type { CareGraph } from '../graph/types.ts';
import { toCompactGraph } from '../graph/toCompactGraph.ts';
import { defaultPathwayOptions } from './defaults.ts';
import type { EnumerateOptions, EnumerateResult, PathwayCursor } from './types.ts';

/**
 * Visits every pathway from the initial state to an outcome, depth first, in which no state
 * recurs more than `maxRevisits` more times. Streams: memory is fixed by the size of the graph,
 * whatever the number of pathways. The visitor may return false to stop.
 */
export function enumeratePathways(graph: CareGraph, options: Partial<EnumerateOptions>, visit: (pathway: PathwayCursor) => boolean | void): EnumerateResult {
  const steps = enumeratePathwaysInSteps(graph, options, visit, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `enumeratePathways`, pausing (yielding) after every `every` pathways, so that a caller writing
 * millions of them can let other work run between steps (a Ctrl-C that tidies up, for one).
 */
export function* enumeratePathwaysInSteps(
  graph: CareGraph,
  options: Partial<EnumerateOptions>,
  visit: (pathway: PathwayCursor) => boolean | void,
  every: number,
): Generator<void, EnumerateResult, void> {
  const { maxRevisits, limit } = { ...defaultPathwayOptions, ...options };
  const { n, outStart, target, prob, minutes, agency, outcome } = toCompactGraph(graph);
  const maxDepth = n * (maxRevisits + 1) + 1;
  const nodes = new Int32Array(maxDepth);
  const edges = new Int32Array(maxDepth);
  const next = new Int32Array(maxDepth);
  const probability = new Float64Array(maxDepth);
  const elapsed = new Float64Array(maxDepth);
  const handoffs = new Int32Array(maxDepth);
  const visits = new Int32Array(n);
  const cursor: PathwayCursor = { length: 0, nodes, edges, probability: 1, expectedMinutes: 0, handoffs: 0 };
  let visited = 0;
  // Past the limit the walk goes on only to learn whether another pathway exists.
  let full = false;
  const emit = (depth: number): boolean => {
    if (full) return false;
    cursor.length = depth;
    cursor.probability = probability[depth]!;
    cursor.expectedMinutes = elapsed[depth]!;
    cursor.handoffs = handoffs[depth]!;
    visited++;
    if (visit(cursor) === false) return false;
    full = visited >= limit;
    return true;
  };

  nodes[0] = 0;
  visits[0] = 1;
  probability[0] = 1;
  elapsed[0] = minutes[0]!;
  next[0] = outStart[0]!;
  if (outcome[0]) {
    emit(0);
    return { visited, complete: true };
  }
  let depth = 0;
  while (depth >= 0) {
    const v = nodes[depth]!;
    const e = next[depth]!;
    if (outcome[v] || e >= outStart[v + 1]!) {
      visits[v]!--;
      depth--;
      continue;
    }
    next[depth] = e + 1;
    const w = target[e]!;
    if (visits[w]! > maxRevisits) continue;
    visits[w]!++;
    edges[depth] = e;
    depth++;
    nodes[depth] = w;
    next[depth] = outStart[w]!;
    probability[depth] = probability[depth - 1]! * prob[e]!;
    elapsed[depth] = elapsed[depth - 1]! + minutes[w]!;
    handoffs[depth] = handoffs[depth - 1]! + (agency[w] === agency[v] ? 0 : 1);
    if (outcome[w]) {
      if (!emit(depth)) return { visited, complete: false };
      if (visited % every === 0) yield;
    }
  }
  return { visited, complete: true };
}
