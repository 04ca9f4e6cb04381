import type { CareGraph } from '../../graph/types.ts';
import { getSelectedNodes } from './getSelectedNodes.ts';

/** The check of a measure taken at a state with capacity: the state exists and has a queue. */
export function checkQueueState(graph: CareGraph, state: string): { problem: string; hint: string } | undefined {
  const found = getSelectedNodes(graph, { state });
  if ('problem' in found) return found;
  if (!found.nodes.some((n) => n.capacity))
    return { problem: `${state} has no capacity, so it has no queue to measure.`, hint: 'Name a state with meta.capacity.' };
  return undefined;
}
