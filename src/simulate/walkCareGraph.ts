import type { CompactGraph } from '../graph/toCompactGraph.ts';
import type { Random } from './createRandom.ts';

/**
 * One request's walk from the initial state to an outcome, choosing each way out by its
 * probability. `step(node)` is told of every configuration visited, the outcome included.
 * Returns the outcome node.
 */
export function walkCareGraph(g: CompactGraph, random: Random, step?: (node: number) => void, maxSteps = 1_000_000): number {
  const { outStart, target, prob, outcome } = g;
  let v = 0;
  for (let steps = 0; steps < maxSteps; steps++) {
    step?.(v);
    if (outcome[v]) return v;
    let e = outStart[v]!;
    const last = outStart[v + 1]! - 1;
    // A single way out needs no draw; the last way out takes whatever rounding leaves over.
    if (e < last) {
      let u = random.next();
      while (e < last && u >= prob[e]!) u -= prob[e++]!;
    }
    v = target[e]!;
  }
  throw new Error(`walkCareGraph: a request took more than ${maxSteps} steps without reaching an outcome`);
}
