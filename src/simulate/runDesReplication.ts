import { toCompactGraph } from '../graph/toCompactGraph.ts';
import type { CareGraph } from '../graph/types.ts';
import { createRandom, type Random } from './createRandom.ts';
import type { DesMonitor, DesOptions } from './types.ts';
import { EventQueue } from './EventQueue.ts';
import { chooseWayOut } from './chooseWayOut.ts';
import { growArray } from './growArray.ts';
import { getFlowPlan, toRatesByHour, toUnitsByHour, type FlowPlan } from './getFlowPlan.ts';
import { chooseRegionWay, startRegions, toRegionTables, type RegionTables } from './regionClocks.ts';
import { getSamplers, sampleDuration, type Sampler } from './sampleDuration.ts';

export const defaultDesOptions: Required<DesOptions> = { days: 28, warmup: 30, replications: 10, seed: 1, arrivals: 'poisson', runOut: 60 };

const DAY = 24 * 60;
const ARRIVE = 0;
const DONE = 1;
const HOUR = 2;
const RENEGE = 3;
const ESCALATE = 4;

/** What a request is doing: timed (in service, or passing through), waiting in a room, or blocked where it is. */
const TIMED = 0;
const WAITING = 1;
const BLOCKED = 2;

const quiet = () => {};
const silentMonitor = { blockedUnits: quiet, blocked: quiet, admitted: quiet, abandoned: quiet, turnedAway: quiet, deadlock: quiet, stop: () => false };

/**
 * The monitor itself when it has every method (methods on a class's prototype count), so that the
 * engine calls the same functions in every replication; otherwise a copy of its own properties
 * with the missing methods doing nothing (so a monitor written as a class must have them all).
 */
function toCompleteMonitor(monitor: DesMonitor): Required<DesMonitor> {
  if (Object.keys(silentMonitor).every((key) => key in monitor)) return monitor as Required<DesMonitor>;
  return { ...silentMonitor, ...monitor } as Required<DesMonitor>;
}

/**
 * One replication of the discrete-event simulation. Requests arrive by each arrival stream (the
 * model's `meta.arrivals`, or its `meta.demand` at the initial state), at its rate by hour (a
 * non-homogeneous Poisson process, by thinning), and walk the care graph. A state that uses a
 * resource (`meta.uses`, or the `meta.capacity` shorthand) is entered only with the units it needs,
 * held until the request leaves that state, whatever it passes through inside. Without them the
 * request waits in the waiting room, having released what the states it left held; when the room
 * is full it is blocked where it is, keeping everything, or, holding nothing, takes the way out
 * marked `when: 'full'` (or is lost). Waiting requests give up after their patience by the way
 * marked `when: 'abandoned'`. Queues are first come first served or by priority; a cut in units
 * takes effect as units are released (no one is interrupted). A deadlock (units each held by a
 * request blocked for the next) ends the replication and is reported. Every step goes to the monitor.
 */
export function runDesReplication(graph: CareGraph, options: DesOptions, replication: number, monitor: DesMonitor): void {
  new DesReplication(graph, options, replication, monitor).run();
}

/**
 * The engine's state for one replication. A class with flat typed arrays, and a request moving
 * through states that take no time in a loop rather than by calls, because this is the inner loop
 * of every simulation: it allocates nothing per request. Its methods are kept small except `run`
 * and `enter`, the two loops every request goes round, which read more clearly whole.
 */
class DesReplication {
  private readonly outStart: Int32Array;
  private readonly prob: Float64Array;
  private readonly outcome: Uint8Array;
  private readonly samplers: Sampler[];
  private readonly plan: FlowPlan;
  private readonly target: Int32Array;
  /** 1 at a node whose state uses a resource (see `FlowPlan.nodeUses`). */
  private readonly usesAt: Uint8Array;
  private readonly priorityOf: Float64Array;
  private readonly random: Random;
  private readonly monitor: Required<DesMonitor>;
  private readonly horizon: number;
  /** Arrivals from here up to the horizon are measured, and followed to their outcome. */
  private readonly measureFrom: number;
  /** The run-out ends here, whether or not every measured request has finished. */
  private readonly runOutEnd: number;
  /** Measured requests still in the system. */
  private open = 0;
  private readonly regular: boolean;
  private readonly events = new EventQueue();
  /** Arrivals per minute for each stream in each hour of the run, and each stream's highest. */
  private readonly rates: Float64Array[];
  private readonly maxRates: Float64Array;
  /** Units of resource k in hour h of the run: `units[k * hours + h]`; and the most from hour h on, for deadlocks. */
  private readonly units: Int32Array;
  private readonly unitsLater: Int32Array;
  private readonly hours: number;
  /** Parallel regions (see `RegionStep`); `regionClock` holds each slot's time left on each region. */
  private readonly regions: RegionTables;
  private readonly withRegions: Uint8Array;
  private readonly regionScratch: Float64Array;
  private regionClock: Float64Array;
  // Requests in the system, by slot: a finished request's slot is used again, so memory follows the
  // number in the system, not the number simulated. `caseOf` is each slot's request number.
  private measured = new Uint8Array(1024);
  private moving = new Int32Array(1024);
  private lastEdge = new Int32Array(1024);
  private caseOf = new Int32Array(1024);
  private node = new Int32Array(1024);
  private entered = new Float64Array(1024);
  private started = new Float64Array(1024);
  private arrivedAt = new Float64Array(1024);
  private priority = new Float64Array(1024);
  private status = new Uint8Array(1024);
  /** Waiting or blocked: the room, the resource whose queue it is in, its place in line, and (blocked) the edge it waits to take. */
  private roomOfSlot = new Int32Array(1024);
  private queuedOn = new Int32Array(1024);
  private joinOrder = new Float64Array(1024);
  private pending = new Int32Array(1024);
  private blockedSince = new Float64Array(1024);
  /** When a waiting or blocked request was first routed to the state it waits for. */
  private routedAt = new Float64Array(1024);
  /** When a waiting request gives up (NaN when it never does); the RENEGE event checks it still holds. */
  private renegeAt = new Float64Array(1024);
  /** Uses held: `held[slot * maxHold + i]` for i below `heldCount[slot]`. */
  private held: Int32Array;
  private heldCount = new Int32Array(1024);
  private readonly maxHold: number;
  private readonly freeSlots: number[] = [];
  private slots = 0;
  private requests = 0;
  private joined = 0;
  /** Per resource: units in use, units held by blocked requests, and its queue (slots, in order). */
  private readonly busy: Int32Array;
  private readonly blockedUnits: Int32Array;
  private readonly queues: number[][];
  private readonly heads: Int32Array;
  private readonly queueLength: Int32Array;
  private readonly fifo: Uint8Array;
  /** Per room: requests waiting in it, and those blocked for a place in it (slots, in order). */
  private readonly waiting: Int32Array;
  private readonly blockedFor: number[][];
  private blockedCount = 0;
  /** Resources released by moves in progress, served once the move is done. */
  private readonly need = new Int32Array(64);
  /** Uses released by the move in progress (a stack: `released[0]` up to `releasedTop`). */
  private released = new Int32Array(64);
  private releasedTop = 0;
  private needCount = 0;
  /** Each use's resource and units (see `FlowPlan.uses`), flat for the inner loop. */
  private readonly useResource: Int32Array;
  private readonly nodeUseStart: Int32Array;
  private readonly nodeUses: Int32Array;
  private readonly exitStart: Int32Array;
  private readonly exits: Int32Array;
  private readonly roomOf: Int32Array;
  private readonly entryOf: Int32Array;
  private readonly useUnits: Int32Array;
  /** Resources to serve once a move is done (a stack). */
  private serveStack = new Int32Array(64);
  private serveTop = 0;
  private silent = false;
  private stopped = false;
  /** The time of the event being handled. */
  private now = 0;
  /** When a waiting request's priority rises (NaN when it does not); the ESCALATE event checks it still holds. */
  private escalateAt = new Float64Array(1024);

  constructor(graph: CareGraph, options: DesOptions, replication: number, monitor: DesMonitor) {
    const g = toCompactGraph(graph);
    const n = g.n;
    this.outStart = g.outStart;
    this.prob = g.prob;
    this.outcome = Uint8Array.from(graph.nodes, (node) => (node.isOutcome ? 1 : 0));
    this.samplers = getSamplers(graph);
    this.plan = getFlowPlan(graph);
    this.useResource = Int32Array.from(this.plan.uses, (u) => u.resource);
    this.entryOf = Int32Array.from(this.plan.streams, (st) => st.entry);
    ({ nodeUseStart: this.nodeUseStart, nodeUses: this.nodeUses, exitStart: this.exitStart, exits: this.exits, roomOf: this.roomOf } = this.plan);
    this.useUnits = Int32Array.from(this.plan.uses, (u) => u.units);
    this.target = this.plan.target;
    this.usesAt = Uint8Array.from({ length: n }, (_, v) => (this.plan.nodeUseStart[v + 1]! > this.plan.nodeUseStart[v]! ? 1 : 0));
    this.priorityOf = Float64Array.from(graph.nodes, (node) => node.priority ?? 0);
    this.monitor = toCompleteMonitor(monitor);
    this.regions = toRegionTables(graph);
    this.withRegions = Uint8Array.from(graph.nodes, (node) => (node.regions ? 1 : 0));
    this.regionScratch = new Float64Array(this.regions.maxRegions);
    this.regionClock = new Float64Array(this.regions.any ? 1024 * this.regions.maxRegions : 0);
    if (!this.plan.streams.length) throw new Error('runDesReplication: the model has no demand (check it with checkDes first)');
    this.random = createRandom(options.seed, replication);
    this.horizon = (options.warmup + options.days) * DAY;
    this.measureFrom = options.warmup * DAY;
    this.runOutEnd = this.horizon + (options.runOut ?? defaultDesOptions.runOut) * DAY;
    this.regular = options.arrivals === 'regular';
    this.hours = Math.ceil(this.runOutEnd / 60) + 2;
    this.rates = this.plan.streams.map((s) => toRatesByHour(s, this.hours));
    this.maxRates = Float64Array.from(this.rates, (r) => Math.max(...r));
    const R = this.plan.resources.length;
    this.units = new Int32Array(R * this.hours);
    this.unitsLater = new Int32Array(R * this.hours);
    this.plan.resources.forEach((res, k) => {
      const byHour = toUnitsByHour(res, this.hours);
      this.units.set(byHour, k * this.hours);
      let most = 0;
      for (let h = this.hours - 1; h >= 0; h--) this.unitsLater[k * this.hours + h] = most = Math.max(most, byHour[h]!);
    });
    this.fifo = Uint8Array.from(this.plan.resources, (r) => (r.fifo ? 1 : 0));
    this.busy = new Int32Array(R);
    this.blockedUnits = new Int32Array(R);
    this.queues = this.plan.resources.map(() => []);
    this.heads = new Int32Array(R);
    this.queueLength = new Int32Array(R);
    this.waiting = new Int32Array(this.plan.rooms.length);
    this.blockedFor = this.plan.rooms.map(() => []);
    this.maxHold = Math.max(1, this.plan.maxHold);
    this.held = new Int32Array(1024 * this.maxHold);
  }

  run(): void {
    const { events, horizon, runOutEnd, monitor } = this;
    for (let s = 0; s < this.rates.length; s++) {
      const first = this.nextArrival(s, 0);
      if (first < runOutEnd) events.push(first, ARRIVE, s);
    }
    // Hour boundaries one at a time: each schedules the next, so the queue holds only one of them.
    if (60 <= runOutEnd) events.push(60, HOUR, -1);
    const queuesNow = new Int32Array(this.queueLength.length);
    const busyNow = new Int32Array(this.busy.length);
    const blockedNow = new Int32Array(this.busy.length);
    let ended = false;
    while (events.size > 0 && !this.stopped) {
      const t = events.peekTime();
      this.now = t;
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
        this.arrive(r, t);
        const next = this.nextArrival(r, t);
        if (next < runOutEnd) events.push(next, ARRIVE, r);
      } else if (type === HOUR) {
        for (let k = 0; k < this.busy.length; k++) this.serve(k, t);
        // Deadlocks are looked for once a day: they never clear, so a day late changes nothing.
        if (this.blockedCount > 0 && t % DAY === 0) this.checkDeadlock(t);
        queuesNow.set(this.queueLength);
        busyNow.set(this.busy);
        blockedNow.set(this.blockedUnits);
        monitor.hour(t, queuesNow, busyNow, blockedNow);
        if (monitor.stop()) this.stopped = true;
        if (t + 60 <= runOutEnd) events.push(t + 60, HOUR, -1);
      } else if (type === RENEGE) {
        if (this.status[r] === WAITING && this.renegeAt[r] === t) this.abandon(r, t);
      } else if (type === ESCALATE) {
        if (this.status[r] === WAITING && this.escalateAt[r] === t) this.escalate(r);
      }
    }
    if (!ended) monitor.end(Math.min(horizon, this.now));
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
      this.moving = growArray(this.moving, size);
      this.lastEdge = growArray(this.lastEdge, size);
      this.measured = growArray(this.measured, size);
      this.status = growArray(this.status, size);
      this.roomOfSlot = growArray(this.roomOfSlot, size);
      this.queuedOn = growArray(this.queuedOn, size);
      this.joinOrder = growArray(this.joinOrder, size);
      this.pending = growArray(this.pending, size);
      this.blockedSince = growArray(this.blockedSince, size);
      this.routedAt = growArray(this.routedAt, size);
      this.renegeAt = growArray(this.renegeAt, size);
      this.escalateAt = growArray(this.escalateAt, size);
      this.heldCount = growArray(this.heldCount, size);
      this.held = growArray(this.held, size * this.maxHold);
      if (this.regions.any) this.regionClock = growArray(this.regionClock, size * this.regions.maxRegions);
    }
    return this.slots++;
  }

  private available(k: number, t: number): number {
    const h = Math.floor(t / 60);
    return this.units[k * this.hours + (h < this.hours ? h : this.hours - 1)]!;
  }

  /** A request of stream `s` arrives at `t`: it starts at the stream's entry state, with the units it needs there. */
  private arrive(s: number, t: number): void {
    const slot = this.newSlot();
    this.caseOf[slot] = this.requests++;
    this.arrivedAt[slot] = t;
    this.priority[slot] = 0;
    this.lastEdge[slot] = -1;
    this.moving[slot] = -1;
    this.status[slot] = TIMED;
    this.heldCount[slot] = 0;
    this.started[slot] = t;
    const measured = t >= this.measureFrom && t <= this.horizon ? 1 : 0;
    this.measured[slot] = measured;
    this.open += measured;
    this.monitor.arrive(slot, t);
    const v = this.entryOf[s]!;
    if (!this.usesAt[v]) return this.enter(slot, v, t);
    this.node[slot] = v;
    if (this.priorityOf[v]) this.priority[slot] = this.priorityOf[v]!;
    const room = this.plan.entryRoom[v]!;
    if (this.needAt(slot, v) === 0) return this.enter(slot, v, t);
    if (this.trySeize(slot)) {
      this.monitor.admitted(slot, room, t, t);
      return this.enter(slot, v, t);
    }
    if (this.waiting[room]! < this.plan.rooms[room]!.places) return this.wait(slot, v, room, t);
    this.turnAway(slot, v, room, t);
  }

  /**
   * Request `r` is at node `v` at `t` with the units it needs there. It finishes there (an
   * outcome), or starts its step; a step that takes no time is passed straight through, in this
   * loop, as if its end had gone through the event queue first.
   */
  private enter(r: number, v: number, t: number): void {
    const monitor = this.monitor;
    for (;;) {
      const elapsed = t - this.started[r]!;
      this.node[r] = v;
      this.entered[r] = t;
      this.status[r] = TIMED;
      const p = this.priorityOf[v]!;
      if (p) this.priority[r] = p;
      if (this.outcome[v]) {
        monitor.step(this.caseOf[r]!, r, v, t, t, t);
        this.finish(r, v, t);
        if (this.serveTop > 0) this.serveReleased(t);
        return;
      }
      const d = this.withRegions[v] ? this.startRegions(r, v, elapsed) : sampleDuration(this.samplers[v]!, this.random);
      this.started[r] = t;
      if (d !== 0) {
        this.events.push(t + d, DONE, r);
        if (this.serveTop > 0) this.serveReleased(t);
        return;
      }
      const next = this.move(r, this.chooseWay(r, v), t);
      if (next < 0) {
        if (this.serveTop > 0) this.serveReleased(t);
        return;
      }
      v = next;
    }
  }

  /** The request ends at `t` at node `v` (an outcome, or lost): it releases what it holds and its slot is free. */
  private finish(r: number, v: number, t: number): void {
    if (this.heldCount[r]! > 0) this.releaseAll(r, t);
    this.monitor.finish(r, v, this.arrivedAt[r]!, t);
    this.open -= this.measured[r]!;
    this.status[r] = TIMED;
    this.caseOf[r] = -1;
    this.freeSlots.push(r);
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

  /** Request `r`'s step at its node ended at `t`: it takes a way out. */
  private complete(r: number, t: number): void {
    const next = this.move(r, this.chooseWay(r, this.node[r]!), t);
    if (next >= 0) this.enter(r, next, t);
    else this.serveReleased(t);
  }

  /**
   * Request `r`, at its node, takes edge `e` at `t` (numbered as in `FlowPlan`). It releases what
   * the states it leaves held and takes the units the next state needs; returns that node, for the
   * caller to enter. Without the units it waits in the room (or is blocked, or turned away) and
   * -1 comes back. Released resources are served once the caller has placed the request.
   */
  private move(r: number, e: number, t: number): number {
    const w = this.target[e]!;
    const releasedFrom = this.releasedTop;
    if (this.heldCount[r]! > 0) this.releaseExits(r, e);
    if (!this.usesAt[w]) {
      if (this.releasedTop > releasedFrom) this.commitRelease(releasedFrom, t);
      this.leave(r, t);
      return w;
    }
    if (this.needAt(r, w) === 0 || this.trySeize(r)) {
      if (this.needCount > 0) this.monitor.admitted(r, this.roomOf[e]!, t, t);
      if (this.releasedTop > releasedFrom) this.commitRelease(releasedFrom, t);
      this.leave(r, t);
      return w;
    }
    const room = this.roomOf[e]!;
    if (this.waiting[room]! < this.plan.rooms[room]!.places) {
      this.commitRelease(releasedFrom, t);
      this.leave(r, t);
      this.wait(r, w, room, t);
      return -1;
    }
    if (this.heldCount[r]! + this.releasedTop - releasedFrom > 0) {
      this.undoRelease(r, releasedFrom);
      this.block(r, e, room, t);
      return -1;
    }
    this.releasedTop = releasedFrom;
    this.leave(r, t);
    return this.turnAway(r, w, room, t);
  }

  /** The monitor hears of the request's step at its node, ended at `t` (unless the request was only passing a full room). */
  private leave(r: number, t: number): void {
    if (this.silent) {
      this.silent = false;
      return;
    }
    this.monitor.step(this.caseOf[r]!, r, this.node[r]!, this.entered[r]!, this.started[r]!, t);
  }

  /** A request holding nothing meets a full room at node `w`: it takes the state's way out for that, or is lost. Returns where it goes, or -1. */
  private turnAway(r: number, w: number, room: number, t: number): number {
    const way = this.plan.fullWay[w]!;
    this.monitor.turnedAway(r, room, t, way < 0);
    this.node[r] = w;
    this.entered[r] = t;
    this.started[r] = t;
    if (way < 0) {
      this.finish(r, -1, t);
      return -1;
    }
    // It passes the full state without a step there.
    this.silent = true;
    const next = this.move(r, way, t);
    this.silent = false;
    if (next >= 0) this.enter(r, next, t);
    return -1;
  }

  /** Releases, for now, the uses that edge `e` leaves: recorded in `released` until committed or undone. */
  private releaseExits(r: number, e: number): void {
    const { exitStart, exits } = this;
    const from = exitStart[e]!;
    const to = exitStart[e + 1]!;
    if (from === to || this.heldCount[r] === 0) return;
    const base = r * this.maxHold;
    let count = this.heldCount[r]!;
    for (let i = 0; i < count; i++) {
      const u = this.held[base + i]!;
      let leaving = false;
      for (let x = from; x < to; x++) if (exits[x] === u) leaving = true;
      if (!leaving) continue;
      this.busy[this.useResource[u]!]! -= this.useUnits[u]!;
      if (this.releasedTop === this.released.length) this.released = growArray(this.released, this.released.length * 2);
      this.released[this.releasedTop++] = u;
      this.held[base + i] = this.held[base + count - 1]!;
      count--;
      i--;
    }
    this.heldCount[r] = count;
  }

  /** The release stands: the monitor hears of it, and the resources are served once the move is done. */
  private commitRelease(from: number, t: number): void {
    for (let i = from; i < this.releasedTop; i++) {
      const k = this.useResource[this.released[i]!]!;
      this.monitor.busy(k, t, this.busy[k]!);
      this.pushServe(k);
    }
    this.releasedTop = from;
  }

  /** The move cannot go ahead: the request keeps what it was about to release. */
  private undoRelease(r: number, from: number): void {
    for (let i = from; i < this.releasedTop; i++) {
      const u = this.released[i]!;
      this.busy[this.useResource[u]!]! += this.useUnits[u]!;
      this.held[r * this.maxHold + this.heldCount[r]!++] = u;
    }
    this.releasedTop = from;
  }

  private releaseAll(r: number, t: number): void {
    const base = r * this.maxHold;
    for (let i = 0; i < this.heldCount[r]!; i++) {
      const u = this.held[base + i]!;
      const k = this.useResource[u]!;
      this.busy[k]! -= this.useUnits[u]!;
      this.monitor.busy(k, t, this.busy[k]!);
      this.pushServe(k);
    }
    this.heldCount[r] = 0;
  }

  private pushServe(k: number): void {
    if (this.serveTop === this.serveStack.length) this.serveStack = growArray(this.serveStack, this.serveStack.length * 2);
    this.serveStack[this.serveTop++] = k;
  }

  /** Serves the resources released by the moves just made. */
  private serveReleased(t: number): void {
    while (this.serveTop > 0) this.serve(this.serveStack[--this.serveTop]!, t);
  }

  /** The uses at node `w` that request `r` does not hold yet, into `need`; returns how many. */
  private needAt(r: number, w: number): number {
    const { nodeUseStart, nodeUses } = this;
    const base = r * this.maxHold;
    const holds = this.heldCount[r]!;
    let count = 0;
    for (let x = nodeUseStart[w]!; x < nodeUseStart[w + 1]!; x++) {
      const u = nodeUses[x]!;
      let has = false;
      for (let i = 0; i < holds; i++) if (this.held[base + i] === u) has = true;
      if (!has) this.need[count++] = u;
    }
    this.needCount = count;
    return count;
  }

  /**
   * Takes the units in `need` when every resource has them free with no one queued ahead (the
   * head of a queue is not behind itself). Otherwise `queuedOn[r]` becomes the first resource that
   * lacks them, and nothing is taken.
   */
  private trySeize(r: number, atHeadOf = -1): boolean {
    const t = this.now;
    for (let i = 0; i < this.needCount; i++) {
      const u = this.need[i]!;
      const k = this.useResource[u]!;
      if ((this.queueLength[k]! > 0 && k !== atHeadOf) || this.busy[k]! + this.useUnits[u]! > this.available(k, t)) {
        this.queuedOn[r] = k;
        return false;
      }
    }
    for (let i = 0; i < this.needCount; i++) {
      const u = this.need[i]!;
      const k = this.useResource[u]!;
      this.busy[k]! += this.useUnits[u]!;
      this.monitor.busy(k, t, this.busy[k]!);
      this.held[r * this.maxHold + this.heldCount[r]!++] = u;
    }
    return true;
  }

  /** Request `r` joins the waiting room `room` at node `w`, at `t`, in the queue of the resource it lacks. */
  private wait(r: number, w: number, room: number, t: number): void {
    this.node[r] = w;
    this.entered[r] = t;
    this.started[r] = t;
    this.status[r] = WAITING;
    this.roomOfSlot[r] = room;
    this.routedAt[r] = t;
    this.waiting[room]!++;
    this.joinOrder[r] = this.joined++;
    this.joinQueue(r, this.queuedOn[r]!);
    this.startPatience(r, room, t);
    const { escalate } = this.plan.rooms[room]!;
    this.escalateAt[r] = Number.NaN;
    if (escalate && (this.priority[r] === 0 || this.priority[r]! > escalate.priority)) {
      this.escalateAt[r] = t + escalate.after;
      this.events.push(this.escalateAt[r]!, ESCALATE, r);
    }
  }

  /** A request joins the wait in `room` at `t`: where the room has a patience, it gives up when that runs out (a RENEGE event). */
  private startPatience(r: number, room: number, t: number): void {
    const { patience } = this.plan.rooms[room]!;
    this.renegeAt[r] = Number.NaN;
    if (!patience) return;
    this.renegeAt[r] = t + sampleDuration(patience, this.random);
    this.events.push(this.renegeAt[r]!, RENEGE, r);
  }

  /** Request `r`, at its node, cannot take edge `e` at `t`: the room is full, and it stays where it is with what it holds. */
  private block(r: number, e: number, room: number, t: number): void {
    this.status[r] = BLOCKED;
    this.pending[r] = e;
    this.blockedSince[r] = t;
    this.routedAt[r] = t;
    this.roomOfSlot[r] = room;
    this.joinOrder[r] = this.joined++;
    this.joinQueue(r, this.queuedOn[r]!);
    this.blockedFor[room]!.push(r);
    this.blockedCount++;
    this.setBlockedUnits(r, 1, t);
  }

  /** Units a blocked request holds count as blocked, not serving (`sign` 1 when it is blocked, -1 when it moves on). */
  private setBlockedUnits(r: number, sign: number, t: number): void {
    const base = r * this.maxHold;
    for (let i = 0; i < this.heldCount[r]!; i++) {
      const u = this.held[base + i]!;
      const k = this.useResource[u]!;
      this.blockedUnits[k]! += sign * this.useUnits[u]!;
      this.monitor.blockedUnits(k, t, this.blockedUnits[k]!);
    }
  }

  /** Blocked requests move into the room's free places, in the order they were blocked: they leave where they were, releasing what it held. */
  private admitBlocked(room: number, t: number): void {
    const blocked = this.blockedFor[room]!;
    while (blocked.length && this.waiting[room]! < this.plan.rooms[room]!.places) {
      const r = blocked.shift()!;
      this.unblock(r, t);
      const releasedFrom = this.releasedTop;
      this.releaseExits(r, this.pending[r]!);
      this.commitRelease(releasedFrom, t);
      this.leave(r, t);
      const w = this.target[this.pending[r]!]!;
      this.node[r] = w;
      this.entered[r] = t;
      this.started[r] = t;
      this.status[r] = WAITING;
      this.waiting[room]!++;
      this.startPatience(r, room, t);
    }
  }

  private unblock(r: number, t: number, counted = true): void {
    if (counted) this.setBlockedUnits(r, -1, t);
    this.blockedCount--;
    this.monitor.blocked(r, this.node[r]!, this.blockedSince[r]!, t);
  }

  /** Free units of resource `k` go to the requests in its queue, in order, as far as they go. */
  private serve(k: number, t: number): void {
    const queue = this.queues[k]!;
    while (this.queueLength[k]! > 0) {
      const r = queue[this.heads[k]!]!;
      const blocked = this.status[r] === BLOCKED;
      const releasedFrom = this.releasedTop;
      if (blocked) {
        // Counted as blocked again below if it still cannot move.
        this.setBlockedUnits(r, -1, t);
        this.releaseExits(r, this.pending[r]!);
      }
      this.needAt(r, blocked ? this.target[this.pending[r]!]! : this.node[r]!);
      if (!this.trySeize(r, k)) {
        if (blocked) {
          this.undoRelease(r, releasedFrom);
          this.setBlockedUnits(r, 1, t);
        }
        if (this.queuedOn[r] === k) return;
        // It has what it needs of this resource, but waits for another now.
        this.dequeueHead(k);
        this.joinQueue(r, this.queuedOn[r]!);
        continue;
      }
      this.dequeueHead(k);
      const room = this.roomOfSlot[r]!;
      this.monitor.admitted(r, room, this.routedAt[r]!, t);
      if (blocked) {
        this.blockedFor[room]!.splice(this.blockedFor[room]!.indexOf(r), 1);
        this.unblock(r, t, false);
        this.commitRelease(releasedFrom, t);
        this.leave(r, t);
        this.enter(r, this.target[this.pending[r]!]!, t);
      } else {
        this.waiting[room]!--;
        this.renegeAt[r] = Number.NaN;
        this.admitBlocked(room, t);
        this.startWaited(r, t);
      }
    }
  }

  /** A request that waited at its node starts its step there at `t` (its arrival stays when it joined the wait). */
  private startWaited(r: number, t: number): void {
    const v = this.node[r]!;
    this.status[r] = TIMED;
    const d = this.withRegions[v] ? this.startRegions(r, v, 0) : sampleDuration(this.samplers[v]!, this.random);
    this.started[r] = t;
    if (d !== 0) {
      this.events.push(t + d, DONE, r);
      return;
    }
    const next = this.move(r, this.chooseWay(r, v), t);
    if (next >= 0) this.enter(r, next, t);
  }

  /** A waiting request gives up at `t`: it leaves the room by its state's way out for that (or is lost). */
  private abandon(r: number, t: number): void {
    const room = this.roomOfSlot[r]!;
    const k = this.queuedOn[r]!;
    this.removeFromQueue(r, k);
    this.waiting[room]!--;
    const v = this.node[r]!;
    const way = this.plan.abandonWay[v]!;
    this.monitor.abandoned(r, room, this.entered[r]!, t);
    this.status[r] = TIMED;
    this.started[r] = t;
    if (way < 0) {
      this.finish(r, -1, t);
    } else {
      this.silent = true;
      const next = this.move(r, way, t);
      this.silent = false;
      if (next >= 0) this.enter(r, next, t);
    }
    this.admitBlocked(room, t);
    this.serveReleased(t);
    // A request that gave up may have been holding up the line.
    this.serve(k, t);
  }

  /** A waiting request's priority rises (see `StateMeta.escalate`); in a priority queue it moves up. */
  private escalate(r: number): void {
    const { escalate } = this.plan.rooms[this.roomOfSlot[r]!]!;
    if (!escalate) return;
    const k = this.queuedOn[r]!;
    this.removeFromQueue(r, k);
    this.priority[r] = escalate.priority;
    this.joinQueue(r, k);
  }

  private joinQueue(r: number, k: number): void {
    this.queuedOn[r] = k;
    this.queueLength[k]!++;
    const queue = this.queues[k]!;
    if (this.fifo[k]) {
      queue.push(r);
      return;
    }
    // By priority (1 first; none last), then in the order requests joined: binary search for the place.
    let lo = this.heads[k]!;
    let hi = queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.before(queue[mid]!, r)) lo = mid + 1;
      else hi = mid;
    }
    queue.splice(lo, 0, r);
  }

  private before(a: number, b: number): boolean {
    const pa = this.priority[a] || Infinity;
    const pb = this.priority[b] || Infinity;
    return pa < pb || (pa === pb && this.joinOrder[a]! < this.joinOrder[b]!);
  }

  private dequeueHead(k: number): void {
    this.queueLength[k]!--;
    const queue = this.queues[k]!;
    this.heads[k]!++;
    if (this.heads[k]! > 1024 && this.heads[k]! * 2 > queue.length) {
      queue.splice(0, this.heads[k]!);
      this.heads[k] = 0;
    }
  }

  private removeFromQueue(r: number, k: number): void {
    const queue = this.queues[k]!;
    const i = queue.indexOf(r, this.heads[k]!);
    if (i < 0) return;
    queue.splice(i, 1);
    this.queueLength[k]!--;
  }

  /**
   * A deadlock: resources whose units are all held by requests queued for resources of the same
   * set, none of which can get more units for the rest of the run. It is reported, with the states
   * the requests are stuck in, and the replication stops.
   */
  private checkDeadlock(t: number): void {
    const { uses, resources } = this.plan;
    const R = resources.length;
    const h = Math.min(this.hours - 1, Math.floor(t / 60));
    const stuck = Uint8Array.from({ length: R }, (_, k) => (this.busy[k]! > 0 && this.busy[k]! >= this.unitsLater[k * this.hours + h]! ? 1 : 0));
    if (!stuck.some((x) => x)) return;
    const holders: number[] = [];
    for (let s = 0; s < this.slots; s++) if (this.caseOf[s]! >= 0 && this.heldCount[s]! > 0) holders.push(s);
    for (let changed = true; changed;) {
      changed = false;
      for (const s of holders) {
        const free = this.status[s] === TIMED || !stuck[this.queuedOn[s]!];
        if (!free) continue;
        for (let i = 0; i < this.heldCount[s]!; i++) {
          const k = uses[this.held[s * this.maxHold + i]!]!.resource;
          if (stuck[k]) {
            stuck[k] = 0;
            changed = true;
          }
        }
      }
    }
    if (!stuck.some((x) => x)) return;
    const nodes = new Set<number>();
    for (const s of holders) {
      for (let i = 0; i < this.heldCount[s]!; i++) if (stuck[uses[this.held[s * this.maxHold + i]!]!.resource]) nodes.add(this.node[s]!);
    }
    this.monitor.deadlock(
      t,
      resources.flatMap((_, k) => (stuck[k] ? [k] : [])),
      [...nodes].sort((a, b) => a - b),
    );
    this.stopped = true;
  }

  /** The next arrival of stream `s` after `t` (Infinity after the run-out's end). */
  private nextArrival(s: number, t: number): number {
    const rates = this.rates[s]!;
    const maxRate = this.maxRates[s]!;
    const { random } = this;
    const horizon = this.runOutEnd;
    if (!(maxRate > 0)) return Infinity;
    if (this.regular) {
      // Evenly spaced in "expected arrivals": one every unit of the integrated rate.
      let at = t;
      let left = 1;
      while (left > 1e-12) {
        const rate = rates[Math.floor(at / 60)]!;
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
      const rate = rates[Math.floor(at / 60)]!;
      if (rate === maxRate || random.next() * maxRate <= rate) return at;
    }
  }
}
