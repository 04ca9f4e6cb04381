import { toCompactGraph } from '../graph/toCompactGraph.ts';
import type { CareGraph, CareNode } from '../graph/types.ts';
import { createRandom, type Random } from './createRandom.ts';
import type { DesMonitor, DesOptions } from './types.ts';
import { EventQueue } from './EventQueue.ts';
import { chooseWayOut } from './chooseWayOut.ts';
import { growArray } from './growArray.ts';
import { chooseRegionWay, startRegions, toRegionTables, type RegionTables } from './regionClocks.ts';
import { getSamplers, sampleDuration, type Sampler } from './sampleDuration.ts';

export const defaultDesOptions: Required<DesOptions> = { days: 28, warmup: 30, replications: 10, seed: 1, arrivals: 'poisson', runOut: 60 };

const DAY = 24 * 60;
const ARRIVE = 0;
const DONE = 1;
const HOUR = 2;

/**
 * Which server pool each node uses: the first node of the state that declares the capacity. A
 * state that appears in several configurations (with different context values) has one set of
 * servers and one queue for all of them. -1 for a node without capacity.
 */
export function getServerPools(graph: CareGraph): Int32Array {
  const first = new Map<string, number>();
  return Int32Array.from(graph.nodes, (n) => {
    if (!n.capacity) return -1;
    const key = getCapacityState(graph, n) ?? n.id;
    if (!first.has(key)) first.set(key, n.index);
    return first.get(key)!;
  });
}

/** The state path that declares a node's capacity (the first of its active states that does). */
export function getCapacityState(graph: CareGraph, node: CareNode): string | undefined {
  return node.states.find((path) => graph.stateInfo.find((info) => info.path === path)?.meta.capacity !== undefined);
}

/**
 * Servers available in each hour of the day at each server pool, by the pool's node (see
 * `getServerPools`); null for every other node.
 */
export function getServers(graph: CareGraph): (Int32Array | null)[] {
  const pools = getServerPools(graph);
  return graph.nodes.map((n) =>
    pools[n.index] === n.index ? Int32Array.from({ length: 24 }, (_, h) => n.capacity!.schedule?.[h] ?? n.capacity!.servers) : null,
  );
}

/**
 * One replication of the discrete-event simulation. Requests arrive at the model's rate per day,
 * shaped by its hourly profile (a non-homogeneous Poisson process, by thinning), walk the care
 * graph, and at states with capacity wait for a free server: first come first served, or by the
 * priority the request carries (`meta.priority`). Servers follow their hourly schedule; a cut in
 * servers takes effect as services end (no one is interrupted). Every step goes to the monitor.
 */
export function runDesReplication(graph: CareGraph, options: DesOptions, replication: number, monitor: DesMonitor): void {
  new DesReplication(graph, options, replication, monitor).run();
}

/**
 * The engine's state for one replication. A class with flat typed arrays, and a request moving
 * through states that take no time in a loop rather than by calls, because this is the inner loop
 * of every simulation: it allocates nothing per request.
 */
class DesReplication {
  private readonly outStart: Int32Array;
  private readonly target: Int32Array;
  private readonly prob: Float64Array;
  private readonly outcome: Uint8Array;
  private readonly samplers: Sampler[];
  /** 1 at the node of each server pool. */
  private readonly hasServers: Uint8Array;
  /** The server pool (its node) each node waits for, or -1. Busy counts and queues are kept by pool. */
  private readonly pool: Int32Array;
  /** Servers at state v in hour h of the day: `schedule[v * 24 + h]`. */
  private readonly schedule: Int32Array;
  private readonly fifo: Uint8Array;
  private readonly priorityOf: Float64Array;
  private readonly random: Random;
  private readonly horizon: number;
  /** Arrivals from here up to the horizon are measured, and followed to their outcome. */
  private readonly measureFrom: number;
  /** The run-out ends here, whether or not every measured request has finished. */
  private readonly runOutEnd: number;
  /** Measured requests still in the system. */
  private open = 0;
  private measured = new Uint8Array(1024);
  private readonly ratePerMinute: Float64Array;
  private readonly maxRate: number;
  private readonly regular: boolean;
  private readonly events = new EventQueue();
  /** Parallel regions (see `RegionStep`); `regionClock` holds each slot's time left on each region. */
  private readonly regions: RegionTables;
  private readonly withRegions: Uint8Array;
  private readonly regionScratch: Float64Array;
  private regionClock: Float64Array;
  private moving = new Int32Array(1024);
  private lastEdge = new Int32Array(1024);
  // Requests in the system, by slot: a finished request's slot is used again, so memory follows the
  // number in the system, not the number simulated. `caseOf` is each slot's request number.
  private caseOf = new Int32Array(1024);
  private node = new Int32Array(1024);
  private entered = new Float64Array(1024);
  private started = new Float64Array(1024);
  private arrivedAt = new Float64Array(1024);
  private priority = new Float64Array(1024);
  private enqueueOrder = new Float64Array(1024);
  private readonly freeSlots: number[] = [];
  private slots = 0;
  private requests = 0;
  private enqueued = 0;
  private readonly busy: Int32Array;
  private readonly queues: number[][];
  private readonly heads: Int32Array;
  private readonly queueLength: Int32Array;

  constructor(
    graph: CareGraph,
    options: DesOptions,
    replication: number,
    private readonly monitor: DesMonitor,
  ) {
    const g = toCompactGraph(graph);
    const n = g.n;
    this.outStart = g.outStart;
    this.target = g.target;
    this.prob = g.prob;
    this.outcome = Uint8Array.from(graph.nodes, (node) => (node.isOutcome ? 1 : 0));
    this.samplers = getSamplers(graph);
    const servers = getServers(graph);
    this.pool = getServerPools(graph);
    this.hasServers = Uint8Array.from(servers, (s) => (s ? 1 : 0));
    this.schedule = new Int32Array(n * 24);
    servers.forEach((s, v) => s && this.schedule.set(s, v * 24));
    this.fifo = Uint8Array.from(graph.nodes, (node) => (node.capacity?.queue !== 'priority' ? 1 : 0));
    this.priorityOf = Float64Array.from(graph.nodes, (node) => node.priority ?? 0);
    this.regions = toRegionTables(graph);
    this.withRegions = Uint8Array.from(graph.nodes, (node) => (node.regions ? 1 : 0));
    this.regionScratch = new Float64Array(this.regions.maxRegions);
    this.regionClock = new Float64Array(this.regions.any ? 1024 * this.regions.maxRegions : 0);
    const demand = graph.meta.demand;
    if (!demand) throw new Error('runDesReplication: the model has no demand (check it with checkDes first)');
    this.random = createRandom(options.seed, replication);
    this.horizon = (options.warmup + options.days) * DAY;
    this.measureFrom = options.warmup * DAY;
    this.runOutEnd = this.horizon + (options.runOut ?? defaultDesOptions.runOut) * DAY;
    const weights = demand.hourly ?? new Array(24).fill(1);
    const total = weights.reduce((a, b) => a + b, 0);
    this.ratePerMinute = Float64Array.from(weights, (w) => (demand.perDay * w) / total / 60);
    this.maxRate = Math.max(...this.ratePerMinute);
    this.regular = options.arrivals === 'regular';
    this.busy = new Int32Array(n);
    this.queues = graph.nodes.map(() => []);
    this.heads = new Int32Array(n);
    this.queueLength = new Int32Array(n);
  }

  run(): void {
    const { events, horizon, runOutEnd, monitor } = this;
    const first = this.nextArrival(0);
    if (first < runOutEnd) events.push(first, ARRIVE, -1);
    // Hour boundaries one at a time: each schedules the next, so the queue holds only one of them.
    if (60 <= runOutEnd) events.push(60, HOUR, -1);
    const queuesNow = new Int32Array(this.queueLength.length);
    let ended = false;
    while (events.size > 0) {
      const t = events.peekTime();
      if (t > horizon) {
        // The run-out: on until every request that arrived in the window has finished, or its end.
        if (!ended) monitor.end(horizon);
        ended = true;
        if (this.open === 0 || t > runOutEnd) break;
      }
      const type = events.peekType();
      const r = events.pop();
      if (type === DONE) {
        this.complete(r, t);
      } else if (type === ARRIVE) {
        const slot = this.newSlot();
        this.caseOf[slot] = this.requests++;
        this.arrivedAt[slot] = t;
        this.priority[slot] = 0;
        this.lastEdge[slot] = -1;
        this.moving[slot] = -1;
        const measured = t >= this.measureFrom && t <= horizon ? 1 : 0;
        this.measured[slot] = measured;
        this.open += measured;
        monitor.arrive(slot, t);
        this.enter(slot, 0, t);
        const next = this.nextArrival(t);
        if (next < runOutEnd) events.push(next, ARRIVE, -1);
      } else {
        for (let v = 0; v < this.hasServers.length; v++) if (this.hasServers[v]) this.serveQueue(v, t);
        queuesNow.set(this.queueLength);
        monitor.hour(t, queuesNow);
        if (t + 60 <= runOutEnd) events.push(t + 60, HOUR, -1);
      }
    }
    if (!ended) monitor.end(horizon);
  }

  private newSlot(): number {
    const free = this.freeSlots.pop();
    if (free !== undefined) return free;
    if (this.slots === this.node.length) {
      const size = this.node.length * 2;
      this.node = growArray(this.node, size);
      this.caseOf = growArray(this.caseOf, size);
      this.entered = growArray(this.entered, size);
      this.started = growArray(this.started, size);
      this.arrivedAt = growArray(this.arrivedAt, size);
      this.priority = growArray(this.priority, size);
      this.enqueueOrder = growArray(this.enqueueOrder, size);
      this.moving = growArray(this.moving, size);
      this.lastEdge = growArray(this.lastEdge, size);
      this.measured = growArray(this.measured, size);
      if (this.regions.any) this.regionClock = growArray(this.regionClock, size * this.regions.maxRegions);
    }
    return this.slots++;
  }

  private available(v: number, t: number): number {
    return this.schedule[v * 24 + (Math.floor(t / 60) % 24)]!;
  }

  /**
   * Request `r` reaches state `v` at `t`. It finishes there (an outcome), waits in the queue, or
   * starts its service; a state that takes no time and has no servers is passed straight through,
   * in this loop, as if its end had gone through the event queue first.
   */
  private enter(r: number, v: number, t: number): void {
    const monitor = this.monitor;
    for (;;) {
      const elapsed = t - this.started[r]!;
      this.node[r] = v;
      this.entered[r] = t;
      const p = this.priorityOf[v]!;
      if (p) this.priority[r] = p;
      if (this.outcome[v]) {
        monitor.step(this.caseOf[r]!, r, v, t, t, t);
        monitor.finish(r, v, this.arrivedAt[r]!, t);
        this.open -= this.measured[r]!;
        this.freeSlots.push(r);
        return;
      }
      const pool = this.pool[v]!;
      if (pool >= 0) {
        if (this.queueLength[pool]! > 0 || this.busy[pool]! >= this.available(pool, t)) this.enqueue(pool, r);
        else this.startService(r, v, t);
        return;
      }
      const d = this.withRegions[v] ? this.startRegions(r, v, elapsed) : sampleDuration(this.samplers[v]!, this.random);
      this.started[r] = t;
      if (d !== 0) {
        this.events.push(t + d, DONE, r);
        return;
      }
      monitor.step(this.caseOf[r]!, r, v, t, t, t);
      v = this.target[this.chooseWay(r, v)]!;
    }
  }

  /** Sets the clocks of node v's regions for request r (see `startRegions`); returns the time until one moves. */
  private startRegions(r: number, v: number, elapsed: number): number {
    const size = this.regions.maxRegions;
    const offset = r * size;
    this.regionScratch.set(this.regionClock.subarray(offset, offset + size));
    const m = startRegions(this.regions, v, this.lastEdge[r]!, this.moving[r]!, elapsed, this.regionScratch, 0, this.regionClock, offset, this.random);
    this.moving[r] = m;
    return m >= 0 ? this.regionClock[offset + m]! : 0;
  }

  /** The way out request r takes from node v: its moving region's where v has regions. */
  private chooseWay(r: number, v: number): number {
    const m = this.withRegions[v] ? this.moving[r]! : -1;
    const e = m >= 0 ? chooseRegionWay(this.regions, v, m, this.random) : chooseWayOut(this.outStart, this.prob, v, this.random);
    this.lastEdge[r] = e;
    if (!this.withRegions[v]) this.moving[r] = -1;
    return e;
  }

  /** Service starts at node `v`, with a server of its pool. */
  private startService(r: number, v: number, t: number): void {
    const pool = this.pool[v]!;
    this.started[r] = t;
    this.monitor.busy(pool, t, ++this.busy[pool]!);
    this.events.push(t + sampleDuration(this.samplers[v]!, this.random), DONE, r);
  }

  /** Request `r` finishes its service at `t`: it takes a way out, and its server takes the next in the queue. */
  private complete(r: number, t: number): void {
    const v = this.node[r]!;
    this.monitor.step(this.caseOf[r]!, r, v, this.entered[r]!, this.started[r]!, t);
    const next = this.target[this.chooseWay(r, v)]!;
    const pool = this.pool[v]!;
    if (pool >= 0) {
      this.monitor.busy(pool, t, --this.busy[pool]!);
      this.enter(r, next, t);
      this.serveQueue(pool, t);
    } else {
      this.enter(r, next, t);
    }
  }

  /** Free servers of `pool` take the next requests in its queue, each at the node it waits at. */
  private serveQueue(pool: number, t: number): void {
    while (this.queueLength[pool]! > 0 && this.busy[pool]! < this.available(pool, t)) {
      const r = this.dequeue(pool);
      this.startService(r, this.node[r]!, t);
    }
  }

  private enqueue(v: number, r: number): void {
    this.queueLength[v]!++;
    const queue = this.queues[v]!;
    if (this.fifo[v]) {
      queue.push(r);
      return;
    }
    // Priority queue: lowest priority number first, then first come. Kept as a binary heap.
    this.enqueueOrder[r] = this.enqueued++;
    queue.push(r);
    let i = queue.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(queue[i]!, queue[parent]!)) break;
      [queue[i], queue[parent]] = [queue[parent]!, queue[i]!];
      i = parent;
    }
  }

  private before(a: number, b: number): boolean {
    const pa = this.priority[a]!;
    const pb = this.priority[b]!;
    return pa < pb || (pa === pb && this.enqueueOrder[a]! < this.enqueueOrder[b]!);
  }

  private dequeue(v: number): number {
    this.queueLength[v]!--;
    const queue = this.queues[v]!;
    if (this.fifo[v]) {
      const r = queue[this.heads[v]!]!;
      this.heads[v]!++;
      if (this.heads[v]! > 1024 && this.heads[v]! * 2 > queue.length) {
        queue.splice(0, this.heads[v]!);
        this.heads[v] = 0;
      }
      return r;
    }
    const top = queue[0]!;
    const last = queue.pop()!;
    if (queue.length) {
      queue[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        let m = i;
        if (l < queue.length && this.before(queue[l]!, queue[m]!)) m = l;
        if (l + 1 < queue.length && this.before(queue[l + 1]!, queue[m]!)) m = l + 1;
        if (m === i) break;
        [queue[i], queue[m]] = [queue[m]!, queue[i]!];
        i = m;
      }
    }
    return top;
  }

  /** The next arrival after `t` (Infinity after the run-out's end). */
  private nextArrival(t: number): number {
    const { ratePerMinute, maxRate, random } = this;
    const horizon = this.runOutEnd;
    if (this.regular) {
      // Evenly spaced in "expected arrivals": one every unit of the integrated rate.
      let at = t;
      let left = 1;
      while (left > 1e-12) {
        const rate = ratePerMinute[Math.floor(at / 60) % 24]!;
        const toHour = 60 - (at % 60);
        if (rate * toHour >= left) return at + left / rate;
        left -= rate * toHour;
        at += toHour;
        if (at > horizon) return Infinity;
      }
      return at;
    }
    let at = t;
    for (;;) {
      at += -Math.log(1 - random.next()) / maxRate;
      if (at > horizon) return Infinity;
      // Thinning: a candidate in an hour at the busiest rate is always kept, so it needs no draw.
      const rate = ratePerMinute[Math.floor(at / 60) % 24]!;
      if (rate === maxRate || random.next() * maxRate <= rate) return at;
    }
  }
}
