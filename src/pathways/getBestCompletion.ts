import type { CompactGraph } from '../graph/toCompactGraph.ts';

/**
 * For every state, the probability of the single most likely way from it to an outcome
 * (1 at an outcome, 0 where none has positive probability): Dijkstra backwards from the
 * outcomes on −log p. It bounds how likely any pathway through a state can be.
 */
export function getBestCompletion(g: CompactGraph): Float64Array {
  const { n, outStart, target, prob, outcome } = g;
  const inStart = new Int32Array(n + 1);
  for (let e = 0; e < target.length; e++) inStart[target[e]! + 1]!++;
  for (let v = 0; v < n; v++) inStart[v + 1]! += inStart[v]!;
  const inFrom = new Int32Array(target.length);
  const inEdge = new Int32Array(target.length);
  const fill = inStart.slice(0, n);
  for (let v = 0; v < n; v++) {
    for (let e = outStart[v]!; e < outStart[v + 1]!; e++) {
      const slot = fill[target[e]!]!++;
      inFrom[slot] = v;
      inEdge[slot] = e;
    }
  }
  const best = new Float64Array(n);
  const done = new Uint8Array(n);
  const heap = new MaxHeap();
  for (let v = 0; v < n; v++) {
    if (outcome[v]) {
      best[v] = 1;
      heap.push(v, 1);
    }
  }
  while (heap.size) {
    const v = heap.pop();
    if (done[v]) continue;
    done[v] = 1;
    for (let s = inStart[v]!; s < inStart[v + 1]!; s++) {
      const u = inFrom[s]!;
      const candidate = prob[inEdge[s]!]! * best[v]!;
      if (!outcome[u] && candidate > best[u]!) {
        best[u] = candidate;
        heap.push(u, candidate);
      }
    }
  }
  return best;
}

/**
 * A binary max-heap of integer items by priority, then by a second key (higher first); remaining
 * ties go to the item pushed first, so results are reproducible.
 */
export class MaxHeap {
  private items: number[] = [];
  private keys: number[] = [];
  private ties: number[] = [];
  private order: number[] = [];
  private pushed = 0;

  get size(): number {
    return this.items.length;
  }

  push(item: number, key: number, tie = 0): void {
    this.items.push(item);
    this.keys.push(key);
    this.ties.push(tie);
    this.order.push(this.pushed++);
    this.up(this.items.length - 1);
  }

  pop(): number {
    const top = this.items[0]!;
    const last = this.items.length - 1;
    this.swap(0, last);
    this.items.pop();
    this.keys.pop();
    this.ties.pop();
    this.order.pop();
    this.down(0);
    return top;
  }

  private before(a: number, b: number): boolean {
    if (this.keys[a] !== this.keys[b]) return this.keys[a]! > this.keys[b]!;
    if (this.ties[a] !== this.ties[b]) return this.ties[a]! > this.ties[b]!;
    return this.order[a]! < this.order[b]!;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.items.length && this.before(l, m)) m = l;
      if (r < this.items.length && this.before(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    [this.items[a], this.items[b]] = [this.items[b]!, this.items[a]!];
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
    [this.ties[a], this.ties[b]] = [this.ties[b]!, this.ties[a]!];
    [this.order[a], this.order[b]] = [this.order[b]!, this.order[a]!];
  }
}
