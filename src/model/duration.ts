import type { Duration, DurationKind } from './types.ts';

/** The 90th centile of the standard normal distribution, used to turn a lognormal's p90 into sigma. */
export const Z90 = 1.2815515655446004;

const parameterNames: Record<DurationKind, readonly string[]> = {
  fixed: ['value'],
  exponential: ['mean'],
  lognormal: ['median', 'p90'],
  triangular: ['min', 'mode', 'max'],
  gamma: ['mean', 'sd'],
  empirical: ['values'],
  quantiles: ['values'],
};

/** The kinds of duration a model may use. */
export const durationKinds = Object.keys(parameterNames) as DurationKind[];

const isNonNegative = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/**
 * Says what is wrong with a duration, in plain English, or returns undefined when it is valid.
 * Accepts anything, since it reads what a model author wrote.
 */
export function checkDuration(duration: unknown): string | undefined {
  if (typeof duration !== 'object' || duration === null) return 'the duration is not an object such as { dist: "exponential", mean: 20 }';
  const d = duration as Record<string, unknown>;
  const kind = d.dist;
  if (typeof kind !== 'string' || !(kind in parameterNames)) {
    return `the distribution "${String(kind)}" is not one carepaths knows (use one of ${durationKinds.join(', ')})`;
  }
  const missing = parameterNames[kind as DurationKind].filter((name) => d[name] === undefined);
  if (missing.length) return `a ${kind} duration needs ${missing.join(' and ')}`;
  if (kind === 'empirical') return checkEmpirical(d.values, d.weights);
  if (kind === 'quantiles') return checkQuantiles(d.values);
  const bad = parameterNames[kind as DurationKind].filter((name) => !isNonNegative(d[name]));
  if (bad.length) return `${bad.join(' and ')} must be a number of minutes, zero or more`;
  if (kind === 'lognormal' && (d.p90 as number) < (d.median as number)) return `the 90th centile (${d.p90}) is below the median (${d.median})`;
  if (kind === 'lognormal' && (d.median as number) === 0) return 'the median must be above zero';
  if (kind === 'triangular') {
    const { min, mode, max } = d as { min: number; mode: number; max: number };
    if (!(min <= mode && mode <= max)) return `min, mode and max must be in order (${min} ≤ ${mode} ≤ ${max} is false)`;
  }
  return undefined;
}

function checkQuantiles(values: unknown): string | undefined {
  if (!Array.isArray(values) || values.length < 2) return 'values must list at least two quantiles (11 for the minimum, the deciles and the maximum)';
  if (!values.every(isNonNegative)) return 'every quantile must be a number of minutes, zero or more';
  for (let i = 1; i < values.length; i++)
    if ((values[i] as number) < (values[i - 1] as number)) return `the quantiles must rise (${values[i - 1]} is followed by ${values[i]})`;
  return undefined;
}

function checkEmpirical(values: unknown, weights: unknown): string | undefined {
  if (!Array.isArray(values) || values.length === 0) return 'values must be a non-empty list of minutes';
  if (!values.every(isNonNegative)) return 'every value must be a number of minutes, zero or more';
  if (weights === undefined) return undefined;
  if (!Array.isArray(weights) || weights.length !== values.length) return 'weights must be a list as long as values';
  if (!weights.every(isNonNegative)) return 'every weight must be zero or more';
  if (weights.reduce((a: number, b: number) => a + b, 0) <= 0) return 'the weights must not all be zero';
  return undefined;
}

/** The mean of a valid duration, in minutes; 0 when there is none. */
export function getMeanMinutes(duration: Duration | undefined): number {
  if (!duration) return 0;
  switch (duration.dist) {
    case 'fixed':
      return duration.value;
    case 'exponential':
    case 'gamma':
      return duration.mean;
    case 'lognormal': {
      const sigma = Math.log(duration.p90 / duration.median) / Z90;
      return duration.median * Math.exp((sigma * sigma) / 2);
    }
    case 'triangular':
      return (duration.min + duration.mode + duration.max) / 3;
    case 'empirical': {
      const w = duration.weights ?? duration.values.map(() => 1);
      const total = w.reduce((a, b) => a + b, 0);
      return duration.values.reduce((sum, v, i) => sum + v * (w[i] ?? 0), 0) / total;
    }
    case 'quantiles': {
      // Uniform between neighbouring quantiles: each step's mean is its midpoint.
      const q = duration.values;
      let sum = 0;
      for (let i = 1; i < q.length; i++) sum += (q[i - 1]! + q[i]!) / 2;
      return sum / (q.length - 1);
    }
  }
}
