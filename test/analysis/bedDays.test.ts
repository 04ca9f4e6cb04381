import { describe, expect, it } from 'vitest';
import { getComparison } from '../../src/analysis/getComparison.ts';
import { checkModel } from '../../src/model/checkModel.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { toAgencyChangeText, toNetWorkloadText } from '../../src/report/comparisonWriters.ts';
import { getMeasureValues } from '../../src/strategy/getMeasureValues.ts';
import { defaultStrategySimulation, readStrategy } from '../../src/strategy/readStrategy.ts';
import type { Plan } from '../../src/strategy/types.ts';
import { compile } from '../support/compile.ts';

/**
 * 100 requests a day see the ED for an hour; 20% are admitted to a ward bed for `stay` days, with
 * 30 minutes of a community team's time after; the rest go home. By hand: the ED gives 6,000 staff
 * minutes a day; the ward 100 × 0.2 × stay bed-days a day and no staff time; the community team
 * 100 × 0.2 × 30 = 600 staff minutes.
 */
const model = (stay: number, bedKind: 'beds' | 'staff' | 'none' = 'beds') =>
  toCareMachine({
    id: 'b',
    meta: {
      title: 'Beds',
      description: 'A ward with beds.',
      demand: { perDay: 100 },
      resources: { beds: { label: 'Beds', units: 40, ...(bedKind !== 'none' ? { kind: bedKind } : {}) } },
    },
    initial: 'ed',
    states: {
      ed: {
        meta: { agency: 'ed', function: 'treat', duration: { dist: 'fixed', value: 60 } },
        on: { ADMIT: { target: 'ward', meta: { p: 0.2 } }, HOME: { target: 'home', meta: { p: 0.8 } } },
      },
      ward: { meta: { agency: 'ward', function: 'treat', uses: 'beds', duration: { dist: 'fixed', value: stay * 1440 } }, on: { DISCHARGE: 'community' } },
      community: { meta: { agency: 'community', function: 'treat', duration: { dist: 'fixed', value: 30 } }, on: { DONE: 'home' } },
      home: { type: 'final', meta: { agency: 'ed', outcome: 'home' } },
    },
  });

const strategy = readStrategy({
  title: 'S',
  objectives: [{ id: 'ed', title: 'ED', measure: { kind: 'reach-share', agency: 'ed' }, direction: 'at-most', target: '100%' }],
}).strategy!;
// The plan's graph is the model with four-day stays; the plan itself only names the scenario.
const plan: Plan = { id: 'shorter', name: 'Shorter stays', owner: 'ward', description: 'Four days, not five.', supports: [], evidence: [], changes: [] };

describe('workload split into staff time and bed-days', () => {
  it('measures the time holding a bed apart from staff time, exactly', () => {
    const graph = compile(model(5));
    const [all, beds, staff] = getMeasureValues(
      graph,
      [
        { kind: 'workload', agency: 'ward' },
        { kind: 'workload', agency: 'ward', part: 'beds' },
        { kind: 'workload', agency: 'ward', part: 'staff' },
      ],
      defaultStrategySimulation,
    );
    expect(all!.value).toBeCloseTo(100 * 0.2 * 5 * 1440, 6);
    expect(beds!.value).toBeCloseTo(100 * 0.2 * 5 * 1440, 6);
    expect(staff!.value).toBeCloseTo(0, 9);
    // Without kind: 'beds' the ward's time is staff time.
    for (const kind of ['none', 'staff'] as const) {
      const unmarked = compile(model(5, kind));
      expect(getMeasureValues(unmarked, [{ kind: 'workload', agency: 'ward', part: 'beds' }], defaultStrategySimulation)[0]!.value).toBe(0);
    }
  });

  it('reports a plan that shortens stays in bed-days, not minutes, and judges the net on staff time', () => {
    const c = getComparison(compile(model(5)), strategy, [{ plan, graph: compile(model(4)) }]);
    const ward = c.workload.find((w) => w.agency === 'ward')!;
    expect(ward.bedMinutesPerDay[0]).toBeCloseTo(100 * 1440, 6);
    expect(ward.bedMinutesPerDay[1]).toBeCloseTo(80 * 1440, 6);
    const f = c.findings[0]!;
    const change = f.falls.find((x) => x.agency === 'ward')!;
    expect(change.bedDays).toBeCloseTo(-20, 9);
    expect(change.bedDaysRelative).toBeCloseTo(-0.2, 9);
    expect(change.staffMinutes).toBeCloseTo(0, 9);
    expect(toAgencyChangeText(change, 'a day')).toBe('ward −20 bed-days a day (−20%)');
    expect(f.netBedDaysPerDay).toBeCloseTo(-20, 9);
    expect(f.netStaffMinutesPerDay).toBeCloseTo(0, 9);
    expect(toNetWorkloadText(f, 'a day')).toBe('staff time ±0 min a day; beds −20 bed-days a day (time holding a bed counts as bed-days, not staff time)');
  });

  it('is refused for a kind it does not know, and a part it does not know', () => {
    const bad = checkModel(model(5, 'bed' as 'beds'));
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics.map((d) => d.message)).toContain('The resource "beds" is not valid: kind must be \'beds\' or \'staff\' (it is "bed").');
    const read = readStrategy({
      title: 'S',
      objectives: [{ id: 'w', title: 'W', measure: { kind: 'workload', agency: 'ward', part: 'bed-days' }, direction: 'at-most', target: 10 }],
    });
    expect(read.problems.map((p) => `${p.at}: ${p.message}`)).toContain('objectives[1].measure: part must be staff or beds (it is "bed-days").');
  });
});
