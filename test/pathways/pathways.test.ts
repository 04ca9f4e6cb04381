import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { __unsafe_getAllOwnEventDescriptors, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { getSimplePaths } from '@xstate/graph';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import type { CareGraph } from '../../src/graph/types.ts';
import { countPathways, enumeratePathways, getTopPathways, toPathway } from '../../src/pathways/index.ts';
import type { Pathway } from '../../src/pathways/types.ts';
import { arbitraryModelConfig } from '../support/arbitraryModel.ts';
import { compile, compileFile } from '../support/compile.ts';

/** @xstate/graph's simple paths that end in an outcome, as event sequences. */
function xstateSimplePaths(machine: AnyStateMachine): string[] {
  const isOutcome = (s: AnyMachineSnapshot) =>
    s.status === 'done' || s._nodes.filter((n) => n.type === 'atomic' || n.type === 'final').every((n) => n.type === 'final');
  const paths = getSimplePaths(machine, {
    events: (s: AnyMachineSnapshot) =>
      __unsafe_getAllOwnEventDescriptors(s)
        .filter((type) => !type.startsWith('xstate.') && s.can({ type }))
        .map((type) => ({ type })),
    toState: isOutcome,
  });
  return paths
    .map((p) =>
      p.steps
        .slice(1)
        .map((s) => s.event.type)
        .join(' '),
    )
    .sort();
}

function allPathways(graph: CareGraph, maxRevisits: number): Pathway[] {
  const found: Pathway[] = [];
  enumeratePathways(graph, { maxRevisits, limit: Infinity }, (c) => {
    found.push(toPathway(graph, c.nodes, c.edges, c.length, found.length + 1));
  });
  return found;
}

const fixtures = ['test/fixtures/small.json', 'test/fixtures/parallel.ts', 'test/fixtures/guarded.ts'];

describe('pathway enumeration', () => {
  it.each(fixtures)('gives the same simple pathways as @xstate/graph getSimplePaths for %s', async (file) => {
    const { machine, graph } = await compileFile(file);
    const ours = allPathways(graph, 0)
      .map((p) => p.events.join(' '))
      .sort();
    expect(ours.length).toBeGreaterThan(1);
    expect(ours).toEqual(xstateSimplePaths(machine));
  });

  it('gives the same simple pathways as getSimplePaths on generated models', () => {
    fc.assert(
      fc.property(arbitraryModelConfig(), (config) => {
        const machine = toCareMachine(config);
        const ours = allPathways(compile(machine), 0)
          .map((p) => p.events.join(' '))
          .sort();
        expect(ours).toEqual(xstateSimplePaths(machine));
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('carries probability, time, agencies, handoffs, functions and outcome on each pathway', async () => {
    const { graph } = await compileFile('test/fixtures/small.json');
    const viaGp = allPathways(graph, 0).find((p) => p.events.join(' ') === 'CALL_111 BOOK_GP REFER_ED ADMIT')!;
    expect(viaGp.states).toEqual(['small.home', 'small.nhs111.triage', 'small.gp.appointment', 'small.ed', 'small.admitted']);
    expect(viaGp.probability).toBeCloseTo(0.8 * 0.6 * 0.1 * 0.25, 14);
    const sigma = Math.log(25 / 12) / 1.2815515655446004;
    expect(viaGp.expectedMinutes).toBeCloseTo(12 * Math.exp((sigma * sigma) / 2) + 15 + (60 + 150 + 480) / 3, 10);
    expect(viaGp.agencies).toEqual(['person', 'nhs111', 'gp', 'ed']);
    expect(viaGp.handoffs).toBe(3);
    expect(viaGp.functions).toEqual(['seek-help', 'assess', 'treat', 'emergency-treatment']);
    expect(viaGp.outcome).toBe('admitted');
  });

  it('allows a state to recur up to k more times, which is how re-contacts appear', async () => {
    const { graph } = await compileFile('test/fixtures/guarded.ts');
    const loops = (k: number) => allPathways(graph, k).filter((p) => p.events.includes('COME_BACK')).length;
    // COME_BACK re-enters ed with the counter raised, a new configuration each time (capped at 2).
    expect(loops(0)).toBeGreaterThan(0);
    expect(allPathways(graph, 1).length).toBe(allPathways(graph, 0).length);
    const loop = toCareMachine({
      id: 'loop',
      initial: 'a',
      states: {
        a: {
          meta: { agency: 'x', function: 'assess' },
          on: { AGAIN: { target: 'a', reenter: true, meta: { p: 0.5 } }, DONE: { target: 'end', meta: { p: 0.5 } } },
        },
        end: { type: 'final', meta: { agency: 'x', outcome: 'home' } },
      },
    });
    const g = compile(loop);
    // Depth first, AGAIN before DONE: the longest walk is found first.
    expect([0, 1, 2, 3].map((k) => allPathways(g, k).map((p) => p.events.length))).toEqual([[1], [2, 1], [3, 2, 1], [4, 3, 2, 1]]);
    expect(allPathways(g, 3).map((p) => p.probability)).toEqual([0.0625, 0.125, 0.25, 0.5]);
  });

  it('stops at the limit and says there were more', async () => {
    const { graph } = await compileFile('test/fixtures/small.json');
    const all = allPathways(graph, 0).length;
    let seen = 0;
    expect(enumeratePathways(graph, { limit: 2 }, () => void seen++)).toEqual({ visited: 2, complete: false });
    expect(seen).toBe(2);
    expect(enumeratePathways(graph, { limit: all }, () => {})).toEqual({ visited: all, complete: true });
  });

  it('uses memory fixed by the graph, not the number of pathways: one cursor object is reused', async () => {
    const { graph } = await compileFile('test/fixtures/small.json');
    const cursors = new Set<object>();
    enumeratePathways(graph, { limit: Infinity }, (c) => void cursors.add(c));
    expect(cursors.size).toBe(1);
  });
});

describe('exact counting', () => {
  it('equals the number enumerated, for k = 0, 1 and 2, on generated models', () => {
    fc.assert(
      fc.property(arbitraryModelConfig(), fc.constantFrom(0, 1, 2), (config, k) => {
        const graph = compile(toCareMachine(config));
        let n = 0;
        enumeratePathways(graph, { maxRevisits: k, limit: Infinity }, () => void n++);
        expect(countPathways(graph, { maxRevisits: k })).toEqual({ exact: true, total: BigInt(n) });
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('counts 10^40 pathways through a wide model as an exact number, instantly', () => {
    // 40 layers of 10 services, each service leading to every service of the next layer.
    const layers = 40;
    const width = 10;
    const states: Record<string, unknown> = {};
    for (let l = 0; l < layers; l++) {
      for (let w = 0; w < width; w++) {
        const next =
          l + 1 < layers
            ? Array.from({ length: width }, (_, x) => [`TO_${x}`, { target: `s${l + 1}_${x}`, meta: { p: 1 / width } }])
            : [['DONE', { target: 'end' }]];
        states[`s${l}_${w}`] = { meta: { agency: `a${l % 3}`, function: 'treat' }, on: Object.fromEntries(next) };
      }
    }
    states.start = {
      meta: { agency: 'a0', function: 'seek-help' },
      on: Object.fromEntries(Array.from({ length: width }, (_, x) => [`TO_${x}`, { target: `s0_${x}`, meta: { p: 1 / width } }])),
    };
    states.end = { type: 'final', meta: { agency: 'a0', outcome: 'home' } };
    const graph = compile(toCareMachine({ id: 'wide', initial: 'start', states }));
    expect(countPathways(graph)).toEqual({ exact: true, total: 10n ** 40n });
  });

  it('names the loop that is too large to count within the step limit', async () => {
    const { graph } = await compileFile('models/city-uec.ts');
    const result = countPathways(graph, { maxRevisits: 1, maxWork: 10_000 });
    expect(result.exact).toBe(false);
    if (!result.exact)
      expect(result.reason).toMatch(/^the loop through city\.[\w.]+, .* has too many ways round it to count within 10,000 steps with 1 revisit allowed/);
  });

  it('counts the default city exactly with no revisits', async () => {
    const { graph } = await compileFile('models/city-uec.ts');
    expect(countPathways(graph)).toEqual({ exact: true, total: 8_420_309n });
  });
});

describe('the most likely pathways', () => {
  it('are the K most probable of all pathways, most likely first, on generated models', () => {
    fc.assert(
      fc.property(arbitraryModelConfig(), fc.constantFrom(0, 1), fc.integer({ min: 1, max: 8 }), (config, k, top) => {
        const graph = compile(toCareMachine(config));
        const all = allPathways(graph, k)
          .map((p) => p.probability)
          .filter((p) => p > 0)
          .sort((a, b) => b - a);
        const found = getTopPathways(graph, { maxRevisits: k, top });
        const probs = found.pathways.map((p) => p.probability);
        expect(probs.length).toBe(Math.min(top, all.length));
        probs.forEach((p, i) => expect(p).toBeCloseTo(all[i]!, 12));
        expect(found.coverage).toBeCloseTo(
          probs.reduce((a, b) => a + b, 0),
          12,
        );
        expect(found.complete).toBe(true);
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it('rank the default city’s pathways by probability, with their coverage', async () => {
    const { graph } = await compileFile('models/city-uec.ts');
    const { pathways, coverage } = getTopPathways(graph, { top: 20 });
    expect(pathways.map((p) => p.rank)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (let i = 1; i < 20; i++) expect(pathways[i]!.probability).toBeLessThanOrEqual(pathways[i - 1]!.probability);
    expect(pathways[0]!.events).toEqual(['CONTACT_GP', 'TRIAGE', 'SAME_DAY_APPOINTMENT', 'TREATED']);
    expect(coverage).toBeGreaterThan(0.5);
    expect(coverage).toBeLessThan(1);
  });
});
