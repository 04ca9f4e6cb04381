import { describe, expect, it } from 'vitest';
import { Z90 } from '../../src/model/duration.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { checkMeasure, getMeasureValues } from '../../src/strategy/getMeasureValues.ts';
import { defaultStrategySimulation } from '../../src/strategy/readStrategy.ts';
import type { Measure, StrategySimulation } from '../../src/strategy/types.ts';
import { toMeanInterval } from '../../src/simulate/statistics.ts';
import { compile, compileFile } from '../support/compile.ts';

const sim: StrategySimulation = { ...defaultStrategySimulation, requests: 20_000, replications: 5, days: 20, warmup: 2 };

// The small test model (test/fixtures/small.json), worked by hand: 80% call 111, 20% call 999;
// 111 sends 30% to self-care, 60% to a GP and 10% to an ambulance; the GP sends 10% to the ED;
// the ambulance conveys 70% to the ED; the ED admits 25%.
const visitsGp = 0.8 * 0.6;
const visitsAmbulance = 0.2 + 0.8 * 0.1;
const visitsEd = 0.2 * 0.7 + visitsGp * 0.1 + 0.8 * 0.1 * 0.7;
const triageMean = 12 * Math.exp((Math.log(25 / 12) / Z90) ** 2 / 2);

describe('the exact measures, on the small model', async () => {
  const { graph } = await compileFile('test/fixtures/small.json');
  const value = (m: Measure) => getMeasureValues(graph, [m], sim)[0]!;

  it('outcome-share: admitted = ED visits × 25%; by outcome state too', () => {
    expect(value({ kind: 'outcome-share', outcome: 'admitted' }).value).toBeCloseTo(visitsEd * 0.25, 12);
    expect(value({ kind: 'outcome-share', state: 'small.admitted' }).value).toBeCloseTo(visitsEd * 0.25, 12);
    expect(value({ kind: 'outcome-share', outcome: ['admitted', 'self-care'] }).value).toBeCloseTo(visitsEd * 0.25 + 0.8 * 0.3, 12);
  });

  it('reach-share: the share reaching the ED at least once is 0.244', () => {
    expect(visitsEd).toBeCloseTo(0.244, 12);
    expect(value({ kind: 'reach-share', agency: 'ed' }).value).toBeCloseTo(0.244, 12);
    expect(value({ kind: 'reach-share', function: 'dispatch' }).value).toBeCloseTo(visitsAmbulance, 12);
  });

  it('visits, by state, agency and function', () => {
    expect(value({ kind: 'visits', state: 'small.gp' }).value).toBeCloseTo(visitsGp, 12);
    expect(value({ kind: 'visits', agency: ['gp', 'ambulance'] }).value).toBeCloseTo(visitsGp + visitsAmbulance, 12);
    expect(value({ kind: 'visits', function: 'treat' }).value).toBeCloseTo(visitsGp, 12);
  });

  it('handoffs: one to the first agency, one out of 111, the GP and the ambulance, and 75% out of the ED', () => {
    expect(value({ kind: 'handoffs' }).value).toBeCloseTo(1 + 0.8 + visitsGp + visitsAmbulance + visitsEd * 0.75, 12);
  });

  it('time-to-outcome mean and workload, from the mean durations', () => {
    const minutes = 0.8 * triageMean + visitsGp * 15 + visitsAmbulance * 20 + visitsEd * 230;
    expect(value({ kind: 'time-to-outcome', statistic: 'mean' }).value).toBeCloseTo(minutes, 9);
    // 100 requests a day
    expect(value({ kind: 'workload', agency: 'ed' }).value).toBeCloseTo(100 * visitsEd * 230, 8);
  });
});

describe('the Monte Carlo measures', () => {
  // Fixed durations: 10 minutes of triage, then half wait 50 minutes for a clinic (time to the
  // clinic: 10) and half go straight home (they never reach it, so they count at their outcome: 10).
  const graph = compile(
    toCareMachine({
      id: 'fixed',
      meta: { title: 'Fixed', description: 'Fixed durations.' },
      initial: 'triage',
      states: {
        triage: {
          meta: { agency: 'line', function: 'assess', duration: { dist: 'fixed', value: 10 } },
          on: { CLINIC: { target: 'wait', meta: { p: 0.5 } }, HOME: { target: 'home', meta: { p: 0.5 } } },
        },
        wait: { meta: { agency: 'clinic', function: 'book', duration: { dist: 'fixed', value: 50 } }, on: { SEEN: 'clinic' } },
        clinic: { meta: { agency: 'clinic', function: 'treat', duration: { dist: 'fixed', value: 20 } }, on: { DONE: 'done' } },
        home: { type: 'final', meta: { agency: 'line', outcome: 'home' } },
        done: { type: 'final', meta: { agency: 'clinic', outcome: 'home' } },
      },
    }),
  );
  const value = (m: Measure) => getMeasureValues(graph, [m], sim)[0]!;

  it('time-to-outcome centiles: half end at 10 minutes and half at 80, so the 90th and 95th are 80, read within the histogram’s 0.2%', () => {
    const p90 = value({ kind: 'time-to-outcome', statistic: 'p90' });
    expect(p90.replications).toHaveLength(5);
    expect(Math.abs(p90.value - 80) / 80).toBeLessThan(0.002);
    expect(Math.abs(value({ kind: 'time-to-outcome', statistic: 'p95' }).value - 80) / 80).toBeLessThan(0.002);
  });

  it('time-to: reaching treatment takes 60 minutes for half; the others count at their outcome, 10', () => {
    const mean = value({ kind: 'time-to', statistic: 'mean', function: 'treat' });
    const { ci95 } = toMeanInterval(mean.replications!);
    // Exact: 0.5 × 60 + 0.5 × 10 = 35; the simulated mean's interval must hold it.
    expect(ci95[0]).toBeLessThanOrEqual(35);
    expect(ci95[1]).toBeGreaterThanOrEqual(35);
    expect(Math.abs(value({ kind: 'time-to', statistic: 'p90', function: 'treat' }).value - 60) / 60).toBeLessThan(0.002);
  });

  it('is the same for the same seed, and different for another', () => {
    const m: Measure = { kind: 'time-to', statistic: 'mean', function: 'treat' };
    expect(getMeasureValues(graph, [m], sim)[0]).toEqual(getMeasureValues(graph, [m], sim)[0]);
    expect(getMeasureValues(graph, [m], { ...sim, seed: 2 })[0]!.value).not.toBe(getMeasureValues(graph, [m], sim)[0]!.value);
  });
});

describe('the discrete-event measures', () => {
  // M/M/1: arrivals 0.5 a minute, service mean 1 minute. Utilisation 0.5; mean wait ρ/(μ − λ) = 1 minute.
  // A dispatch state of exactly 20 minutes follows, so every response takes 20 minutes after the
  // request reaches the ambulance agency; the hospital stays are 3 hours (70%) or 5 hours (30%).
  const graph = compile(
    toCareMachine({
      id: 'queue',
      meta: { title: 'Queue', description: 'M/M/1 then a dispatch.', demand: { perDay: 720 } },
      initial: 'desk',
      states: {
        desk: { meta: { agency: 'desk', function: 'receive', duration: { dist: 'exponential', mean: 1 }, capacity: { servers: 1 } }, on: { SEND: 'dispatch' } },
        dispatch: { meta: { agency: 'ambulance', function: 'dispatch', duration: { dist: 'fixed', value: 20 } }, on: { ARRIVE: 'scene' } },
        scene: {
          meta: { agency: 'ambulance', function: 'assess', duration: { dist: 'fixed', value: 5 } },
          on: { SHORT: { target: 'shortStay', meta: { p: 0.7 } }, LONG: { target: 'longStay', meta: { p: 0.3 } } },
        },
        shortStay: { meta: { agency: 'ed', function: 'emergency-treatment', duration: { dist: 'fixed', value: 180 } }, on: { HOME: 'home' } },
        longStay: { meta: { agency: 'ed', function: 'emergency-treatment', duration: { dist: 'fixed', value: 300 } }, on: { HOME: 'home' } },
        home: { type: 'final', meta: { agency: 'person', outcome: 'home' } },
      },
    }),
  );
  const [utilisation, wait, response, fourHours] = getMeasureValues(
    graph,
    [
      { kind: 'utilisation', state: 'queue.desk' },
      { kind: 'wait', state: 'queue.desk', statistic: 'mean' },
      { kind: 'response-time', state: 'queue.dispatch', statistic: 'mean' },
      { kind: 'four-hour-share', agency: 'ed' },
    ],
    sim,
  );
  const within = (v: { replications?: number[] }, exact: number) => {
    const { ci95 } = toMeanInterval(v.replications!);
    expect(ci95[0]).toBeLessThanOrEqual(exact);
    expect(ci95[1]).toBeGreaterThanOrEqual(exact);
  };

  it('utilisation and mean wait agree with M/M/1 within their 95% intervals (fixed seed)', () => {
    within(utilisation!, 0.5);
    within(wait!, 1);
  });

  it('response time is exactly the 20 minutes of the dispatch state', () => {
    expect(response!.value).toBeCloseTo(20, 9);
  });

  it('the four-hour share counts stays of 3 hours and not of 5', () => {
    within(fourHours!, 0.7);
  });
});

describe('checking a measure against a model', async () => {
  const { graph } = await compileFile('test/fixtures/small.json');
  it('names what is missing and how to fix it', () => {
    expect(checkMeasure(graph, { kind: 'reach-share', agency: 'emergency' })).toEqual({
      problem: 'there is no agency "emergency" in the model.',
      hint: 'Agencies: person, nhs111, gp, ambulance, ed.',
    });
    expect(checkMeasure(graph, { kind: 'visits', state: 'small.nhs111.triag' })!.hint).toContain('small.nhs111.triage');
    expect(checkMeasure(graph, { kind: 'wait', state: 'small.gp.appointment', statistic: 'mean' })!.problem).toBe(
      'small.gp.appointment uses no resource, so no one queues there.',
    );
    expect(checkMeasure(graph, { kind: 'response-time', state: 'small.gp.appointment', statistic: 'mean' })!.problem).toBe(
      'small.gp.appointment is not a dispatch state, so it has no response time.',
    );
    expect(checkMeasure(graph, { kind: 'outcome-share', state: 'small.ed' })!.problem).toBe('small.ed is not an outcome state.');
    expect(checkMeasure(graph, { kind: 'outcome-share', outcome: 'died' })!.problem).toBe('there is no outcome "died" in the model.');
    expect(checkMeasure(graph, { kind: 'handoffs' })).toBeUndefined();
    expect(checkMeasure(graph, { kind: 'clock', clock: 'handover', statistic: 'mean' })).toEqual({
      problem: 'The model has no clock "handover".',
      hint: 'Declare clocks in the model: meta: { clocks: [{ id, label, from, to }] }.',
    });
    expect(checkMeasure(graph, { kind: 'resource-share', resource: 'beds', state: 'small.ed' })!.problem).toBe('The model has no resource "beds".');
    expect(checkMeasure(graph, { kind: 'abandoned-share', state: 'small.gp.appointment' })!.problem).toBe(
      'small.gp.appointment uses no resource, so no one queues there.',
    );
  });
});
