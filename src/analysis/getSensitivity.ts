import type { AnyStateMachine } from 'xstate';
import type { Assumption } from '../model/getAssumptions.ts';
import { createRandom } from '../simulate/createRandom.ts';
import { getMeasureSource, getMeasureUnit } from '../strategy/measureCatalogue.ts';
import type { Measure, MeasureSource, MeasureUnit, StrategySimulation } from '../strategy/types.ts';
import { isWholeField } from './createAssumptionModel.ts';
import { createAssumptionEvaluator, toBaseValues, type AssumptionEvaluator, type AssumptionResult } from './createAssumptionEvaluator.ts';

/** Something whose sensitivity is asked for: an observed figure or a strategy objective. */
export interface SensitivityTarget {
  id: string;
  title: string;
  /** `observed` or `objective`. */
  kind: 'observed' | 'objective';
  measure: Measure;
}

/** How much one assumption moves one target over its range, the others held at the model's values. */
export interface SensitivityEffect {
  /** Index into `SensitivityResult.assumptions`. */
  assumption: number;
  /** The target's value with the assumption at the low and the high end of its range. */
  atLow: number;
  atHigh: number;
  /** |atHigh − atLow|: what the tornado chart orders by. */
  swing: number;
  /** Exact targets: the change in the target per unit of the assumption, at the model's value (a central difference on the exact measure). */
  slope?: number;
}

export interface SensitivityResult {
  targets: (SensitivityTarget & { unit: MeasureUnit; source: MeasureSource; base: number })[];
  /** The ranged assumptions varied. */
  assumptions: Assumption[];
  /** For each target, the assumptions that move it, largest swing first. */
  effects: SensitivityEffect[][];
  /** Every assumption varied at once, uniformly over its range: the spread of each target. */
  joint: {
    samples: number;
    seed: number;
    /** Samples at which the model could be built; the spread is over these. */
    built: number;
    /** Why the first sample that could not be built failed. */
    problem?: string;
    /** Empty when no sample could be built. */
    targets: { mean: number; interval: [number, number] }[];
  } | null;
  /** Values at which the model could not be built (a lognormal's median above its 90th centile, say). */
  failures: { assumption: number; value: number; problem: string }[];
  /** Model evaluations made. */
  evaluations: number;
}

export interface SensitivityOptions {
  simulation: StrategySimulation;
  /** Samples for the joint spread; 0 for none. */
  samples: number;
  seed: number;
  /** The slope at the model's value for exact targets (two more evaluations an assumption); default true. */
  slopes?: boolean;
  /**
   * Asked between evaluations, which then give way to other work on this thread (a live page's
   * next save); when it answers true the analysis stops with a `SensitivityCancelled`.
   */
  cancelled?: () => boolean;
  /** Worker threads for the simulated targets' replications (default 1). */
  workers?: number;
  /** Told after each evaluation (each batch, when simulated): done so far and the total planned. */
  progress?: (done: number, total: number) => void;
}

/** Thrown when a sensitivity analysis is stopped because it is no longer wanted. */
export class SensitivityCancelled extends Error {}

/**
 * Which assumptions move each target most, one at a time over their ranges (a tornado), with the
 * slope at the model's value where the target is exact; and the spread of each target when every
 * assumption varies together, sampled uniformly over the ranges from a stated seed.
 *
 * Every evaluation is planned first, as a list of independent jobs (the assumptions' values), and
 * then measured: in this thread when every target is exact, and with simulated targets shared out
 * over `workers` threads (each job's replications on common random numbers).
 */
export async function getSensitivity(
  machine: AnyStateMachine,
  assumptions: Assumption[],
  targets: SensitivityTarget[],
  options: SensitivityOptions,
): Promise<SensitivityResult> {
  const ranged = assumptions.filter((a) => a.range && a.value !== undefined);
  const measures = targets.map((t) => t.measure);
  const evaluate = createAssumptionEvaluator(machine, ranged, measures, options.simulation);
  const base = toBaseValues(ranged);
  const exact = measures.map((m) => getMeasureSource(m) === 'exact');
  const jobs = toSensitivityJobs(ranged, base, (options.slopes ?? true) && exact.some(Boolean));
  const samples = toJointSamples(ranged, options);
  const results = await evaluateAll(evaluate, [base, ...jobs.flatMap((j) => j.values), ...samples], options);
  const baseValues = results[0]!;
  if ('problem' in baseValues) throw new Error(`getSensitivity: the model does not build at its own values (${baseValues.problem})`);
  const failures: SensitivityResult['failures'] = [];
  const effects: SensitivityEffect[][] = targets.map(() => []);
  let next = 1;
  for (const job of jobs) {
    const k = job.assumption;
    const measured = job.values.map((values) => {
      const out = results[next++]!;
      if ('problem' in out) failures.push({ assumption: k, value: values[k]!, problem: out.problem });
      return 'problem' in out ? undefined : out.values.map((x) => x.value);
    });
    const [low, high, d, u] = measured;
    const [down, up] = [job.values[2]?.[k], job.values[3]?.[k]];
    const slopes = d && u && up! > down! ? u.map((x, i) => (x - d[i]!) / (up! - down!)) : undefined;
    if (!low || !high) continue;
    targets.forEach((_, i) => {
      const swing = Math.abs(high[i]! - low[i]!);
      if (swing > 1e-12 * Math.max(1, Math.abs(baseValues.values[i]!.value)))
        effects[i]!.push({ assumption: k, atLow: low[i]!, atHigh: high[i]!, swing, ...(exact[i] && slopes ? { slope: slopes[i]! } : {}) });
    });
  }
  for (const list of effects) list.sort((x, y) => y.swing - x.swing || x.assumption - y.assumption);
  return {
    targets: targets.map((t, i) => ({ ...t, unit: getMeasureUnit(t.measure), source: getMeasureSource(t.measure), base: baseValues.values[i]!.value })),
    assumptions: ranged,
    effects,
    joint: options.samples > 0 ? toJointSpread(results.slice(next), targets.length, options) : null,
    failures,
    evaluations: evaluate.calls(),
  };
}

/**
 * For each assumption, the values to measure at: each end of its range, and where a target is
 * exact, either side of the model's value for the slope (±0.1% of the range; whole numbers ±1).
 */
function toSensitivityJobs(ranged: Assumption[], base: number[], slopes: boolean): { assumption: number; values: number[][] }[] {
  return ranged.map((a, k) => {
    const [lo, hi] = a.range!;
    const at = (v: number) => base.map((b, j) => (j === k ? v : b));
    const values = [at(lo), at(hi)];
    if (slopes && hi > lo) {
      const h = isWholeField(a.field) ? 1 : (hi - lo) * 1e-3;
      values.push(at(Math.max(lo, a.value! - h)), at(Math.min(hi, a.value! + h)));
    }
    return { assumption: k, values };
  });
}

/** Measures every job: in this thread, or (simulated targets) in batches over the worker threads, reporting progress after each. */
async function evaluateAll(evaluate: AssumptionEvaluator, list: number[][], options: SensitivityOptions): Promise<AssumptionResult[]> {
  const tick = () => options.progress?.(evaluate.calls(), list.length);
  const { cancelled } = options;
  if (!evaluate.simulates) {
    const out: AssumptionResult[] = [];
    for (const values of list) {
      if (cancelled && out.length % 4 === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (cancelled()) throw new SensitivityCancelled();
      }
      out.push(evaluate(values));
      tick();
    }
    return out;
  }
  const workers = options.workers ?? 1;
  const batch = Math.max(1, workers * 4);
  const out: AssumptionResult[] = [];
  for (let i = 0; i < list.length; i += batch) {
    if (cancelled?.()) throw new SensitivityCancelled();
    out.push(...(await evaluate.many(list.slice(i, i + batch), workers)));
    tick();
  }
  return out;
}

/** Every assumption drawn at once, uniformly over its range (whole numbers rounded), from the stated seed. */
function toJointSamples(ranged: Assumption[], options: SensitivityOptions): number[][] {
  // Its own stream (one past any replication's), so the draws do not depend on the simulation settings.
  const random = createRandom(options.seed, 1000);
  return Array.from({ length: options.samples }, () =>
    ranged.map((a) => {
      const v = a.range![0] + random.next() * (a.range![1] - a.range![0]);
      return isWholeField(a.field) ? Math.round(v) : v;
    }),
  );
}

/** The spread of each target over the joint samples that could be built. */
function toJointSpread(results: AssumptionResult[], count: number, options: SensitivityOptions): SensitivityResult['joint'] {
  const seen: number[][] = Array.from({ length: count }, () => []);
  let problem: string | undefined;
  for (const out of results) {
    if ('problem' in out) {
      problem ??= out.problem;
      continue;
    }
    out.values.forEach((v, i) => seen[i]!.push(v.value));
  }
  const quantile = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.max(0, Math.round(q * (xs.length - 1))))]!;
  return {
    samples: options.samples,
    seed: options.seed,
    built: seen[0]?.length ?? 0,
    ...(problem ? { problem } : {}),
    targets: (seen[0]?.length ? seen : []).map((xs) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return { mean: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length), interval: [quantile(sorted, 0.025), quantile(sorted, 0.975)] as [number, number] };
    }),
  };
}
