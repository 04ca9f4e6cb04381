import type { CareGraph } from './types.ts';

/**
 * The care graph as flat typed arrays, for the algorithms that walk it millions of times.
 * Edges are those of `CareGraph.edges`, in the same order.
 */
export interface CompactGraph {
  /** Number of configurations. */
  n: number;
  /** Ways out of node i are edges `outStart[i]` up to `outStart[i + 1]`. */
  outStart: Int32Array;
  /** The node each edge leads to. */
  target: Int32Array;
  /** The routing probability of each edge. */
  prob: Float64Array;
  /** Mean minutes per visit to each node. */
  minutes: Float64Array;
  /** Index of each node's agency in `CareGraph.agencies`; -1 when it has none. */
  agency: Int32Array;
  /** 1 for outcome nodes. */
  outcome: Uint8Array;
}

const cache = new WeakMap<CareGraph, CompactGraph>();

/** Converts (once per graph) the care graph into flat arrays. */
export function toCompactGraph(graph: CareGraph): CompactGraph {
  const cached = cache.get(graph);
  if (cached) return cached;
  const n = graph.nodes.length;
  const agencyIndex = new Map(graph.agencies.map((a, i) => [a.id, i]));
  const compact: CompactGraph = {
    n,
    outStart: graph.outStart,
    target: Int32Array.from(graph.edges, (e) => e.to),
    prob: Float64Array.from(graph.edges, (e) => e.p),
    minutes: Float64Array.from(graph.nodes, (node) => node.meanMinutes),
    agency: Int32Array.from(graph.nodes, (node) => agencyIndex.get(node.agency) ?? -1),
    outcome: Uint8Array.from(graph.nodes, (node) => (node.isOutcome ? 1 : 0)),
  };
  cache.set(graph, compact);
  return compact;
}
