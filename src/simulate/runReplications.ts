import { Worker } from 'node:worker_threads';
import type { CareGraph } from '../graph/types.ts';
import { createRandom } from './createRandom.ts';
import type { DesOptions } from './types.ts';
import { runDesTally } from './runDes.ts';
import { runReplication } from './runMonteCarlo.ts';
import type { ReplicationTally } from './types.ts';
import type { DesTally } from './types.ts';
import type { MonteCarloOptions } from './types.ts';

/** What to run: replications of one engine over one or more models (a baseline and its plans, say). */
export interface ReplicationPlan {
  /** The models, compiled. */
  graphs: CareGraph[];
  mode: 'montecarlo' | 'des';
  /** Monte Carlo options (used when `mode` is 'montecarlo'). */
  montecarlo: MonteCarloOptions;
  /** Discrete-event options (used when `mode` is 'des'). */
  des: DesOptions;
}

/** One job: replication `replication` of model `model`. Replication r always uses random stream r of the seed. */
export interface ReplicationJob {
  model: number;
  replication: number;
}

/** How to run the jobs. */
export interface ReplicationRunOptions {
  /** Worker threads; 1 runs every job on this thread. */
  workers: number;
  /** Told after each replication finishes. */
  progress?: (done: number, total: number) => void;
  /** When this turns true no more jobs are given out and the workers stop; the results must then not be used. */
  cancelled?: () => boolean;
}

/** One job's tally, on whichever thread it runs; `stop` (asked every simulated hour) cuts a discrete-event replication short. */
export function runReplicationJob(plan: ReplicationPlan, job: ReplicationJob, stop?: () => boolean): ReplicationTally | DesTally {
  const graph = plan.graphs[job.model]!;
  return plan.mode === 'des'
    ? runDesTally(graph, plan.des, job.replication, stop)
    : runReplication(graph, plan.montecarlo.requests, createRandom(plan.montecarlo.seed, job.replication));
}

/**
 * Runs every replication of every model in the plan and returns the tallies by model and
 * replication. Jobs go to `workers` threads one at a time, as each thread frees up; since a job's
 * random stream depends only on its replication number, results are the same, byte for byte,
 * whatever the number of workers. A worker that fails or stops early fails the whole run, with a
 * message saying so; the other workers are stopped.
 */
export async function runReplications(plan: ReplicationPlan, options: ReplicationRunOptions): Promise<(ReplicationTally | DesTally)[][]> {
  const count = plan.mode === 'des' ? plan.des.replications : plan.montecarlo.replications;
  const tallies = plan.graphs.map(() => new Array<ReplicationTally | DesTally>(count));
  const jobs: ReplicationJob[] = plan.graphs.flatMap((_, model) => Array.from({ length: count }, (_, replication) => ({ model, replication })));
  const cancelled = options.cancelled ?? (() => false);
  let done = 0;
  const finished = (job: ReplicationJob, tally: ReplicationTally | DesTally) => {
    tallies[job.model]![job.replication] = tally;
    options.progress?.(++done, jobs.length);
  };
  const threads = Math.min(options.workers, jobs.length);
  if (threads <= 1) {
    for (const job of jobs) {
      if (cancelled()) break;
      finished(job, runReplicationJob(plan, job));
    }
    return tallies;
  }
  await runOnWorkers(plan, jobs, threads, cancelled, finished);
  return tallies;
}

/** Run from the TypeScript source (tests, tsx), a worker needs tsx registered first: the .mjs entry does that. */
const workerEntry = new URL(import.meta.url.endsWith('.ts') ? './replicationWorker.mjs' : './replicationWorker.js', import.meta.url);

function runOnWorkers(
  plan: ReplicationPlan,
  jobs: ReplicationJob[],
  threads: number,
  cancelled: () => boolean,
  finished: (job: ReplicationJob, tally: ReplicationTally | DesTally) => void,
): Promise<void> {
  let next = 0;
  let failed = false;
  const running = new Set<Worker>();
  // A cancelled run raises this flag, shared with the workers: a replication in hand stops at its
  // next simulated hour, and each worker then stops by itself.
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const watchdog = setInterval(() => cancelled() && Atomics.store(cancel, 0, 1), 20);
  // Only a failed run ends its workers from outside; otherwise each is asked to stop (see replicationWorker).
  const stopAll = () => {
    for (const worker of running) void worker.terminate();
  };
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerEntry, { workerData: { plan, cancel } });
      running.add(worker);
      let current: ReplicationJob | undefined;
      // A cancelled run gives out no more jobs: a replication in hand stops at its next simulated hour (the flag), then the worker stops.
      const give = () => {
        current = next < jobs.length && !cancelled() && !failed ? jobs[next++] : undefined;
        worker.postMessage(current ?? null);
      };
      const fail = (why: string) => {
        failed = true;
        stopAll();
        reject(
          new Error(
            `a simulation worker ${why}${current ? ` during replication ${current.replication + 1} of model ${current.model + 1}` : ''}; the run was stopped`,
          ),
        );
      };
      worker.on('message', (message: ReplicationJob & { tally: ReplicationTally | DesTally }) => {
        finished(message, message.tally);
        give();
      });
      worker.once('online', give);
      worker.once('error', (error) => fail(`failed (${error.message})`));
      worker.once('exit', (code) => {
        running.delete(worker);
        // A worker stops by itself once it has no job; one that exits with a job in hand stopped early.
        if (current && !cancelled() && !failed) fail(`stopped with exit code ${code}`);
        resolve();
      });
    });
  return Promise.all(Array.from({ length: threads }, one))
    .then(() => undefined)
    .finally(() => clearInterval(watchdog));
}
