import { getComponents } from '../graph/getComponents.ts';
import type { CompactGraph } from '../graph/toCompactGraph.ts';
import { solveDense } from './solveDense.ts';

/** Loops larger than this are solved iteratively rather than by elimination. */
const DENSE_LIMIT = 1500;
const TOLERANCE = 1e-14;
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
    if (c.cyclic[comp]) solveLoop(members, comp);
    for (const v of members) {
      if (halts(v) || visits[v] === 0) continue;
      for (let e = outStart[v]!; e < outStart[v + 1]!; e++) {
        const w = target[e]!;
        if (c.of[w] !== comp) visits[w]! += visits[v]! * prob[e]!;
      }
    }
  }
  return visits;

  /** Within a loop, visits = inflow + Qᵀ visits, where inflow is what `visits` holds on entry. */
  function solveLoop(members: Int32Array, comp: number): void {
    if (!members.some((v) => visits[v]! !== 0)) return;
    const local = new Map<number, number>();
    members.forEach((v, i) => local.set(v, i));
    const s = members.length;
    const inflow = Float64Array.from(members, (v) => visits[v]!);
    const result = s <= DENSE_LIMIT ? solveLoopDense(s, members, local, comp, inflow) : solveLoopIterative(s, members, local, comp, inflow);
    members.forEach((v, i) => (visits[v] = result[i]!));
  }

  function solveLoopDense(s: number, members: Int32Array, local: Map<number, number>, comp: number, rhs: Float64Array): Float64Array {
    const a = new Float64Array(s * s);
    for (let i = 0; i < s; i++) a[i * s + i] = 1;
    members.forEach((v, i) => {
      if (halts(v)) return;
      for (let e = outStart[v]!; e < outStart[v + 1]!; e++) {
        const w = target[e]!;
        if (c.of[w] === comp) a[local.get(w)! * s + i]! -= prob[e]!;
      }
    });
    solveDense(a, rhs, s);
    return rhs;
  }

  function solveLoopIterative(s: number, members: Int32Array, local: Map<number, number>, comp: number, inflow: Float64Array): Float64Array {
    const x = inflow.slice();
    for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      const next = inflow.slice();
      members.forEach((v, i) => {
        if (halts(v) || x[i] === 0) return;
        for (let e = outStart[v]!; e < outStart[v + 1]!; e++) {
          const w = target[e]!;
          if (c.of[w] === comp) next[local.get(w)!]! += x[i]! * prob[e]!;
        }
      });
      let change = 0;
      let size = 0;
      for (let i = 0; i < s; i++) {
        change = Math.max(change, Math.abs(next[i]! - x[i]!));
        size = Math.max(size, Math.abs(next[i]!));
      }
      x.set(next);
      if (change <= TOLERANCE * Math.max(1, size)) return x;
    }
    throw new Error(`getExpectedVisits: a loop of ${s} states did not settle after ${MAX_SWEEPS} sweeps`);
  }
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
    // What flows out of the component, already known.
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
    const s = members.length;
    const local = new Map<number, number>();
    members.forEach((v, i) => local.set(v, i));
    if (s <= DENSE_LIMIT) {
      const a = new Float64Array(s * s);
      members.forEach((v, i) => {
        a[i * s + i] = 1;
        if (fixed[v]) return;
        for (let e = outStart[v]!; e < outStart[v + 1]!; e++) {
          const w = target[e]!;
          if (c.of[w] === comp) a[i * s + local.get(w)!]! -= prob[e]!;
        }
      });
      solveDense(a, outside, s);
      members.forEach((v, i) => (result[v] = outside[i]!));
    } else {
      const x = outside.slice();
      for (let sweep = 0; ; sweep++) {
        let change = 0;
        members.forEach((v, i) => {
          if (fixed[v]) return;
          let sum = outside[i]!;
          for (let e = outStart[v]!; e < outStart[v + 1]!; e++) {
            const w = target[e]!;
            if (c.of[w] === comp) sum += prob[e]! * x[local.get(w)!]!;
          }
          change = Math.max(change, Math.abs(sum - x[i]!));
          x[i] = sum;
        });
        if (change <= TOLERANCE) break;
        if (sweep >= MAX_SWEEPS) throw new Error(`getBoundaryValues: a loop of ${s} states did not settle`);
      }
      members.forEach((v, i) => (result[v] = x[i]!));
    }
  }
  return result;
}
