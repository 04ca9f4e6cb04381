import { describe, expect, it } from 'vitest';
import { getFunctionalAnalysis } from '../../src/analysis/getFunctionalAnalysis.ts';
import { loadFonts } from '../../src/io/loadFonts.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { createRenderContext } from '../../src/render/createRenderContext.ts';
import { renderByDay, renderByHour } from '../../src/render/renderByHour.ts';
import { runDes } from '../../src/simulate/runDes.ts';
import { compile } from '../support/compile.ts';

const exp = (mean: number) => ({ dist: 'exponential' as const, mean });
const weekly = [2, 1, 1, 1, 1, 1, 0.5];

/** Walk-ins, busiest on Mondays, wait for one of 3 cubicles and stay in it until one of 4 beds is free (blocked). */
const model = (week?: number[]) =>
  compile(
    toCareMachine({
      id: 'w',
      meta: {
        title: 'Week',
        description: 'A week of walk-ins.',
        arrivals: [{ id: 'walkIns', label: 'Walk-ins', entry: 'w.arrive', perDay: 30, ...(week ? { weekly: week } : {}) }],
        resources: { cubicles: { label: 'Cubicles', units: 3 }, beds: { label: 'Beds', units: 4, kind: 'beds' } },
      },
      initial: 'arrive',
      states: {
        arrive: { meta: { agency: 'ed', function: 'receive' }, on: { SEE: 'cubicle' } },
        cubicle: {
          meta: { agency: 'ed', uses: 'cubicles' },
          initial: 'treat',
          states: {
            treat: {
              meta: { function: 'treat', duration: exp(60) },
              on: { ADMIT: { target: '#w.ward', meta: { p: 0.3 } }, HOME: { target: '#w.home', meta: { p: 0.7 } } },
            },
          },
        },
        ward: { id: 'w.ward', meta: { agency: 'ward', uses: 'beds', waitingRoom: 0, function: 'treat', duration: exp(480) }, on: { HOME: '#w.home' } },
        home: { id: 'w.home', type: 'final', meta: { agency: 'ed', outcome: 'home' } },
      },
    }),
  );

describe('the day hour by hour and the week day by day', () => {
  const graph = model(weekly);
  const des = runDes(graph, { days: 28, warmup: 7, replications: 3, seed: 2 });
  const cubicles = des.resources.find((r) => r.id === 'cubicles')!;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  it('measures units in use, blocked and queueing by day of the week, over the same hours as by hour of the day', () => {
    for (const series of Object.values(cubicles.byDay)) expect(series).toHaveLength(7);
    expect(cubicles.blockedByHour).toHaveLength(24);
    // Whole weeks are measured, so each day has as many hours as any other: the means agree exactly.
    expect(mean(cubicles.byDay.inUse)).toBeCloseTo(mean(cubicles.unitsByHour.mean), 9);
    expect(mean(cubicles.byDay.blocked)).toBeCloseTo(mean(cubicles.blockedByHour), 9);
    expect(mean(cubicles.byDay.queue)).toBeCloseTo(cubicles.queueMean, 9);
    // Patients wait in their cubicle for a bed: blocked units, and more of them on Mondays (twice the demand) than on Sundays (half).
    expect(cubicles.blocked).toBeGreaterThan(0);
    expect(Math.max(...cubicles.blockedByHour)).toBeGreaterThan(0);
    expect(cubicles.byDay.inUse[0]!).toBeGreaterThan(cubicles.byDay.inUse[6]!);
  });

  it('draws the week day by day when demand changes by day, with arrivals a day from the model’s rates', () => {
    const ctx = createRenderContext(graph, getFunctionalAnalysis(graph), loadFonts());
    const byDay = renderByDay(ctx, des)!;
    expect(byDay.name).toBe('simulated-by-day');
    expect(byDay.table).toContain('<th scope="col">Mon</th>');
    // 30 a day on average, shaped 2:1:1:1:1:1:0.5 (mean 7.5/7).
    const monday = (30 * 2) / (7.5 / 7);
    const row = byDay.table.match(/Requests arriving a day \(the model’s rates\): arriving<\/th>((?:<td>[^<]*<\/td>){7})/)![1]!;
    const values = [...row.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
    expect(values[0]).toBeCloseTo(monday, 1);
    expect(values[6]).toBeCloseTo(monday / 4, 1);
    expect(byDay.table).toContain('Cubicles: held by blocked requests, mean');
    // By hour: the blocked series is drawn (red, dotted) and tabled.
    const byHour = renderByHour(ctx, des)!;
    expect(byHour.table).toContain('Cubicles: held by blocked requests, mean');
    expect(byHour.svg).toContain('stroke="#b2182b"');
  });

  it('leaves the week out when nothing in the model changes by day, or the run is shorter than a week', () => {
    const flat = model();
    const ctx = createRenderContext(flat, getFunctionalAnalysis(flat), loadFonts());
    expect(renderByDay(ctx, runDes(flat, { days: 14, warmup: 1, replications: 2, seed: 1 }))).toBeUndefined();
    const short = runDes(graph, { days: 5, warmup: 1, replications: 2, seed: 1 });
    expect(renderByDay(createRenderContext(graph, getFunctionalAnalysis(graph), loadFonts()), short)).toBeUndefined();
  });
});
