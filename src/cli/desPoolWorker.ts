/** Runs replications of the discrete-event simulation for `runDesPool`, one job at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import type { CareGraph } from '../graph/types.ts';
import type { DesOptions } from '../simulate/desTypes.ts';
import { runDesTally } from '../simulate/runDesReplications.ts';
import type { DesJob } from './runDesPool.ts';

const { graphs, options } = workerData as { graphs: CareGraph[]; options: DesOptions };
parentPort!.on('message', (job: DesJob) => {
  parentPort!.postMessage({ ...job, tally: runDesTally(graphs[job.model]!, options, job.replication) });
});
