import { groupByState, toConfigurations, toStatePath } from '../graph/toConfigurationRef.ts';
import type { CareGraph, CareNode } from '../graph/types.ts';
import type { ClockDeclaration } from '../model/types.ts';
import type { DesMonitor, DesTally } from './types.ts';
import type { DesOptions, DesResult } from './types.ts';
import { getFlowPlan, toUnitsByHour } from './getFlowPlan.ts';
import { growArray } from './growArray.ts';
import { addToHistogram, createHistogram, getMean, getQuantile, getShareAtMost, mergeHistograms } from './Histogram.ts';
import { toMeanInterval, toShareBounds, toShareInterval } from './statistics.ts';

const DAY = 24 * 60;
const FOUR_HOURS = 240;
/** Thresholds a clock reports when the model gives none, in minutes. */
export const defaultClockThresholds = [15, 30, 60, 240, 720];

/** A clock as the tally reads it: where it starts (context filter applied), where it stops, its thresholds. */
interface ClockReader {
  starts: Uint8Array;
  /** 1 where the clock stops: the `to` states, or (without `to`) anywhere outside `from`. */
  stops: Uint8Array;
  over: number[];
}

function toClockReaders(graph: CareGraph): ClockReader[] {
  const active = getFlowPlan(graph).activeStates;
  const list = (x: string | string[] | undefined) => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
  const at = (v: number, paths: string[]) => paths.some((p) => active[v]!.includes(p));
  return (graph.meta.clocks ?? []).map((c: ClockDeclaration) => {
    const from = list(c.from);
    const to = list(c.to);
    const matches = (node: CareNode) => !c.where || Object.entries(c.where).every(([k, value]) => node.context?.[k] === value);
    return {
      starts: Uint8Array.from(graph.nodes, (node) => (at(node.index, from) && matches(node) ? 1 : 0)),
      stops: Uint8Array.from(graph.nodes, (node) => ((to.length ? at(node.index, to) : !at(node.index, from)) ? 1 : 0)),
      over: c.over ?? defaultClockThresholds,
    };
  });
}

/** The tables a tally reads at each step, made once per graph: plain data, the same for every replication. */
interface TallyTables {
  n: number;
  R: number;
  agencyOf: Int32Array;
  isDispatch: Uint8Array;
  isOutcome: Uint8Array;
  clocks: ClockReader[];
  /** 1 where some clock starts: a step elsewhere reads the clocks only when one is running for the request. */
  startsAny: Uint8Array;
  /** The clocks that start or stop at each node (`clockAt[clockAtStart[v]]` up to `clockAtStart[v + 1]`), so a step reads only those. */
  clockAtStart: Int32Array;
  clockAt: Int32Array;
  nodeUseStart: Int32Array;
  usesAt: Uint8Array;
  heldIndex: Int32Array;
  heldUnits: Int32Array;
}

const tablesOf = new WeakMap<CareGraph, TallyTables>();

function getTallyTables(graph: CareGraph): TallyTables {
  const known = tablesOf.get(graph);
  if (known) return known;
  const n = graph.nodes.length;
  const plan = getFlowPlan(graph);
  const agencyIndex = new Map(graph.agencies.map((a, i) => [a.id, i]));
  const clocks = toClockReaders(graph);
  const clockAtStart = new Int32Array(n + 1);
  const clockAtList: number[] = [];
  for (let v = 0; v < n; v++) {
    clocks.forEach((c, i) => (c.starts[v] || c.stops[v]) && clockAtList.push(i));
    clockAtStart[v + 1] = clockAtList.length;
  }
  const { nodeUseStart } = plan;
  const nodeOf = Int32Array.from({ length: plan.nodeUses.length }, (_, x) => {
    let v = 0;
    while (nodeUseStart[v + 1]! <= x) v++;
    return v;
  });
  const tables: TallyTables = {
    n,
    R: plan.resources.length,
    agencyOf: Int32Array.from(graph.nodes, (node) => agencyIndex.get(node.agency) ?? -1),
    isDispatch: Uint8Array.from(graph.nodes, (node) => (node.function === 'dispatch' && !node.isOutcome ? 1 : 0)),
    isOutcome: Uint8Array.from(graph.nodes, (node) => (node.isOutcome ? 1 : 0)),
    clocks,
    startsAny: Uint8Array.from(graph.nodes, (_, v) => (clocks.some((c) => c.starts[v]) ? 1 : 0)),
    clockAtStart,
    clockAt: Int32Array.from(clockAtList),
    nodeUseStart,
    usesAt: Uint8Array.from(graph.nodes, (_, v) => (nodeUseStart[v + 1]! > nodeUseStart[v]! ? 1 : 0)),
    heldIndex: Int32Array.from(plan.nodeUses, (u, x) => plan.uses[u]!.resource * n + nodeOf[x]!),
    heldUnits: Int32Array.from(plan.nodeUses, (u) => plan.uses[u]!.units),
  };
  tablesOf.set(graph, tables);
  return tables;
}

/**
 * A monitor that measures one replication, leaving out what starts before the warm-up ends; `stop`
 * (asked every simulated hour) cuts the replication short.
 */
export function createDesTally(graph: CareGraph, options: DesOptions, stop?: () => boolean): { monitor: DesMonitor; tally: DesTally } {
  const monitor = new TallyMonitor(graph, options, stop);
  return { monitor, tally: monitor.tally };
}

/**
 * The tally's monitor. A class, not an object of closures, because the engine calls it several
 * times a request: with one set of methods for every replication, V8 keeps its optimised code from
 * one replication to the next (fresh closures each replication made it throw that code away).
 */
class TallyMonitor implements Required<DesMonitor> {
  readonly tally: DesTally;
  private readonly t: TallyTables;
  private readonly warmup: number;
  private readonly horizon: number;
  private readonly measuredHours: number;
  private readonly stopWhen: (() => boolean) | undefined;
  private readonly busyClock: UnitClock;
  private readonly blockedClock: UnitClock;
  // Notes on requests in the system, by the engine's slot (reused when a request finishes), so
  // memory follows the number in the system.
  private counted = new Uint8Array(1024);
  private stayAgency = new Int32Array(1024);
  private stayStart = new Float64Array(1024);
  private clockStart: Float64Array;
  private running = new Int32Array(1024);

  constructor(graph: CareGraph, options: DesOptions, stop?: () => boolean) {
    const t = (this.t = getTallyTables(graph));
    const { n, R } = t;
    const plan = getFlowPlan(graph);
    const warmup = (this.warmup = options.warmup * DAY);
    const horizon = (this.horizon = (options.warmup + options.days) * DAY);
    const measuredHours = (this.measuredHours = Math.ceil((horizon - warmup) / 60));
    this.stopWhen = stop;
    this.clockStart = new Float64Array(1024 * Math.max(1, t.clocks.length));
    this.tally = {
      arrivals: 0,
      finished: 0,
      lost: 0,
      ends: new Array(n).fill(0),
      times: createHistogram(),
      roomWaits: plan.rooms.map(() => createHistogram()),
      abandoned: plan.rooms.map(() => 0),
      turnedAway: plan.rooms.map(() => 0),
      roomLost: plan.rooms.map(() => 0),
      busyMinutes: new Array(R).fill(0),
      blockedMinutes: new Array(R).fill(0),
      availableMinutes: plan.resources.map((res) => {
        const units = toUnitsByHour(res, Math.ceil(horizon / 60) + 1);
        let total = 0;
        for (let at = warmup; at < horizon; at += 60) total += units[Math.floor(at / 60)]! * Math.min(60, horizon - at);
        return total;
      }),
      queueSum: plan.resources.map(() => new Array(24).fill(0)),
      queueCount: new Array(24).fill(0),
      queueMax: new Array(R).fill(0),
      unitsByHour: plan.resources.map(() => new Array(measuredHours).fill(0)),
      blockedByHour: plan.resources.map(() => new Array(measuredHours).fill(0)),
      queueByRunHour: plan.resources.map(() => new Array(measuredHours).fill(0)),
      heldMinutes: new Float64Array(R * n),
      blocked: new Array(n).fill(null),
      leaves: new Array(n).fill(0),
      responses: Array.from(t.isDispatch, (d) => (d ? createHistogram() : null)),
      stays: graph.agencies.map(() => createHistogram()),
      staysWithin: graph.agencies.map(() => 0),
      clocks: t.clocks.map((c) => ({ times: createHistogram(), over: c.over.map(() => 0), beyond: c.over.map(() => 0) })),
      deadlock: null,
    };
    this.busyClock = new UnitClock(R, warmup, horizon, this.tally.busyMinutes);
    this.blockedClock = new UnitClock(R, warmup, horizon, this.tally.blockedMinutes);
  }

  private room(slot: number): void {
    if (slot < this.counted.length) return;
    const size = Math.max(slot + 1, this.counted.length * 2);
    this.counted = growArray(this.counted, size);
    this.stayAgency = growArray(this.stayAgency, size);
    this.stayStart = growArray(this.stayStart, size);
    this.clockStart = growArray(this.clockStart, size * Math.max(1, this.t.clocks.length));
    this.running = growArray(this.running, size);
  }

  /** After the horizon (the run-out) only requests that arrived in the window are still measured. */
  private measured(slot: number, at: number): boolean {
    return at <= this.horizon || this.counted[slot] === 1;
  }

  private inWindow(slot: number, since: number, at: number): boolean {
    return since >= this.warmup && this.measured(slot, at);
  }

  private closeStay(slot: number, at: number): void {
    const agency = this.stayAgency[slot]!;
    const since = this.stayStart[slot]!;
    if (agency >= 0 && since >= this.warmup && this.measured(slot, at)) {
      addToHistogram(this.tally.stays[agency]!, at - since);
      if (at - since <= FOUR_HOURS) this.tally.staysWithin[agency]!++;
    }
  }

  private readClocks(slot: number, node: number, arrival: number): void {
    const { clockAtStart, clockAt, clocks } = this.t;
    const clockStart = this.clockStart;
    for (let x = clockAtStart[node]!; x < clockAtStart[node + 1]!; x++) {
      const c = clockAt[x]!;
      const i = slot * clocks.length + c;
      const start = clockStart[i]!;
      if (start === -1) continue;
      if (start !== start) {
        if (clocks[c]!.starts[node]) {
          clockStart[i] = arrival;
          this.running[slot]!++;
        }
      } else if (clocks[c]!.stops[node]) {
        clockStart[i] = -1;
        this.running[slot]!--;
        if (this.inWindow(slot, start, arrival)) addClockReading(this.tally.clocks[c]!, clocks[c]!.over, arrival - start);
      }
    }
  }

  arrive(slot: number, at: number): void {
    this.room(slot);
    const clocks = this.t.clocks.length;
    this.counted[slot] = at >= this.warmup && at <= this.horizon ? 1 : 0;
    this.stayAgency[slot] = -1;
    for (let i = slot * clocks; i < (slot + 1) * clocks; i++) this.clockStart[i] = Number.NaN;
    this.running[slot] = 0;
    if (this.counted[slot]) this.tally.arrivals++;
  }

  step(_request: number, slot: number, node: number, arrival: number, start: number, end: number): void {
    const t = this.t;
    if ((this.running[slot] || t.startsAny[node]) && t.clockAtStart[node + 1]! > t.clockAtStart[node]!) this.readClocks(slot, node, arrival);
    if (t.isOutcome[node]) return;
    const counts = this.measured(slot, end);
    const { warmup, horizon } = this;
    if (t.usesAt[node] && counts) {
      const from = start > warmup ? start : warmup;
      const to = end < horizon ? end : horizon;
      const held = this.tally.heldMinutes;
      if (to > from) for (let x = t.nodeUseStart[node]!; x < t.nodeUseStart[node + 1]!; x++) held[t.heldIndex[x]!]! += t.heldUnits[x]! * (to - from);
    }
    if (arrival >= warmup && counts) this.tally.leaves[node]!++;
    const agency = t.agencyOf[node]!;
    if (this.stayAgency[slot] !== agency) {
      this.closeStay(slot, arrival);
      this.stayAgency[slot] = agency;
      this.stayStart[slot] = arrival;
    }
    if (t.isDispatch[node] && this.stayStart[slot]! >= warmup && counts) addToHistogram(this.tally.responses[node]!, end - this.stayStart[slot]!);
  }

  finish(slot: number, node: number, arrivedAt: number, at: number): void {
    this.closeStay(slot, at);
    this.stayAgency[slot] = -1;
    if (!this.counted[slot]) return;
    const tally = this.tally;
    tally.finished++;
    if (node < 0) tally.lost++;
    else tally.ends[node]!++;
    addToHistogram(tally.times, at - arrivedAt);
  }

  admitted(slot: number, r: number, since: number, at: number): void {
    if (this.inWindow(slot, at, at)) addToHistogram(this.tally.roomWaits[r]!, at - since);
  }

  abandoned(slot: number, r: number, since: number, at: number): void {
    if (this.inWindow(slot, since, at)) this.tally.abandoned[r]!++;
  }

  turnedAway(slot: number, r: number, at: number, lost: boolean): void {
    if (!this.inWindow(slot, at, at)) return;
    this.tally.turnedAway[r]!++;
    if (lost) this.tally.roomLost[r]!++;
  }

  blocked(slot: number, node: number, since: number, until: number): void {
    if (!this.inWindow(slot, since, until)) return;
    addToHistogram((this.tally.blocked[node] ??= createHistogram()), until - since);
  }

  busy(k: number, at: number, units: number): void {
    this.busyClock.set(k, at, units);
  }

  blockedUnits(k: number, at: number, units: number): void {
    this.blockedClock.set(k, at, units);
  }

  hour(at: number, queues: Int32Array, busy: Int32Array, blocked: Int32Array): void {
    const { warmup, horizon, tally } = this;
    const R = this.t.R;
    if (at < warmup || at >= horizon) return;
    const h = Math.floor(at / 60) % 24;
    const i = Math.floor((at - warmup) / 60);
    if (i < this.measuredHours)
      for (let k = 0; k < R; k++) {
        tally.unitsByHour[k]![i] = busy[k]!;
        tally.blockedByHour[k]![i] = blocked[k]!;
        tally.queueByRunHour[k]![i] = queues[k]!;
      }
    tally.queueCount[h]!++;
    for (let k = 0; k < R; k++) {
      tally.queueSum[k]![h]! += queues[k]!;
      if (queues[k]! > tally.queueMax[k]!) tally.queueMax[k] = queues[k]!;
    }
  }

  deadlock(at: number, resources: number[], nodes: number[]): void {
    this.tally.deadlock = { at, resources, nodes };
  }

  stop(): boolean {
    return this.stopWhen ? this.stopWhen() : false;
  }

  end(at: number): void {
    // Units still in use at the end count up to it.
    this.busyClock.close(at);
    this.blockedClock.close(at);
  }
}

function addClockReading(clock: DesTally['clocks'][number], over: number[], minutes: number): void {
  addToHistogram(clock.times, minutes);
  for (let i = 0; i < over.length; i++) {
    if (minutes > over[i]!) {
      clock.over[i]!++;
      clock.beyond[i]! += minutes - over[i]!;
    }
  }
}

/** Unit-minutes at each resource inside the window (the warm-up's end to the horizon), from the engine's changes in units. */
class UnitClock {
  private readonly last: Float64Array;
  private readonly now: Int32Array;
  constructor(
    R: number,
    private readonly warmup: number,
    private readonly horizon: number,
    private readonly minutes: number[],
  ) {
    this.last = new Float64Array(R);
    this.now = new Int32Array(R);
  }

  set(k: number, at: number, units: number): void {
    const from = this.last[k]! > this.warmup ? this.last[k]! : this.warmup;
    const to = at < this.horizon ? at : this.horizon;
    if (to > from) this.minutes[k]! += this.now[k]! * (to - from);
    this.last[k] = at;
    this.now[k] = units;
  }

  close(at: number): void {
    for (let k = 0; k < this.now.length; k++) this.set(k, at, this.now[k]!);
  }
}

/** Pools replications into the result, with 95% intervals over replications. */
export function summariseDes(graph: CareGraph, options: DesOptions, tallies: DesTally[]): DesResult {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const times = mergeHistograms(tallies.map((t) => t.times));
  const time = toPositiveInterval(tallies.map((t) => getMean(t.times)));
  const deadlocked = tallies.findIndex((t) => t.deadlock);
  return {
    model: graph.modelId,
    mode: 'des',
    seed: options.seed,
    replications: tallies.length,
    days: options.days,
    warmup: options.warmup,
    arrivals: options.arrivals,
    requestsPerReplication: mean(tallies.map((t) => t.arrivals)),
    unfinishedPerReplication: mean(tallies.map((t) => t.arrivals - t.finished)),
    outcomes: getOutcomeShares(graph, tallies),
    timeToOutcome: { mean: time.mean, ci95: time.ci95, p50: getQuantile(times, 0.5), p90: getQuantile(times, 0.9), p95: getQuantile(times, 0.95) },
    services: getServices(graph, tallies),
    responseTimes: getResponseTimes(graph, tallies),
    stays: getStays(graph, tallies),
    lostPerReplication: mean(tallies.map((t) => t.lost)),
    resources: getResources(graph, options, tallies),
    waitingRooms: getWaitingRooms(graph, tallies),
    blocking: getBlocking(graph, tallies),
    clocks: getClocks(graph, options, tallies),
    ...(deadlocked >= 0 ? { deadlock: toDeadlock(graph, deadlocked, tallies[deadlocked]!.deadlock!) } : {}),
  };
}

// Everything measured here is zero or more, so intervals stop at zero.
const toPositiveInterval = (values: number[]) => {
  const { mean: m, ci95 } = toMeanInterval(values);
  return { mean: m, ci95: [Math.max(0, ci95[0]), ci95[1]] as [number, number] };
};
const orZero = (x: number) => (Number.isFinite(x) ? x : 0);
const describeUnits = (units: Int32Array) => {
  let low = Infinity;
  let high = -Infinity;
  for (const u of units) {
    if (u < low) low = u;
    if (u > high) high = u;
  }
  return low === high ? String(low) : `${low} to ${high} by hour`;
};
/** A share of counts over replications, with its interval. */
const toShare = (tallies: DesTally[], part: (t: DesTally) => number, whole: (t: DesTally) => number) =>
  toShareInterval(
    tallies.map((t) => (whole(t) ? part(t) / whole(t) : 0)),
    tallies.reduce((a, t) => a + part(t), 0),
    tallies.reduce((a, t) => a + whole(t), 0),
  );

function getOutcomeShares(graph: CareGraph, tallies: DesTally[]): DesResult['outcomes'] {
  return groupByState(
    graph,
    graph.nodes.filter((node) => node.isOutcome),
  ).map(({ state, nodes }) => {
    const shareOf = (members: CareNode[]) => {
      const share = toShare(
        tallies,
        (t) => members.reduce((a, n) => a + t.ends[n.index]!, 0),
        (t) => t.finished,
      );
      return { share: share.mean, ci95: share.ci95 };
    };
    return { state, outcome: nodes[0]!.outcome ?? state, ...shareOf(nodes), ...toConfigurations(nodes, (n) => shareOf([n])) };
  });
}

/** Rooms in the order of the first node at their state, so that services read in the model's order. */
function getRoomOrder(graph: CareGraph): number[] {
  const plan = getFlowPlan(graph);
  const first = plan.rooms.map((room) => {
    const at = plan.activeStates.findIndex((states) => states.includes(room.state));
    return at >= 0 ? at : Infinity;
  });
  return plan.rooms.map((_, i) => i).sort((a, b) => first[a]! - first[b]! || a - b);
}

const stateAgency = (graph: CareGraph, state: string) => graph.stateInfo.find((s) => s.path === state)?.agency ?? '';

/** Each waiting room as a service: waits, and its resource's utilisation and queue (as before resources were declared apart). */
function getServices(graph: CareGraph, tallies: DesTally[]): DesResult['services'] {
  const plan = getFlowPlan(graph);
  return getRoomOrder(graph).map((i) => {
    const room = plan.rooms[i]!;
    const k = room.resource;
    const waits = mergeHistograms(tallies.map((t) => t.roomWaits[i]!));
    const wait = toPositiveInterval(tallies.map((t) => getMean(t.roomWaits[i]!)));
    const utilisation = toPositiveInterval(tallies.map((t) => (t.availableMinutes[k]! ? t.busyMinutes[k]! / t.availableMinutes[k]! : 0)));
    const queue = toQueueByHour(tallies, k);
    return {
      state: room.state,
      agency: stateAgency(graph, room.state),
      servers: describeUnits(toUnitsByHour(plan.resources[k]!, 24 * 7)),
      waitMean: orZero(wait.mean),
      waitMeanCi95: wait.ci95.map(orZero) as [number, number],
      waitP90: orZero(getQuantile(waits, 0.9)),
      waitMax: waits.max,
      utilisation: utilisation.mean,
      utilisationCi95: toShareBounds(utilisation.ci95),
      queueMean: queue.reduce((a, b) => a + b, 0) / 24,
      queueMax: Math.max(...tallies.map((t) => t.queueMax[k]!)),
      queueByHour: queue,
    };
  });
}

const toQueueByHour = (tallies: DesTally[], k: number) =>
  tallies[0]!.queueCount.map((_, h) => {
    const count = tallies.reduce((a, t) => a + t.queueCount[h]!, 0);
    return count ? tallies.reduce((a, t) => a + t.queueSum[k]![h]!, 0) / count : 0;
  });

function getResources(graph: CareGraph, options: DesOptions, tallies: DesTally[]): DesResult['resources'] {
  const plan = getFlowPlan(graph);
  const warmupHours = options.warmup * 24;
  return plan.resources.flatMap((res, k) => {
    if (res.shorthand) return [];
    const share = (f: (t: DesTally) => number) => toPositiveInterval(tallies.map((t) => (t.availableMinutes[k]! ? f(t) / t.availableMinutes[k]! : 0)));
    const total = share((t) => t.busyMinutes[k]!);
    const blocked = share((t) => t.blockedMinutes[k]!);
    const queue = toQueueByHour(tallies, k);
    // Hour i of the window is hour i % 24 of the day (the window starts at midnight).
    const byHour = Array.from({ length: 24 }, () => [] as number[]);
    for (const t of tallies) t.unitsByHour[k]!.forEach((units, i) => byHour[i % 24]!.push(units));
    for (const xs of byHour) xs.sort((a, b) => a - b);
    // Means over the measured hours at each hour of the day, and on each day of the week: hour i of
    // the window is hour (warm-up days × 24 + i) of the calendar, which starts on a Monday.
    const meanBy = (slots: number, slotOf: (i: number) => number, series: (t: DesTally) => number[]) => {
      const sum = new Array(slots).fill(0);
      const count = new Array(slots).fill(0);
      for (const t of tallies)
        series(t).forEach((v, i) => {
          sum[slotOf(i)]! += v;
          count[slotOf(i)]!++;
        });
      return sum.map((x, s) => (count[s] ? x / count[s] : 0));
    };
    const dayOf = (i: number) => Math.floor((warmupHours + i) / 24) % 7;
    return [
      {
        id: res.id,
        label: res.label,
        units: describeUnits(toUnitsByHour(res, 24 * 7)),
        utilisation: total.mean,
        utilisationCi95: toShareBounds(total.ci95),
        serving: total.mean - blocked.mean,
        blocked: blocked.mean,
        blockedCi95: toShareBounds(blocked.ci95),
        queueMean: queue.reduce((a, b) => a + b, 0) / 24,
        queueMax: Math.max(...tallies.map((t) => t.queueMax[k]!)),
        queueByHour: queue,
        unitsByHour: {
          mean: byHour.map((xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)),
          p90: byHour.map((xs) => (xs.length ? xs[Math.min(xs.length - 1, Math.ceil(0.9 * xs.length) - 1)]! : 0)),
        },
        blockedByHour: meanBy(
          24,
          (i) => i % 24,
          (t) => t.blockedByHour[k]!,
        ),
        byDay: {
          inUse: meanBy(7, dayOf, (t) => t.unitsByHour[k]!),
          blocked: meanBy(7, dayOf, (t) => t.blockedByHour[k]!),
          queue: meanBy(7, dayOf, (t) => t.queueByRunHour[k]!),
        },
        heldBy: getHeldBy(graph, tallies, k),
      },
    ];
  });
}

/** The states holding resource k, by share of its available unit-time (from 0.5% up), largest first. */
function getHeldBy(graph: CareGraph, tallies: DesTally[], k: number): DesResult['resources'][number]['heldBy'] {
  return groupByState(
    graph,
    graph.nodes.filter((n) => tallies.some((t) => t.heldMinutes[k * graph.nodes.length + n.index]! > 0)),
  )
    .map(({ state, nodes }) => {
      const share = toPositiveInterval(
        tallies.map((t) =>
          t.availableMinutes[k]! ? nodes.reduce((a, n) => a + t.heldMinutes[k * graph.nodes.length + n.index]!, 0) / t.availableMinutes[k]! : 0,
        ),
      );
      return { state, share: share.mean, ci95: toShareBounds(share.ci95) };
    })
    .filter((h) => h.share >= 0.005)
    .sort((a, b) => b.share - a.share || a.state.localeCompare(b.state));
}

function getWaitingRooms(graph: CareGraph, tallies: DesTally[]): DesResult['waitingRooms'] {
  const plan = getFlowPlan(graph);
  return getRoomOrder(graph).map((i) => {
    const room = plan.rooms[i]!;
    const waits = mergeHistograms(tallies.map((t) => t.roomWaits[i]!));
    const wait = toPositiveInterval(tallies.map((t) => getMean(t.roomWaits[i]!)));
    const routed = (t: DesTally) => t.roomWaits[i]!.count + t.abandoned[i]! + t.turnedAway[i]!;
    const abandoned = toShare(tallies, (t) => t.abandoned[i]!, routed);
    const turnedAway = toShare(tallies, (t) => t.turnedAway[i]!, routed);
    const over = (m: number) => (waits.count ? 1 - getShareAtMost(waits, m) : 0);
    return {
      state: room.state,
      agency: stateAgency(graph, room.state),
      resource: plan.resources[room.resource]!.id,
      places: Number.isFinite(room.places) ? room.places : null,
      requests: tallies.reduce((a, t) => a + routed(t), 0) / tallies.length,
      waitMean: orZero(wait.mean),
      waitMeanCi95: wait.ci95.map(orZero) as [number, number],
      waitP90: orZero(getQuantile(waits, 0.9)),
      over15: over(15),
      over30: over(30),
      over60: over(60),
      abandoned: abandoned.mean,
      abandonedCi95: abandoned.ci95,
      turnedAway: turnedAway.mean,
      turnedAwayCi95: turnedAway.ci95,
      lost:
        tallies.reduce((a, t) => a + t.roomLost[i]!, 0) /
        Math.max(
          1,
          tallies.reduce((a, t) => a + routed(t), 0),
        ),
    };
  });
}

function getBlocking(graph: CareGraph, tallies: DesTally[]): DesResult['blocking'] {
  return groupByState(
    graph,
    graph.nodes.filter((node) => tallies.some((t) => t.blocked[node.index])),
  ).map(({ state, nodes }) => {
    const pooled = (t: DesTally) => mergeHistograms(nodes.flatMap((n) => (t.blocked[n.index] ? [t.blocked[n.index]!] : [])));
    const perTally = tallies.map(pooled);
    const all = mergeHistograms(perTally);
    const share = toShare(
      tallies,
      (t) => perTally[tallies.indexOf(t)]!.count,
      (t) => nodes.reduce((a, n) => a + t.leaves[n.index]!, 0),
    );
    const over = (m: number) => (all.count ? 1 - getShareAtMost(all, m) : 0);
    return {
      state,
      agency: nodes[0]!.agency,
      share: share.mean,
      shareCi95: share.ci95,
      mean: getMean(all),
      p90: getQuantile(all, 0.9),
      over15: over(15),
      over30: over(30),
      over60: over(60),
      count: all.count / tallies.length,
    };
  });
}

function getClocks(graph: CareGraph, options: DesOptions, tallies: DesTally[]): DesResult['clocks'] {
  return (graph.meta.clocks ?? []).map((c, i) => {
    const all = mergeHistograms(tallies.map((t) => t.clocks[i]!.times));
    const m = toPositiveInterval(tallies.map((t) => getMean(t.clocks[i]!.times)));
    const thresholds = c.over ?? defaultClockThresholds;
    return {
      id: c.id,
      label: c.label,
      ...(c.standard ? { standard: c.standard } : {}),
      count: all.count / tallies.length,
      mean: orZero(m.mean),
      ci95: m.ci95.map(orZero) as [number, number],
      p50: orZero(getQuantile(all, 0.5)),
      p90: orZero(getQuantile(all, 0.9)),
      over: thresholds.map((minutes, k) => {
        const share = toShare(
          tallies,
          (t) => t.clocks[i]!.over[k]!,
          (t) => t.clocks[i]!.times.count,
        );
        const hours = toPositiveInterval(tallies.map((t) => t.clocks[i]!.beyond[k]! / 60 / options.days));
        return { minutes, share: share.mean, ci95: share.ci95, hoursPerDay: hours.mean, hoursPerDayCi95: hours.ci95 };
      }),
    };
  });
}

function toDeadlock(graph: CareGraph, replication: number, d: NonNullable<DesTally['deadlock']>): NonNullable<DesResult['deadlock']> {
  const plan = getFlowPlan(graph);
  return {
    replication,
    minute: d.at,
    resources: d.resources.map((k) => plan.resources[k]!.label),
    states: [...new Set(d.nodes.map((v) => toStatePath(graph.nodes[v]!)))],
  };
}

function getResponseTimes(graph: CareGraph, tallies: DesTally[]): DesResult['responseTimes'] {
  // Response times by dispatch state: every configuration of the state pooled.
  return groupByState(
    graph,
    graph.nodes.filter((node) => node.function === 'dispatch' && !node.isOutcome),
  ).map(({ state, nodes }) => {
    const pooled = (t: DesTally) => mergeHistograms(nodes.map((n) => t.responses[n.index]!));
    const all = mergeHistograms(tallies.map(pooled));
    const m = toPositiveInterval(tallies.map((t) => getMean(pooled(t))));
    const q = (p: number) => getQuantile(all, p);
    return {
      state,
      agency: nodes[0]!.agency,
      mean: m.mean,
      ci95: m.ci95,
      p10: q(0.1),
      p25: q(0.25),
      p50: q(0.5),
      p75: q(0.75),
      p90: q(0.9),
      count: all.count / tallies.length,
    };
  });
}

function getStays(graph: CareGraph, tallies: DesTally[]): DesResult['stays'] {
  return graph.agencies.map((agency, i) => {
    const all = mergeHistograms(tallies.map((t) => t.stays[i]!));
    const within = toShare(
      tallies,
      (t) => t.staysWithin[i]!,
      (t) => t.stays[i]!.count,
    );
    return {
      agency: agency.id,
      mean: getMean(all),
      p90: getQuantile(all, 0.9),
      withinFourHours: within.mean,
      withinFourHoursCi95: within.ci95,
      count: all.count / tallies.length,
    };
  });
}
