/**
 * A fixed-size record of a distribution of minutes, so that simulation memory does not grow with
 * the number of requests: bins 0.5% wide on a log scale from 0.01 minutes to about 19 years, with
 * exact zeros, sum and maximum kept aside. Quantiles are read to within 0.25%. Plain data, so that
 * workers can send it back and replications can be merged.
 */
export interface Histogram {
  counts: Float64Array;
  zeros: number;
  count: number;
  sum: number;
  max: number;
}

const MIN = 0.01;
const RATIO = 1.005;
const LOG_RATIO = Math.log(RATIO);
const BINS = Math.ceil(Math.log(1e7 / MIN) / LOG_RATIO);

export function createHistogram(): Histogram {
  return { counts: new Float64Array(BINS), zeros: 0, count: 0, sum: 0, max: 0 };
}

export function addToHistogram(h: Histogram, x: number): void {
  h.count++;
  h.sum += x;
  if (x > h.max) h.max = x;
  if (x <= 0) {
    h.zeros++;
    return;
  }
  const bin = x < MIN ? 0 : Math.min(BINS - 1, Math.floor(Math.log(x / MIN) / LOG_RATIO));
  h.counts[bin]!++;
}

export function mergeHistograms(all: Histogram[]): Histogram {
  const out = createHistogram();
  for (const h of all) {
    for (let i = 0; i < BINS; i++) out.counts[i]! += h.counts[i]!;
    out.zeros += h.zeros;
    out.count += h.count;
    out.sum += h.sum;
    out.max = Math.max(out.max, h.max);
  }
  return out;
}

/** The q-th quantile: the middle of the bin it falls in (0 when it falls among the zeros). */
export function getQuantile(h: Histogram, q: number): number {
  if (h.count === 0) return Number.NaN;
  let rank = q * (h.count - 1);
  if (rank < h.zeros) return 0;
  rank -= h.zeros;
  for (let i = 0; i < BINS; i++) {
    if (rank < h.counts[i]!) return Math.min(h.max, MIN * Math.pow(RATIO, i + 0.5));
    rank -= h.counts[i]!;
  }
  return h.max;
}

export const getMean = (h: Histogram): number => (h.count ? h.sum / h.count : 0);
