import type { CompactGraph } from '../graph/toCompactGraph.ts';
import type { Random } from './createRandom.ts';
import { chooseWayOut } from './chooseWayOut.ts';

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
    v = target[chooseWayOut(outStart, prob, v, random)]!;
  }
  throw new Error(`walkCareGraph: a request took more than ${maxSteps} steps without reaching an outcome`);
}
