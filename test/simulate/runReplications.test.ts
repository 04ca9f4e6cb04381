import { describe, expect, it } from 'vitest';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { defaultDesOptions } from '../../src/simulate/runDesReplication.ts';
import { defaultMonteCarloOptions } from '../../src/simulate/runMonteCarlo.ts';
import { runReplications } from '../../src/simulate/runReplications.ts';
import { compile, compileFile } from '../support/compile.ts';

describe('the worker pool', () => {
  it('gives the same tallies on 1 and 3 workers, for several models at once', async () => {
    const { graph: small } = await compileFile('test/fixtures/small.json');
    const { graph: regions } = await compileFile('test/fixtures/regions.ts');
    const plan = {
      graphs: [small, regions],
      mode: 'des' as const,
      montecarlo: defaultMonteCarloOptions,
      des: { ...defaultDesOptions, days: 3, warmup: 1, replications: 4 },
    };
    const seen: number[] = [];
    const one = await runReplications(plan, { workers: 1 });
    const three = await runReplications(plan, { workers: 3, progress: (done) => seen.push(done) });
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('fails the run with a clear message when a worker fails', async () => {
    // No demand: the engine refuses to start, inside the worker.
    const graph = compile(
      toCareMachine({
        id: 'x',
        meta: { title: 'X', description: 'X.' },
        initial: 'a',
        states: {
          a: { meta: { agency: 'gp', function: 'assess', capacity: { servers: 1 } }, on: { GO: 'b' } },
          b: { type: 'final', meta: { agency: 'gp', outcome: 'home' } },
        },
      }),
    );
    const plan = { graphs: [graph], mode: 'des' as const, montecarlo: defaultMonteCarloOptions, des: { ...defaultDesOptions, replications: 3 } };
    await expect(runReplications(plan, { workers: 2 })).rejects.toThrow(
      /^a simulation worker failed \(runDesReplication: the model has no demand.*\) during replication \d of model 1; the run was stopped$/,
    );
  });
});
