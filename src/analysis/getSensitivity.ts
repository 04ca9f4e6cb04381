import type { AnyStateMachine } from 'xstate';
import type { Assumption } from '../model/getAssumptions.ts';
import { createRandom } from '../simulate/createRandom.ts';
import { getMeasureSource, getMeasureUnit } from '../strategy/measureCatalogue.ts';
import type { Measure, MeasureSource, MeasureUnit, StrategySimulation } from '../strategy/types.ts';
import { isWholeField } from './createAssumptionModel.ts';
import { createAssumptionEvaluator, toBaseValues, type AssumptionResult } from './createAssumptionEvaluator.ts';

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
  /** Told after each evaluation: done so far and the total planned. */
  progress?: (done: number, total: number) => void;
}

/**
 * Which assumptions move each target most, one at a time over their ranges (a tornado), with the
 * slope at the model's value where the target is exact; and the spread of each target when every
 * assumption varies together, sampled uniformly over the ranges from a stated seed.
 */
export function getSensitivity(
  machine: AnyStateMachine,
  assumptions: Assumption[],
  targets: SensitivityTarget[],
  options: SensitivityOptions,
): SensitivityResult {
  const ranged = assumptions.filter((a) => a.range && a.value !== undefined);
  const measures = targets.map((t) => t.measure);
  const evaluate = createAssumptionEvaluator(machine, ranged, measures, options.simulation);
  const base = toBaseValues(ranged);
  const exact = measures.map((m) => getMeasureSource(m) === 'exact');
  const total = 1 + ranged.length * (exact.some(Boolean) ? 4 : 2) + options.samples;
  const tick = () => options.progress?.(evaluate.calls(), total);
  const at = (values: number[]) => {
    const out = evaluate(values);
    tick();
    return out;
  };
  const baseValues = at(base);
  if ('problem' in baseValues) throw new Error(`getSensitivity: the model does not build at its own values (${baseValues.problem})`);
  const failures: SensitivityResult['failures'] = [];
  const effects: SensitivityEffect[][] = targets.map(() => []);
  ranged.forEach((a, k) => {
    const [lo, hi] = a.range!;
    const moved = (v: number) => {
      const values = [...base];
      values[k] = v;
      const out = at(values);
      if ('problem' in out) failures.push({ assumption: k, value: v, problem: out.problem });
      return 'problem' in out ? undefined : out.values.map((x) => x.value);
    };
    const low = moved(lo);
    const high = moved(hi);
    let slopes: number[] | undefined;
    if (exact.some(Boolean) && hi > lo) {
      const h = isWholeField(a.field) ? 1 : (hi - lo) * 1e-3;
      const down = Math.max(lo, a.value! - h);
      const up = Math.min(hi, a.value! + h);
      const d = moved(down);
      const u = moved(up);
      if (d && u && up > down) slopes = u.map((x, i) => (x - d[i]!) / (up - down));
    }
    if (!low || !high) return;
    targets.forEach((_, i) => {
      const swing = Math.abs(high[i]! - low[i]!);
      if (swing > 1e-12 * Math.max(1, Math.abs(baseValues.values[i]!.value)))
        effects[i]!.push({ assumption: k, atLow: low[i]!, atHigh: high[i]!, swing, ...(exact[i] && slopes ? { slope: slopes[i]! } : {}) });
    });
  });
  for (const list of effects) list.sort((x, y) => y.swing - x.swing || x.assumption - y.assumption);
  return {
    targets: targets.map((t, i) => ({ ...t, unit: getMeasureUnit(t.measure), source: getMeasureSource(t.measure), base: baseValues.values[i]!.value })),
    assumptions: ranged,
    effects,
    joint: options.samples > 0 ? getJointSpread(ranged, at, targets.length, options) : null,
    failures,
    evaluations: evaluate.calls(),
  };
}

function getJointSpread(
  ranged: Assumption[],
  at: (values: number[]) => AssumptionResult,
  count: number,
  options: SensitivityOptions,
): SensitivityResult['joint'] {
  // Its own stream (one past any replication's), so the draws do not depend on the simulation settings.
  const random = createRandom(options.seed, 1000);
  const seen: number[][] = Array.from({ length: count }, () => []);
  let problem: string | undefined;
  for (let s = 0; s < options.samples; s++) {
    const values = ranged.map((a) => {
      const v = a.range![0] + random.next() * (a.range![1] - a.range![0]);
      return isWholeField(a.field) ? Math.round(v) : v;
    });
    const out = at(values);
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
