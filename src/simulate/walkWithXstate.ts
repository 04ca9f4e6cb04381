import { createActor, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { getConfigurationKey } from '../graph/compileCareGraph.ts';
import type { CareGraph } from '../graph/types.ts';
import type { Random } from './createRandom.ts';
import { RequestWalk } from './RequestWalk.ts';

/**
 * The reference simulator: one request driven through a real xstate actor, making the same random
 * draws in the same order as the engines (`RequestWalk`: the time spent, then the way out). The walk
 * chooses the event; xstate decides where it leads. Used to show that the engines take xstate's own
 * steps. Returns the configurations visited (node indices) and the minutes they took.
 */
export function walkWithXstate(machine: AnyStateMachine, graph: CareGraph, random: Random): { path: number[]; minutes: number } {
  const index = new Map(graph.nodes.map((n) => [n.key, n.index]));
  const walk = new RequestWalk(graph);
  const actor = createActor(machine).start();
  const path: number[] = [];
  let minutes = 0;
  walk.begin();
  try {
    for (let steps = 0; steps < 1_000_000; steps++) {
      const snapshot = actor.getSnapshot() as AnyMachineSnapshot;
      const v = index.get(getConfigurationKey(snapshot));
      if (v === undefined) throw new Error(`xstate reached a configuration the care graph does not have: ${getConfigurationKey(snapshot)}`);
      path.push(v);
      minutes += walk.stay(v, random);
      if (graph.nodes[v]!.isOutcome) return { path, minutes };
      actor.send({ type: graph.edges[walk.leave(v, random)]!.event });
    }
    throw new Error('the request took more than 1,000,000 steps');
  } finally {
    actor.stop();
  }
}
