/** Runs some replications of a simulation for the `simulate` command, on a worker thread. */
import { parentPort, workerData } from 'node:worker_threads';
import type { CareGraph } from '../graph/types.ts';
import { createRandom } from '../simulate/createRandom.ts';
import { runDesTally } from '../simulate/runDesReplications.ts';
import { runReplication } from '../simulate/runMonteCarlo.ts';
import type { SimulationJob } from './runSimulation.ts';

const job = workerData as SimulationJob & { graph: CareGraph; replications: number[] };
const graph = job.graph;
for (const r of job.replications) {
  const tally = job.mode === 'des' ? runDesTally(graph, job.des, r) : runReplication(graph, job.montecarlo.requests, createRandom(job.montecarlo.seed, r));
  parentPort!.postMessage({ replication: r, tally });
}
