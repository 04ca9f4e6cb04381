import { toCompactGraph } from '../graph/toCompactGraph.ts';
import type { CareGraph } from '../graph/types.ts';
import { defaultPathwayOptions } from './defaults.ts';
import { getBestCompletion, MaxHeap } from './getBestCompletion.ts';
import { toPathway } from './toPathway.ts';
import type { Pathway, TopOptions, TopPathways } from './types.ts';

/**
 * The K most likely pathways, most likely first, without enumerating the rest: a best-first
 * (A*) search over partial pathways ranked by their probability so far times the best possible
 * completion. That bound never underestimates, so each pathway popped at an outcome is the next
 * most likely. Revisit bounds apply as in enumeration.
 *
 * Bounds are compared in log space rounded to 10 decimal places, so rounding in long products does
 * not turn a near-tie into a difference: ties (pathways within one part in 10^10 of each other) are
 * broken deepest first, which follows one best pathway to its end instead of widening across
 * millions of equally likely ones.
 */
export function getTopPathways(graph: CareGraph, options: Partial<TopOptions> = {}): TopPathways {
  const { maxRevisits, top, maxFrontier } = { ...defaultPathwayOptions, ...options };
  const g = toCompactGraph(graph);
  const { outStart, target, prob, outcome } = g;
  const best = getBestCompletion(g);
  // Partial pathways as a tree of steps: node, the edge taken to reach it, the step before, probability.
  const stepNode: number[] = [0];
  const stepEdge: number[] = [-1];
  const stepParent: number[] = [-1];
  const stepProb: number[] = [1];
  const frontier = new MaxHeap();
  const pathways: Pathway[] = [];
  let coverage = 0;
  const stepDepth: number[] = [0];
  const bound = (p: number) => Math.round(Math.log(p) * 1e10);
  if (best[0]! > 0) frontier.push(0, bound(best[0]!), 0);
  while (frontier.size && pathways.length < top) {
    const step = frontier.pop();
    const v = stepNode[step]!;
    if (outcome[v]) {
      const pathway = toStepPathway(graph, step, stepNode, stepEdge, stepParent, pathways.length + 1);
      pathways.push(pathway);
      coverage += pathway.probability;
      continue;
    }
    for (let e = outStart[v]!; e < outStart[v + 1]!; e++) {
      const w = target[e]!;
      const p = stepProb[step]! * prob[e]!;
      if (p * best[w]! <= 0 || timesVisited(w, step, stepNode, stepParent) > maxRevisits) continue;
      if (stepNode.length >= maxFrontier) return { pathways, coverage, complete: false };
      stepNode.push(w);
      stepEdge.push(e);
      stepParent.push(step);
      stepProb.push(p);
      stepDepth.push(stepDepth[step]! + 1);
      frontier.push(stepNode.length - 1, bound(p * best[w]!), stepDepth[step]! + 1);
    }
  }
  return { pathways, coverage, complete: true };
}

function timesVisited(node: number, step: number, stepNode: number[], stepParent: number[]): number {
  let count = 0;
  for (let s = step; s !== -1; s = stepParent[s]!) if (stepNode[s] === node) count++;
  return count;
}

function toStepPathway(graph: CareGraph, step: number, stepNode: number[], stepEdge: number[], stepParent: number[], rank: number): Pathway {
  const nodes: number[] = [];
  const edges: number[] = [];
  for (let s = step; s !== -1; s = stepParent[s]!) {
    nodes.push(stepNode[s]!);
    if (stepEdge[s]! >= 0) edges.push(stepEdge[s]!);
  }
  nodes.reverse();
  edges.reverse();
  return toPathway(graph, nodes, edges, edges.length, rank);
}
