import { describe, expect, it } from 'vitest';
import { getFunctionalAnalysis } from '../../src/analysis/getFunctionalAnalysis.ts';
import { toCompactGraph } from '../../src/graph/toCompactGraph.ts';
import { getMarkovAnalysis } from '../../src/markov/getMarkovAnalysis.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { createRandom } from '../../src/simulate/createRandom.ts';
import { walkCareGraph } from '../../src/simulate/walkCareGraph.ts';
import { compile, compileFile } from '../support/compile.ts';

/**
 * Worked by hand. start (agency A, 10 min): TRY → again (0.6) or STOP → done1 (0.4).
 * again (agency B, 20 min): BACK → start (0.5) or FINISH → done2 (0.5).
 * Visits: s = 1 + 0.5a, a = 0.6s, so s = 10/7 and a = 6/7.
 * Outcomes: done1 = 0.4s = 4/7, done2 = 0.5a = 3/7. Time: 10s + 20a = 220/7 minutes.
 * Handoffs: A→B 0.6s = 6/7, B→A 0.5a = 3/7, so 9/7 per request.
 * Reaching `again` at all: 0.6. Twice or more: 0.6 × 0.5 × 0.6 = 0.18.
 */
const handWorked = toCareMachine({
  id: 'h',
  initial: 'start',
  states: {
    start: {
      meta: { agency: 'A', function: 'assess', duration: { dist: 'fixed', value: 10 } },
      on: { TRY: { target: 'again', meta: { p: 0.6 } }, STOP: { target: 'done1', meta: { p: 0.4 } } },
    },
    again: {
      meta: { agency: 'B', function: 'treat', duration: { dist: 'exponential', mean: 20 } },
      on: { BACK: { target: 'start', meta: { p: 0.5 } }, FINISH: { target: 'done2', meta: { p: 0.5 } } },
    },
    done1: { type: 'final', meta: { agency: 'A', outcome: 'home' } },
    done2: { type: 'final', meta: { agency: 'B', outcome: 'admitted' } },
  },
});

describe('the exact (Markov) analysis', () => {
  const graph = compile(handWorked);
  const markov = getMarkovAnalysis(graph);

  it('gives expected visits, outcome probabilities, time and handoffs worked out by hand', () => {
    expect(Array.from(markov.visits)).toEqual([10 / 7, 6 / 7, 4 / 7, 3 / 7].map((x) => expect.closeTo(x, 14)));
    expect(markov.outcomes.map((o) => [o.state, o.outcome, o.probability])).toEqual([
      ['h.done1', 'home', expect.closeTo(4 / 7, 14)],
      ['h.done2', 'admitted', expect.closeTo(3 / 7, 14)],
    ]);
    expect(markov.expectedMinutes).toBeCloseTo(220 / 7, 12);
    expect(markov.expectedHandoffs).toBeCloseTo(9 / 7, 14);
    expect(markov.agencyFlow).toEqual([
      [0, expect.closeTo(6 / 7, 14)],
      [expect.closeTo(3 / 7, 14), 0],
    ]);
  });

  it('gives the share of requests meeting a function at least once and more than once', () => {
    const analysis = getFunctionalAnalysis(graph, markov);
    const treat = analysis.functions.find((f) => f.function === 'treat')!;
    expect(treat.shareOfRequests).toBeCloseTo(0.6, 14);
    expect(treat.shareMoreThanOnce).toBeCloseTo(0.18, 14);
    expect(treat.expectedVisitsPer1000).toBeCloseTo(6000 / 7, 10);
    expect(treat.agencies).toEqual([
      { agency: 'B', label: 'B', states: ['h.again'], expectedVisitsPer1000: expect.closeTo(6000 / 7, 10), shareOfRequests: expect.closeTo(0.6, 14) },
    ]);
    const assess = analysis.functions.find((f) => f.function === 'assess')!;
    expect(assess.shareOfRequests).toBe(1);
    // Back at start after `again`: 0.6 × 0.5.
    expect(assess.shareMoreThanOnce).toBeCloseTo(0.3, 14);
    expect(analysis.handoffs).toEqual([
      { from: 'A', to: 'B', expectedPer1000: expect.closeTo(6000 / 7, 10) },
      { from: 'B', to: 'A', expectedPer1000: expect.closeTo(3000 / 7, 10) },
    ]);
  });

  it('counts a pass to a second agency within the same function as a second episode', () => {
    const relay = compile(
      toCareMachine({
        id: 'r',
        initial: 'one',
        states: {
          one: {
            meta: { agency: 'nhs111', function: 'assess' },
            on: { PASS: { target: 'two', meta: { p: 0.25 } }, END: { target: 'out', meta: { p: 0.75 } } },
          },
          two: { meta: { agency: 'ambulance', function: 'assess' }, on: { MORE: 'three' } },
          three: { meta: { agency: 'ambulance', function: 'assess' }, on: { END: 'out' } },
          out: { type: 'final', meta: { agency: 'person', outcome: 'home' } },
        },
      }),
    );
    const assess = getFunctionalAnalysis(relay).functions[0]!;
    expect(assess.shareOfRequests).toBe(1);
    // one → two changes agency (a second assessment); two → three is the same episode.
    expect(assess.shareMoreThanOnce).toBeCloseTo(0.25, 14);
  });

  it('agrees with a Monte Carlo walk of the default city at a fixed seed, within 4 standard errors', async () => {
    const { graph: city } = await compileFile('models/city-uec.ts');
    const exact = getMarkovAnalysis(city);
    const g = toCompactGraph(city);
    const random = createRandom(20261125);
    const requests = 200_000;
    const ends = new Float64Array(g.n);
    let minutes = 0;
    let minutesSquared = 0;
    for (let r = 0; r < requests; r++) {
      let t = 0;
      ends[walkCareGraph(city, random, (v) => (t += g.minutes[v]!))]!++;
      minutes += t;
      minutesSquared += t * t;
    }
    // Each outcome share: binomial standard error sqrt(p(1-p)/n); tolerance 4 standard errors.
    for (const o of exact.outcomes) {
      const se = Math.sqrt((o.probability * (1 - o.probability)) / requests);
      expect(Math.abs(ends[o.node]! / requests - o.probability)).toBeLessThanOrEqual(4 * se + 1e-12);
    }
    const mean = minutes / requests;
    const se = Math.sqrt((minutesSquared / requests - mean * mean) / requests);
    expect(Math.abs(mean - exact.expectedMinutes)).toBeLessThanOrEqual(4 * se);
  });

  it.each([500, 2000])('solves a ring of %i states (by elimination below 1,500 states, by sweeps above)', (size) => {
    // A ring in which each state has a 1% chance of leaving: 100 expected visits spread over the ring.
    const states: Record<string, unknown> = {};
    for (let i = 0; i < size; i++) {
      states[`s${i}`] = {
        meta: { agency: 'a', function: 'treat' },
        on: { NEXT: { target: `s${(i + 1) % size}`, meta: { p: 0.99 } }, LEAVE: { target: 'out', meta: { p: 0.01 } } },
      };
    }
    states.out = { type: 'final', meta: { agency: 'a', outcome: 'home' } };
    const ring = compile(toCareMachine({ id: 'ring', initial: 's0', states }));
    const { visits, outcomes } = getMarkovAnalysis(ring);
    expect(ring.nodes.filter((n) => !n.isOutcome)).toHaveLength(size);
    const total = ring.nodes.filter((n) => !n.isOutcome).reduce((sum, n) => sum + visits[n.index]!, 0);
    expect(total).toBeCloseTo(100, 8);
    expect(visits[0]).toBeCloseTo(1 / (1 - 0.99 ** size), 10);
    expect(outcomes[0]!.probability).toBeCloseTo(1, 10);
  });
});
