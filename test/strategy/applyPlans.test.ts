import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/model/checkModel.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { applyPlans, type MachineConfig } from '../../src/strategy/applyPlans.ts';
import { getMeasureValues } from '../../src/strategy/getMeasureValues.ts';
import { defaultStrategySimulation } from '../../src/strategy/readStrategy.ts';
import type { Measure, Plan, PlanChange } from '../../src/strategy/types.ts';
import { compile } from '../support/compile.ts';

/**
 * A tiny system worked by hand: a person calls; triage sends them to advice (0.5), a clinic (0.3)
 * or the emergency department (0.2); the clinic sends 1 in 10 on to the emergency department.
 */
const tiny = (): MachineConfig => ({
  id: 'tiny',
  meta: {
    title: 'Tiny',
    description: 'A tiny system for plan tests.',
    demand: { perDay: 100 },
    agencies: [
      { id: 'line', label: 'Phone line' },
      { id: 'clinic', label: 'Clinic' },
      { id: 'ed', label: 'Emergency department' },
    ],
  },
  initial: 'line',
  states: {
    line: {
      meta: { agency: 'line' },
      initial: 'triage',
      states: {
        triage: {
          description: 'Triage.',
          meta: { function: 'assess', duration: { dist: 'fixed', value: 10 } },
          on: {
            ADVISE: { target: '#tiny.line.advised', meta: { p: 0.5 } },
            CLINIC: { target: '#tiny.clinic.visit', meta: { p: 0.3 } },
            ED: { target: '#tiny.ed.treat', meta: { p: 0.2 } },
          },
        },
        advised: { type: 'final', description: 'Advised.', meta: { outcome: 'home' } },
      },
    },
    clinic: {
      meta: { agency: 'clinic' },
      initial: 'visit',
      states: {
        visit: {
          description: 'A clinic visit.',
          meta: { function: 'treat', duration: { dist: 'fixed', value: 30 }, capacity: { servers: 2 } },
          on: { HOME: { target: 'done', meta: { p: 0.9 } }, ED: { target: '#tiny.ed.treat', meta: { p: 0.1 } } },
        },
        done: { type: 'final', description: 'Treated at the clinic.', meta: { outcome: 'home' } },
      },
    },
    ed: {
      meta: { agency: 'ed' },
      initial: 'treat',
      states: {
        treat: {
          description: 'Emergency treatment.',
          meta: { function: 'emergency-treatment', duration: { dist: 'fixed', value: 240 } },
          on: { HOME: { target: 'discharged' } },
        },
        discharged: { type: 'final', description: 'Discharged.', meta: { outcome: 'home' } },
      },
    },
  },
});

const plan = (changes: PlanChange[], id = 'p'): Plan => ({ id, name: id, owner: 'line', description: 'A test plan.', supports: [], evidence: [], changes });
const ways = (config: MachineConfig, ...path: string[]) => {
  let node = config as { states?: Record<string, unknown>; on?: Record<string, { target: string; meta?: { p?: number } }> };
  for (const key of path) node = node.states![key] as typeof node;
  return node.on!;
};
const reachEd: Measure = { kind: 'reach-share', agency: 'ed' };
const valuesOf = (config: MachineConfig, measures: Measure[]) => {
  const result = checkModel(toCareMachine(config));
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return getMeasureValues(result.graph!, measures, defaultStrategySimulation).map((v) => v.value);
};

describe('applying a plan', () => {
  it('leaves the model as it is: the baseline reaches the ED for 0.2 + 0.3 × 0.1 = 23% of requests', () => {
    expect(valuesOf(tiny(), [reachEd])[0]).toBeCloseTo(0.23, 12);
  });

  it('re-weights a way out and rebalances the others in proportion (0.5 and 0.3 share the 0.9 left: 0.5625 and 0.3375)', () => {
    const base = tiny();
    const { config, problems } = applyPlans(base, [plan([{ change: 'reweight', state: 'tiny.line.triage', ways: { ED: 0.1 }, rebalance: true }])]);
    expect(problems).toEqual([]);
    const out = ways(config, 'line', 'triage');
    expect(out.ED!.meta!.p).toBe(0.1);
    expect(out.ADVISE!.meta!.p).toBeCloseTo(0.5625, 12);
    expect(out.CLINIC!.meta!.p).toBeCloseTo(0.3375, 12);
    // 0.1 + 0.3375 × 0.1
    expect(valuesOf(config, [reachEd])[0]).toBeCloseTo(0.13375, 12);
    // The config given is never changed.
    expect(ways(base, 'line', 'triage').ED!.meta!.p).toBe(0.2);
  });

  it('redirects a way out to another state, by its path', () => {
    const { config, problems } = applyPlans(tiny(), [plan([{ change: 'redirect', state: 'tiny.line.triage', way: 'ED', to: 'tiny.clinic.visit' }])]);
    expect(problems).toEqual([]);
    expect(ways(config, 'line', 'triage').ED!.target).toBe('#tiny.clinic.visit');
    // Everyone not advised goes to the clinic: 0.5 × 0.1.
    expect(valuesOf(config, [reachEd])[0]).toBeCloseTo(0.05, 12);
  });

  it('adds a service with its ways out, and sends requests to it with a new way out (others scaled to make room)', () => {
    const { config, problems } = applyPlans(tiny(), [
      plan([
        { change: 'add-way', state: 'tiny.line.triage', way: 'CALL_BACK', to: 'tiny.line.callBack', p: 0.2, rebalance: true },
        {
          change: 'add-service',
          state: 'tiny.line.callBack',
          description: 'A clinician calls back.',
          function: 'advise',
          duration: { dist: 'fixed', value: 20 },
          ways: { ADVISED: { to: 'tiny.line.advised', p: 0.75 }, CLINIC: { to: 'tiny.clinic.visit', p: 0.25 } },
        },
      ]),
    ]);
    expect(problems).toEqual([]);
    const visits = (path: string): Measure => ({ kind: 'visits', state: path });
    const [ed, callBack, clinic] = valuesOf(config, [reachEd, visits('tiny.line.callBack'), visits('tiny.clinic.visit')]);
    // Triage: advise 0.4, clinic 0.24, ED 0.16, call-back 0.2; call-back sends 0.05 to the clinic.
    expect(callBack).toBeCloseTo(0.2, 12);
    expect(clinic).toBeCloseTo(0.24 + 0.05, 12);
    expect(ed).toBeCloseTo(0.16 + 0.29 * 0.1, 12);
  });

  it('removes a way out and rebalances the rest', () => {
    const { config, problems } = applyPlans(tiny(), [plan([{ change: 'remove-way', state: 'tiny.line.triage', way: 'CLINIC', rebalance: true }])]);
    expect(problems).toEqual([]);
    expect(Object.keys(ways(config, 'line', 'triage'))).toEqual(['ADVISE', 'ED']);
    expect(valuesOf(config, [reachEd])[0]).toBeCloseTo(0.2 / 0.7, 12);
  });

  it('scales a duration, sets capacity and schedule, and scales demand', () => {
    const { config, problems } = applyPlans(tiny(), [
      plan([
        { change: 'duration', state: 'tiny.ed.treat', scale: 0.5 },
        { change: 'capacity', state: 'tiny.clinic.visit', servers: 3, queue: 'priority' },
        { change: 'demand', scale: 2 },
      ]),
    ]);
    expect(problems).toEqual([]);
    const [minutes, workload] = valuesOf(config, [
      { kind: 'time-to-outcome', statistic: 'mean' },
      { kind: 'workload', agency: 'ed' },
    ]);
    // 10 + 0.3 × 30 + 0.23 × 120
    expect(minutes).toBeCloseTo(10 + 9 + 27.6, 10);
    // 200 requests a day × 0.23 visits × 120 minutes
    expect(workload).toBeCloseTo(200 * 0.23 * 120, 8);
    const clinic = (config.states as Record<string, { states: Record<string, { meta: Record<string, unknown> }> }>).clinic!.states.visit!.meta;
    expect(clinic.capacity).toEqual({ servers: 3, queue: 'priority' });
  });

  it('names a state that does not exist, and suggests the nearest', () => {
    const { problems } = applyPlans(tiny(), [plan([{ change: 'reweight', state: 'tiny.line.triag', ways: { ED: 0.1 }, rebalance: true }])]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ plan: 'p', at: 'changes[1]', message: 'there is no state tiny.line.triag in the model.' });
    expect(problems[0]!.hint).toContain('Did you mean tiny.line.triage');
  });

  it('names an event that does not exist, listing the ways out there are', () => {
    const { problems } = applyPlans(tiny(), [plan([{ change: 'redirect', state: 'tiny.line.triage', way: 'A_AND_E', to: 'tiny.clinic.visit' }])]);
    expect(problems[0]).toMatchObject({ message: 'tiny.line.triage has no way out called A_AND_E.', hint: 'Its ways out are: ADVISE, CLINIC, ED.' });
  });

  it('names a target that does not exist', () => {
    const { problems } = applyPlans(tiny(), [plan([{ change: 'redirect', state: 'tiny.line.triage', way: 'ED', to: 'tiny.urgentCare.visit' }])]);
    expect(problems[0]).toMatchObject({ at: 'changes[1].to', message: 'there is no state tiny.urgentCare.visit in the model.' });
  });

  it('refuses two changes to the same way out, naming both', () => {
    const { problems } = applyPlans(tiny(), [
      plan([
        { change: 'reweight', state: 'tiny.line.triage', ways: { ED: 0.1, ADVISE: 0.6 }, rebalance: false },
        { change: 'remove-way', state: 'tiny.line.triage', way: 'ED', rebalance: true },
      ]),
    ]);
    expect(problems.map((p) => `${p.at}: ${p.message}`)).toEqual([
      'changes[2]: Removing tiny.line.triage ED conflicts with changes[1], which changes the same thing.',
    ]);
  });

  it('refuses a rebalance of a state whose ways another change sets', () => {
    const { problems } = applyPlans(tiny(), [
      plan([
        { change: 'reweight', state: 'tiny.line.triage', ways: { ED: 0.1 }, rebalance: true },
        { change: 'reweight', state: 'tiny.line.triage', ways: { CLINIC: 0.2 }, rebalance: false },
      ]),
    ]);
    expect(problems[0]!.message).toBe('Re-weighting tiny.line.triage CLINIC conflicts with changes[1], which changes the same thing.');
  });

  it('refuses plans that conflict with each other when applied together, naming the other plan', () => {
    const { problems } = applyPlans(tiny(), [
      plan([{ change: 'duration', state: 'tiny.ed.treat', scale: 0.5 }], 'faster-ed'),
      plan([{ change: 'duration', state: 'tiny.ed.treat', scale: 0.8 }], 'other'),
    ]);
    expect(problems).toEqual([
      {
        plan: 'other',
        at: 'changes[1]',
        message: 'Changing the duration of tiny.ed.treat conflicts with plan faster-ed changes[1], which changes the same thing.',
        hint: 'Combine the two into one change, or leave one of them out.',
      },
    ]);
  });

  it('leaves probabilities that no longer sum to 1 for the model check to report, at the state', () => {
    const { config, problems } = applyPlans(tiny(), [plan([{ change: 'reweight', state: 'tiny.line.triage', ways: { ED: 0.1 }, rebalance: false }])]);
    expect(problems).toEqual([]);
    const errors = checkModel(toCareMachine(config)).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.path} ${d.code}`)).toEqual(['tiny.line.triage probability-sum']);
    expect(errors[0]!.message).toContain('0.9');
  });

  it('refuses re-weights that add up to more than 1 with rebalance', () => {
    const { problems } = applyPlans(tiny(), [plan([{ change: 'reweight', state: 'tiny.line.triage', ways: { ED: 0.7, CLINIC: 0.6 }, rebalance: true }])]);
    expect(problems[0]!.message).toBe('the probabilities given for tiny.line.triage add up to more than 1 (1.300).');
  });

  it('refuses a new service outside an agency, and one whose name is taken', () => {
    const add = (state: string): PlanChange => ({
      change: 'add-service',
      state,
      description: 'x',
      function: 'advise',
      ways: { DONE: { to: 'tiny.line.advised' } },
    });
    expect(applyPlans(tiny(), [plan([add('tiny.nowhere.x')])]).problems[0]!.message).toBe(
      'a new service goes inside an agency, but tiny.nowhere is not a state with states inside it.',
    );
    expect(applyPlans(tiny(), [plan([add('tiny.line.triage')])]).problems[0]!.message).toBe('there is already a state tiny.line.triage.');
  });

  it('names an owner that is not an agency', () => {
    const { problems } = applyPlans(tiny(), [{ ...plan([{ change: 'duration', state: 'tiny.ed.treat', scale: 0.5 }]), owner: 'council' }]);
    expect(problems[0]).toMatchObject({ at: 'owner', message: '"council" is not an agency in the model.' });
  });

  it('keeps the model’s own functions (guards and actions) when it copies the config', () => {
    const guard = () => true;
    const config = { ...tiny(), entry: [guard] };
    const { config: out } = applyPlans(config, [plan([{ change: 'duration', state: 'tiny.ed.treat', scale: 0.5 }])]);
    expect((out.entry as unknown[])[0]).toBe(guard);
  });
});

describe('the compiled graph of a changed model', () => {
  it('matches a model written with the change by hand', () => {
    const { config } = applyPlans(tiny(), [plan([{ change: 'reweight', state: 'tiny.line.triage', ways: { ED: 0.1 }, rebalance: true }])]);
    const byHand = tiny();
    const triage = ways(byHand, 'line', 'triage');
    triage.ADVISE!.meta!.p = 0.5625;
    triage.CLINIC!.meta!.p = 0.3375;
    triage.ED!.meta!.p = 0.1;
    const a = compile(toCareMachine(config));
    const b = compile(toCareMachine(byHand));
    expect(a.edges.map((e) => [e.from, e.to, e.event, Number(e.p.toFixed(12))])).toEqual(b.edges.map((e) => [e.from, e.to, e.event, Number(e.p.toFixed(12))]));
  });
});
