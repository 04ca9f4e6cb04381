import type { CareGraph } from '../../graph/types.ts';
import { getFlowPlan } from '../../simulate/getFlowPlan.ts';

/** The waiting room (see `getFlowPlan`) at a state, or inside it; -1 when there is none. */
export function getRoomAt(graph: CareGraph, state: string): number {
  const rooms = getFlowPlan(graph).rooms;
  const exact = rooms.findIndex((r) => r.state === state);
  return exact >= 0 ? exact : rooms.findIndex((r) => r.state.startsWith(`${state}.`));
}

/** The resource a measure names: a resource id, or the resource a state's waiting room waits for; -1 when neither. */
export function getResourceAt(graph: CareGraph, state: string): number {
  const plan = getFlowPlan(graph);
  const named = plan.resources.findIndex((r) => r.id === state);
  if (named >= 0) return named;
  const room = getRoomAt(graph, state);
  return room >= 0 ? plan.rooms[room]!.resource : -1;
}

/** The check of a measure taken where requests queue: the state has a waiting room (it, or a state inside it, uses a resource). */
export function checkQueueState(graph: CareGraph, state: string): { problem: string; hint: string } | undefined {
  if (getResourceAt(graph, state) >= 0) return undefined;
  if (!graph.stateInfo.some((s) => s.path === state)) return { problem: `${state} is not a state of the model.`, hint: 'Name a state path, or a resource id.' };
  return {
    problem: `${state} uses no resource, so no one queues there.`,
    hint: 'Name a state with meta.capacity or meta.uses, or a resource id from meta.resources.',
  };
}
