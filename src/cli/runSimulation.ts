import { Worker } from 'node:worker_threads';
import type { CareGraph } from '../graph/types.ts';
import { createRandom } from '../simulate/createRandom.ts';
import type { DesOptions } from '../simulate/desTypes.ts';
import { runDesTally } from '../simulate/runDesReplications.ts';
import { runReplication, type ReplicationTally } from '../simulate/runMonteCarlo.ts';
import type { DesTally } from '../simulate/summariseDes.ts';
import type { MonteCarloOptions } from '../simulate/types.ts';

/** What a worker needs to run replications of a model. */
export interface SimulationJob {
  mode: 'montecarlo' | 'des';
  montecarlo: MonteCarloOptions;
  des: DesOptions;
}

/**
 * Runs every replication, on `workers` threads or in this one, and returns the tallies in
 * replication order. Replication r always uses random stream r of the seed, so results do not
 * depend on how many workers there are. `progress` hears of each replication as it finishes.
 */
export async function runSimulation(
  graph: CareGraph,
  job: SimulationJob,
  workers: number,
  progress: (done: number, total: number) => void,
): Promise<(ReplicationTally | DesTally)[]> {
  const total = job.mode === 'des' ? job.des.replications : job.montecarlo.replications;
  const tallies: (ReplicationTally | DesTally)[] = new Array(total);
  let done = 0;
  if (workers <= 1 || total <= 1) {
    for (let r = 0; r < total; r++) {
      tallies[r] = job.mode === 'des' ? runDesTally(graph, job.des, r) : runReplication(graph, job.montecarlo.requests, createRandom(job.montecarlo.seed, r));
      progress(++done, total);
    }
    return tallies;
  }
  const share = Array.from({ length: Math.min(workers, total) }, (_, w) =>
    Array.from({ length: total }, (_, r) => r).filter((r) => r % Math.min(workers, total) === w),
  );
  await Promise.all(
    share.map(
      (replications) =>
        new Promise<void>((resolve, reject) => {
          // The compiled graph goes to the worker, so that it runs exactly this model (read from a file or standard input).
          const worker = new Worker(new URL('./simulateWorker.mjs', import.meta.url), { workerData: { ...job, graph, replications } });
          worker.on('message', (message: { replication: number; tally: ReplicationTally | DesTally }) => {
            tallies[message.replication] = message.tally;
            progress(++done, total);
          });
          worker.once('error', reject);
          worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a simulation worker stopped with code ${code}`))));
        }),
    ),
  );
  return tallies;
}
