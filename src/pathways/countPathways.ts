import { getComponents } from '../graph/getComponents.ts';
import { toCompactGraph } from '../graph/toCompactGraph.ts';
import type { CareGraph } from '../graph/types.ts';
import { defaultPathwayOptions } from './defaults.ts';
import type { CountOptions, PathwayCount } from './types.ts';

class TooMuchWork extends Error {}

/**
 * Counts the pathways exactly, without enumerating them. A walk enters each strongly connected
 * component at most once (it cannot leave a loop and come back), so the count is a dynamic
 * programme over the components in topological order: the number of ways to arrive at each
 * entry state, times the number of bounded walks inside the component from that entry to each
 * of its exits. Walks inside a loop are counted directly; loops are small in care systems, and a
 * loop too large to count within `maxWork` steps is reported by name rather than timed out.
 */
export function countPathways(graph: CareGraph, options: Partial<CountOptions> = {}): PathwayCount {
  const { maxRevisits, maxWork } = { ...defaultPathwayOptions, ...options };
  const g = toCompactGraph(graph);
  const { outStart, target, outcome } = g;
  const c = getComponents(g);
  const ways: (bigint | undefined)[] = new Array(g.n);
  ways[0] = 1n;
  let total = 0n;
  const work = { left: maxWork };
  const within = new Float64Array(g.n);
  const depth = g.n * (maxRevisits + 1) + 1;
  const scratch: Scratch = { visits: new Int32Array(g.n), stackNode: new Int32Array(depth), stackEdge: new Int32Array(depth) };
  for (let comp = c.of[0]!; comp < c.count; comp++) {
    const members = c.nodes.subarray(c.start[comp]!, c.start[comp + 1]!);
    for (const entry of members) {
      const arriving = ways[entry];
      if (!arriving) continue;
      // within[v]: bounded walks inside the component from `entry` ending at v.
      if (c.cyclic[comp]) {
        try {
          countWalksWithin(g.outStart, g.target, c.of, comp, entry, maxRevisits, within, work, scratch);
        } catch (error) {
          if (!(error instanceof TooMuchWork)) throw error;
          const states = [...members].slice(0, 5).map((v) => graph.nodes[v]!.id);
          return {
            exact: false,
            reason: `the loop through ${states.join(', ')}${members.length > 5 ? ` and ${members.length - 5} more states` : ''} has too many ways round it to count within ${maxWork.toLocaleString('en-GB')} steps with ${maxRevisits} revisit${maxRevisits === 1 ? '' : 's'} allowed. Allow fewer revisits, or give the count more steps (--count-steps).`,
          };
        }
      } else {
        within[entry] = 1;
      }
      for (const v of members) {
        const inside = within[v]!;
        if (inside === 0) continue;
        within[v] = 0;
        const count = arriving * BigInt(inside);
        if (outcome[v]) {
          total += count;
          continue;
        }
        for (let e = outStart[v]!; e < outStart[v + 1]!; e++) {
          const w = target[e]!;
          if (c.of[w] !== comp) ways[w] = (ways[w] ?? 0n) + count;
        }
      }
    }
  }
  return { exact: true, total };
}

/** Scratch space for counting walks inside components, sized once per count. */
interface Scratch {
  visits: Int32Array;
  stackNode: Int32Array;
  stackEdge: Int32Array;
}

/** Counts, for each state of one component, the bounded walks from `entry` that end there without leaving. */
function countWalksWithin(
  outStart: Int32Array,
  target: Int32Array,
  of: Int32Array,
  comp: number,
  entry: number,
  maxRevisits: number,
  within: Float64Array,
  work: { left: number },
  { visits, stackNode, stackEdge }: Scratch,
): void {
  let top = 0;
  stackNode[0] = entry;
  stackEdge[0] = outStart[entry]!;
  visits[entry] = 1;
  within[entry]! += 1;
  while (top >= 0) {
    const v = stackNode[top]!;
    const e = stackEdge[top]!;
    if (e >= outStart[v + 1]!) {
      visits[v]!--;
      top--;
      continue;
    }
    stackEdge[top] = e + 1;
    const w = target[e]!;
    if (of[w] !== comp || visits[w]! > maxRevisits) continue;
    if (--work.left < 0) {
      for (let t = 0; t <= top; t++) visits[stackNode[t]!] = 0;
      throw new TooMuchWork();
    }
    visits[w]!++;
    within[w]! += 1;
    top++;
    stackNode[top] = w;
    stackEdge[top] = outStart[w]!;
  }
}
