/**
 * Runs the baseline, @xstate/graph's getSimplePaths, in a worker so that the benchmark can stop it
 * when it does not finish in time. Counts the simple paths that end in an outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getSimplePaths } from '@xstate/graph';
import { __unsafe_getAllOwnEventDescriptors, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { loadModel } from '../src/io/loadModel.ts';
import { createLayeredModel, type LayeredOptions } from './synthetic.ts';

const { layered, file } = workerData as { layered?: LayeredOptions; file?: string };
let machine: AnyStateMachine;
if (layered) machine = createLayeredModel(layered);
else {
  const loaded = await loadModel(file!);
  if (!loaded.ok) throw new Error(loaded.reason);
  machine = loaded.machine;
}
const isOutcome = (s: AnyMachineSnapshot) =>
  s.status === 'done' || s._nodes.filter((n) => n.type === 'atomic' || n.type === 'final').every((n) => n.type === 'final');
const started = performance.now();
const paths = getSimplePaths(machine, {
  events: (s: AnyMachineSnapshot) =>
    __unsafe_getAllOwnEventDescriptors(s)
      .filter((type) => !type.startsWith('xstate.'))
      .map((type) => ({ type })),
  toState: isOutcome,
});
parentPort!.postMessage({ pathways: paths.length, ms: performance.now() - started });
