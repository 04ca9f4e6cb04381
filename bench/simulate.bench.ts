import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { compileCareGraph } from '../src/graph/compileCareGraph.ts';
import type { CareGraph } from '../src/graph/types.ts';
import { loadModel } from '../src/io/loadModel.ts';
import { createRandom } from '../src/simulate/createRandom.ts';
import { runReplication } from '../src/simulate/runMonteCarlo.ts';
import { walkWithXstate } from '../src/simulate/walkWithXstate.ts';
import { runDes } from '../src/simulate/runDes.ts';
import { toHandoverGraph } from './handoverModel.ts';
import { createSection, n } from './measure.ts';

const root = path.resolve(import.meta.dirname, '..');

function compile(machine: Parameters<typeof compileCareGraph>[0]): CareGraph {
  const { graph, diagnostics } = compileCareGraph(machine);
  if (!graph) throw new Error(diagnostics[0]?.message);
  return graph;
}

/** Times an engine in a fresh process (see engineTiming.ts), best of 3. */
function timeEngine(which: 'montecarlo' | 'des' | 'handover'): { count: number; seconds: number; extra: number } {
  let best: { count: number; seconds: number; extra: number } | undefined;
  for (let i = 0; i < 3; i++) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'engineTiming.ts'), which], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    const timing = JSON.parse(run.stdout.trim().split('\n').pop()!) as { count: number; seconds: number; extra: number };
    if (!best || timing.seconds < best.seconds) best = timing;
  }
  return best!;
}

export async function benchSimulate(): Promise<string[]> {
  const { lines, say } = createSection();
  const loaded = await loadModel(path.join(root, 'models/city-uec.ts'));
  if (!loaded.ok) throw new Error(loaded.reason);
  const city = compile(loaded.machine);

  say('## Monte Carlo against the xstate interpreter');
  say('');
  say(
    'The default city model, durations sampled at every step. The baseline drives a real xstate actor (createActor, send) with the same random choices; ours walks the compiled graph, timed in a fresh process (best of 3). Transitions are steps from one state to the next.',
  );
  say('');
  say('| engine | requests | transitions | seconds | transitions/s | ratio |');
  say('|---|---:|---:|---:|---:|---:|');
  const baseRequests = 5_000;
  let baseSteps = 0;
  const started = performance.now();
  const reference = createRandom(1);
  for (let r = 0; r < baseRequests; r++) baseSteps += walkWithXstate(loaded.machine, city, reference).path.length - 1;
  const baseSeconds = (performance.now() - started) / 1000;
  const mc = timeEngine('montecarlo');
  const requests = mc.extra;
  const oursSeconds = mc.seconds;
  const oursSteps = mc.count;
  const baseRate = baseSteps / baseSeconds;
  const oursRate = oursSteps / oursSeconds;
  say(`| xstate actor (baseline) | ${n(baseRequests)} | ${n(baseSteps)} | ${baseSeconds.toFixed(2)} | ${n(Math.round(baseRate))} | 1× |`);
  say(
    `| carepaths Monte Carlo, one core | ${n(requests)} | ${n(oursSteps)} | ${oursSeconds.toFixed(2)} | ${n(Math.round(oursRate))} | ${n(oursRate / baseRate)}× |`,
  );
  say('');

  say('## Discrete-event simulation against SimPy (M/M/10)');
  say('');
  const simpyRequests = 200_000;
  const simpy = spawnSync('/usr/bin/python3', [path.join(import.meta.dirname, 'simpy_mm10.py'), String(simpyRequests)], { encoding: 'utf8' });
  const des = timeEngine('des');
  const desSeconds = des.seconds;
  const desRequests = des.count;
  const desWait = des.extra;
  say(
    'Arrivals 2 a minute, exponential service with mean 4 minutes, 10 servers, one core; ours timed in a fresh process (best of 3). Erlang C gives a mean wait of 0.818 minutes.',
  );
  say('');
  say('| engine | requests | seconds | requests/s | mean wait (min) | ratio |');
  say('|---|---:|---:|---:|---:|---:|');
  if (simpy.status === 0) {
    const [count, seconds, wait] = simpy.stdout.trim().split(/\s+/).map(Number) as [number, number, number];
    say(
      `| SimPy 2.3.1 (Debian python3-simpy, /usr/bin/python3) | ${n(count)} | ${seconds.toFixed(2)} | ${n(Math.round(count / seconds))} | ${wait.toFixed(3)} | 1× |`,
    );
    say(
      `| carepaths DES | ${n(Math.round(desRequests))} | ${desSeconds.toFixed(2)} | ${n(Math.round(desRequests / desSeconds))} | ${desWait.toFixed(3)} | ${n(desRequests / desSeconds / (count / seconds))}× |`,
    );
  } else {
    say(
      `| SimPy | not run: ${(simpy.stderr || simpy.error?.message || 'unknown').split('\n').filter(Boolean).pop()} (apt-get install python3-simpy) | | | | |`,
    );
    say(`| carepaths DES | ${n(Math.round(desRequests))} | ${desSeconds.toFixed(2)} | ${n(Math.round(desRequests / desSeconds))} | ${desWait.toFixed(3)} | |`);
  }
  say('');

  say('## Ambulance handover against SimPy: crews held until an ED bay is free');
  say('');
  say(
    '0.7 calls a minute; 30 crews, each held through travel, on scene and conveyance (exponential, mean 10 minutes each); the patient then waits with the crew for one of 20 ED bays, the crew is released, and the bay is held through treatment (exponential, mean 25). The same model in SimPy (bench/simpy_handover.py, one long run) and in carepaths (bench/engineTiming.ts, timed in a fresh process, best of 3). The answers are compared with the 95% interval of 10 carepaths replications of 200 days.',
  );
  say('');
  say('| engine | requests | seconds | requests/s | mean handover delay (min) | ratio |');
  say('|---|---:|---:|---:|---:|---:|');
  const handoverSimpy = spawnSync('/usr/bin/python3', [path.join(import.meta.dirname, 'simpy_handover.py'), '200000'], { encoding: 'utf8' });
  const handover = timeEngine('handover');
  const interval = runDes(toHandoverGraph(), { days: 200, warmup: 1, replications: 10, seed: 7 }).clocks[0]!;
  const ci = `95% CI ${interval.ci95[0].toFixed(3)} to ${interval.ci95[1].toFixed(3)}`;
  if (handoverSimpy.status === 0) {
    const [count, seconds, , delay] = handoverSimpy.stdout.trim().split(/\s+/).map(Number) as [number, number, number, number];
    const inside = delay >= interval.ci95[0] && delay <= interval.ci95[1];
    say(
      `| SimPy 2.3.1 (Debian python3-simpy) | ${n(count)} | ${seconds.toFixed(2)} | ${n(Math.round(count / seconds))} | ${delay.toFixed(3)} (${inside ? 'inside' : 'outside'} carepaths' interval) | 1× |`,
    );
    say(
      `| carepaths DES | ${n(Math.round(handover.count))} | ${handover.seconds.toFixed(2)} | ${n(Math.round(handover.count / handover.seconds))} | ${handover.extra.toFixed(3)} (${ci}) | ${n(handover.count / handover.seconds / (count / seconds))}× |`,
    );
  } else {
    say(
      `| SimPy | not run: ${(handoverSimpy.stderr || handoverSimpy.error?.message || 'unknown').split('\n').filter(Boolean).pop()} (apt-get install python3-simpy) | | | | |`,
    );
    say(
      `| carepaths DES | ${n(Math.round(handover.count))} | ${handover.seconds.toFixed(2)} | ${n(Math.round(handover.count / handover.seconds))} | ${handover.extra.toFixed(3)} (${ci}) | |`,
    );
  }
  say('');

  say('## One simulated year of the default city');
  say('');
  say('`carepaths simulate models/city-uec.ts --mode des --days 365 --warmup 30 --replications R --workers W`, whole process, best of 2.');
  say('');
  say('| replications | workers | seconds | simulated city-years per second |');
  say('|---:|---:|---:|---:|');
  for (const [replications, workers] of [
    [1, 1],
    [2, 1],
    [2, 2],
  ] as const) {
    let best = Infinity;
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      const run = spawnSync(
        process.execPath,
        [
          path.join(root, 'bin/carepaths.js'),
          'simulate',
          'models/city-uec.ts',
          '--mode',
          'des',
          '--days',
          '365',
          '--warmup',
          '30',
          '--replications',
          String(replications),
          '--workers',
          String(workers),
          '--format',
          'json',
        ],
        { cwd: root, encoding: 'utf8' },
      );
      if (run.status !== 0) throw new Error(run.stderr);
      best = Math.min(best, performance.now() - t);
    }
    say(`| ${replications} | ${workers} | ${(best / 1000).toFixed(2)} | ${((replications * 1000) / best).toFixed(2)} |`);
  }
  say('');

  say('## Memory against the number of requests');
  say('');
  say('Heap in use after a Monte Carlo replication of the default city (histograms and counts only; nothing is kept per request).');
  say('');
  say('| requests | heap used after (MB) |');
  say('|---:|---:|');
  for (const count of [100_000, 1_000_000, 4_000_000]) {
    globalThis.gc?.();
    const kept = runReplication(city, count, createRandom(2));
    globalThis.gc?.();
    say(`| ${n(count)} | ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)} |`);
    void kept;
  }
  say('');
  return lines;
}
