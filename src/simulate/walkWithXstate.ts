import { createActor, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { getConfigurationKey } from '../graph/compileCareGraph.ts';
import { toCompactGraph } from '../graph/toCompactGraph.ts';
import type { CareGraph } from '../graph/types.ts';
import type { Random } from './createRandom.ts';
import { chooseWayOut } from './chooseWayOut.ts';
import { sampleDuration, type Sampler } from './sampleDuration.ts';

/**
 * The reference simulator: one request driven through a real xstate actor, making the same random
 * draws in the same order as the fast engine (the duration's, then one for the way out). Used to
 * show that the fast engine takes xstate's own steps. Returns the configurations visited (node
 * indices) and the minutes they took.
 */
export function walkWithXstate(machine: AnyStateMachine, graph: CareGraph, samplers: Sampler[], random: Random): { path: number[]; minutes: number } {
  const index = new Map(graph.nodes.map((n) => [n.key, n.index]));
  const g = toCompactGraph(graph);
  const actor = createActor(machine).start();
  const path: number[] = [];
  let minutes = 0;
  try {
    for (let steps = 0; steps < 1_000_000; steps++) {
      const snapshot = actor.getSnapshot() as AnyMachineSnapshot;
      const v = index.get(getConfigurationKey(snapshot));
      if (v === undefined) throw new Error(`xstate reached a configuration the care graph does not have: ${getConfigurationKey(snapshot)}`);
      path.push(v);
      minutes += sampleDuration(samplers[v]!, random);
      if (graph.nodes[v]!.isOutcome) return { path, minutes };
      // The same choice as the fast engine; xstate then decides where that event leads.
      actor.send({ type: graph.edges[chooseWayOut(g.outStart, g.prob, v, random)]!.event });
    }
    throw new Error('the request took more than 1,000,000 steps');
  } finally {
    actor.stop();
  }
}
