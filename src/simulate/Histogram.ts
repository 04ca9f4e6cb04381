/**
 * A fixed-size record of a distribution of minutes, so that simulation memory does not grow with
 * the number of requests. Each power of two from 2^-7 minutes (half a second) to 2^24 minutes
 * (about 32 years) is cut into 256 equal bins, so a bin is at most 0.4% wide and quantiles are read
 * to within 0.2%; exact zeros, the sum and the maximum are kept aside. A value's bin is read
 * straight from the bits of its floating-point form (exponent and the top 8 bits of the
 * fraction), with no logarithm, because the simulation adds several values per request. Plain
 * data, so that workers can send it back and replications can be merged.
 */
export interface Histogram {
  counts: Float64Array;
  zeros: number;
  count: number;
  sum: number;
  max: number;
}

const SUBBINS = 256;
const MIN_EXPONENT = -7;
const MAX_EXPONENT = 24;
const BINS = (MAX_EXPONENT - MIN_EXPONENT) * SUBBINS;
const MIN = 2 ** MIN_EXPONENT;
/** The top 20 bits of a double are sign, exponent (biased by 1023) and the top 8 bits of the fraction. */
const FIRST_KEY = (1023 + MIN_EXPONENT) * SUBBINS;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** Which 32-bit word holds the exponent: the second on little-endian machines (all Node targets today). */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

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
  let bin = 0;
  if (x >= MIN) {
    bits[0] = x;
    bin = (words[HIGH]! >>> 12) - FIRST_KEY;
    if (bin >= BINS) bin = BINS - 1;
  }
  h.counts[bin]!++;
}

/** The middle of bin `i`. */
const binMiddle = (i: number): number => 2 ** (MIN_EXPONENT + Math.floor(i / SUBBINS)) * (1 + ((i % SUBBINS) + 0.5) / SUBBINS);

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
/**
 * The share of values at most `m` minutes, as `getQuantile` reads the bins: the largest q whose
 * quantile is at most `m` (k / (count − 1) for the k values at most `m`, and at most 1), in one pass.
 */
export function getShareAtMost(h: Histogram, m: number): number {
  if (h.count === 0) return 0;
  let k = m >= 0 ? h.zeros : 0;
  for (let i = 0; i < BINS; i++) {
    if (!h.counts[i]) continue;
    if (Math.min(h.max, binMiddle(i)) > m) break;
    k += h.counts[i]!;
  }
  return h.count === 1 ? k : Math.min(1, k / (h.count - 1));
}

export function getQuantile(h: Histogram, q: number): number {
  if (h.count === 0) return Number.NaN;
  let rank = q * (h.count - 1);
  if (rank < h.zeros) return 0;
  rank -= h.zeros;
  for (let i = 0; i < BINS; i++) {
    if (rank < h.counts[i]!) return Math.min(h.max, binMiddle(i));
    rank -= h.counts[i]!;
  }
  return h.max;
}

export const getMean = (h: Histogram): number => (h.count ? h.sum / h.count : 0);
