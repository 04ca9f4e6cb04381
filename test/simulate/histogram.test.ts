import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToHistogram, createHistogram, getMean, getQuantile, getShareAtMost, mergeHistograms } from '../../src/simulate/Histogram.ts';

describe('the histogram of minutes', () => {
  it('gives the share at most a number of minutes that its quantiles give', () => {
    const h = createHistogram();
    for (let i = 0; i < 1000; i++) addToHistogram(h, i);
    expect(getShareAtMost(h, 499.5)).toBeCloseTo(0.5, 2);
    expect(getShareAtMost(h, 5000)).toBe(1);
    expect(getShareAtMost(h, -1)).toBe(0);
    for (const q of [0.1, 0.37, 0.9]) expect(getQuantile(h, getShareAtMost(h, getQuantile(h, q)) - 1e-9)).toBeLessThanOrEqual(getQuantile(h, q));
    expect(getShareAtMost(createHistogram(), 10)).toBe(0);
  });

  it('reads any single value from half a second to 30 years back to within 0.2%', () => {
    fc.assert(
      fc.property(fc.double({ min: 2 ** -7, max: 2 ** 24 * 0.999, noNaN: true }), (x) => {
        const h = createHistogram();
        addToHistogram(h, x * 2);
        addToHistogram(h, x);
        // The lower of two values one octave apart: its own bin.
        const q = getQuantile(h, 0);
        expect(Math.abs(q - x) / x).toBeLessThanOrEqual(1 / 512 + 1e-12);
      }),
    );
  });

  it('keeps zeros, the sum, the mean and the maximum exactly', () => {
    const h = createHistogram();
    for (const x of [0, 0, 1.5, 3, 10_000_000]) addToHistogram(h, x);
    expect(h.zeros).toBe(2);
    expect(getMean(h)).toBe((1.5 + 3 + 10_000_000) / 5);
    expect(h.max).toBe(10_000_000);
    expect(getQuantile(h, 0.25)).toBe(0);
    // A value beyond the last bin is read as the maximum, never beyond it.
    expect(getQuantile(h, 1)).toBe(10_000_000);
  });

  it('gives quantiles of an exponential sample within 0.5% of the exact ones, and merges like one histogram', () => {
    const a = createHistogram();
    const b = createHistogram();
    const all = createHistogram();
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      // Evenly spaced uniforms: the sample quantiles are the exact quantiles of the exponential.
      const x = -4 * Math.log(1 - (i + 0.5) / n);
      addToHistogram(i % 2 ? a : b, x);
      addToHistogram(all, x);
    }
    const merged = mergeHistograms([a, b]);
    expect(merged.counts).toEqual(all.counts);
    for (const p of [0.5, 0.9, 0.95]) {
      const exact = -4 * Math.log(1 - p);
      expect(Math.abs(getQuantile(merged, p) - exact) / exact).toBeLessThan(0.005);
    }
  });
});
