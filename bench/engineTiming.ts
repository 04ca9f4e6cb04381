/**
 * Times one simulation engine in a fresh process, so that figures are not coloured by whatever
 * the benchmark process did before. Prints a JSON line: { count, seconds, extra }.
 *   node --import tsx bench/engineTiming.ts montecarlo|des|handover
 *
 * The engines timed are the compiled ones in dist/, which the command line and the library run
 * (bench/run.ts builds it first); the models are written with the source's helpers.
 */
import path from 'node:path';
import { toCareMachine } from '../src/model/defineCareModel.ts';
import { toHandoverGraph } from './handoverModel.ts';

const dist = (file: string) => new URL(`../dist/${file}.js`, import.meta.url).href;
const { compileCareGraph } = (await import(dist('graph/compileCareGraph'))) as typeof import('../src/graph/compileCareGraph.ts');
const { loadModel } = (await import(dist('io/loadModel'))) as typeof import('../src/io/loadModel.ts');
const { createRandom } = (await import(dist('simulate/createRandom'))) as typeof import('../src/simulate/createRandom.ts');
const { runDes } = (await import(dist('simulate/runDes'))) as typeof import('../src/simulate/runDes.ts');
const { runReplication } = (await import(dist('simulate/runMonteCarlo'))) as typeof import('../src/simulate/runMonteCarlo.ts');

const which = process.argv[2];

if (which === 'montecarlo') {
  const loaded = await loadModel(path.resolve(import.meta.dirname, '../models/city-uec.ts'));
  if (!loaded.ok) throw new Error(loaded.reason);
  const graph = compileCareGraph(loaded.machine).graph!;
  runReplication(graph, 100_000, createRandom(9));
  const requests = 2_000_000;
  const started = performance.now();
  const tally = runReplication(graph, requests, createRandom(1));
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ count: tally.visits.reduce((a, b) => a + b, 0) - requests, seconds, extra: requests }));
} else if (which === 'handover') {
  const graph = toHandoverGraph(compileCareGraph);
  for (let seed = 9; seed < 12; seed++) runDes(graph, { days: 20, warmup: 1, replications: 1, seed });
  const days = 200;
  const started = performance.now();
  const result = runDes(graph, { days, warmup: 1, replications: 1, seed: 1 });
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ count: result.requestsPerReplication * ((days + 1) / days), seconds, extra: result.clocks[0]!.mean }));
} else {
  const graph = compileCareGraph(
    toCareMachine({
      id: 'mm10',
      meta: { title: 'M/M/10', description: 'Arrivals 2 a minute, exponential service with mean 4, 10 servers.', demand: { perDay: 2 * 1440 } },
      initial: 'arrive',
      states: {
        arrive: { meta: { agency: 'a', function: 'receive' }, on: { SERVE: 'service' } },
        service: { meta: { agency: 'a', function: 'treat', duration: { dist: 'exponential', mean: 4 }, capacity: { servers: 10 } }, on: { DONE: 'out' } },
        out: { type: 'final', meta: { agency: 'a', outcome: 'home' } },
      },
    }),
  ).graph!;
  // Warm-up runs first, so that the timed run measures the compiled engine, not the compiler.
  for (let seed = 9; seed < 12; seed++) runDes(graph, { days: 30, warmup: 1, replications: 1, seed });
  const days = 200;
  const started = performance.now();
  const result = runDes(graph, { days, warmup: 1, replications: 1, seed: 1 });
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ count: result.requestsPerReplication * ((days + 1) / days), seconds, extra: result.services[0]!.waitMean }));
}
