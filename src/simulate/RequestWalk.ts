import { toCompactGraph } from '../graph/toCompactGraph.ts';
import type { CareGraph } from '../graph/types.ts';
import type { Random } from './createRandom.ts';
import { chooseWayOut } from './chooseWayOut.ts';
import { chooseRegionWay, startRegions, toRegionTables, type RegionTables } from './regionClocks.ts';
import { getSamplers, sampleDuration, type Sampler } from './sampleDuration.ts';

/**
 * One request's walk over the care graph, step by step: the one walk that Monte Carlo, the
 * strategy's simulated measures, the handoff steps and the xstate reference all take, so that the
 * reference test checks the steps whose numbers are reported. Per node, `stay` draws the time
 * spent there (the duration's draw), then `leave` chooses the way out (one draw when there is
 * more than one). In a configuration with parallel regions the time is until the first region
 * finishes its step and the way out is that region's (see `RegionStep`).
 */
export class RequestWalk {
  private readonly outStart: Int32Array;
  private readonly prob: Float64Array;
  private readonly target: Int32Array;
  private readonly outcome: Uint8Array;
  private readonly samplers: Sampler[];
  private readonly regions: RegionTables;
  private clocks: Float64Array;
  private previous: Float64Array;
  /** The region that moves next at the current node (-1: none, or no regions). */
  private moving = -1;
  private elapsed = 0;
  private lastEdge = -1;

  constructor(graph: CareGraph) {
    const g = toCompactGraph(graph);
    this.outStart = g.outStart;
    this.prob = g.prob;
    this.target = g.target;
    this.outcome = g.outcome;
    this.samplers = getSamplers(graph);
    this.regions = toRegionTables(graph);
    this.clocks = new Float64Array(this.regions.maxRegions);
    this.previous = new Float64Array(this.regions.maxRegions);
  }

  /** Starts a new request at the initial node. */
  begin(): void {
    this.moving = -1;
    this.elapsed = 0;
    this.lastEdge = -1;
  }

  /** The minutes spent at node `v`, which the request has just entered. */
  stay(v: number, random: Random): number {
    const r = this.regions;
    if (!r.any || r.regionStart[v] === r.regionStart[v + 1]) {
      this.moving = -1;
      return (this.elapsed = sampleDuration(this.samplers[v]!, random));
    }
    const swap = this.previous;
    this.previous = this.clocks;
    this.clocks = swap;
    const moved = this.moving;
    this.moving = startRegions(r, v, this.lastEdge, moved, this.elapsed, this.previous, 0, this.clocks, 0, random);
    return (this.elapsed = this.moving >= 0 ? this.clocks[this.moving]! : 0);
  }

  /** The way out (an edge index) of node `v` after `stay`. */
  leave(v: number, random: Random): number {
    const e = this.moving >= 0 ? chooseRegionWay(this.regions, v, this.moving, random) : chooseWayOut(this.outStart, this.prob, v, random);
    this.lastEdge = e;
    return e;
  }

  /** True when node `v` is an outcome: the walk ends there. */
  isOutcome(v: number): boolean {
    return this.outcome[v] === 1;
  }

  /** The node an edge leads to. */
  to(e: number): number {
    return this.target[e]!;
  }
}
