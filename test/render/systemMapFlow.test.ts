import { describe, expect, it } from 'vitest';
import { getFunctionalAnalysis } from '../../src/analysis/getFunctionalAnalysis.ts';
import { loadFonts } from '../../src/io/loadFonts.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { countPathways } from '../../src/pathways/countPathways.ts';
import { getTopPathways } from '../../src/pathways/getTopPathways.ts';
import { createRenderContext } from '../../src/render/createRenderContext.ts';
import { renderReport } from '../../src/render/renderReport.ts';
import { getMapBottlenecks, waitBands } from '../../src/render/mapBottlenecks.ts';
import { renderSystemMap } from '../../src/render/renderSystemMap.ts';
import { toDuration, toPercent } from '../../src/report/formatNumber.ts';
import { runDes } from '../../src/simulate/runDes.ts';
import { compile } from '../support/compile.ts';

const exp = (mean: number) => ({ dist: 'exponential' as const, mean });

/**
 * Patients wait for one of 2 cubicles (an hour each, 1.5 arriving an hour: busy), then hold the
 * cubicle through a review until one of 4 beds is free (no waiting room for a bed: they are blocked in the cubicle),
 * and stay in the bed 2 hours. A triage desk has 20 nurses: no one waits for it.
 */
const graph = compile(
  toCareMachine({
    id: 'flow',
    meta: {
      title: 'Exit block',
      description: 'Cubicles held by patients waiting for a bed.',
      demand: { perDay: 36 },
      resources: { nurses: { label: 'Triage nurses', units: 20 }, cubicles: { label: 'ED cubicles', units: 2 }, beds: { label: '<b>Beds</b>', units: 4 } },
    },
    initial: 'arrive',
    states: {
      arrive: { meta: { agency: 'ed', function: 'receive' }, on: { TRIAGE: 'triage' } },
      triage: { meta: { agency: 'ed', function: 'assess', uses: 'nurses', duration: exp(5) }, on: { SEE: 'cubicle' } },
      cubicle: {
        meta: { agency: 'ed', uses: 'cubicles' },
        initial: 'treat',
        states: {
          treat: { meta: { function: 'treat', duration: exp(40) }, on: { REVIEW: 'review' } },
          review: { meta: { function: 'assess', duration: exp(5) }, on: { ADMIT: '#flow.ward' } },
        },
      },
      ward: {
        id: 'flow.ward',
        meta: { agency: 'ward', uses: 'beds', waitingRoom: 0 },
        initial: 'stay',
        states: { stay: { meta: { function: 'treat', duration: exp(120) }, on: { HOME: '#flow.home' } } },
      },
      home: { id: 'flow.home', type: 'final', meta: { agency: 'ward', outcome: 'home' } },
    },
  }),
);
const des = runDes(graph, { days: 20, warmup: 3, replications: 3, seed: 4 });
const node = (id: string) => graph.nodes.find((n) => n.id === id)!;

describe('the system map with a simulation', () => {
  it('finds the wait to get into each state and the blocking at it', () => {
    const b = getMapBottlenecks(graph, des);
    const treat = b[node('flow.cubicle.treat').index]!;
    expect(treat.wait?.state).toBe('flow.cubicle');
    expect(treat.wait!.waitMean).toBeGreaterThan(15);
    // Patients are blocked in the cubicle (their treatment has ended; no bed, no room to wait in).
    expect(b[node('flow.cubicle.review').index]!.blocked?.state).toBe('flow.cubicle.review');
    expect(treat.blocked).toBeUndefined();
    expect(b[node('flow.cubicle.review').index]!.blocked!.share).toBeGreaterThan(0.05);
    expect(b[node('flow.triage').index]!.wait!.waitMean).toBeLessThan(1);
    expect(b[node('flow.ward.stay').index]!.wait?.state).toBe('flow.ward');
    expect(b[node('flow.arrive').index]).toEqual({ blocked: undefined });
    // A move inside a state the request already holds takes no units: no wait is shown there.
    expect(b[node('flow.cubicle.review').index]!.wait).toBeUndefined();
  });

  it('shades each state by its wait, outlines blocking in red, says both in words, and lists resources in use', async () => {
    const ctx = createRenderContext(graph, getFunctionalAnalysis(graph), loadFonts());
    const plain = await renderSystemMap(ctx);
    const map = await renderSystemMap(ctx, { des });
    const stateGroup = (svg: string, id: string) => svg.match(new RegExp(`<g class="hoverable state" data-state="${id.replace(/\./g, '\\.')}">(.*?)</g>`))![1]!;
    const room = des.waitingRooms.find((r) => r.state === 'flow.cubicle')!;
    const band = waitBands.find((w) => room.waitMean < w.below)!;
    expect(band.fill).not.toBe('#ffffff');
    const treat = stateGroup(map.svg, 'flow.cubicle.treat');
    expect(treat).toContain(`fill="${band.fill}"`);
    expect(treat).toContain(`wait ${toDuration(room.waitMean).replace('about ', '')}`);
    const blocking = des.blocking.find((x) => x.state === 'flow.cubicle.review')!;
    const review = stateGroup(map.svg, 'flow.cubicle.review');
    expect(review).toContain(`${toPercent(blocking.share)} blocked`);
    expect(review).toContain('stroke="#b2182b"');
    expect(review).toContain('fill="#ffffff"');
    expect(treat).not.toContain('#b2182b');
    // No wait to speak of for triage: white, no outline.
    const triage = stateGroup(map.svg, 'flow.triage');
    expect(triage).toContain('fill="#ffffff"');
    expect(triage).not.toContain('#b2182b');
    // Without a simulation the map has none of it.
    expect(plain.svg).not.toContain('#b2182b');
    expect(plain.svg).not.toContain('Simulated: mean wait');
    expect(plain.table).not.toContain('Simulated wait');
    // The legend: every band, and each resource's share in use, busiest first, escaped.
    for (const w of waitBands) expect(map.svg).toContain(`>${w.label}<`);
    const busiest = [...des.resources].sort((a, b) => b.utilisation - a.utilisation).map((r) => r.id);
    expect(busiest[0]).toBe('cubicles');
    expect(map.svg).toContain(`ED cubicles ${toPercent(des.resources.find((r) => r.id === 'cubicles')!.utilisation)}`);
    expect(map.svg).toContain('&lt;b&gt;Beds&lt;/b&gt;');
    expect(map.svg).not.toContain('<b>Beds');
    // The table says the same in words.
    expect(map.table).toContain('Simulated wait to get in, and blocking');
    expect(map.table).toContain(`of those leaving are blocked first, for ${toDuration(blocking.mean).replace('about ', '')} on average`);
  });
});

/** A chain of `n` services in agencies of 100, each able to skip the next: a decision at every state. */
function chain(n: number) {
  const states: Record<string, object> = {};
  for (let i = 0; i < n; i++) {
    const next = (k: number) => (k < n ? `s${k}` : 'done');
    states[`s${i}`] = {
      meta: { agency: `a${Math.floor(i / 100)}`, function: 'treat' },
      on: { NEXT: { target: next(i + 1), meta: { p: 0.9 } }, SKIP: { target: next(i + 2), meta: { p: 0.1 } } },
    };
  }
  states.done = { type: 'final', meta: { agency: 'a0', outcome: 'home' } };
  return compile(toCareMachine({ id: 'chain', meta: { title: 'Chain', description: 'A long chain.' }, initial: 's0', states }));
}

describe('the system map of a large model', () => {
  it('is laid out the quick way above 400 states, without labels on its ways out, and says so', async () => {
    const big = chain(420);
    const ctx = createRenderContext(big, getFunctionalAnalysis(big), loadFonts());
    const map = await renderSystemMap(ctx);
    expect(map.note).toBe(
      'This model has 421 states, so the map is laid out quickly (fewer passes to untangle crossings) and its ways out carry no labels: hover over one for its figures, or see the table.',
    );
    expect(map.svg).toContain('data-state="chain.s419"');
    // No label boxes on the ways out, but every way keeps its figures in its tooltip.
    expect(map.svg).not.toMatch(/>[\d.,]+ per 1,000 · [\d.]+%</);
    expect([...map.svg.matchAll(/<g class="hoverable way"><title>[^<]* per 1,000, /g)].length).toBe(big.edges.length);
    expect(map.svg).toContain('hover over one for its requests per 1,000');
  });

  it('is not drawn above 2,500 states: the table lists every state, and the page says why', async () => {
    const huge = chain(2600);
    const ctx = createRenderContext(huge, getFunctionalAnalysis(huge), loadFonts());
    const map = await renderSystemMap(ctx);
    expect(map.svg).toBe('');
    expect(map.note).toBe(
      'The map is not drawn: this model has 2,601 states, more than 2,500, too many to lay out in reasonable time or to read. The table lists every state and way out.',
    );
    expect(map.table.match(/<tr>/g)!.length).toBe(huge.nodes.length + 1);
    // A plan's map of so large a model is not drawn either; its table is still what the plan changes.
    const planMap = await renderSystemMap(ctx, { base: huge, name: 'Nothing' });
    expect([planMap.name, planMap.title, planMap.svg]).toEqual(['plan-map', 'What the plan changes: Nothing', '']);
    expect(planMap.note).toMatch(/The table lists what the plan changes\.$/);
    expect(planMap.table).toContain('No way out changes by 0.5 or more.');
    // In the report: no system-map file, the note in its place, and the table open.
    const found = getTopPathways(huge, { top: 3 });
    const report = await renderReport(ctx, {
      pathways: found.pathways,
      coverage: found.coverage,
      total: countPathways(huge),
      version: 'test',
      source: 'fixture',
    });
    expect(report.diagrams.map((d) => d.name)).not.toContain('system-map');
    expect(report.diagrams.every((d) => d.svg.length > 0)).toBe(true);
    expect(report.html).toContain(`<p class="note">${map.note}</p>`);
    expect(report.html).not.toContain('id="map-frame"');
    expect(report.html).toContain('<details open><summary>System map as a table</summary>');
  });
});
