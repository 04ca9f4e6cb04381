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
    const members = c.nodes.subarray(c.start[comp]!, c.start[comp + 1]!);
    if (c.cyclic[comp] && members.some((v) => visits[v] !== 0)) {
      // Within the loop: visits = inflow + (flow from other members along ways out that stay inside).
      const rows = toLocalRows(c, comp, members, (add) => {
        for (const v of members) {
          if (halts(v)) continue;
          for (let e = outStart[v]!; e < outStart[v + 1]!; e++) if (c.of[target[e]!] === comp) add(target[e]!, v, prob[e]!);
        }
      });
      const x = solveComponent(rows, Float64Array.from(members, (v) => visits[v]!));
      members.forEach((v, i) => (visits[v] = x[i]!));
    }
    for (const v of members) {
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
    const members = c.nodes.subarray(c.start[comp]!, c.start[comp + 1]!);
    // What the ways out of the component contribute, already known.
    const outside = Float64Array.from(members, (v) => {
      if (fixed[v]) return values[v]!;
      let sum = 0;
      for (let e = outStart[v]!; e < outStart[v + 1]!; e++) if (c.of[target[e]!] !== comp) sum += prob[e]! * result[target[e]!]!;
      return sum;
    });
    if (!c.cyclic[comp]) {
      members.forEach((v, i) => (result[v] = outside[i]!));
      continue;
    }
    const rows = toLocalRows(c, comp, members, (add) => {
      for (const v of members) {
        if (fixed[v]) continue;
        for (let e = outStart[v]!; e < outStart[v + 1]!; e++) if (c.of[target[e]!] === comp) add(v, target[e]!, prob[e]!);
      }
    });
    const x = solveComponent(rows, outside);
    members.forEach((v, i) => (result[v] = x[i]!));
  }
  return result;
}

/** The coupling inside one component, M in x = b + M x, as compressed rows in local indices. */
interface LocalRows {
  size: number;
  start: Int32Array;
  column: Int32Array;
  weight: Float64Array;
}

/** Collects entries (row node, column node, weight) of one component into compressed rows. */
function toLocalRows(c: Components, comp: number, members: Int32Array, collect: (add: (row: number, column: number, weight: number) => void) => void): LocalRows {
  const base = c.start[comp]!;
  const local = (v: number) => indexInComponent(c, members, base, v);
  const entries: [number, number, number][] = [];
  collect((row, column, weight) => entries.push([local(row), local(column), weight]));
  const size = members.length;
  const start = new Int32Array(size + 1);
  for (const [row] of entries) start[row + 1]!++;
  for (let i = 0; i < size; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, size);
  const column = new Int32Array(entries.length);
  const weight = new Float64Array(entries.length);
  for (const [row, col, w] of entries) {
    const slot = fill[row]!++;
    column[slot] = col;
    weight[slot] = w;
  }
  return { size, start, column, weight };
}

/** Position of node v among the members of its component (members are stored in node order). */
function indexInComponent(c: Components, members: Int32Array, base: number, v: number): number {
  let lo = 0;
  let hi = members.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = c.nodes[base + mid]!;
    if (m === v) return mid;
    if (m < v) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new Error(`node ${v} is not in its component`);
}

/** Solves x = b + M x: by elimination for small loops, by Gauss–Seidel sweeps for large ones. */
function solveComponent(rows: LocalRows, b: Float64Array): Float64Array {
  const { size, start, column, weight } = rows;
  if (size <= DENSE_LIMIT) {
    const a = new Float64Array(size * size);
    for (let i = 0; i < size; i++) {
      a[i * size + i] = 1;
      for (let k = start[i]!; k < start[i + 1]!; k++) a[i * size + column[k]!]! -= weight[k]!;
    }
    const x = b.slice();
    solveDense(a, x, size);
    return x;
  }
  const x = b.slice();
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let change = 0;
    let scale = 0;
    for (let i = 0; i < size; i++) {
      let sum = b[i]!;
      for (let k = start[i]!; k < start[i + 1]!; k++) sum += weight[k]! * x[column[k]!]!;
      change = Math.max(change, Math.abs(sum - x[i]!));
      scale = Math.max(scale, Math.abs(sum));
      x[i] = sum;
    }
    if (change <= TOLERANCE * Math.max(1, scale)) return x;
  }
  throw new Error(`a loop of ${size} states did not settle after ${MAX_SWEEPS} sweeps`);
}
