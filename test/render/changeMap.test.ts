import { describe, expect, it } from 'vitest';
import { getFunctionalAnalysis } from '../../src/analysis/getFunctionalAnalysis.ts';
import { loadFonts } from '../../src/io/loadFonts.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { createRenderContext } from '../../src/render/createRenderContext.ts';
import { getMapChanges } from '../../src/render/mapChanges.ts';
import { renderSystemMap } from '../../src/render/renderSystemMap.ts';
import { compile } from '../support/compile.ts';

/** 100 requests a day split between a GP and an urgent treatment centre; the plan sends more to the GP, adds a pharmacy step after the UTC and a crew. */
const model = (gp: number, withPharmacy: boolean) =>
  compile(
    toCareMachine({
      id: 'm',
      meta: {
        title: 'Choice',
        description: 'A choice of service.',
        demand: { perDay: 100 },
        resources: { crews: { label: 'Crews', units: withPharmacy ? 3 : 2 } },
      },
      initial: 'choose',
      states: {
        choose: {
          meta: { agency: 'person', function: 'seek-help' },
          on: { GP: { target: 'gp', meta: { p: gp } }, UTC: { target: 'utc', meta: { p: 1 - gp } } },
        },
        gp: { meta: { agency: 'gp', function: 'treat', duration: { dist: 'fixed', value: 10 } }, on: { DONE: 'home' } },
        utc: {
          meta: { agency: 'utc', function: 'treat', duration: { dist: 'fixed', value: withPharmacy ? 20 : 30 } },
          on: { DONE: withPharmacy ? 'pharmacy' : 'home' },
        },
        ...(withPharmacy ? { pharmacy: { meta: { agency: 'utc', function: 'treat', duration: { dist: 'fixed', value: 5 } }, on: { DONE: 'home' } } } : {}),
        home: { type: 'final', meta: { agency: 'person', outcome: 'home' } },
      },
    }),
  );

describe('the "what changed" system map of a plan', () => {
  const base = model(0.5, false);
  const plan = model(0.7, true);
  const way = (from: string, to: string) => plan.edges.find((e) => plan.nodes[e.from]!.id === from && plan.nodes[e.to]!.id === to)!;

  it('finds the exact change in requests a day on each way, the new and changed states, the removed ways and changed resources', () => {
    const c = getMapChanges(plan, base);
    expect(c.delta[way('m.choose', 'm.gp').index]).toBeCloseTo(20, 9);
    expect(c.delta[way('m.choose', 'm.utc').index]).toBeCloseTo(-20, 9);
    expect(c.delta[way('m.gp', 'm.home').index]).toBeCloseTo(20, 9);
    expect(c.added[way('m.utc', 'm.pharmacy').index]).toBe(1);
    expect(c.delta[way('m.utc', 'm.pharmacy').index]).toBeCloseTo(30, 9);
    expect(c.added[way('m.choose', 'm.gp').index]).toBe(0);
    expect(c.state[plan.nodes.find((n) => n.id === 'm.pharmacy')!.index]).toBe('new');
    expect(c.state[plan.nodes.find((n) => n.id === 'm.utc')!.index]).toBe('time changed');
    expect(c.state[plan.nodes.find((n) => n.id === 'm.gp')!.index]).toBeUndefined();
    expect(c.removed).toEqual([{ from: 'm.utc', to: 'm.home', event: 'DONE', before: 50 }]);
    expect(c.resources).toEqual(['Crews']);
  });

  it('colours the ways the plan changes, labels them with the change, fades the rest and outlines new and changed states', async () => {
    const ctx = createRenderContext(plan, getFunctionalAnalysis(plan), loadFonts());
    const map = await renderSystemMap(ctx, { base, name: 'More to the GP', id: 'changes-1' });
    expect(map.name).toBe('changes-1');
    expect(map.title).toBe('What the plan changes: More to the GP');
    const ways = [...map.svg.matchAll(/<g class="hoverable way"><title>([^<]*)<\/title><path ([^>]*)>/g)].map((m) => ({ title: m[1]!, attrs: m[2]! }));
    const to = (words: string) => ways.find((w) => w.title.includes(words))!;
    expect(to('Choose to GP').attrs).toContain('stroke="#2166ac"');
    expect(to('Choose to UTC').attrs).toContain('stroke="#b35806"');
    expect(to('UTC to Pharmacy').attrs).toContain('stroke="#2166ac"');
    expect(map.svg).toContain('>+20 a day (now 70)<');
    expect(map.svg).toContain('>−20 a day (now 30)<');
    expect(map.svg).toContain('>new: 30 a day<');
    // Only changed ways are labelled, with the change, not with their share.
    expect(map.svg).not.toMatch(/>[\d.]+ a day · [\d.]+%</);
    expect(map.svg).toMatch(/data-state="m\.pharmacy">.*?stroke="#762a83"/);
    expect(map.svg).toContain('Resources the plan changes: Crews');
    expect(map.svg).toContain('the ways the plan changes are coloured and labelled with the change against the baseline, the rest faded.</desc>');
    expect(map.table).toContain('<td>removed</td>');
    expect(map.table).toContain('States new or changed: ');
    expect(map.table).toContain('(new)');
    expect(map.table).toContain('(time changed)');
  });

  it('draws a plan that changes nothing with every way faded', async () => {
    const same = model(0.5, false);
    const ctx = createRenderContext(same, getFunctionalAnalysis(same), loadFonts());
    const map = await renderSystemMap(ctx, { base, name: 'Nothing' });
    const ways = [...map.svg.matchAll(/<g class="hoverable way"><title>[^<]*<\/title><path ([^>]*)>/g)].map((m) => m[1]!);
    expect(ways).toHaveLength(same.edges.length);
    for (const w of ways) {
      expect(w).toContain('stroke="#555555"');
      expect(w).toContain('stroke-opacity="0.3"');
    }
    expect(map.table).toContain('No way out changes by 0.5 or more.');
  });
});
