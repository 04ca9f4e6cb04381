/** A worker thread of `runReplications`: runs the jobs it is given, one at a time, and sends back each tally. */
import { parentPort, workerData } from 'node:worker_threads';
import { runReplicationJob, type ReplicationJob, type ReplicationPlan } from './runReplications.ts';

const { plan, cancel } = workerData as { plan: ReplicationPlan; cancel: Int32Array };
const stop = () => Atomics.load(cancel, 0) === 1;
// `null` asks the worker to stop: it closes its port and ends by itself once idle, because ending a
// thread from outside (worker.terminate) can crash Node 20 when V8 is still compiling on it.
parentPort!.on('message', (job: ReplicationJob | null) => {
  if (job === null) return parentPort!.close();
  parentPort!.postMessage({ ...job, tally: runReplicationJob(plan, job, stop) });
});
