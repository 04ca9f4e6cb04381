import { describe, expect, it } from 'vitest';
import { toObjectiveValue } from '../../src/analysis/getComparison.ts';

/** A plan's change to an objective of "at most 20%" from a baseline of 25%, as a status. */
const status = (value: number, replications?: { base: number[]; plan: number[] }) =>
  toObjectiveValue(
    'plan',
    { value, ...(replications ? { replications: replications.plan } : {}) },
    { value: 0.25, ...(replications ? { replications: replications.base } : {}) },
    'at-most',
    0.2,
    'share',
  ).changeStatus;

describe('how a plan’s change is worded', () => {
  it('calls exact changes under 1% of the baseline too small to matter, and none under 0.01%', () => {
    expect(status(0.25 - 0.25 * 0.00005)).toBe('no change');
    expect(status(0.25 - 0.25 * 0.005)).toBe('too small to matter');
    expect(status(0.25 + 0.25 * 0.005)).toBe('too small to matter');
    expect(status(0.25 - 0.25 * 0.02)).toBe('better');
    expect(status(0.25 + 0.25 * 0.02)).toBe('worse');
  });

  it('calls simulated changes within the noise when the paired interval includes zero, and small sure ones too small', () => {
    const base = [0.24, 0.25, 0.26, 0.25, 0.25];
    // Every replication 0.1 points lower: sure, but 0.4% of the baseline.
    expect(status(0.249, { base, plan: base.map((b) => b - 0.001) })).toBe('too small to matter');
    // Every replication 2 points lower: better.
    expect(status(0.23, { base, plan: base.map((b) => b - 0.02) })).toBe('better');
    // Lower on average but up and down by replication: the interval includes zero.
    expect(status(0.245, { base, plan: [0.2, 0.3, 0.22, 0.28, 0.225] })).toBe('within the noise');
  });
});
