import type { CareGraph } from '../graph/types.ts';
import { Z90 } from '../model/duration.ts';
import type { Duration } from '../model/types.ts';
import type { Random } from './createRandom.ts';

/**
 * A duration ready to sample: its kind and parameters in flat form, so that the simulation's inner
 * loop samples without allocating. Every sampler has the same fields (the empirical ones empty
 * elsewhere), so that the inner loop sees one shape of object.
 */
export interface Sampler {
  kind: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;
  a: number;
  b: number;
  c: number;
  /** Empirical: values and cumulative weights (normalised to end at 1); quantiles: the quantiles; empty for other kinds. */
  values: Float64Array;
  cumulative: Float64Array;
}

const EMPTY = new Float64Array(0);
const sampler = (kind: Sampler['kind'], a = 0, b = 0, c = 0, values = EMPTY, cumulative = EMPTY): Sampler => ({ kind, a, b, c, values, cumulative });

const NONE = 0;
const FIXED = 1;
const EXPONENTIAL = 2;
const LOGNORMAL = 3;
const TRIANGULAR = 4;
const GAMMA = 5;
const EMPIRICAL = 6;
const QUANTILES = 7;

/** Prepares a model's duration for sampling; no duration samples 0. */
export function toSampler(duration: Duration | undefined): Sampler {
  if (!duration) return sampler(NONE);
  switch (duration.dist) {
    case 'fixed':
      return sampler(FIXED, duration.value);
    case 'exponential':
      return sampler(EXPONENTIAL, duration.mean);
    case 'lognormal':
      return sampler(LOGNORMAL, Math.log(duration.median), Math.log(duration.p90 / duration.median) / Z90);
    case 'triangular':
      return sampler(TRIANGULAR, duration.min, duration.mode, duration.max);
    case 'gamma':
      // shape k = (mean/sd)², scale θ = sd²/mean
      return duration.sd === 0 ? sampler(FIXED, duration.mean) : sampler(GAMMA, (duration.mean / duration.sd) ** 2, duration.sd ** 2 / duration.mean);
    case 'empirical': {
      const weights = duration.weights ?? duration.values.map(() => 1);
      const total = weights.reduce((x, y) => x + y, 0);
      let running = 0;
      return sampler(
        EMPIRICAL,
        0,
        0,
        0,
        Float64Array.from(duration.values),
        Float64Array.from(weights, (w) => (running += w / total)),
      );
    }
    case 'quantiles':
      return sampler(QUANTILES, 0, 0, 0, Float64Array.from(duration.values));
  }
}

const samplersOf = new WeakMap<CareGraph, Sampler[]>();

/** Every node's sampler, made once per graph (a node in parallel regions has none: its regions have theirs). */
export function getSamplers(graph: CareGraph): Sampler[] {
  let samplers = samplersOf.get(graph);
  if (!samplers) samplersOf.set(graph, (samplers = graph.nodes.map((n) => toSampler(n.duration))));
  return samplers;
}

/** Draws one duration, in minutes. */
export function sampleDuration(s: Sampler, random: Random): number {
  switch (s.kind) {
    case NONE:
      return 0;
    case FIXED:
      return s.a;
    case EXPONENTIAL:
      return -s.a * Math.log(1 - random.next());
    case LOGNORMAL:
      return Math.exp(s.a + s.b * standardNormal(random));
    case TRIANGULAR: {
      const u = random.next();
      const { a: min, b: mode, c: max } = s;
      if (max === min) return min;
      const f = (mode - min) / (max - min);
      return u < f ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
    }
    case GAMMA:
      return sampleGamma(s.a, random) * s.b;
    case EMPIRICAL: {
      const u = random.next();
      const cumulative = s.cumulative;
      let i = 0;
      while (i < cumulative.length - 1 && u >= cumulative[i]!) i++;
      return s.values[i]!;
    }
    case QUANTILES: {
      // Inverse of the piecewise-linear distribution function through the quantiles.
      const q = s.values;
      const x = random.next() * (q.length - 1);
      const i = Math.min(q.length - 2, Math.floor(x));
      return q[i]! + (x - i) * (q[i + 1]! - q[i]!);
    }
  }
}

/** Box–Muller: two uniforms give two standard normals; the second is kept on the stream for the next call. */
function standardNormal(random: Random): number {
  const spare = random.spareNormal;
  if (spare === spare) {
    random.spareNormal = Number.NaN;
    return spare;
  }
  const r = Math.sqrt(-2 * Math.log(1 - random.next()));
  const angle = 2 * Math.PI * random.next();
  random.spareNormal = r * Math.sin(angle);
  return r * Math.cos(angle);
}

/** Marsaglia and Tsang's method for shape ≥ 1; shape < 1 by boosting with a uniform power. */
function sampleGamma(shape: number, random: Random): number {
  if (shape < 1) return sampleGamma(shape + 1, random) * Math.pow(1 - random.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random.next();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
