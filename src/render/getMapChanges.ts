import type { CareGraph } from '../graph/types.ts';
import { getMarkovAnalysis } from '../markov/getMarkovAnalysis.ts';

/** Changes in requests a day smaller than this are drawn as no change (a plan's ripple far downstream). */
export const MAP_CHANGE_MIN = 0.5;

/** What a plan changes on the system map, against the baseline: on its own model's nodes and ways out. */
export interface MapChanges {
  /** By way out of the plan's model: requests a day (per 1,000 without demand) with the plan, less the baseline's. */
  delta: Float64Array;
  /** By way out: 1 where the baseline has no such way (the same states and event). */
  added: Uint8Array;
  /** By node of the plan's model: what changed there in words ('new', 'time changed', …), or undefined. */
  state: (string | undefined)[];
  /** Ways out of the baseline the plan's model no longer has: their states and requests a day before. */
  removed: { from: string; to: string; event: string; before: number }[];
  /** Labels of the resources the plan changes or adds. */
  resources: string[];
}

const wayKey = (g: CareGraph, e: CareGraph['edges'][number]) => `${g.nodes[e.from]!.id}\u0000${e.event}\u0000${g.nodes[e.to]!.id}`;
const perDayOf = (g: CareGraph) => g.meta.demand?.perDay ?? 1000;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The exact change a plan makes to the requests taking each way out (matched by the states it
 * joins and its event), the states it adds or whose time, capacity or priority it changes, the
 * ways it removes and the resources it changes: what the "what changed" map draws.
 */
export function getMapChanges(graph: CareGraph, base: CareGraph): MapChanges {
  const before = new Map<string, number>();
  const baseFlow = getMarkovAnalysis(base).edgeFlow;
  for (const e of base.edges) before.set(wayKey(base, e), baseFlow[e.index]! * perDayOf(base));
  const flow = getMarkovAnalysis(graph).edgeFlow;
  const delta = new Float64Array(graph.edges.length);
  const added = new Uint8Array(graph.edges.length);
  const seen = new Set<string>();
  for (const e of graph.edges) {
    const key = wayKey(graph, e);
    seen.add(key);
    const was = before.get(key);
    if (was === undefined) added[e.index] = 1;
    delta[e.index] = flow[e.index]! * perDayOf(graph) - (was ?? 0);
  }
  const baseNodes = new Map(base.nodes.map((n) => [n.id, n]));
  const state = graph.nodes.map((n) => {
    const was = baseNodes.get(n.id);
    if (!was) return 'new';
    const what = [
      !same(n.duration, was.duration) && 'time changed',
      !same(n.capacity, was.capacity) && 'capacity changed',
      !same(n.priority, was.priority) && 'priority changed',
    ].filter((x): x is string => !!x);
    return what.length ? what.join(', ') : undefined;
  });
  const removed = base.edges
    .filter((e) => !seen.has(wayKey(base, e)))
    .map((e) => ({ from: base.nodes[e.from]!.id, to: base.nodes[e.to]!.id, event: e.event, before: before.get(wayKey(base, e))! }));
  const baseResources = base.meta.resources ?? {};
  const resources = Object.entries(graph.meta.resources ?? {})
    .filter(([id, r]) => !same(r, baseResources[id]))
    .map(([id, r]) => `${r.label}${baseResources[id] ? '' : ' (new)'}`.replace(/^$/, id));
  return { delta, added, state, removed, resources };
}
