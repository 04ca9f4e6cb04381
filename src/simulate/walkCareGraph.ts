import type { CareGraph } from '../graph/types.ts';
import type { Random } from './createRandom.ts';
import { RequestWalk } from './RequestWalk.ts';

/**
 * One request's walk from the initial state to an outcome, as the engines take it (see
 * `RequestWalk`). `step(node, minutes)` is told of every configuration visited, the outcome
 * included, with the minutes spent there. Returns the outcome node. Walking many requests, pass
 * one `walk` for them all rather than a graph each time.
 */
export function walkCareGraph(graph: CareGraph | RequestWalk, random: Random, step?: (node: number, minutes: number) => void, maxSteps = 1_000_000): number {
  const walk = graph instanceof RequestWalk ? graph : new RequestWalk(graph);
  walk.begin();
  let v = 0;
  for (let steps = 0; steps < maxSteps; steps++) {
    const minutes = walk.stay(v, random);
    step?.(v, minutes);
    if (walk.isOutcome(v)) return v;
    v = walk.to(walk.leave(v, random));
  }
  throw new Error(`walkCareGraph: a request took more than ${maxSteps} steps without reaching an outcome`);
}
