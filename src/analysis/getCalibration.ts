import type { AnyStateMachine } from 'xstate';
import type { Assumption } from '../model/getAssumptions.ts';
import type { ObservedFigure, StrategySimulation } from '../strategy/types.ts';
import { isWholeField } from './createAssumptionModel.ts';
import { createAssumptionEvaluator, toBaseValues, type AssumptionResult } from './createAssumptionEvaluator.ts';
import { getMeasureSource } from '../strategy/measureCatalogue.ts';
import { toFitRow, type FitRow } from './getFit.ts';

/** A figure left outside tolerance after fitting, and what holds it there. */
export interface CalibrationConflict {
  figure: number;
  /** Assumptions that would move it the right way but are at the end of their range, those that move it most first. */
  atLimit: number[];
  /** Assumptions that would move it the right way but push these other figures further outside (or out of) tolerance, those that move it most first. */
  pulls: { assumption: number; against: number[] }[];
}

export interface CalibrationResult {
  assumptions: Assumption[];
  before: number[];
  after: number[];
  rowsBefore: FitRow[];
  rowsAfter: FitRow[];
  /** Sum of squared misfits (in tolerances, 0 inside the observed range), before and after. */
  costBefore: number;
  costAfter: number;
  iterations: number;
  evaluations: number;
  conflicts: CalibrationConflict[];
}

export interface CalibrationOptions {
  simulation: StrategySimulation;
  /** Worker threads for the simulated figures' replications (default 1). */
  workers?: number;
  maxIterations?: number;
  progress?: (iteration: number, cost: number) => void;
}

/**
 * How much moving an assumption costs, against the misfits: across its whole range, as much as
 * a figure PRIOR^½ tolerances out (about 0.3). So the fit keeps the modellers' values where the
 * figures do not need them moved, and among equally good fits prefers the smallest changes.
 */
const PRIOR = 0.1;

/**
 * Fits the ranged assumptions to the observed figures: a bounded Levenberg–Marquardt search on the
 * misfits (each figure's distance outside its observed range, in tolerances), never leaving an
 * assumption's range. Exact figures are solved at each step; simulated ones use common random
 * numbers (the same streams at every step), with the replications of `simulation`. Figures still
 * outside tolerance are named with the assumptions that are at their limits or pull against others.
 */
export async function getCalibration(
  machine: AnyStateMachine,
  assumptions: Assumption[],
  figures: ObservedFigure[],
  options: CalibrationOptions,
): Promise<CalibrationResult> {
  const ranged = assumptions.filter((a) => a.range && a.value !== undefined && a.range[1] > a.range[0]);
  const evaluate = createAssumptionEvaluator(
    machine,
    ranged,
    figures.map((f) => f.measure),
    options.simulation,
  );
  const K = ranged.length;
  const lo = ranged.map((a) => a.range![0]);
  const span = ranged.map((a) => a.range![1] - a.range![0]);
  const whole = ranged.map((a) => isWholeField(a.field));
  const toValues = (x: number[]) =>
    x.map((u, k) => {
      const v = lo[k]! + Math.min(1, Math.max(0, u)) * span[k]!;
      return whole[k] ? Math.round(v) : v;
    });
  // Simulated figures move little for a small step, against their noise: they take larger steps.
  const simulated = figures.some((f) => getMeasureSource(f.measure) !== 'exact');
  const workers = options.workers ?? 1;
  const toRows = (out: AssumptionResult) => ('problem' in out ? undefined : figures.map((f, i) => toFitRow(f, out.values[i]!)));
  const rowsAt = async (x: number[]) => toRows((await evaluate.many([toValues(x)], workers))[0]!);
  const costOf = (rows: FitRow[]) => rows.reduce((a, r) => a + (Number.isFinite(r.misfit) ? r.misfit ** 2 : 1e12), 0);
  // What the search minimises: the misfits, and a little for each assumption moved from the model's value.
  const totalOf = (rows: FitRow[], at: number[]) => costOf(rows) + PRIOR * at.reduce((a, u, k) => a + (u - x0[k]!) ** 2, 0);
  const before = toBaseValues(ranged);
  const x0 = before.map((v, k) => (v - lo[k]!) / span[k]!);
  let x = [...x0];
  const rowsBefore = await rowsAt(x);
  if (!rowsBefore) throw new Error('getCalibration: the model does not build at its own values');
  let rows = rowsBefore;
  let cost = totalOf(rows, x);
  let lambda = 1e-2;
  let iterations = 0;
  let jacobian: number[][] = [];
  // A whole number moves by at least 1.
  const stepOf = (k: number) => Math.max(simulated ? 0.05 : 1e-3, whole[k] ? 1 / span[k]! : 0);
  for (; iterations < (options.maxIterations ?? 25); iterations++) {
    // Forward differences, stepping inwards at the top of a range.
    jacobian = figures.map(() => new Array<number>(K).fill(0));
    const steps = x.map((u, k) => (u + stepOf(k) <= 1 ? stepOf(k) : -stepOf(k)));
    // Every step of the Jacobian at once, so that their simulations share the worker threads.
    const moved = await evaluate.many(
      steps.map((step, k) => toValues(x.map((u, j) => (j === k ? u + step : u)))),
      workers,
    );
    moved.forEach((out, k) => {
      const r = toRows(out);
      if (r) figures.forEach((_, i) => (jacobian[i]![k] = (r[i]!.misfit - rows[i]!.misfit) / steps[k]!));
    });
    const residual = rows.map((r) => (Number.isFinite(r.misfit) ? r.misfit : 0));
    let improved = false;
    for (let tries = 0; tries < 8 && !improved; tries++) {
      const next = toLmStep(jacobian, residual, x, x0, lambda);
      const r = await rowsAt(next);
      if (r && totalOf(r, next) < cost - 1e-12) {
        x = next;
        rows = r;
        cost = totalOf(r, next);
        lambda = Math.max(1e-7, lambda / 3);
        improved = true;
      } else lambda *= 4;
    }
    options.progress?.(iterations + 1, cost);
    if (!improved) break;
  }
  // The values written out, measured as written: whole numbers where the field needs them (toValues rounds those), others to 4
  // significant figures; a value the fit left the same to 4 figures keeps the model's own (so it is not written as a change).
  const fourFigures = (v: number) => Number(v.toPrecision(4));
  const after = toValues(x).map((v, k) => (whole[k] ? v : fourFigures(v) === fourFigures(before[k]!) ? before[k]! : fourFigures(v)));
  const rowsAfter = toRows((await evaluate.many([after], workers))[0]!) ?? rows;
  return {
    assumptions: ranged,
    before,
    after,
    rowsBefore,
    rowsAfter,
    costBefore: costOf(rowsBefore),
    costAfter: costOf(rowsAfter),
    iterations,
    evaluations: evaluate.calls(),
    conflicts: getConflicts(rowsAfter, jacobian, x),
  };
}

/** One damped Gauss–Newton step on the misfits and the pull back to the model's values, kept inside the ranges (0 to 1 here). */
function toLmStep(J: number[][], r: number[], x: number[], x0: number[], lambda: number): number[] {
  const K = x.length;
  // Coordinates pinned at a bound with the gradient pushing outwards stay put.
  const g = Array.from({ length: K }, (_, k) => J.reduce((a, row, i) => a + row[k]! * r[i]!, 0) + PRIOR * (x[k]! - x0[k]!));
  const free = x.map((u, k) => !((u <= 0 && g[k]! > 0) || (u >= 1 && g[k]! < 0)) && J.some((row) => row[k] !== 0));
  const idx = free.flatMap((f, k) => (f ? [k] : []));
  const n = idx.length;
  if (!n) return x;
  const A = idx.map((a) => idx.map((b) => J.reduce((s, row) => s + row[a]! * row[b]!, 0) + (a === b ? PRIOR : 0)));
  for (let i = 0; i < n; i++) A[i]![i]! += lambda * (A[i]![i]! + 1);
  const b = idx.map((k) => -g[k]!);
  const delta = solveSymmetric(A, b);
  const next = [...x];
  idx.forEach((k, i) => (next[k] = Math.min(1, Math.max(0, x[k]! + delta[i]!))));
  return next;
}

/** Solves A x = b for a small symmetric positive definite A (Gaussian elimination with partial pivoting). */
function solveSymmetric(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    const d = M[c]![c]!;
    if (Math.abs(d) < 1e-300) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / d;
      if (f) for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => (Math.abs(row[i]!) < 1e-300 ? 0 : row[n]! / row[i]!));
}

/** For each figure outside tolerance: the assumptions that would help it but are at a limit, or would push other figures out. */
function getConflicts(rows: FitRow[], J: number[][], x: number[]): CalibrationConflict[] {
  if (!J.length) return [];
  return rows.flatMap((row, i) => {
    if (row.within) return [];
    const want = -Math.sign(row.misfit);
    const atLimit: number[] = [];
    const pulls: CalibrationConflict['pulls'] = [];
    J[i]!.forEach((d, k) => {
      if (d === 0) return;
      const direction = Math.sign(d) * want;
      if ((direction > 0 && x[k]! >= 1 - 1e-9) || (direction < 0 && x[k]! <= 1e-9)) return void atLimit.push(k);
      const against = rows.flatMap((other, j) => {
        if (j === i) return [];
        const moves = J[j]![k]! * direction;
        // It makes j worse: moves it away from its range, and j is at or beyond its tolerance.
        return moves !== 0 && Math.sign(moves) === Math.sign(other.misfit || moves) && Math.abs(other.misfit) >= 0.99 ? [j] : [];
      });
      if (against.length) pulls.push({ assumption: k, against });
    });
    // Those that move the figure most first.
    const effect = (k: number) => Math.abs(J[i]![k]!);
    atLimit.sort((a, b) => effect(b) - effect(a) || a - b);
    pulls.sort((a, b) => effect(b.assumption) - effect(a.assumption) || a.assumption - b.assumption);
    return [{ figure: i, atLimit, pulls }];
  });
}
