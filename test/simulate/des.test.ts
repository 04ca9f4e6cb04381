import { describe, expect, it } from 'vitest';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { defaultDesOptions, runDesReplication } from '../../src/simulate/runDesReplication.ts';
import { getFlowPlan } from '../../src/simulate/getFlowPlan.ts';
import { runDes } from '../../src/simulate/runDes.ts';
import { compile } from '../support/compile.ts';

/** One service with `servers` servers: arrivals at `perMinute`, service as given. */
function queueModel(perMinute: number, servers: number, duration: object, arrive = 0) {
  return compile(
    toCareMachine({
      id: 'q',
      meta: { title: 'One queue', description: 'd', demand: { perDay: perMinute * 24 * 60 } },
      initial: 'arrive',
      states: {
        arrive: { meta: { agency: 'front', function: 'receive', ...(arrive ? { duration: { dist: 'fixed', value: arrive } } : {}) }, on: { SERVE: 'service' } },
        service: { meta: { agency: 'service', function: 'treat', duration, capacity: { servers } }, on: { DONE: 'out' } },
        out: { type: 'final', meta: { agency: 'service', outcome: 'home' } },
      },
    }),
  );
}

/** Erlang C: the mean wait in an M/M/c queue. */
function erlangC(lambda: number, mu: number, c: number): number {
  const a = lambda / mu;
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const last = (term * a) / c;
  const p = (last * c) / (c - a);
  const waitProbability = p / (sum + p);
  return waitProbability / (c * mu - lambda);
}

describe('discrete-event simulation against queueing theory', () => {
  it('gives the Erlang C mean wait and the utilisation of an M/M/10 queue (arrivals 2 a minute, service mean 4)', () => {
    const graph = queueModel(2, 10, { dist: 'exponential', mean: 4 });
    const result = runDes(graph, { days: 60, warmup: 1, replications: 4, seed: 11 });
    const service = result.services[0]!;
    const exact = erlangC(2, 0.25, 10);
    expect(exact).toBeCloseTo(0.8183, 3);
    // Tolerance from the simulation's own interval: within twice its 95% half-width (about 4
    // standard errors), and within 8% whatever the interval says.
    const half = (service.waitMeanCi95[1] - service.waitMeanCi95[0]) / 2;
    expect(Math.abs(service.waitMean - exact)).toBeLessThanOrEqual(2 * half);
    expect(Math.abs(service.waitMean - exact)).toBeLessThan(0.08 * exact);
    expect(service.utilisation).toBeCloseTo(0.8, 2);
    expect(result.requestsPerReplication).toBeGreaterThan(2 * 60 * 24 * 60 * 0.99);
    expect(result.requestsPerReplication).toBeLessThan(2 * 60 * 24 * 60 * 1.01);
  });

  it('gives exactly known waits for regular arrivals and fixed service', () => {
    // One arrival a minute from minute 1, one server taking 1.5 minutes: request k (from 0) arrives at
    // 1 + k, starts at 1 + 1.5k and waits 0.5k. Every request that arrives within the day (1 + k ≤ 1,440,
    // so n = 1,440 of them) is followed to the end of its service, even after the day ends (the run-out).
    const graph = queueModel(1, 1, { dist: 'fixed', value: 1.5 });
    const result = runDes(graph, { days: 1, warmup: 0, replications: 1, arrivals: 'regular' });
    const service = result.services[0]!;
    const n = 1440;
    // Busy from minute 1 to the end of the day: the run-out's busy time is not counted.
    expect(service.utilisation).toBeCloseTo(1439 / 1440, 12);
    expect(service.waitMax).toBeCloseTo(0.5 * (n - 1), 6);
    expect(service.waitMean).toBeCloseTo((0.5 * (n - 1)) / 2, 6);
  });

  it('has no waits at all where servers are never short', () => {
    const graph = queueModel(1, 2, { dist: 'fixed', value: 1.5 });
    const result = runDes(graph, { days: 1, warmup: 0, replications: 1, arrivals: 'regular' });
    expect(result.services[0]!.waitMax).toBe(0);
    expect(result.services[0]!.utilisation).toBeCloseTo(0.75, 2);
  });

  it('is reproducible from its seed, and another seed differs', () => {
    const graph = queueModel(2, 10, { dist: 'exponential', mean: 4 });
    const a = JSON.stringify(runDes(graph, { days: 2, warmup: 0, replications: 2, seed: 3 }));
    expect(JSON.stringify(runDes(graph, { days: 2, warmup: 0, replications: 2, seed: 3 }))).toBe(a);
    expect(JSON.stringify(runDes(graph, { days: 2, warmup: 0, replications: 2, seed: 4 }))).not.toBe(a);
  });
});

describe('priority queues', () => {
  it('serve the more urgent first: each class waits as non-preemptive priority queueing says', () => {
    const graph = compile(
      toCareMachine({
        id: 'p',
        meta: { title: 'Two classes', description: 'd', demand: { perDay: 1.8 * 1440 } },
        initial: 'arrive',
        states: {
          arrive: {
            meta: { agency: 'a', function: 'assess' },
            on: { URGENT: { target: 'urgent', meta: { p: 0.3 } }, ROUTINE: { target: 'routine', meta: { p: 0.7 } } },
          },
          urgent: { meta: { agency: 'a', function: 'assess', priority: 1 }, on: { GO: 'serve' } },
          routine: { meta: { agency: 'a', function: 'assess', priority: 2 }, on: { GO: 'serve' } },
          serve: {
            meta: { agency: 'b', function: 'treat', duration: { dist: 'exponential', mean: 0.5 }, capacity: { servers: 1, queue: 'priority' } },
            on: { DONE: 'out' },
          },
          out: { type: 'final', meta: { agency: 'b', outcome: 'home' } },
        },
      }),
    );
    const index = (id: string) => graph.nodes.find((n) => n.id === id)!.index;
    const [urgent, routine, serve] = [index('p.urgent'), index('p.routine'), index('p.serve')];
    const classOf = new Map<number, number>();
    const waits: Record<number, number[]> = { [urgent]: [], [routine]: [] };
    const options = { ...defaultDesOptions, days: 40, warmup: 1, seed: 4 };
    runDesReplication(graph, options, 0, {
      step: (request, _slot, node, arrival, start) => {
        if (node === urgent || node === routine) classOf.set(request, node);
        if (node === serve && start >= 1440) waits[classOf.get(request)!]!.push(start - arrival);
      },
      finish: () => {},
      arrive: () => {},
      hour: () => {},
      busy: () => {},
      end: () => {},
    });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // M/M/1, non-preemptive priority, ρ = 0.9: W0 = λE[S²]/2 = 1.8 × 2 × 0.25 / 2 = 0.45;
    // σ1 = 0.27, σ2 = 0.9; W1 = W0 / (1 − σ1) = 0.616; W2 = W0 / ((1 − σ1)(1 − σ2)) = 6.16.
    expect(mean(waits[urgent]!)).toBeGreaterThan(0.616 * 0.85);
    expect(mean(waits[urgent]!)).toBeLessThan(0.616 * 1.15);
    expect(mean(waits[routine]!)).toBeGreaterThan(6.16 * 0.8);
    expect(mean(waits[routine]!)).toBeLessThan(6.16 * 1.2);
  });
});

describe('servers shared by the configurations of one state', () => {
  // The same desk (one server, service mean 1) is reached with category 1 or 2 in the context:
  // two configurations, one queue. Arrivals 0.5 a minute make it M/M/1 with ρ = 0.5 and a mean
  // wait of 1; separate servers for each configuration would halve both.
  const graph = compile(
    toCareMachine({
      id: 'shared',
      meta: { title: 'Shared', description: 'One desk for two categories.', demand: { perDay: 720 } },
      context: { category: 0 },
      initial: 'call',
      states: {
        call: {
          meta: { agency: 'a', function: 'receive' },
          on: {
            ONE: { target: 'desk', actions: { type: 'set', params: { key: 'category', value: 1 } }, meta: { p: 0.5 } },
            TWO: { target: 'desk', actions: { type: 'set', params: { key: 'category', value: 2 } }, meta: { p: 0.5 } },
          },
        },
        desk: { meta: { agency: 'a', function: 'assess', duration: { dist: 'exponential', mean: 1 }, capacity: { servers: 1 } }, on: { DONE: 'out' } },
        out: { type: 'final', meta: { agency: 'a', outcome: 'home' } },
      },
    }),
  );

  it('has one resource for the two configurations of the desk', () => {
    const desks = graph.nodes.filter((n) => n.states.includes('shared.desk'));
    expect(desks).toHaveLength(2);
    const plan = getFlowPlan(graph);
    expect(plan.resources.map((r) => r.id)).toEqual(['shared.desk']);
    const usesAt = (v: number) => Array.from(plan.nodeUses.subarray(plan.nodeUseStart[v]!, plan.nodeUseStart[v + 1]!));
    expect(usesAt(desks[0]!.index)).toEqual([0]);
    expect(usesAt(desks[1]!.index)).toEqual([0]);
  });

  it('gives M/M/1 utilisation and wait for the shared desk, within their 95% intervals (fixed seed)', () => {
    const result = runDes(graph, { days: 60, warmup: 2, replications: 5, seed: 3 });
    expect(result.services.map((s) => s.state)).toEqual(['shared.desk']);
    const [desk] = result.services;
    expect(desk!.utilisationCi95[0]).toBeLessThanOrEqual(0.5);
    expect(desk!.utilisationCi95[1]).toBeGreaterThanOrEqual(0.5);
    expect(desk!.waitMeanCi95[0]).toBeLessThanOrEqual(1);
    expect(desk!.waitMeanCi95[1]).toBeGreaterThanOrEqual(1);
  });
});

describe('the end of the run', () => {
  // Three-day ward stays for 6.5% of ED attendances: at 28 days a run that dropped the requests still
  // in the system at the end would count too few ward stays (5.70%, 95% CI 5.20–6.20%, before the run-out).
  const wardStays = compile(
    toCareMachine({
      id: 'w',
      meta: { title: 'Ward stays', description: 'Three-day ward stays.', demand: { perDay: 200 } },
      initial: 'ed',
      states: {
        ed: {
          description: 'ED.',
          meta: { agency: 'ed', function: 'assess', duration: { dist: 'exponential', mean: 120 }, capacity: { servers: 40 } },
          on: { ADMIT: { target: 'ward', meta: { p: 0.065 } }, HOME: { target: 'home', meta: { p: 0.935 } } },
        },
        ward: {
          description: 'Ward.',
          meta: { agency: 'acute', function: 'admit', duration: { dist: 'fixed', value: 3 * 1440 } },
          on: { DISCHARGE: 'discharged' },
        },
        home: { type: 'final', description: 'Home.', meta: { agency: 'person', outcome: 'home' } },
        discharged: { type: 'final', description: 'Discharged.', meta: { agency: 'person', outcome: 'discharged' } },
      },
    }),
  );

  it('follows every request that arrived in the window to its outcome, so long stays are not under-counted', () => {
    const result = runDes(wardStays, { days: 28, warmup: 30, replications: 5, seed: 1 });
    const ward = result.outcomes.find((o) => o.state === 'w.discharged')!;
    expect(ward.ci95[0]).toBeLessThanOrEqual(0.065);
    expect(ward.ci95[1]).toBeGreaterThanOrEqual(0.065);
    expect(result.unfinishedPerReplication).toBe(0);
    // Busy time still counts inside the window only: offered load 200 a day × 120 min over 40 cubicles.
    const ed = result.services[0]!;
    expect(ed.utilisationCi95[0]).toBeLessThanOrEqual((200 * 120) / 1440 / 40);
    expect(ed.utilisationCi95[1]).toBeGreaterThanOrEqual((200 * 120) / 1440 / 40);
  });

  it('stops the run-out at its bound and reports the requests still open', () => {
    const result = runDes(wardStays, { days: 28, warmup: 30, replications: 2, seed: 1, runOut: 1 });
    // Ward stays that began in the last two days of the window cannot finish within one more day.
    expect(result.unfinishedPerReplication).toBeGreaterThan(0);
    expect(result.outcomes.every((o) => o.ci95[0] >= 0 && o.ci95[1] <= 1)).toBe(true);
  });
});
