import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getMarkovAnalysis } from '../../src/markov/getMarkovAnalysis.ts';
import { checkModel } from '../../src/model/checkModel.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { runDes } from '../../src/simulate/runDes.ts';
import { runMonteCarlo } from '../../src/simulate/runMonteCarlo.ts';
import { compile, compileFile } from '../support/compile.ts';

const within = (value: number, [low, high]: [number, number]) => expect(value >= low && value <= high, `${value} outside [${low}, ${high}]`).toBe(true);

describe('parallel regions', () => {
  it("follow each region's own probabilities: the way marked p 0.01 is taken by 1 request in 100, in every engine", async () => {
    const { graph } = await compileFile('test/fixtures/regions.ts');
    const exact = getMarkovAnalysis(graph);
    const escalated = exact.outcomes.find((o) => o.state === 'regions.escalated')!;
    expect(escalated.probability).toBeCloseTo(0.01, 12);
    // The single way out of the tests region, with no p, is certain within that region: it never
    // takes a share of the review region's ways.
    const results = graph.edges.filter((e) => e.event === 'RESULTS');
    expect(results.length).toBeGreaterThan(0);

    const mc = runMonteCarlo(graph, { requests: 50_000, replications: 10, seed: 3 });
    within(0.01, mc.outcomes.find((o) => o.state === 'regions.escalated')!.ci95);

    const des = runDes(graph, { days: 120, warmup: 5, replications: 5, seed: 3 });
    within(0.01, des.outcomes.find((o) => o.state === 'regions.escalated')!.ci95);
  });

  it('spend the longest of their regions: exact analysis and Monte Carlo agree on a hand-worked mean', async () => {
    // Booking 5 min; then tests (exponential, mean 10) and review (exponential, mean 20) at once.
    // Both running: 1 / (1/10 + 1/20) = 6.67 min, then tests finish first with chance 2/3 and the
    // review's 20 min remain; or the review finishes first (1/3): escalated (0.01) or the tests' 10 min remain.
    const expected = 5 + 20 / 3 + (2 / 3) * 20 + (1 / 3) * 0.99 * 10;
    const { graph } = await compileFile('test/fixtures/regions.ts');
    expect(getMarkovAnalysis(graph).expectedMinutes).toBeCloseTo(expected, 9);
    within(expected, runMonteCarlo(graph, { requests: 50_000, replications: 10, seed: 4 }).timeToOutcome.ci95);
  });

  it('take exactly the longest region with fixed times, in Monte Carlo and the DES', () => {
    const graph = compile(toCareMachine(fixedRegions));
    const mc = runMonteCarlo(graph, { requests: 2_000, replications: 2, seed: 1 });
    expect(mc.timeToOutcome.mean).toBeCloseTo(1 + 20, 9);
    // Arrivals every 15 minutes and a 1-minute booking: no one waits, so every stay is 21 minutes.
    const des = runDes(graph, { days: 3, warmup: 1, replications: 2, seed: 1, arrivals: 'regular' });
    expect(des.timeToOutcome.mean).toBeCloseTo(21, 9);
  });

  it('agree between exact analysis and Monte Carlo on generated models (outcomes and mean time, within 4 standard errors)', () => {
    fc.assert(
      fc.property(arbitraryRegions, (config) => {
        const result = checkModel(toCareMachine(config));
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const graph = result.graph!;
        const exact = getMarkovAnalysis(graph);
        const requests = 20_000;
        const mc = runMonteCarlo(graph, { requests, replications: 1, seed: 11 });
        for (const o of mc.outcomes) {
          const se = Math.sqrt((o.exact * (1 - o.exact)) / requests);
          expect(Math.abs(o.share - o.exact)).toBeLessThanOrEqual(4 * se + 1e-9);
        }
        // The mean time's standard error from 10 replications (the 95% interval's half-width over t at 9 degrees of freedom).
        const time = runMonteCarlo(graph, { requests: requests / 10, replications: 10, seed: 12 }).timeToOutcome;
        const se = (time.ci95[1] - time.ci95[0]) / 2 / 2.262;
        expect(Math.abs(time.mean - exact.expectedMinutes)).toBeLessThanOrEqual(4 * se);
      }),
      { numRuns: 25, seed: 20261201 },
    );
  });

  it('say when capacity sits inside a region, and when one event moves two regions', () => {
    const withCapacity = structuredClone(fixedRegions) as typeof fixedRegions;
    (withCapacity.states.both.states.a.states.x.meta as Record<string, unknown>).capacity = { servers: 2 };
    const capacity = checkModel(toCareMachine(withCapacity)).diagnostics.find((d) => d.code === 'capacity-in-region')!;
    expect(capacity.severity).toBe('error');
    expect(capacity.path).toBe('fixed.both.a.x');
    expect(capacity.message).toContain('fixed.both');

    const shared = structuredClone(fixedRegions) as typeof fixedRegions;
    shared.states.both.states.b.states.x.on = { A_DONE: 'y' };
    const warning = checkModel(toCareMachine(shared)).diagnostics.find((d) => d.code === 'region-shared-event')!;
    expect(warning.severity).toBe('warning');
    expect(warning.message).toContain('"A_DONE"');
    expect(warning.message).toContain('fixed.both.a.x, fixed.both.b.x');
  });
});

const fixedRegions = {
  id: 'fixed',
  meta: { title: 'Fixed regions', description: 'Two fixed-time regions.', demand: { perDay: 96 } },
  initial: 'book',
  states: {
    book: {
      description: 'Booked in.',
      meta: { agency: 'ed', function: 'receive', duration: { dist: 'fixed', value: 1 }, capacity: { servers: 1 } },
      on: { GO: 'both' },
    },
    both: {
      type: 'parallel',
      meta: { agency: 'ed' },
      onDone: 'home',
      states: {
        a: {
          initial: 'x',
          states: {
            x: {
              description: 'Ten minutes.',
              meta: { function: 'assess', duration: { dist: 'fixed', value: 10 } } as Record<string, unknown>,
              on: { A_DONE: 'y' } as Record<string, unknown>,
            },
            y: { type: 'final', description: 'Done.' },
          },
        },
        b: {
          initial: 'x',
          states: {
            x: {
              description: 'Twenty minutes.',
              meta: { function: 'assess', duration: { dist: 'fixed', value: 20 } } as Record<string, unknown>,
              on: { B_DONE: 'y' } as Record<string, unknown>,
            },
            y: { type: 'final', description: 'Done.' },
          },
        },
      },
    },
    home: { type: 'final', description: 'Home.', meta: { agency: 'person', outcome: 'home' } },
  },
};

/**
 * Generated models with 2 or 3 regions, each a chain of steps with exponential times; every step
 * goes on in its region or (sometimes) ends the whole stay at an outcome outside the parallel
 * state, so which region finishes first changes the outcome: the race itself is under test.
 */
const arbitraryRegions = fc
  .array(
    fc.array(
      fc.record({
        mean: fc.integer({ min: 1, max: 30 }),
        exit: fc.option(fc.record({ to: fc.constantFrom('died', 'admitted'), p: fc.integer({ min: 1, max: 60 }) }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    { minLength: 2, maxLength: 3 },
  )
  .map((regions) => ({
    id: 'gen',
    meta: { title: 'Generated regions', description: 'Generated.' },
    initial: 'both',
    states: {
      both: {
        type: 'parallel',
        meta: { agency: 'ed' },
        onDone: 'home',
        states: Object.fromEntries(
          regions.map((steps, r) => [
            `r${r}`,
            {
              initial: 's0',
              states: {
                ...Object.fromEntries(
                  steps.map((step, k) => {
                    const next = k + 1 < steps.length ? `s${k + 1}` : 'end';
                    // A step with one way out leaves p out, as the README allows.
                    const on = step.exit
                      ? {
                          [`NEXT${r}`]: { target: next, meta: { p: 1 - step.exit.p / 100 } },
                          [`EXIT${r}`]: { target: `#gen.${step.exit.to}`, meta: { p: step.exit.p / 100 } },
                        }
                      : { [`NEXT${r}`]: next };
                    return [`s${k}`, { description: 'A step.', meta: { function: 'assess', duration: { dist: 'exponential', mean: step.mean } }, on }];
                  }),
                ),
                end: { type: 'final', description: 'Region done.' },
              },
            },
          ]),
        ),
      },
      home: { type: 'final', description: 'Home.', meta: { agency: 'person', outcome: 'home' } },
      died: { type: 'final', description: 'Died.', meta: { agency: 'ed', outcome: 'died' } },
      admitted: { type: 'final', description: 'Admitted.', meta: { agency: 'acute', outcome: 'admitted' } },
    },
  }));
