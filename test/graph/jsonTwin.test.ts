import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCareGraph } from '../../src/graph/compileCareGraph.ts';
import { loadModel } from '../../src/io/loadModel.ts';

const fixture = (f: string) => path.resolve(import.meta.dirname, '../fixtures', f);

async function compile(file: string) {
  const loaded = await loadModel(file);
  if (!loaded.ok) throw new Error(loaded.reason);
  return compileCareGraph(loaded.machine).graph!;
}

describe('a JSON model and its TypeScript twin', () => {
  it('compile to equal graphs', async () => {
    const [json, ts] = await Promise.all([compile(fixture('small.json')), compile(fixture('small.ts'))]);
    expect(json.nodes.length).toBe(8);
    expect(json.edges.length).toBe(11);
    expect(ts).toEqual(json);
  });

  it('carry routing, durations and descriptions onto the graph', async () => {
    const graph = await compile(fixture('small.json'));
    const triage = graph.nodes.find((n) => n.id === 'small.nhs111.triage')!;
    expect(triage).toMatchObject({ agency: 'nhs111', function: 'assess', description: 'A health adviser assesses the call.', isOutcome: false });
    // lognormal median 12, p90 25: sigma = ln(25/12)/1.2816, mean = 12·exp(sigma²/2)
    const sigma = Math.log(25 / 12) / 1.2815515655446004;
    expect(triage.meanMinutes).toBeCloseTo(12 * Math.exp((sigma * sigma) / 2), 12);
    const ways = graph.edges.filter((e) => e.from === triage.index);
    expect(ways.map((e) => [e.event, e.declaredP, graph.nodes[e.to]!.id])).toEqual([
      ['SELF_CARE', 0.3, 'small.selfCare'],
      ['BOOK_GP', 0.6, 'small.gp.appointment'],
      ['SEND_AMBULANCE', 0.1, 'small.ambulance.dispatch'],
    ]);
    // Routing probabilities are the declared ones, normalised to sum to 1.
    ways.forEach((e) => expect(e.p).toBeCloseTo(e.declaredP!, 12));
    expect(ways.reduce((a, e) => a + e.p, 0)).toBeCloseTo(1, 15);
    expect(graph.nodes.filter((n) => n.isOutcome).map((n) => [n.id, n.outcome])).toEqual([
      ['small.selfCare', 'self-care'],
      ['small.home_', 'home'],
      ['small.admitted', 'admitted'],
    ]);
  });
});
