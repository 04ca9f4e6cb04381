import type { CareGraph } from './types.ts';

/** True when some state a request can reach uses a resource (`meta.uses`, or the `meta.capacity` shorthand). */
export function hasCapacity(graph: CareGraph): boolean {
  return graph.stateInfo.some((s) => s.reachable && (s.meta.capacity !== undefined || s.meta.uses !== undefined));
}
