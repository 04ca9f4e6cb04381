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
 * whatever the number of workers. When `cancelled` turns true, no more jobs are given out and
 * the workers stop; the tallies are then incomplete, and the caller must not use them.
 */
export async function runDesPool(graphs: CareGraph[], options: DesOptions, workers: number, cancelled: () => boolean = () => false): Promise<DesTally[][]> {
  const tallies = graphs.map(() => new Array<DesTally>(options.replications));
  const jobs: DesJob[] = graphs.flatMap((_, model) => Array.from({ length: options.replications }, (_, replication) => ({ model, replication })));
  const threads = Math.min(workers, jobs.length);
  if (threads <= 1) {
    for (const { model, replication } of jobs) tallies[model]![replication] = runDesTally(graphs[model]!, options, replication);
    return tallies;
  }
  let next = 0;
  const running = new Set<Worker>();
  // A cancelled run stops at once: its workers are ended mid-replication, freeing the processors.
  const watchdog = setInterval(() => {
    if (cancelled()) for (const worker of running) void worker.terminate();
  }, 20);
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./desPoolWorker.mjs', import.meta.url), { workerData: { graphs, options } });
          running.add(worker);
          worker.once('exit', () => {
            running.delete(worker);
            resolve();
          });
          const give = () => {
            if (next < jobs.length && !cancelled()) worker.postMessage(jobs[next++]);
            else void worker.terminate();
          };
          worker.on('message', (message: DesJob & { tally: DesTally }) => {
            tallies[message.model]![message.replication] = message.tally;
            give();
          });
          worker.once('online', give);
          worker.once('error', reject);
        }),
    ),
  ).finally(() => clearInterval(watchdog));
  return tallies;
}
