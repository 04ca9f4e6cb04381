import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toAssumptionChanges } from '../../src/analysis/createAssumptionModel.ts';
import { getCalibration } from '../../src/analysis/getCalibration.ts';
import { getFit } from '../../src/analysis/getFit.ts';
import { getSensitivity } from '../../src/analysis/getSensitivity.ts';
import { loadJsonText } from '../../src/io/loadModel.ts';
import { checkModel } from '../../src/model/checkModel.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { getAssumptions } from '../../src/model/getAssumptions.ts';
import { applyPlans, type MachineConfig } from '../../src/strategy/applyPlans.ts';
import { parseDocument } from '../../src/strategy/parseDocument.ts';
import { readObserved } from '../../src/strategy/readObserved.ts';
import type { ObservedFigures, Plan } from '../../src/strategy/types.ts';
import { root } from '../support/compile.ts';

/**
 * Fit town, worked by hand: 1,000 requests a day; a share p of them (0.3) go to the emergency
 * department, which takes a mean of m minutes (200) and admits a share q (0.25). So ED attendances
 * are 1,000·p a day, admissions 1,000·p·q, the conversion q and the time in ED m.
 */
const text = readFileSync(path.join(root, 'test/fixtures/fit-town.json'), 'utf8');
const load = () => {
  const loaded = loadJsonText(text, 'fit-town.json');
  if (!loaded.ok) throw new Error(loaded.reason);
  return loaded.machine;
};
const readFile = (name: string): ObservedFigures => {
  const parsed = parseDocument(readFileSync(path.join(root, name), 'utf8'), name);
  if (!('value' in parsed)) throw new Error(parsed.problem.message);
  const { observed, problems } = readObserved(parsed.value);
  if (!observed) throw new Error(JSON.stringify(problems));
  return observed;
};
const observed = readFile('test/fixtures/fit-town.observed.yaml');

describe('assumptions in a model', () => {
  it('lists every number marked as an assumption, on the root, a state and a way out, with its value, range and reason', () => {
    const list = getAssumptions(load().config as Record<string, unknown>);
    expect(list.map((a) => [a.id, a.value, a.range])).toEqual([
      ['fitTown demand.perDay', 1000, [800, 1200]],
      ['fitTown.start TO_ED p', 0.3, [0.1, 0.5]],
      ['fitTown.ed duration.mean', 200, [100, 300]],
      ['fitTown.ed ADMIT p', 0.25, [0.1, 0.4]],
    ]);
    expect(list.every((a) => a.reason)).toBe(true);
  });

  it('check names an assumption that is not a number, a bad range, a value outside its range, and no range or reason', () => {
    const config = JSON.parse(text) as MachineConfig & { meta: Record<string, unknown>; states: Record<string, { meta: Record<string, unknown> }> };
    config.meta.assumptions = { 'demand.perDay': { range: [1200, 800], reason: 'x' }, 'demand.hourly': { range: [0, 1], reason: 'x' } };
    config.states.ed!.meta.assumptions = { 'duration.mean': { range: [300, 400] } };
    config.states.ward!.meta.assumptions = { 'duration.mean': {} };
    const codes = checkModel(toCareMachine(config))
      .diagnostics.filter((d) => d.code.startsWith('assumption'))
      .map((d) => [d.code, d.path, d.severity]);
    expect(codes).toEqual([
      ['assumption-range-invalid', 'fitTown', 'error'],
      ['assumption-not-a-number', 'fitTown', 'error'],
      ['assumption-not-a-number', 'fitTown.ward', 'error'],
      ['assumption-outside-range', 'fitTown.ed', 'warning'],
      ['assumption-without-reason', 'fitTown.ed', 'warning'],
    ]);
  });

  it('a set change moves one number; a probability rebalances the other ways out; a missing field is refused', () => {
    const plan = (changes: Plan['changes']): Plan => ({ id: 'p', name: 'p', owner: '', description: 'd', supports: [], evidence: [], changes });
    const config = load().config as MachineConfig;
    const { config: out, problems } = applyPlans(config, [
      plan([
        { change: 'set', state: 'fitTown', field: 'demand.perDay', value: 900 },
        { change: 'set', state: 'fitTown.ed', field: 'duration.mean', value: 150 },
        { change: 'set', state: 'fitTown.start', way: 'TO_ED', field: 'p', value: 0.4 },
      ]),
    ]);
    expect(problems).toEqual([]);
    const o = out as {
      meta: { demand: { perDay: number } };
      states: Record<string, { meta: { duration?: { mean: number } }; on: Record<string, { meta: { p: number } }> }>;
    };
    expect(o.meta.demand.perDay).toBe(900);
    expect(o.states.ed!.meta.duration!.mean).toBe(150);
    expect(o.states.start!.on.TO_ED!.meta.p).toBe(0.4);
    expect(o.states.start!.on.HOME!.meta.p).toBeCloseTo(0.6, 12);
    // The config given is never changed.
    expect((config as typeof o).states.ed!.meta.duration!.mean).toBe(200);
    const bad = applyPlans(config, [plan([{ change: 'set', state: 'fitTown.ward', field: 'duration.mean', value: 5 }])]);
    expect(bad.problems.map((p) => p.message)).toEqual(['fitTown.ward has no duration.mean to set.']);
  });

  it('several probabilities of one state are set together; where they are every way out, they are scaled to sum to 1', () => {
    const config = load().config as MachineConfig;
    const all = [
      { id: 'a', state: 'fitTown.start', way: 'TO_ED', field: 'p', value: 0.3 },
      { id: 'b', state: 'fitTown.start', way: 'HOME', field: 'p', value: 0.7 },
    ];
    expect(toAssumptionChanges(all, [0.3, 0.9], config)).toEqual([
      { change: 'reweight', state: 'fitTown.start', ways: { TO_ED: 0.25, HOME: 0.75 }, rebalance: false },
    ]);
  });
});

describe('carepaths fit: the model against observed figures', () => {
  it('measures each figure exactly and says which are within tolerance', () => {
    const check = checkModel(load());
    const fit = getFit(check.graph!, observed);
    expect(fit.rows.map((r) => [r.figure.id, r.model, r.difference, r.within])).toEqual([
      ['ed-a-day', 300, -100, false],
      ['admissions-a-day', 75, -15, false],
      ['conversion', 0.25, 0, true],
      ['ed-los', 200, -40, false],
    ]);
    // Tolerances in tolerances: 100 short of 400 with ±20 (5%) is 5 tolerances out.
    expect(fit.rows[0]!.misfit).toBeCloseTo(-5, 12);
  });

  it('reads every problem of an observed-figures file, each by place', () => {
    const { problems } = readObserved({
      title: 'Bad',
      figures: [
        { id: 'Bad Id', title: 't', measure: { kind: 'per-day' }, observed: 3, tolerance: 1, period: 'p', source: 's' },
        { id: 'x', title: 't', measure: { kind: 'reach-share', state: 's' }, observed: [0.5, 0.2], period: 'p', source: 's' },
        { id: 'y', title: 't', measure: { kind: 'clock', clock: 'c', statistic: 'mean' }, observed: '4 hours', tolerance: '5%', period: 'p' },
      ],
    });
    expect(problems.map((p) => p.at)).toEqual(['figures[1].id', 'figures[1].measure', 'figures[2].observed', 'figures[2].tolerance', 'figures[3].source']);
  });

  it('a figure the model is not held to needs its reason; it does not count in the verdict, nor in the calibration', async () => {
    const figure = { title: 't', measure: { kind: 'per-day', state: 'fitTown.ed' }, observed: 3, tolerance: 1, period: 'p', source: 's' };
    const { problems } = readObserved({
      title: 'Held',
      figures: [
        { id: 'a', ...figure, held: false },
        { id: 'b', ...figure, held: 'no', why: 'x' },
        { id: 'c', ...figure, why: 'no held: false' },
      ],
    });
    expect(problems.map((p) => `${p.at}: ${p.message}`)).toEqual([
      'figures[1].why: is missing: a figure with held: false needs the reason.',
      'figures[2].held: should be true or false, not "no".',
      'figures[3].why: is only read with held: false.',
    ]);
    // Fit town's ED attendances (observed 400; the model 300, reachable with p 0.4) marked not held.
    const notHeld = { ...observed, figures: observed.figures.map((f) => (f.id === 'ed-a-day' ? { ...f, notHeld: 'a count from another year' } : f)) };
    const graph = checkModel(load()).graph!;
    const before = getFit(graph, observed);
    const after = getFit(graph, notHeld);
    expect(before.rows[0]!.within).toBe(false);
    expect([before.met, after.met, after.within]).toEqual([false, before.rows.slice(1).every((r) => r.within), before.within]);
    const calibration = await getCalibration(
      load(),
      getAssumptions(load().config as Record<string, unknown>),
      notHeld.figures.filter((f) => !f.notHeld),
      {
        simulation: observed.simulation,
      },
    );
    expect(calibration.rowsAfter.map((r) => r.figure.id)).not.toContain('ed-a-day');
  });

  it('the sensitivity gives each figure at both ends of each range, exact slopes, and a reproducible joint spread', async () => {
    const targets = observed.figures.map((f) => ({ id: f.id, title: f.title, kind: 'observed' as const, measure: f.measure }));
    const s = await getSensitivity(load(), getAssumptions(load().config as Record<string, unknown>), targets, {
      simulation: observed.simulation,
      samples: 40,
      seed: 3,
    });
    const ed = s.effects[0]!;
    // ED a day = 1000·p: p over 0.1–0.5 gives 100 to 500 (slope 1000); demand over 800–1200 gives 240 to 360 (slope 0.3).
    expect(ed.map((e) => s.assumptions[e.assumption]!.id)).toEqual(['fitTown.start TO_ED p', 'fitTown demand.perDay']);
    expect(ed[0]!.atLow).toBeCloseTo(100, 9);
    expect(ed[0]!.atHigh).toBeCloseTo(500, 9);
    expect(ed[0]!.slope).toBeCloseTo(1000, 6);
    expect(ed[1]!.slope).toBeCloseTo(0.3, 9);
    // The conversion depends on q alone; the time in ED on m alone.
    expect(s.effects[2]!.map((e) => s.assumptions[e.assumption]!.id)).toEqual(['fitTown.ed ADMIT p']);
    expect(s.effects[3]!.map((e) => [s.assumptions[e.assumption]!.id, e.atLow, e.atHigh])).toEqual([['fitTown.ed duration.mean', 100, 300]]);
    // Every joint sample lies inside what the ranges allow (ED a day: 800·0.1 to 1200·0.5).
    const joint = s.joint!.targets[0]!;
    expect(joint.interval[0]).toBeGreaterThanOrEqual(80);
    expect(joint.interval[1]).toBeLessThanOrEqual(600);
    const again = await getSensitivity(load(), getAssumptions(load().config as Record<string, unknown>), targets, {
      simulation: observed.simulation,
      samples: 40,
      seed: 3,
    });
    expect(again.joint).toEqual(s.joint);
  });

  it('calibration brings every figure within tolerance, inside the ranges, and names a figure that cannot be reached', async () => {
    const machine = load();
    const assumptions = getAssumptions(machine.config as Record<string, unknown>);
    const c = await getCalibration(machine, assumptions, observed.figures, { simulation: observed.simulation });
    expect(c.rowsBefore.filter((r) => r.within)).toHaveLength(1);
    expect(c.rowsAfter.every((r) => r.within)).toBe(true);
    c.after.forEach((v, k) => {
      expect(v).toBeGreaterThanOrEqual(c.assumptions[k]!.range![0]);
      expect(v).toBeLessThanOrEqual(c.assumptions[k]!.range![1]);
    });
    // 1,000·p·(demand/1000) = 400 and m = 240, by hand.
    expect(c.after[2]).toBeCloseTo(240, 0);
    expect(c.conflicts).toEqual([]);

    // 700 ED attendances a day cannot be reached: the most the ranges allow is 1,200 × 0.5 = 600.
    const far: ObservedFigures = { ...observed, figures: [{ ...observed.figures[0]!, observed: { low: 700, high: 700 }, tolerance: 10 }] };
    const stuck = await getCalibration(machine, assumptions, far.figures, { simulation: observed.simulation });
    expect(stuck.rowsAfter[0]!.within).toBe(false);
    expect(stuck.rowsAfter[0]!.model).toBeCloseTo(600, 6);
    expect(stuck.conflicts).toHaveLength(1);
    expect(stuck.conflicts[0]!.atLimit.map((k) => stuck.assumptions[k]!.id).sort()).toEqual(['fitTown demand.perDay', 'fitTown.start TO_ED p']);
  });

  it('names figures that pull against each other: two figures of one number that no value can both meet', async () => {
    const machine = load();
    const assumptions = getAssumptions(machine.config as Record<string, unknown>);
    const one = observed.figures[3]!;
    const figures = [
      { ...one, id: 'ed-los-a', observed: { low: 150, high: 150 } },
      { ...one, id: 'ed-los-b', observed: { low: 250, high: 250 } },
    ];
    const c = await getCalibration(machine, assumptions, figures, { simulation: observed.simulation });
    // The best compromise is in the middle, each 50 minutes (5 tolerances) out, and each names the other.
    expect(c.after[2]).toBeCloseTo(200, 0);
    expect(c.conflicts.map((x) => x.pulls.map((p) => [c.assumptions[p.assumption]!.id, p.against]))).toEqual([
      [['fitTown.ed duration.mean', [1]]],
      [['fitTown.ed duration.mean', [0]]],
    ]);
  });
});
