import { describe, expect, it } from 'vitest';
import { toTargetValue } from '../../src/strategy/measureCatalogue.ts';
import { parseDocument } from '../../src/strategy/parseDocument.ts';
import { readPlan } from '../../src/strategy/readPlan.ts';
import { readStrategy } from '../../src/strategy/readStrategy.ts';

const yaml = (text: string) => {
  const parsed = parseDocument(text, 'x.yaml');
  if ('problem' in parsed) throw new Error(parsed.problem.message);
  return parsed.value;
};
const problems = (result: { problems: { at: string; message: string }[] }) => result.problems.map((p) => `${p.at}: ${p.message}`);

describe('reading a strategy', () => {
  it('reads objectives, with targets in their units', () => {
    const { strategy, problems: found } = readStrategy(
      yaml(`
title: T
objectives:
  - { id: ed, title: ED, measure: { kind: reach-share, agency: ed }, direction: at-most, target: 25% }
  - { id: p90, title: P90, measure: { kind: time-to-outcome, statistic: p90 }, direction: at-most, target: 4 hours }
  - { id: h, title: H, measure: { kind: handoffs }, direction: at-most, target: 2 }
simulation: { replications: 10 }
`),
    );
    expect(found).toEqual([]);
    expect(strategy!.objectives.map((o) => [o.id, o.target])).toEqual([
      ['ed', 0.25],
      ['p90', 240],
      ['h', 2],
    ]);
    expect(strategy!.simulation).toEqual({ requests: 20_000, replications: 10, days: 28, warmup: 30, seed: 1 });
  });

  it('reports every problem, each with where it is', () => {
    const result = readStrategy(
      yaml(`
title: T
objectives:
  - { id: ed, title: ED, measure: { kind: reach-share, agency: ed }, direction: below, target: 25 min }
  - { id: ed, title: Again, measure: { kind: waiting }, direction: at-most, target: 1 }
  - { id: x, title: X, measure: { kind: wait, state: a.b }, direction: at-most, target: 3 }
  - { id: y, title: Y, measure: { kind: reach-share, agency: ed, function: treat }, direction: at-least, target: 150% }
simulation: { replications: 1, seeds: 3 }
`),
    );
    expect(problems(result)).toEqual([
      'objectives[1].direction: "below" is not a direction.',
      'objectives[1].target: this measure is not a time, so "25 min" does not fit; give a share such as 25%.',
      'objectives[2].id: "ed" is used by an earlier objective too.',
      'objectives[2].measure.kind: "waiting" is not a measure carepaths knows.',
      'objectives[3].measure.statistic: is missing.',
      'objectives[4].measure: a reach-share measure needs exactly one of state, agency, function or outcome (it has agency and function).',
      'simulation.seeds: is not something carepaths reads here.',
      'simulation.replications: should be 2 or more, but is 1.',
    ]);
  });

  it('reads targets: shares, times and counts', () => {
    expect(toTargetValue('78%', 'share')).toBe(0.78);
    expect(toTargetValue(0.78, 'share')).toBe(0.78);
    expect(toTargetValue('30 min', 'minutes')).toBe(30);
    expect(toTargetValue('2 days', 'minutes')).toBe(2880);
    expect(toTargetValue(1.5, 'count')).toBe(1.5);
    expect(toTargetValue(25, 'share')).toBe('a share is written as 25% or 0.25; 25 is outside 0 to 1.');
    expect(toTargetValue('4 fortnights', 'minutes')).toBe('"fortnights" is not a unit carepaths knows; use %, min, hours or days.');
    expect(toTargetValue(undefined, 'count')).toMatch(/^the target is missing/);
  });

  it('reads JSON files as JSON, and names a JSON syntax error', () => {
    expect(parseDocument('{ "title": "T" }', 'strategy.json')).toEqual({ value: { title: 'T' } });
    const bad = parseDocument('{ "title": ', 'strategy.json');
    expect('problem' in bad && bad.problem.message).toMatch(/^is not valid JSON: /);
  });

  it('gives the line and column of a YAML syntax error', () => {
    const parsed = parseDocument('title: T\nobjectives:\n  - id: a\n   title: b\n', 's.yaml');
    expect('problem' in parsed && parsed.problem.at).toBe('line 4, column 1');
    expect('problem' in parsed && parsed.problem.message).toBe('is not valid YAML: Sequence item without - indicator');
  });
});

describe('reading a plan', () => {
  it('reads each kind of change', () => {
    const { plan, problems: found } = readPlan(
      yaml(`
name: N
owner: nhs111
description: D
supports: [a]
changes:
  - { reweight: m.s, ways: { A: 0.3, B: 35% }, rebalance: true, why: because }
  - { redirect: m.s, way: A, to: m.t }
  - { add-way: m.s, way: C, to: m.t, p: 0.1 }
  - { remove-way: m.s, way: B }
  - { add-service: m.x.y, description: New, function: advise, duration: { dist: fixed, value: 5 }, capacity: { servers: 2 }, ways: { DONE: m.t } }
  - { duration: m.s, scale: 0.8 }
  - { capacity: m.s, servers: 4, schedule: null }
  - { demand: { scale: 1.1 } }
`),
      'plan-id',
    );
    expect(found).toEqual([]);
    expect(plan!.id).toBe('plan-id');
    expect(plan!.changes).toEqual([
      { change: 'reweight', state: 'm.s', ways: { A: 0.3, B: 0.35 }, rebalance: true, why: 'because' },
      { change: 'redirect', state: 'm.s', way: 'A', to: 'm.t' },
      { change: 'add-way', state: 'm.s', way: 'C', to: 'm.t', p: 0.1, rebalance: false },
      { change: 'remove-way', state: 'm.s', way: 'B', rebalance: false },
      {
        change: 'add-service',
        state: 'm.x.y',
        description: 'New',
        function: 'advise',
        duration: { dist: 'fixed', value: 5 },
        capacity: { servers: 2 },
        ways: { DONE: { to: 'm.t' } },
      },
      { change: 'duration', state: 'm.s', scale: 0.8 },
      { change: 'capacity', state: 'm.s', servers: 4, schedule: null },
      { change: 'demand', scale: 1.1 },
    ]);
  });

  it('reports every problem, each with where it is', () => {
    const result = readPlan(
      yaml(`
name: N
owner: nhs111
supports: a
changes:
  - { reweight: m.s, redirect: m.s }
  - { reweight: m.s, ways: { A: 1.3 } }
  - { capacity: m.s, schedule: [1, 2] }
  - { duration: m.s }
  - { resize: m.s }
`),
      'p',
    );
    expect(problems(result)).toEqual([
      'description: is missing.',
      'supports: should be a list (lines starting with "- "), but is the text "a".',
      'changes[1]: names reweight and redirect; a change does one thing.',
      'changes[2].ways.A: should be a probability from 0 to 1 (or a percentage such as 35%), but is 1.3.',
      'changes[3].schedule: should be 24 whole numbers, the servers in each hour from midnight, or null to remove the schedule.',
      'changes[4]: a duration change needs either set (a new duration) or scale (a multiplier), not both or neither.',
      'changes[5]: does not say what kind of change it is.',
    ]);
  });
});
