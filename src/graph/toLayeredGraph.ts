import type { CompactGraph } from './toCompactGraph.ts';

/**
 * The care graph copied `layers` times, for figures that depend on the path so far (handoffs
 * made, services met): a way out from state v to state w in layer k leads to w in layer
 * `layerOf(k, v, w)`. With `sink`, a layer of `layers` leads to one more absorbing state after all
 * the copies (numbered `g.n * layers`), for paths that go beyond what is counted. Outcomes absorb
 * in every layer; minutes and agencies are not carried (the expanded chain is solved for visits).
 */
export function toLayeredGraph(g: CompactGraph, layers: number, layerOf: (layer: number, v: number, w: number) => number, sink = false): CompactGraph {
  const copies = g.n * layers;
  const n = copies + (sink ? 1 : 0);
  const outStart = new Int32Array(n + 1);
  const targets: number[] = [];
  const probs: number[] = [];
  for (let layer = 0; layer < layers; layer++) {
    for (let v = 0; v < g.n; v++) {
      outStart[layer * g.n + v] = targets.length;
      if (g.outcome[v]) continue;
      for (let e = g.outStart[v]!; e < g.outStart[v + 1]!; e++) {
        const w = g.target[e]!;
        const to = layerOf(layer, v, w);
        targets.push(to < layers ? to * g.n + w : copies);
        probs.push(g.prob[e]!);
      }
    }
  }
  for (let i = copies; i <= n; i++) outStart[i] = targets.length;
  const outcome = new Uint8Array(n);
  for (let layer = 0; layer < layers; layer++) outcome.set(g.outcome, layer * g.n);
  if (sink) outcome[copies] = 1;
  return { n, outStart, target: Int32Array.from(targets), prob: Float64Array.from(probs), minutes: new Float64Array(n), agency: new Int32Array(n), outcome };
}
