import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getMarkovAnalysis } from '../../src/markov/getMarkovAnalysis.ts';
import { createRandom } from '../../src/simulate/createRandom.ts';
import { runMonteCarlo } from '../../src/simulate/runMonteCarlo.ts';
import { sampleDuration, toSampler } from '../../src/simulate/sampleDuration.ts';
import { toCompactGraph } from '../../src/graph/toCompactGraph.ts';
import { walkCareGraph } from '../../src/simulate/walkCareGraph.ts';
import { walkWithXstate } from '../../src/simulate/walkWithXstate.ts';
import type { Duration } from '../../src/model/types.ts';
import { getMeanMinutes } from '../../src/model/duration.ts';
import { compile, compileFile, root } from '../support/compile.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';

describe('random streams', () => {
  it('start well mixed: the first draw of 1,000 consecutive seeds averages a half (within 5 standard errors)', () => {
    const firsts = Array.from({ length: 1000 }, (_, seed) => createRandom(seed).next());
    const mean = firsts.reduce((a, b) => a + b, 0) / firsts.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / 1000));
    expect(Math.max(...firsts.slice(0, 10))).toBeLessThan(0.999);
  });

  it('give independent streams for replications of one seed', () => {
    const a = createRandom(1, 0);
    const b = createRandom(1, 1);
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (a.next() - 0.5) * (b.next() - 0.5);
    // Correlation of independent uniforms: 0 with standard error 1/sqrt(n); covariance scale 1/12.
    expect(Math.abs(sum / n / (1 / 12))).toBeLessThan(5 / Math.sqrt(n));
  });
});

describe('duration sampling', () => {
  it.each<[Duration, number]>([
    [{ dist: 'fixed', value: 7 }, 0],
    [{ dist: 'exponential', mean: 20 }, 20],
    [{ dist: 'lognormal', median: 12, p90: 25 }, 0],
    [{ dist: 'triangular', min: 5, mode: 10, max: 30 }, 0],
    [{ dist: 'gamma', mean: 40, sd: 15 }, 15],
    [{ dist: 'gamma', mean: 10, sd: 20 }, 20],
    [{ dist: 'empirical', values: [5, 10, 60], weights: [1, 2, 1] }, 0],
  ])('samples %j with the right mean (200,000 draws, within 4 standard errors)', (duration) => {
    const sampler = toSampler(duration);
    const random = createRandom(7);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      const x = sampleDuration(sampler, random);
      min = Math.min(min, x);
      sum += x;
      sumSq += x * x;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    const mean = sum / n;
    const se = Math.sqrt(Math.max(sumSq / n - mean * mean, 0) / n);
    expect(Math.abs(mean - getMeanMinutes(duration))).toBeLessThanOrEqual(4 * se + 1e-9);
  });

  it('puts the lognormal 90th centile where the model says', () => {
    const sampler = toSampler({ dist: 'lognormal', median: 16, p90: 60 });
    const random = createRandom(3);
    const draws = Float64Array.from({ length: 100_000 }, () => sampleDuration(sampler, random)).sort();
    expect(draws[50_000]!).toBeCloseTo(16, 0);
    expect(Math.abs(draws[90_000]! - 60)).toBeLessThan(2);
  });
});

describe('Monte Carlo', () => {
  it('matches the exact analysis of the default city within its own 95% intervals (fixed seed)', async () => {
    const { graph } = await compileFile('models/city-uec.ts');
    const result = runMonteCarlo(graph, { requests: 50_000, replications: 8, seed: 2026 });
    // Each outcome within twice its interval's half-width (about 4 standard errors); and, as 95%
    // intervals miss one time in twenty, at most 2 of the 17 outside their interval.
    for (const o of result.outcomes) expect(Math.abs(o.share - o.exact), o.state).toBeLessThanOrEqual(o.ci95[1] - o.ci95[0] + 1e-12);
    const missed = result.outcomes.filter((o) => o.exact < o.ci95[0] - 1e-12 || o.exact > o.ci95[1] + 1e-12);
    expect(missed.length).toBeLessThanOrEqual(2);
    // Time and handoffs likewise within twice their interval's half-width (about 4 standard errors).
    const time = result.timeToOutcome;
    expect(Math.abs(time.mean - time.exactMean)).toBeLessThanOrEqual(time.ci95[1] - time.ci95[0]);
    expect(Math.abs(result.handoffs.mean - result.handoffs.exact)).toBeLessThanOrEqual(result.handoffs.ci95[1] - result.handoffs.ci95[0]);
    expect(result.variants[0]!.exact).toBeCloseTo(0.2273566324667286, 12);
    expect(Math.abs(result.variants[0]!.share - result.variants[0]!.exact)).toBeLessThan(0.005);
  });

  it('gives a variant reached by two events between the same states the sum of their probabilities', () => {
    const graph = compile(
      toCareMachine({
        id: 'two',
        initial: 'a',
        states: {
          a: {
            meta: { agency: 'x', function: 'assess' },
            on: { ONE: { target: 'b', meta: { p: 0.3 } }, TWO: { target: 'b', meta: { p: 0.2 } }, OTHER: { target: 'c', meta: { p: 0.5 } } },
          },
          b: { type: 'final', meta: { agency: 'x', outcome: 'home' } },
          c: { type: 'final', meta: { agency: 'x', outcome: 'admitted' } },
        },
      }),
    );
    const result = runMonteCarlo(graph, { requests: 2_000, replications: 2, seed: 1 });
    const exact = Object.fromEntries(result.variants.map((v) => [v.states.join(' > '), v.exact]));
    expect(exact['two.a > two.b']).toBeCloseTo(0.5, 12);
    expect(exact['two.a > two.c']).toBeCloseTo(0.5, 12);
  });

  it('gives identical results for the same seed and different results for another', async () => {
    const { graph } = await compileFile('test/fixtures/small.json');
    const a = runMonteCarlo(graph, { requests: 5_000, replications: 3, seed: 9 });
    const b = runMonteCarlo(graph, { requests: 5_000, replications: 3, seed: 9 });
    const c = runMonteCarlo(graph, { requests: 5_000, replications: 3, seed: 10 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });
});

describe('the fast engine against a real xstate actor', () => {
  const models = [
    ...readdirSync(path.join(root, 'models'))
      .filter((f) => /\.(ts|json)$/.test(f))
      .map((f) => `models/${f}`),
    'test/fixtures/small.json',
    'test/fixtures/guarded.ts',
    'test/fixtures/parallel.ts',
    'test/fixtures/regions.ts',
  ];
  it.each(models)('takes identical steps for the same random choices on %s', async (file) => {
    const { machine, graph } = await compileFile(file);
    const fast = createRandom(5);
    const reference = createRandom(5);
    for (let r = 0; r < 300; r++) {
      const steps: number[] = [];
      let minutes = 0;
      walkCareGraph(graph, fast, (v, spent) => {
        steps.push(v);
        minutes += spent;
      });
      const actor = walkWithXstate(machine, graph, reference);
      expect(actor.path).toEqual(steps);
      expect(actor.minutes).toBe(minutes);
    }
    expect(getMarkovAnalysis(graph).outcomes.length).toBeGreaterThan(0);
  });
});
