import type { CareGraph } from '../graph/types.ts';
import type { Random } from './createRandom.ts';
import { chooseWayOut } from './chooseWayOut.ts';
import { sampleDuration, toSampler, type Sampler } from './sampleDuration.ts';

/**
 * The parallel regions of a care graph as flat arrays, for the engines' inner loops. A region is
 * one active atomic state of a parallel configuration, with its own clock and its own ways out
 * (see `RegionStep`). Regions of node v are slots `regionStart[v]` up to `regionStart[v + 1]`;
 * a node without regions has none.
 */
export interface RegionTables {
  /** True when some node has regions; engines skip every region step otherwise. */
  any: boolean;
  regionStart: Int32Array;
  /** Each slot's duration. */
  samplers: Sampler[];
  /** 1 when the slot's region can move (not final, and has a way out). */
  moving: Uint8Array;
  /** Ways out of slot s are entries `wayStart[s]` up to `wayStart[s + 1]` of `wayEdge` and `wayProb`. */
  wayStart: Int32Array;
  wayEdge: Int32Array;
  wayProb: Float64Array;
  /** For edge e into a node with regions: entries `carryStart[e]` up to `carryStart[e + 1]` of `carryFrom`, one per region of the target. */
  carryStart: Int32Array;
  /** The region (0-based, of the edge's source node) whose clock carries on, or -1. */
  carryFrom: Int32Array;
  /** The most regions any node has: the size of a request's clock buffer. */
  maxRegions: number;
}

const cache = new WeakMap<CareGraph, RegionTables>();

/** Converts (once per graph) the regions of a care graph into flat arrays. */
export function toRegionTables(graph: CareGraph): RegionTables {
  const cached = cache.get(graph);
  if (cached) return cached;
  const regions = graph.nodes.map((n) => n.regions ?? []);
  const slots = regions.flat();
  const regionStart = new Int32Array(graph.nodes.length + 1);
  regions.forEach((r, v) => (regionStart[v + 1] = regionStart[v]! + r.length));
  const wayStart = new Int32Array(slots.length + 1);
  slots.forEach((r, s) => (wayStart[s + 1] = wayStart[s]! + r.ways.length));
  const ways = slots.flatMap((r) => r.ways);
  const carryStart = new Int32Array(graph.edges.length + 1);
  const carryFrom: number[] = [];
  for (const e of graph.edges) {
    const target = regions[e.to]!;
    for (let k = 0; k < target.length; k++) carryFrom.push(e.carry?.[k] ?? -1);
    carryStart[e.index + 1] = carryFrom.length;
  }
  const tables: RegionTables = {
    any: slots.length > 0,
    regionStart,
    samplers: slots.map((r) => toSampler(r.duration)),
    moving: Uint8Array.from(slots, (r) => (!r.done && r.ways.length > 0 ? 1 : 0)),
    wayStart,
    wayEdge: Int32Array.from(ways, (w) => w.edge),
    wayProb: Float64Array.from(ways, (w) => w.p),
    carryStart,
    carryFrom: Int32Array.from(carryFrom),
    // A loop, not Math.max(...): a graph may have more nodes than a call takes arguments.
    maxRegions: regions.reduce((most, r) => Math.max(most, r.length), 1),
  };
  cache.set(graph, tables);
  return tables;
}

/**
 * A request enters node `v` (which has regions) by edge `e` (-1 when it did not come from a node
 * with regions), after `elapsed` minutes at the node it left, where region `moved` took the way out.
 * Sets the time left on each of v's regions in `clocks` from `offset`: regions whose state the way
 * out did not leave carry on with the time they had left (read from `previous`, the clocks of the
 * node left, from `previousOffset`); the others sample their step afresh, in document order.
 * Returns the region that finishes first (ties: the first in document order), or -1 when none can move.
 */
export function startRegions(
  t: RegionTables,
  v: number,
  e: number,
  moved: number,
  elapsed: number,
  previous: Float64Array,
  previousOffset: number,
  clocks: Float64Array,
  offset: number,
  random: Random,
): number {
  const first = t.regionStart[v]!;
  const count = t.regionStart[v + 1]! - first;
  const carryAt = e >= 0 ? t.carryStart[e]! : 0;
  const carries = e >= 0 && t.carryStart[e + 1]! > carryAt;
  let next = -1;
  let least = Infinity;
  for (let k = 0; k < count; k++) {
    const from = carries ? t.carryFrom[carryAt + k]! : -1;
    // The region that moved has finished its step, even where its way out left its state as it was.
    const left = from >= 0 && from !== moved ? previous[previousOffset + from]! - elapsed : sampleDuration(t.samplers[first + k]!, random);
    clocks[offset + k] = left;
    if (t.moving[first + k] && left < least) {
      least = left;
      next = k;
    }
  }
  return next;
}

/** The way out (an edge index) that region `k` of node `v` takes, by the region's own probabilities. */
export function chooseRegionWay(t: RegionTables, v: number, k: number, random: Random): number {
  return t.wayEdge[chooseWayOut(t.wayStart, t.wayProb, t.regionStart[v]! + k, random)]!;
}
