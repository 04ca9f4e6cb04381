import { describe, expect, it } from 'vitest';
import { getFunctionalAnalysis } from '../../src/analysis/getFunctionalAnalysis.ts';
import { getServiceFlows, getSimulatedServiceFlows, type ServiceFlows } from '../../src/analysis/getServiceFlows.ts';
import { loadFonts } from '../../src/io/loadFonts.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { createRenderContext } from '../../src/render/createRenderContext.ts';
import { getSankeyNodes, renderSankey } from '../../src/render/renderSankey.ts';
import { compile, compileFile } from '../support/compile.ts';

/**
 * Worked by hand. Half the requests call NHS 111, which books 0.6 of them into the GP and sends 0.4
 * back to the person, who goes to the ED; 0.3 walk into the ED; 0.2 look after themselves. At the GP
 * 0.75 go home and 0.25 call NHS 111 again (a loop), so of those reaching the GP x = 0.75 + 0.25 ×
 * 0.6 × x end there: x = 0.75 / 0.85, and the rest end in the ED.
 */
const town = {
  id: 't',
  meta: {
    title: 'Town',
    description: 'd',
    agencies: ['person', 'nhs111', 'gp', 'ed'].map((id) => ({ id, label: id.toUpperCase() })),
  },
  initial: 'start',
  states: {
    start: {
      description: 'Decides where to ask.',
      meta: { agency: 'person', function: 'seek-help' },
      on: { CALL: { target: 'triage', meta: { p: 0.5 } }, WALK: { target: 'ed', meta: { p: 0.3 } }, SELF: { target: 'selfCare', meta: { p: 0.2 } } },
    },
    triage: {
      description: 'NHS 111 triage.',
      meta: { agency: 'nhs111', function: 'assess' },
      on: { BOOK: { target: 'gp', meta: { p: 0.6 } }, GO_TO_ED: { target: 'toEd', meta: { p: 0.4 } } },
    },
    toEd: { description: 'Goes to the ED.', meta: { agency: 'person', function: 'seek-help' }, on: { GO: 'ed' } },
    gp: {
      description: 'Seen by the GP.',
      meta: { agency: 'gp', function: 'treat' },
      on: { HOME: { target: 'gpHome', meta: { p: 0.75 } }, AGAIN: { target: 'triage', meta: { p: 0.25 } } },
    },
    ed: { description: 'Seen in the ED.', meta: { agency: 'ed', function: 'emergency-treatment' }, on: { HOME: 'edHome' } },
    gpHome: { type: 'final', description: 'Home.', meta: { agency: 'gp', outcome: 'home' } },
    edHome: { type: 'final', description: 'Home.', meta: { agency: 'ed', outcome: 'home' } },
    selfCare: { type: 'final', description: 'Self-care.', meta: { agency: 'person', outcome: 'self-care' } },
  },
};

const asMap = (flows: ServiceFlows) => Object.fromEntries(flows.links.map((l) => [`${l.from.column}:${l.from.id}>${l.to.id}`, l.value]));

describe('service flows (the Sankey’s four columns)', () => {
  it('are exact on a model worked by hand, loops included', () => {
    const x = 0.75 / 0.85;
    const flows = asMap(getServiceFlows(compile(toCareMachine(town as Parameters<typeof toCareMachine>[0]))));
    const expected = {
      '0:nhs111>gp': 0.3,
      '0:nhs111>ed': 0.2,
      '0:ed>none': 0.3,
      '0:none>none': 0.2,
      '1:gp>gp': 0.3 * x,
      '1:gp>ed': 0.3 * (1 - x),
      '1:ed>ed': 0.2,
      '1:none>ed': 0.3,
      '1:none>person': 0.2,
      '2:gp>home': 0.3 * x,
      '2:ed>home': 0.3 * (1 - x) + 0.5,
      '2:person>self-care': 0.2,
    };
    expect(Object.keys(flows).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) expect(flows[key], key).toBeCloseTo(value, 12);
  });

  it('agree with Monte Carlo walks of the city at a fixed seed, within the walks’ own sampling error', async () => {
    const { graph } = await compileFile('models/city-uec.ts');
    const requests = 100_000;
    const exact = getServiceFlows(graph);
    const simulated = asMap(getSimulatedServiceFlows(graph, requests, 7));
    for (const column of [0, 1, 2]) expect(exact.links.filter((l) => l.from.column === column).reduce((a, l) => a + l.value, 0)).toBeCloseTo(1, 12);
    let compared = 0;
    for (const l of exact.links) {
      if (l.value < 1e-3) continue;
      const key = `${l.from.column}:${l.from.id}>${l.to.id}`;
      const se = Math.sqrt((l.value * (1 - l.value)) / requests);
      expect(Math.abs((simulated[key] ?? 0) - l.value), key).toBeLessThan(4.5 * se);
      compared++;
    }
    expect(compared).toBeGreaterThan(60);
  });

  it('draw every node labelled, in one order for a baseline and a plan, with small services merged', async () => {
    const { graph } = await compileFile('models/city-uec.ts');
    const ctx = createRenderContext(graph, getFunctionalAnalysis(graph), loadFonts());
    const baseline = getServiceFlows(graph);
    // A "plan" that moves every first contact with the pharmacy to the GP.
    const plan: ServiceFlows = {
      links: baseline.links.map((l) => (l.from.column === 0 && l.from.id === 'pharmacy' ? { ...l, from: { column: 0, id: 'gp' } } : l)),
    };
    const nodes = getSankeyNodes(ctx, [baseline, plan]);
    const order = (svg: string) => [...svg.matchAll(/<title>([^<:]+): ([^<,]+), [\d.]+ per 1,000 requests<\/title>/g)].map((m) => `${m[1]}: ${m[2]}`);
    const a = renderSankey(ctx, baseline, { nodes, id: 'a' });
    const b = renderSankey(ctx, plan, { nodes, id: 'b' });
    const [inA, inB] = [order(a.svg), order(b.svg)];
    // The plan has no pharmacy first contacts, so it lacks that node; otherwise the order is the same.
    expect(inB).toEqual(inA.filter((n) => n !== 'First service: Community pharmacy'));
    // Four columns, every node with a visible label, deaths included however rare.
    for (const column of ['First service', 'Next service', 'Ended with', 'Outcome']) expect(inA.some((n) => n.startsWith(`${column}:`))).toBe(true);
    expect(inA).toContain('Outcome: Died');
    const rects = (a.svg.match(/<rect /g) ?? []).length;
    const labels = (a.svg.match(/paint-order="stroke"/g) ?? []).length;
    expect(labels).toBe(rects);
    // Services under 5 per 1,000 join "other"; no drawn ribbon is under the threshold.
    expect(inA).toContain('Next service: Other services (each under 5)');
    for (const w of a.svg.matchAll(/class="link"[^>]*stroke-width="([\d.]+)"/g)) expect(Number(w[1])).toBeGreaterThan(0);
    expect(inA.length).toBeLessThan(45);
  });
});
