import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getFunctionalAnalysis } from '../../src/analysis/getFunctionalAnalysis.ts';
import { getTopPathways } from '../../src/pathways/getTopPathways.ts';
import { toAnalysisJson } from '../../src/report/analysisWriters.ts';
import { jsonPathwayWriter } from '../../src/report/pathwayWriters.ts';
import { renderTopPathways } from '../../src/report/renderPathways.ts';
import { countPathways } from '../../src/pathways/countPathways.ts';
import { runMonteCarlo } from '../../src/simulate/runMonteCarlo.ts';
import { runDes } from '../../src/simulate/runDes.ts';
import { compileFile } from '../support/compile.ts';

const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** The README's contract line for an output: the backticked shape after its heading. */
const contractOf = (heading: string) => {
  const at = readme.indexOf(`- \`${heading}\``);
  expect(at, heading).toBeGreaterThan(0);
  return readme.slice(at, readme.indexOf('\n- `', at + 1));
};

/** Every key of every object in a JSON value, nested ones included. */
const keysOf = (value: unknown, into = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      // Context objects hold the model's own keys, not the contract's.
      if (k !== 'context' && k !== 'contexts') keysOf(v, into);
    }
  }
  return into;
};

describe('the JSON contract', () => {
  it('names states by their paths, with context values and regions apart and each configuration beside', async () => {
    for (const file of ['test/fixtures/guarded.ts', 'test/fixtures/regions.ts']) {
      const { graph } = await compileFile(file);
      const paths = new Set(graph.stateInfo.map((s) => s.path));
      const analysis = JSON.parse(toAnalysisJson(getFunctionalAnalysis(graph)));
      for (const row of [...analysis.outcomes, ...analysis.states]) expect(paths.has(row.state), row.state).toBe(true);
      // One row a state: the configurations of a state are added up in it.
      expect(new Set(analysis.states.map((s: { state: string }) => s.state)).size).toBe(analysis.states.length);
      const split = analysis.states.filter((s: { configurations?: unknown[] }) => s.configurations);
      expect(split.length).toBeGreaterThan(0);
      for (const row of split) {
        const sum = row.configurations.reduce((a: number, c: { expectedVisits: number }) => a + c.expectedVisits, 0);
        expect(sum).toBeCloseTo(row.expectedVisits, 12);
        for (const c of row.configurations) expect(c.context ?? c.regions).toBeDefined();
      }
      const mc = runMonteCarlo(graph, { requests: 2000, replications: 2 });
      for (const row of [...mc.outcomes, ...mc.visits]) expect(paths.has(row.state), row.state).toBe(true);
      for (const v of mc.variants) for (const s of v.states) expect(paths.has(s), s).toBe(true);
    }
  });

  it('gives a pathway its state paths, and its context values beside them', async () => {
    const { graph } = await compileFile('test/fixtures/guarded.ts');
    let text = '';
    renderTopPathways(graph, getTopPathways(graph, { top: 5 }), countPathways(graph, {}), 0, jsonPathwayWriter, (t) => (text += t));
    const listing = JSON.parse(text);
    const first = listing.pathways[0];
    expect(first.states.every((s: string) => s.startsWith('guarded.') && !s.includes('{'))).toBe(true);
    expect(first.contexts).toHaveLength(first.states.length);
    expect(first.contexts.some((c: unknown) => c && typeof c === 'object' && 'category' in c)).toBe(true);
    expect(first.nodes).toBeUndefined();
  });

  it('is the one the README documents: every field written is named in its contract', async () => {
    const { graph } = await compileFile('test/fixtures/guarded.ts');
    let text = '';
    renderTopPathways(graph, getTopPathways(graph, { top: 5 }), countPathways(graph, {}), 0, jsonPathwayWriter, (t) => (text += t));
    const outputs: [string, unknown][] = [
      ['pathways --format json', JSON.parse(text)],
      ['analyse --format json', JSON.parse(toAnalysisJson(getFunctionalAnalysis(graph)))],
      ['simulate --format json', runMonteCarlo(graph, { requests: 500, replications: 2 })],
    ];
    const { graph: regions } = await compileFile('test/fixtures/regions.ts');
    outputs.push(['simulate --mode des --format json', runDes(regions, { days: 2, warmup: 1, replications: 2 })]);
    for (const [heading, value] of outputs) {
      const contract = contractOf(heading);
      // Row fields the contract summarises under one name (visits, workload, handoffs are documented by their rows where given).
      const missing = [...keysOf(value)].filter(
        (k) =>
          !new RegExp(`\\b${k}\\b`).test(contract) &&
          !['perRequest', 'exact', 'agency', 'minutesPerRequest', 'ci95', 'mean', 'regions', 'context', 'p10', 'p25', 'p50', 'p75', 'p90', 'count'].includes(k),
      );
      expect(missing, heading).toEqual([]);
    }
    expect(readme).toContain('`configurations: [{ context?, regions?, … the same figures }]`');
  });
});
