import { describe, expect, it } from 'vitest';
import { getVerification } from '../../src/analysis/getVerification.ts';
import { compileFile } from '../support/compile.ts';
import { expectNoStack, runCli } from '../support/runCli.ts';

describe('carepaths verify', () => {
  it('reports agreement for the default city: configurations and ways out, and why pathways are not compared', () => {
    const { code, stdout, stderr } = runCli('verify');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain("models/city-uec.ts: the compiled care graph agrees with xstate's own graph utilities (@xstate/graph).");
    expect(stdout).toContain('Agree: configurations (active states with context): 89 in both.');
    expect(stdout).toContain('Agree: ways out (configuration, event, configuration reached): 187 in both.');
    expect(stdout).toContain('The model has 8,420,309 simple pathways, more than the 20,000');
  });

  it('compares simple pathways with getSimplePaths where there are few enough, as JSON too', () => {
    const { code, stdout } = runCli('verify', 'test/fixtures/guarded.ts', '--format', 'json');
    expect(code).toBe(0);
    const v = JSON.parse(stdout);
    expect(v).toMatchObject({ model: 'guarded', agree: true, pathways: { ours: 8, reference: 8, agree: true, missing: [], extra: [] } });
    expect(v.configurations).toMatchObject({ ours: 15, reference: 15, agree: true });
  });

  it('names what differs when the care graph and xstate disagree', async () => {
    const { machine, graph } = await compileFile('test/fixtures/small.json');
    // A care graph with one way out lost, as a bug in the compiler would lose it.
    const lost = graph.edges[3]!;
    const edges = graph.edges.filter((e) => e !== lost).map((e, index) => ({ ...e, index }));
    const outStart = new Int32Array(graph.nodes.length + 1);
    for (const e of edges) outStart[e.from + 1]!++;
    for (let i = 0; i < graph.nodes.length; i++) outStart[i + 1]! += outStart[i]!;
    const broken = { ...graph, edges, outStart };
    const v = getVerification(machine, broken);
    expect(v.agree).toBe(false);
    expect(v.ways.missing).toEqual([`${graph.nodes[lost.from]!.key} --${lost.event}--> ${graph.nodes[lost.to]!.key}`]);
    expect(v.ways.extra).toEqual([]);
  });

  it('refuses a bad --max-pathways and a model that cannot be loaded, with exit 2', () => {
    const bad = runCli('verify', '--max-pathways', 'lots');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-pathways must be a whole number');
    const missing = runCli('verify', 'nowhere.json');
    expect(missing.code).toBe(2);
    expectNoStack(missing.stderr);
  });
});
