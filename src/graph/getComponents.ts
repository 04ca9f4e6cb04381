import type { CompactGraph } from './toCompactGraph.ts';

/** The strongly connected components of a graph: the loops a request can go round. */
export interface Components {
  /** Number of components. */
  count: number;
  /** Component of each node. Components are numbered in topological order: edges go from lower to higher or within one. */
  of: Int32Array;
  /** Nodes of component c are `nodes[start[c]]` up to `nodes[start[c + 1]]`. */
  start: Int32Array;
  nodes: Int32Array;
  /** Position of each node within its component: `nodes[start[of[v]] + position[v]] === v`. */
  position: Int32Array;
  /** 1 when the component has a loop: more than one node, or a node with a way back to itself. */
  cyclic: Uint8Array;
}

const cache = new WeakMap<CompactGraph, Components>();

/**
 * Tarjan's algorithm, iterative so that deep graphs do not overflow the stack. Kept whole: its
 * explicit call stack and the Tarjan stack are shared by one loop, the hottest part of compiling.
 */
export function getComponents(g: CompactGraph): Components {
  const cached = cache.get(g);
  if (cached) return cached;
  const { n, outStart, target } = g;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let sp = 0;
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const reverseOf = new Int32Array(n);
  let counter = 0;
  let found = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = outStart[root]!;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const e = callEdge[depth]!;
      if (e < outStart[v + 1]!) {
        callEdge[depth] = e + 1;
        const w = target[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = outStart[w]!;
        } else if (onStack[w] && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          reverseOf[w] = found;
        } while (w !== v);
        found++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  // Tarjan finds components in reverse topological order; number them forwards.
  const of = new Int32Array(n);
  const sizes = new Int32Array(found + 1);
  for (let v = 0; v < n; v++) {
    of[v] = found - 1 - reverseOf[v]!;
    sizes[of[v]! + 1]!++;
  }
  const start = new Int32Array(found + 1);
  for (let c = 0; c < found; c++) start[c + 1] = start[c]! + sizes[c + 1]!;
  const fill = start.slice(0, found);
  const nodes = new Int32Array(n);
  const position = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const slot = fill[of[v]!]!++;
    nodes[slot] = v;
    position[v] = slot - start[of[v]!]!;
  }
  const cyclic = new Uint8Array(found);
  for (let v = 0; v < n; v++) {
    if (start[of[v]! + 1]! - start[of[v]!]! > 1) cyclic[of[v]!] = 1;
    for (let e = outStart[v]!; e < outStart[v + 1]!; e++) if (target[e] === v) cyclic[of[v]!] = 1;
  }
  const components = { count: found, of, start, nodes, position, cyclic };
  cache.set(g, components);
  return components;
}
