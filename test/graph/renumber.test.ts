import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toAssumptionChanges, toAssumptionModel } from '../../src/analysis/createAssumptionModel.ts';
import { compileCareGraph } from '../../src/graph/compileCareGraph.ts';
import { renumberCareGraph } from '../../src/graph/renumberCareGraph.ts';
import type { CareGraph } from '../../src/graph/types.ts';
import { checkModel } from '../../src/model/checkModel.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { getAssumptions } from '../../src/model/getAssumptions.ts';
import { applyPlans } from '../../src/strategy/applyPlans.ts';
import { arbitraryModelConfig } from '../support/arbitraryModel.ts';
import { compileFile } from '../support/compile.ts';

type Config = Record<string, unknown>;

/**
 * A copy of a config with new numbers: every declared probability replaced (not summing to 1, so
 * that normalising is tested too), ways written as a bare target given one, and every atomic
 * state a duration. The states and ways out are the same.
 */
function withNumbers(config: Config, draws: number[]): Config {
  let k = 0;
  const next = () => draws[k++ % draws.length]!;
  const copy = structuredClone(config);
  const visit = (node: Config) => {
    const states = node.states as Record<string, Config> | undefined;
    if (!states && node.type !== 'final') node.meta = { ...((node.meta as Config) ?? {}), duration: { dist: 'exponential', mean: 1 + 60 * next() } };
    const on = node.on as Record<string, unknown> | undefined;
    for (const [event, ways] of Object.entries(on ?? {})) {
      const list = (Array.isArray(ways) ? ways : [ways]).map((w) =>
        typeof w === 'string' ? { target: w, meta: { p: next() } } : { ...(w as Config), meta: { ...((w as Config).meta as Config), p: next() } },
      );
      on![event] = Array.isArray(ways) ? list : list[0];
    }
    for (const child of Object.values(states ?? {})) visit(child);
  };
  visit(copy);
  return copy;
}

describe('a compiled graph renumbered from a config with new numbers', () => {
  it('equals compiling that config, on generated models (hierarchy, inherited ways out, guards, parallel regions)', () => {
    fc.assert(
      fc.property(arbitraryModelConfig(), fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }), (config, draws) => {
        const base = compileCareGraph(toCareMachine(config)).graph;
        fc.pre(base !== undefined);
        const changed = withNumbers(config, draws);
        const expected = compileCareGraph(toCareMachine(changed)).graph!;
        expect(renumberCareGraph(base!, changed)).toEqual(expected);
      }),
      { numRuns: 150, seed: 20261201 },
    );
  });

  it('equals compiling the city with its assumptions anywhere in their ranges, and its check finds the same', async () => {
    const { machine } = await compileFile('models/city-uec.ts');
    const assumptions = getAssumptions(machine.config as Config);
    const base = checkModel(machine).graph!;
    const draw = fc.tuple(...assumptions.map((a) => fc.double({ min: a.range![0], max: a.range![1], noNaN: true })));
    fc.assert(
      fc.property(draw, (raw) => {
        const values = raw.map((v, i) => (/(units|servers|waitingRoom|places)$/.test(assumptions[i]!.field) ? Math.round(v) : v));
        const rebuilt = toAssumptionModel(machine, assumptions, values);
        const renumbered = toAssumptionModel(machine, assumptions, values, base);
        expect(renumbered).toEqual(rebuilt);
        const changes = toAssumptionChanges(assumptions, values, machine.config as Config);
        const applied = applyPlans(machine.config as Config, [{ id: 'a', name: 'a', owner: '', description: '', supports: [], evidence: [], changes }]);
        expect('graph' in rebuilt && (rebuilt.graph as CareGraph)).toEqual(renumberCareGraph(base, applied.config));
      }),
      { numRuns: 20, seed: 1 },
    );
  });

  it('a number the check refuses is refused the same way (a probability above 1, a resource of 2.5 units)', async () => {
    const { machine } = await compileFile('test/fixtures/fit-town.json');
    const assumptions = getAssumptions(machine.config as Config);
    const base = checkModel(machine).graph!;
    const values = assumptions.map((a) => a.value!);
    const bad = assumptions.flatMap((a, k): [number, number][] => (a.field === 'p' ? [[k, 1.5]] : /units$/.test(a.field) ? [[k, 2.5]] : []));
    expect(bad.length).toBeGreaterThan(1);
    for (const [k, value] of bad) {
      const at = values.map((v, i) => (i === k ? value : v));
      const rebuilt = toAssumptionModel(machine, assumptions, at);
      expect('problem' in rebuilt).toBe(true);
      expect(toAssumptionModel(machine, assumptions, at, base)).toEqual(rebuilt);
    }
  });

  it('is not offered for a graph compiled elsewhere (sent from a worker, read from JSON)', () => {
    const graph = compileCareGraph(toCareMachine(structuredClone(smallConfig))).graph!;
    expect(renumberCareGraph(structuredClone(graph), smallConfig)).toBeUndefined();
  });
});

const smallConfig: Config = {
  id: 'tiny',
  initial: 'a',
  states: { a: { meta: { agency: 'x', duration: { dist: 'fixed', value: 5 } }, on: { GO: 'b' } }, b: { type: 'final', meta: { outcome: 'home' } } },
};
