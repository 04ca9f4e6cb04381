import { getComponents, type Components } from '../graph/getComponents.ts';
import type { CompactGraph } from '../graph/toCompactGraph.ts';
import { solveDense } from './solveDense.ts';

/** Loops larger than this are solved by Gauss–Seidel sweeps rather than by elimination. */
const DENSE_LIMIT = 1500;
const TOLERANCE = 1e-15;
const MAX_SWEEPS = 1_000_000;

/**
 * Expected visits to every state for one request starting at `source`, in the absorbing Markov
 * chain of the care graph (outcomes absorb). States marked in `stop` absorb too, so a stopped
 * state's value is the probability of arriving there first. Solved component by component in
 * topological order: the flow into a loop is known before the loop is solved.
 */
export function getExpectedVisits(g: CompactGraph, source = 0, stop?: Uint8Array): Float64Array {
  const { outStart, target, prob } = g;
  const c = getComponents(g);
  const visits = new Float64Array(g.n);
  visits[source] = 1;
  const halts = (v: number) => g.outcome[v] === 1 || (stop !== undefined && stop[v] === 1);
  for (let comp = c.of[source]!; comp < c.count; comp++) {
    const first = c.start[comp]!;
    const last = c.start[comp + 1]!;
    if (c.cyclic[comp]) {
      let inflow = false;
      for (let i = first; i < last; i++) if (visits[c.nodes[i]!] !== 0) inflow = true;
      // Within the loop: visits = inflow + the flow along ways out that stay inside it.
      if (inflow) {
        solveLoop(
          c,
          comp,
          (i) => visits[c.nodes[first + i]!]!,
          (i, x) => (visits[c.nodes[first + i]!] = x),
          (add) => {
            for (let i = first; i < last; i++) {
              const v = c.nodes[i]!;
              if (halts(v)) continue;
              for (let e = outStart[v]!; e < outStart[v + 1]!; e++) if (c.of[target[e]!] === comp) add(c.position[target[e]!]!, i - first, prob[e]!);
            }
          },
        );
      }
    }
    for (let i = first; i < last; i++) {
      const v = c.nodes[i]!;
      if (halts(v) || visits[v] === 0) continue;
      for (let e = outStart[v]!; e < outStart[v + 1]!; e++) {
        const w = target[e]!;
        if (c.of[w] !== comp) visits[w]! += visits[v]! * prob[e]!;
      }
    }
  }
  return visits;
}

/**
 * The probability of ever reaching one of the `targets` from each state (1 on a target itself),
 * outcomes that are not targets absorbing with 0.
 */
export function getHittingProbabilities(g: CompactGraph, targets: Uint8Array): Float64Array {
  return getBoundaryValues(g, targets, new Float64Array(g.n).fill(1));
}

/**
 * Harmonic values: a state marked in `fixed` has the value given in `values`; any other state has
 * the probability-weighted mean of the values of the states its ways out lead to (0 at an outcome
 * that is not fixed). With targets fixed at 1 this is the probability of reaching them.
 * Solved component by component, latest first.
 */
export function getBoundaryValues(g: CompactGraph, fixed: Uint8Array, values: Float64Array): Float64Array {
  const { outStart, target, prob } = g;
  const c = getComponents(g);
  const result = new Float64Array(g.n);
  for (let comp = c.count - 1; comp >= 0; comp--) {
    const first = c.start[comp]!;
    const last = c.start[comp + 1]!;
    // First what the ways out of the component contribute, already known.
    for (let i = first; i < last; i++) {
      const v = c.nodes[i]!;
      if (fixed[v]) {
        result[v] = values[v]!;
        continue;
      }
      let sum = 0;
      for (let e = outStart[v]!; e < outStart[v + 1]!; e++) if (c.of[target[e]!] !== comp) sum += prob[e]! * result[target[e]!]!;
      result[v] = sum;
    }
    if (!c.cyclic[comp]) continue;
    solveLoop(
      c,
      comp,
      (i) => result[c.nodes[first + i]!]!,
      (i, x) => (result[c.nodes[first + i]!] = x),
      (add) => {
        for (let i = first; i < last; i++) {
          const v = c.nodes[i]!;
          if (fixed[v]) continue;
          for (let e = outStart[v]!; e < outStart[v + 1]!; e++) if (c.of[target[e]!] === comp) add(i - first, c.position[target[e]!]!, prob[e]!);
        }
      },
    );
  }
  return result;
}

/**
 * Solves x = b + M x inside one component, where `coupling` lists the entries of M (row, column,
 * weight, in positions within the component). By elimination for small loops, by Gauss–Seidel
 * sweeps over compressed rows for large ones.
 */
function solveLoop(
  c: Components,
  comp: number,
  b: (i: number) => number,
  set: (i: number, x: number) => void,
  coupling: (add: (row: number, column: number, weight: number) => void) => void,
): void {
  const size = c.start[comp + 1]! - c.start[comp]!;
  if (size <= DENSE_LIMIT) {
    const a = new Float64Array(size * size);
    const x = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      a[i * size + i] = 1;
      x[i] = b(i);
    }
    coupling((row, column, weight) => (a[row * size + column]! -= weight));
    solveDense(a, x, size);
    for (let i = 0; i < size; i++) set(i, x[i]!);
    return;
  }
  const rows: number[] = [];
  const columns: number[] = [];
  const weights: number[] = [];
  coupling((row, column, weight) => {
    rows.push(row);
    columns.push(column);
    weights.push(weight);
  });
  const start = new Int32Array(size + 1);
  for (const row of rows) start[row + 1]!++;
  for (let i = 0; i < size; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, size);
  const column = new Int32Array(rows.length);
  const weight = new Float64Array(rows.length);
  rows.forEach((row, k) => {
    const slot = fill[row]!++;
    column[slot] = columns[k]!;
    weight[slot] = weights[k]!;
  });
  const base = Float64Array.from({ length: size }, (_, i) => b(i));
  const x = base.slice();
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let change = 0;
    let scale = 0;
    for (let i = 0; i < size; i++) {
      let sum = base[i]!;
      for (let k = start[i]!; k < start[i + 1]!; k++) sum += weight[k]! * x[column[k]!]!;
      change = Math.max(change, Math.abs(sum - x[i]!));
      scale = Math.max(scale, Math.abs(sum));
      x[i] = sum;
    }
    if (change <= TOLERANCE * Math.max(1, scale)) {
      for (let i = 0; i < size; i++) set(i, x[i]!);
      return;
    }
  }
  throw new Error(`a loop of ${size} states did not settle after ${MAX_SWEEPS} sweeps`);
}
