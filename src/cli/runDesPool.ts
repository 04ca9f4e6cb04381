import { Worker } from 'node:worker_threads';
import type { CareGraph } from '../graph/types.ts';
import type { DesOptions } from '../simulate/desTypes.ts';
import { runDesTally } from '../simulate/runDesReplications.ts';
import type { DesTally } from '../simulate/summariseDes.ts';

/** One replication of one model, for a pool worker. */
export interface DesJob {
  model: number;
  replication: number;
}

/**
 * Runs every replication of the discrete-event simulation of several models (the baseline and
 * each plan), spread over `workers` threads, and returns the tallies by model and replication.
 * Replication r of every model uses random stream r of the seed, so the results are the same
 * whatever the number of workers.
 */
export async function runDesPool(graphs: CareGraph[], options: DesOptions, workers: number): Promise<DesTally[][]> {
  const tallies = graphs.map(() => new Array<DesTally>(options.replications));
  const jobs: DesJob[] = graphs.flatMap((_, model) => Array.from({ length: options.replications }, (_, replication) => ({ model, replication })));
  const threads = Math.min(workers, jobs.length);
  if (threads <= 1) {
    for (const { model, replication } of jobs) tallies[model]![replication] = runDesTally(graphs[model]!, options, replication);
    return tallies;
  }
  let next = 0;
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./desPoolWorker.mjs', import.meta.url), { workerData: { graphs, options } });
          const give = () => {
            if (next < jobs.length) worker.postMessage(jobs[next++]);
            else void worker.terminate().then(() => resolve());
          };
          worker.on('message', (message: DesJob & { tally: DesTally }) => {
            tallies[message.model]![message.replication] = message.tally;
            give();
          });
          worker.once('online', give);
          worker.once('error', reject);
        }),
    ),
  );
  return tallies;
}
