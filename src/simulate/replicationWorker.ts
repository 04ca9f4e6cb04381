/** A worker thread of `runReplications`: runs the jobs it is given, one at a time, and sends back each tally. */
import { parentPort, workerData } from 'node:worker_threads';
import { runReplicationJob, type ReplicationJob, type ReplicationPlan } from './runReplications.ts';

const plan = workerData as ReplicationPlan;
parentPort!.on('message', (job: ReplicationJob) => {
  parentPort!.postMessage({ ...job, tally: runReplicationJob(plan, job) });
});
