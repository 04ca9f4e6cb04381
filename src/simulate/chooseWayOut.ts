import type { Random } from './createRandom.ts';

/**
 * Chooses a way out of node `v` by the ways' probabilities: edge indices `outStart[v]` up to
 * `outStart[v + 1]`. A single way out needs no draw; the last way takes whatever rounding leaves.
 * Every engine chooses here, so that they all make the same draws for the same choices.
 */
export function chooseWayOut(outStart: Int32Array, prob: Float64Array, v: number, random: Random): number {
  let e = outStart[v]!;
  const last = outStart[v + 1]! - 1;
  if (e < last) {
    let u = random.next();
    while (e < last && u >= prob[e]!) u -= prob[e++]!;
  }
  return e;
}
