import { describe, expect, it } from 'vitest';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { getMeanMinutes } from '../../src/model/duration.ts';
import { createRandom } from '../../src/simulate/createRandom.ts';
import { runDes } from '../../src/simulate/runDes.ts';
import { sampleDuration, toSampler } from '../../src/simulate/sampleDuration.ts';
import type { DesResult } from '../../src/simulate/types.ts';
import { compile } from '../support/compile.ts';
import { expectation, solveCtmc } from '../support/solveCtmc.ts';

// Resources held across states, waiting rooms, blocking, loss and reneging, each judged against an
// exact answer worked out here (a continuous-time Markov chain solved in the test, or a closed
// form) by the simulation's own 95% interval at a fixed seed.

const exp = (mean: number) => ({ dist: 'exponential' as const, mean });
const within = (value: number, ci: [number, number]) => {
  expect(ci[0]).toBeLessThanOrEqual(value);
  expect(ci[1]).toBeGreaterThanOrEqual(value);
};
const room = (r: DesResult, state: string) => r.waitingRooms.find((w) => w.state === state)!;

describe('a crew held across three states', () => {
  // Two crews; each job holds its crew through travel, on scene and conveyance, each exponential
  // with mean 10 minutes; 0.05 calls a minute (ρ = 0.75).
  const lambda = 0.05;
  const graph = compile(
    toCareMachine({
      id: 'm',
      meta: { title: 'Crews', description: 'd', demand: { perDay: lambda * 1440 }, resources: { crews: { label: 'Crews', units: 2 } } },
      initial: 'call',
      states: {
        call: { meta: { agency: 'control', function: 'receive' }, on: { SEND: 'crew' } },
        crew: {
          meta: { agency: 'ambulance', uses: 'crews' },
          initial: 'travel',
          states: {
            travel: { meta: { function: 'dispatch', duration: exp(10) }, on: { ARRIVE: 'scene' } },
            scene: { meta: { function: 'treat', duration: exp(10) }, on: { CONVEY: 'conveyance' } },
            conveyance: { meta: { function: 'transfer', duration: exp(10) }, on: { HANDOVER: '#m.out' } },
          },
        },
        out: { id: 'm.out', type: 'final', meta: { agency: 'ed', outcome: 'conveyed' } },
      },
    }),
  );

  it('gives the wait for a crew that the chain gives, which is not Erlang C with the summed mean', () => {
    // State [queue, in travel, on scene, conveying].
    type S = [number, number, number, number];
    const mu = 0.1;
    const solved = solveCtmc<S>([0, 0, 0, 0], ([q, a, b, c]) => {
      const busy = a + b + c;
      const out: [S, number][] = [];
      if (busy < 2) out.push([[q, a + 1, b, c], lambda]);
      else if (q < 200) out.push([[q + 1, a, b, c], lambda]);
      out.push([[q, a - 1, b + 1, c], a * mu], [[q, a, b - 1, c + 1], b * mu]);
      out.push([q > 0 ? [q - 1, a + 1, b, c - 1] : [q, a, b, c - 1], c * mu]);
      return out;
    });
    const wait = expectation(solved, ([q]) => q) / lambda;
    const result = runDes(graph, { days: 200, warmup: 5, replications: 10, seed: 3 });
    const crews = room(result, 'm.crew');
    within(wait, crews.waitMeanCi95);
    // Erlang C for two servers with exponential service of mean 30: 38.6 minutes, well outside.
    const erlangC = ((4.5 / 7) * 1) / (2 / 30 - lambda);
    expect(erlangC).toBeGreaterThan(crews.waitMeanCi95[1] * 1.2);
    // The crews are busy 75% of the time; none is ever blocked.
    within(0.75, result.resources[0]!.utilisationCi95);
    expect(result.resources[0]!.blocked).toBe(0);
  });
});

describe('a loss system', () => {
  // Four beds, no waiting room, stays lognormal (median 100, 90th centile 300 minutes): Erlang B
  // holds for any distribution of stay.
  const stay = { dist: 'lognormal' as const, median: 100, p90: 300 };
  const offered = 3;
  const lambda = offered / getMeanMinutes(stay);
  const graph = compile(
    toCareMachine({
      id: 'b',
      meta: { title: 'Beds', description: 'd', demand: { perDay: lambda * 1440 }, resources: { beds: { label: 'Beds', units: 4 } } },
      initial: 'arrive',
      states: {
        arrive: { meta: { agency: 'front', function: 'receive' }, on: { ADMIT: 'ward' } },
        ward: {
          meta: { agency: 'ward', function: 'admit', uses: 'beds', waitingRoom: 0, duration: stay },
          on: { DISCHARGE: 'home', DIVERT: { target: 'elsewhere', meta: { when: 'full' } } },
        },
        home: { type: 'final', meta: { agency: 'ward', outcome: 'home' } },
        elsewhere: { type: 'final', meta: { agency: 'front', outcome: 'diverted' } },
      },
    }),
  );

  it('turns away the share Erlang B gives, by the way marked for a full ward', () => {
    let term = 1;
    let sum = 1;
    for (let k = 1; k <= 4; k++) sum += term *= offered / k;
    const blocking = term / sum;
    const result = runDes(graph, { days: 200, warmup: 5, replications: 10, seed: 5 });
    within(blocking, room(result, 'b.ward').turnedAwayCi95);
    within(blocking, result.outcomes.find((o) => o.state === 'b.elsewhere')!.ci95);
    expect(result.lostPerReplication).toBe(0);
  });
});

describe('reneging (Erlang A)', () => {
  // M/M/3 with exponential patience: arrivals 0.25 a minute, service mean 10, patience mean 20.
  const [lambda, mu, theta, c] = [0.25, 0.1, 0.05, 3];
  const graph = compile(
    toCareMachine({
      id: 'a',
      meta: { title: 'Calls', description: 'd', demand: { perDay: lambda * 1440 } },
      initial: 'ring',
      states: {
        ring: { meta: { agency: 'nhs111', function: 'receive' }, on: { ANSWER: 'call' } },
        call: {
          meta: { agency: 'nhs111', function: 'assess', duration: exp(1 / mu), capacity: { servers: c }, patience: exp(1 / theta) },
          on: { DONE: 'advised', ABANDONED: { target: 'abandoned', meta: { when: 'abandoned' } } },
        },
        advised: { type: 'final', meta: { agency: 'nhs111', outcome: 'advice' } },
        abandoned: { type: 'final', meta: { agency: 'nhs111', outcome: 'abandoned' } },
      },
    }),
  );

  it('gives the share abandoning and the mean wait of those answered that the birth–death chain gives', () => {
    const solved = solveCtmc<number>(0, (n) => [
      ...(n < 300 ? ([[n + 1, lambda]] as [number, number][]) : []),
      [n - 1, Math.min(n, c) * mu + Math.max(n - c, 0) * theta],
    ]);
    const abandoning = (theta * expectation(solved, (n) => Math.max(n - c, 0))) / lambda;
    // A caller who finds n in the system: served at once when n < c; otherwise at place j = n − c + 1
    // in the line, moving up at rate cμ + (j − 1)θ and giving up at rate θ.
    const served = [1];
    const timeServed = [0];
    for (let j = 1; j <= 300; j++) {
      const up = c * mu + (j - 1) * theta;
      const q = up / (up + theta);
      served[j] = q * served[j - 1]!;
      timeServed[j] = q * (served[j - 1]! / (up + theta) + timeServed[j - 1]!);
    }
    const place = (n: number) => Math.max(0, n - c + 1);
    const wait = expectation(solved, (n) => timeServed[place(n)]!) / expectation(solved, (n) => served[place(n)]!);
    const result = runDes(graph, { days: 150, warmup: 5, replications: 10, seed: 7 });
    const calls = room(result, 'a.call');
    within(abandoning, calls.abandonedCi95);
    within(wait, calls.waitMeanCi95);
    within(abandoning, result.outcomes.find((o) => o.state === 'a.abandoned')!.ci95);
  });
});

describe('a tandem of two multi-server stations with blocking after service', () => {
  // Station 1: 2 servers, mean 10; station 2: 1 server, mean 8, with a waiting room of K places.
  // A request done at station 1 when station 2 and its room are full stays, holding its server.
  const [lambda, mu1, mu2, c1, c2] = [0.09, 0.1, 0.125, 2, 1];
  const model = (places: number) =>
    compile(
      toCareMachine({
        id: 't',
        meta: {
          title: 'Tandem',
          description: 'd',
          demand: { perDay: lambda * 1440 },
          resources: { first: { label: 'First', units: c1 }, second: { label: 'Second', units: c2 } },
        },
        initial: 'arrive',
        states: {
          arrive: { meta: { agency: 'a', function: 'receive' }, on: { GO: 'one' } },
          one: { meta: { agency: 'a', function: 'assess', uses: 'first', duration: exp(1 / mu1) }, on: { NEXT: 'two' } },
          two: { meta: { agency: 'b', function: 'treat', uses: 'second', waitingRoom: places, duration: exp(1 / mu2) }, on: { DONE: 'out' } },
          out: { type: 'final', meta: { agency: 'b', outcome: 'home' } },
        },
      }),
    );

  for (const places of [0, 2]) {
    it(`gives station 1's wait and the share blocked that the chain gives (waiting room of ${places})`, () => {
      // State [at station 1 not yet done, blocked at station 1, at station 2 (serving and waiting)].
      type S = [number, number, number];
      const solved = solveCtmc<S>([0, 0, 0], ([q, b, m]) => {
        const out: [S, number][] = [];
        if (q + b < 120) out.push([[q + 1, b, m], lambda]);
        const serving1 = Math.min(q, c1 - b);
        out.push([m < c2 + places ? [q - 1, b, m + 1] : [q - 1, b + 1, m], serving1 * mu1]);
        out.push([b > 0 ? [q, b - 1, m] : [q, b, m - 1], Math.min(m, c2) * mu2]);
        return out;
      });
      const wait1 = expectation(solved, ([q, b]) => Math.max(0, q - (c1 - b))) / lambda;
      // Of the requests done at station 1, the share that find station 2 and its room full.
      const done = (s: S) => Math.min(s[0], c1 - s[1]) * mu1;
      const blockedShare = expectation(solved, (s) => (s[2] >= c2 + places ? done(s) : 0)) / expectation(solved, done);
      const result = runDes(model(places), { days: 200, warmup: 5, replications: 10, seed: 11 });
      within(wait1, room(result, 't.one').waitMeanCi95);
      within(blockedShare, result.blocking.find((x) => x.state === 't.one')!.shareCi95);
    });
  }
});

describe('ambulance handover', () => {
  // Three crews, each held through travel and conveyance (exponential, mean 15 each); two ED bays
  // held through treatment (mean 25), with no room to wait: a conveyed patient waits with the crew
  // until a bay is free (a handover delay).
  const [lambda, muT, muB] = [0.06, 1 / 15, 1 / 25];
  const graph = compile(
    toCareMachine({
      id: 'h',
      meta: {
        title: 'Handover',
        description: 'd',
        demand: { perDay: lambda * 1440 },
        resources: { crews: { label: 'Crews', units: 3 }, bays: { label: 'ED bays', units: 2 } },
        clocks: [{ id: 'handover', label: 'Handover', from: 'h.job.atHospital', to: 'h.ed' }],
      },
      initial: 'call',
      states: {
        call: { meta: { agency: 'ambulance', function: 'receive' }, on: { SEND: 'job' } },
        job: {
          meta: { agency: 'ambulance', uses: 'crews' },
          initial: 'travel',
          states: {
            travel: { meta: { function: 'dispatch', duration: exp(1 / muT) }, on: { CONVEY: 'conveyance' } },
            conveyance: { meta: { function: 'transfer', duration: exp(1 / muT) }, on: { ARRIVE: 'atHospital' } },
            atHospital: { meta: { function: 'transfer' }, on: { HANDOVER: '#h.ed' } },
          },
        },
        ed: {
          id: 'h.ed',
          meta: { agency: 'ed', uses: 'bays', waitingRoom: 0 },
          initial: 'treatment',
          states: { treatment: { meta: { function: 'treat', duration: exp(1 / muB) }, on: { DONE: '#h.out' } } },
        },
        out: { id: 'h.out', type: 'final', meta: { agency: 'ed', outcome: 'home' } },
      },
    }),
  );

  it('gives the wait for a crew and the handover delay that the chain gives', () => {
    // State [waiting for a crew, travelling, conveying, waiting to hand over, bays in use].
    type S = [number, number, number, number, number];
    const solved = solveCtmc<S>([0, 0, 0, 0, 0], ([q, a, c, b, m]) => {
      const out: [S, number][] = [];
      const crews = a + c + b;
      if (crews < 3) out.push([[q, a + 1, c, b, m], lambda]);
      else if (q < 150) out.push([[q + 1, a, c, b, m], lambda]);
      out.push([[q, a - 1, c + 1, b, m], a * muT]);
      // Conveyed: hands over at once if a bay is free (the crew is free for the next call), or waits.
      if (m < 2) out.push([q > 0 ? [q - 1, a + 1, c - 1, b, m + 1] : [q, a, c - 1, b, m + 1], c * muT]);
      else out.push([[q, a, c - 1, b + 1, m], c * muT]);
      // A bay frees: the first crew waiting hands over into it.
      if (b > 0) out.push([q > 0 ? [q - 1, a + 1, c, b - 1, m] : [q, a, c, b - 1, m], m * muB]);
      else out.push([[q, a, c, b, m - 1], m * muB]);
      return out;
    });
    const crewWait = expectation(solved, ([q]) => q) / lambda;
    const handover = expectation(solved, ([, , , b]) => b) / lambda;
    const result = runDes(graph, { days: 200, warmup: 5, replications: 10, seed: 13 });
    within(crewWait, room(result, 'h.job').waitMeanCi95);
    const clock = result.clocks.find((c) => c.id === 'handover')!;
    within(handover, clock.ci95);
    // Crew time lost to handover: blocked unit-minutes over available, E[b] / 3.
    within(expectation(solved, ([, , , b]) => b) / 3, result.resources.find((r) => r.id === 'crews')!.blockedCi95);
  });
});

describe('a deadlock', () => {
  // Two states with one unit each and no room to wait, each sending requests to the other.
  const graph = compile(
    toCareMachine({
      id: 'd',
      meta: { title: 'Deadlock', description: 'd', demand: { perDay: 200 }, resources: { ra: { label: 'A', units: 1 }, rb: { label: 'B', units: 1 } } },
      initial: 'start',
      states: {
        start: { meta: { agency: 'x', function: 'receive' }, on: { GO: 'a' } },
        a: { meta: { agency: 'x', function: 'assess', uses: 'ra', waitingRoom: 0, duration: exp(5) }, on: { ON: 'b' } },
        b: {
          meta: { agency: 'x', function: 'treat', uses: 'rb', waitingRoom: 0, duration: exp(5) },
          on: { BACK: { target: 'a', meta: { p: 0.5 } }, DONE: { target: 'out', meta: { p: 0.5 } } },
        },
        out: { type: 'final', meta: { agency: 'x', outcome: 'home' } },
      },
    }),
  );

  it('is found and reported with the states involved, not hung on', () => {
    const result = runDes(graph, { days: 30, warmup: 1, replications: 2, seed: 1 });
    expect(result.deadlock).toBeDefined();
    expect(result.deadlock!.resources.sort()).toEqual(['A', 'B']);
    expect(result.deadlock!.states.sort()).toEqual(['d.a', 'd.b']);
  });
});

describe('arrival streams, schedules and escalation', () => {
  it('brings each stream in at its own state, at its own rate, shaped by day of the week', () => {
    const graph = compile(
      toCareMachine({
        id: 's',
        meta: {
          title: 'Streams',
          description: 'd',
          resources: { desk: { label: 'Desk', units: 50 } },
          arrivals: [
            { id: 'walkIns', label: 'Walk-ins', entry: 's.walkIn', perDay: 60, weekly: [1, 1, 1, 1, 1, 1, 0] },
            { id: 'calls', label: 'Calls', entry: 's.call', perDay: 30 },
          ],
        },
        initial: 'call',
        states: {
          call: { meta: { agency: 'x', function: 'receive', uses: 'desk', duration: exp(1) }, on: { DONE: 'advised' } },
          walkIn: { meta: { agency: 'x', function: 'receive', uses: 'desk', duration: exp(1) }, on: { DONE: 'seen' } },
          advised: { type: 'final', meta: { agency: 'x', outcome: 'advice' } },
          seen: { type: 'final', meta: { agency: 'x', outcome: 'home' } },
        },
      }),
    );
    // Evenly spaced arrivals: 14 days give 60 × 14 walk-ins (70 a day, none on Sundays) and 30 × 14
    // calls, give or take the one due on the stroke of the end.
    const result = runDes(graph, { days: 14, warmup: 0, replications: 1, seed: 1, arrivals: 'regular' });
    expect(Math.abs(result.requestsPerReplication - (60 * 14 + 30 * 14))).toBeLessThanOrEqual(2);
    expect(result.outcomes.find((o) => o.state === 's.seen')!.share).toBeCloseTo(60 / 90, 2);
  });

  it('follows a dated change in units: a ward closed for one week of four turns away a quarter', () => {
    const graph = compile(
      toCareMachine({
        id: 'c',
        meta: {
          title: 'Closure',
          description: 'd',
          demand: { perDay: 300 },
          resources: { beds: { label: 'Beds', units: 100, changes: [{ from: '2025-01-13', until: '2025-01-20', units: 0 }] } },
        },
        initial: 'arrive',
        states: {
          arrive: { meta: { agency: 'x', function: 'receive' }, on: { ADMIT: 'ward' } },
          ward: {
            meta: { agency: 'x', function: 'admit', uses: 'beds', waitingRoom: 0, duration: { dist: 'fixed', value: 1 } },
            on: { HOME: 'home', AWAY: { target: 'away', meta: { when: 'full' } } },
          },
          home: { type: 'final', meta: { agency: 'x', outcome: 'home' } },
          away: { type: 'final', meta: { agency: 'x', outcome: 'diverted' } },
        },
      }),
    );
    const result = runDes(graph, { days: 28, warmup: 0, replications: 10, seed: 3 });
    within(0.25, result.waitingRooms[0]!.turnedAwayCi95);
    expect(result.resources[0]!.units).toBe('100');
  });

  it('raises the priority of requests that wait too long: escalated at once, routine requests wait as in first come, first served', () => {
    const model = (escalate: boolean) =>
      compile(
        toCareMachine({
          id: 'p',
          meta: {
            title: 'Escalation',
            description: 'd',
            demand: { perDay: 1.8 * 1440 },
            clocks: [{ id: 'routine', label: 'Routine requests', from: 'p.routine', to: 'p.out' }],
          },
          initial: 'arrive',
          states: {
            arrive: {
              meta: { agency: 'a', function: 'receive' },
              on: { URGENT: { target: 'urgent', meta: { p: 0.3 } }, ROUTINE: { target: 'routine', meta: { p: 0.7 } } },
            },
            urgent: { meta: { agency: 'a', function: 'assess', priority: 1 }, on: { GO: 'serve' } },
            routine: { meta: { agency: 'a', function: 'assess', priority: 2 }, on: { GO: 'serve' } },
            serve: {
              meta: {
                agency: 'b',
                function: 'treat',
                duration: exp(0.5),
                capacity: { servers: 1, queue: 'priority' },
                ...(escalate ? { escalate: { after: 0, priority: 1 } } : {}),
              },
              on: { DONE: 'out' },
            },
            out: { type: 'final', meta: { agency: 'b', outcome: 'home' } },
          },
        }),
      );
    const options = { days: 40, warmup: 1, replications: 10, seed: 4 };
    // M/M/1 at ρ = 0.9 first come, first served: wait ρ/(μ − λ) = 4.5, plus the service of 0.5.
    within(5, runDes(model(true), options).clocks[0]!.ci95);
    // Without escalation, routine requests wait W2 = 6.16 (non-preemptive priority), plus 0.5.
    within(6.66, runDes(model(false), options).clocks[0]!.ci95);
  });
});

describe('durations for flow', () => {
  it('samples a table of quantiles: uniform between neighbours, so its mean and centiles are those of the table', () => {
    const values = [2, 4, 5, 6, 8, 10, 12, 15, 20, 30, 60];
    const sampler = toSampler({ dist: 'quantiles', values });
    const random = createRandom(3);
    const n = 200_000;
    const xs = Array.from({ length: n }, () => sampleDuration(sampler, random)).sort((a, b) => a - b);
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean - getMeanMinutes({ dist: 'quantiles', values }))).toBeLessThan((4 * sd) / Math.sqrt(n));
    // The median is the sixth value and the 90th centile the tenth, within sampling error.
    expect(Math.abs(xs[n / 2]! - 10)).toBeLessThan(0.1);
    expect(Math.abs(xs[0.9 * n]! - 30)).toBeLessThan(0.3);
    expect(xs[0]).toBeGreaterThanOrEqual(2);
    expect(xs[n - 1]).toBeLessThanOrEqual(60);
  });

  it('takes a duration by a context value (on scene time by category), and the fallback for the rest', () => {
    const graph = compile(
      toCareMachine({
        id: 'c',
        meta: { title: 'By category', description: 'd' },
        context: { category: 'none' },
        initial: 'call',
        states: {
          call: {
            meta: { agency: 'a', function: 'receive' },
            on: {
              ONE: { target: 'scene', actions: { type: 'set', params: { key: 'category', value: 'C1' } }, meta: { p: 0.5 } },
              THREE: { target: 'scene', actions: { type: 'set', params: { key: 'category', value: 'C3' } }, meta: { p: 0.5 } },
            },
          },
          scene: {
            meta: {
              agency: 'a',
              function: 'treat',
              durationBy: { key: 'category', cases: { C1: { dist: 'fixed', value: 30 } }, otherwise: { dist: 'fixed', value: 50 } },
            },
            on: { DONE: 'out' },
          },
          out: { type: 'final', meta: { agency: 'a', outcome: 'home' } },
        },
      }),
    );
    const at = (category: string) => graph.nodes.find((n) => n.states[0] === 'c.scene' && n.context?.category === category)!;
    expect(at('C1').meanMinutes).toBe(30);
    expect(at('C3').meanMinutes).toBe(50);
  });
});
