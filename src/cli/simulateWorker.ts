/** Runs some replications of a simulation for the `simulate` command, on a worker thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { compileCareGraph } from '../graph/compileCareGraph.ts';
import { loadModel } from '../io/loadModel.ts';
import { createRandom } from '../simulate/createRandom.ts';
import { runDesTally } from '../simulate/runDesReplications.ts';
import { runReplication } from '../simulate/runMonteCarlo.ts';
import type { SimulationJob } from './runSimulation.ts';

const job = workerData as SimulationJob & { replications: number[] };
const loaded = await loadModel(job.file);
if (!loaded.ok) throw new Error(loaded.reason);
const { graph } = compileCareGraph(loaded.machine, { maxConfigurations: job.maxConfigurations });
if (!graph) throw new Error('the model did not compile in the worker');
for (const r of job.replications) {
  const tally = job.mode === 'des' ? runDesTally(graph, job.des, r) : runReplication(graph, job.montecarlo.requests, createRandom(job.montecarlo.seed, r));
  parentPort!.postMessage({ replication: r, tally });
}
