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

/** A monitor that measures one replication, leaving out what starts before the warm-up ends. */
export function createDesTally(graph: CareGraph, options: DesOptions): { monitor: DesMonitor; tally: DesTally } {
  const n = graph.nodes.length;
  const plan = getFlowPlan(graph);
  const R = plan.resources.length;
  const warmup = options.warmup * DAY;
  const horizon = (options.warmup + options.days) * DAY;
  const agencyIndex = new Map(graph.agencies.map((a, i) => [a.id, i]));
  // Flat typed arrays: the monitor is called several times per request.
  const agencyOf = Int32Array.from(graph.nodes, (node) => agencyIndex.get(node.agency) ?? -1);
  const isDispatch = Uint8Array.from(graph.nodes, (node) => (node.function === 'dispatch' && !node.isOutcome ? 1 : 0));
  const isOutcome = Uint8Array.from(graph.nodes, (node) => (node.isOutcome ? 1 : 0));
  const clocks = toClockReaders(graph);
  // 1 where some clock starts: a step elsewhere reads the clocks only when one is running for the request.
  const startsAny = Uint8Array.from(graph.nodes, (_, v) => (clocks.some((c) => c.starts[v]) ? 1 : 0));
  // The clocks that start or stop at each node (`clockAt[clockAtStart[v]]` up to `clockAtStart[v + 1]`), so a step reads only those.
  const clockAtStart = new Int32Array(n + 1);
  const clockAtList: number[] = [];
  for (let v = 0; v < n; v++) {
    clocks.forEach((c, i) => (c.starts[v] || c.stops[v]) && clockAtList.push(i));
    clockAtStart[v + 1] = clockAtList.length;
  }
  const clockAt = Int32Array.from(clockAtList);
  const { nodeUseStart } = plan;
  const usesAt = Uint8Array.from(graph.nodes, (_, v) => (nodeUseStart[v + 1]! > nodeUseStart[v]! ? 1 : 0));
  const nodeOf = Int32Array.from({ length: plan.nodeUses.length }, (_, x) => {
    let v = 0;
    while (nodeUseStart[v + 1]! <= x) v++;
    return v;
  });
  const heldIndex = Int32Array.from(plan.nodeUses, (u, x) => plan.uses[u]!.resource * n + nodeOf[x]!);
  const heldUnits = Int32Array.from(plan.nodeUses, (u) => plan.uses[u]!.units);
  const measuredHours = Math.ceil((horizon - warmup) / 60);
  const tally: DesTally = {
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
      for (let t = warmup; t < horizon; t += 60) total += units[Math.floor(t / 60)]! * Math.min(60, horizon - t);
      return total;
    }),
    queueSum: plan.resources.map(() => new Array(24).fill(0)),
    queueCount: new Array(24).fill(0),
    queueMax: new Array(R).fill(0),
    unitsByHour: plan.resources.map(() => new Array(measuredHours).fill(0)),
    heldMinutes: new Float64Array(R * n),
    blocked: new Array(n).fill(null),
    leaves: new Array(n).fill(0),
    responses: Array.from(isDispatch, (d) => (d ? createHistogram() : null)),
    stays: graph.agencies.map(() => createHistogram()),
    staysWithin: graph.agencies.map(() => 0),
    clocks: clocks.map((c) => ({ times: createHistogram(), over: c.over.map(() => 0), beyond: c.over.map(() => 0) })),
    deadlock: null,
  };
  const held = tally.heldMinutes;
  const busyClock = createUnitClock(R, warmup, horizon, tally.busyMinutes);
  const blockedClock = createUnitClock(R, warmup, horizon, tally.blockedMinutes);
  // Notes on requests in the system, by the engine's slot (reused when a request finishes), so
  // memory follows the number in the system.
  let counted = new Uint8Array(1024);
  let stayAgency = new Int32Array(1024);
  let stayStart = new Float64Array(1024);
  let clockStart = new Float64Array(1024 * Math.max(1, clocks.length));
  let running = new Int32Array(1024);
  const room = (slot: number) => {
    if (slot < counted.length) return;
    const size = Math.max(slot + 1, counted.length * 2);
    counted = growArray(counted, size);
    stayAgency = growArray(stayAgency, size);
    stayStart = growArray(stayStart, size);
    clockStart = growArray(clockStart, size * Math.max(1, clocks.length));
    running = growArray(running, size);
  };
  // After the horizon (the run-out) only requests that arrived in the window are still measured.
  const measured = (slot: number, at: number) => at <= horizon || counted[slot] === 1;
  const inWindow = (slot: number, since: number, at: number) => since >= warmup && measured(slot, at);
  const closeStay = (slot: number, at: number) => {
    const agency = stayAgency[slot]!;
    const since = stayStart[slot]!;
    if (agency >= 0 && since >= warmup && measured(slot, at)) {
      addToHistogram(tally.stays[agency]!, at - since);
      if (at - since <= FOUR_HOURS) tally.staysWithin[agency]!++;
    }
  };
  const readClocks = (slot: number, node: number, arrival: number) => {
    for (let x = clockAtStart[node]!; x < clockAtStart[node + 1]!; x++) {
      const c = clockAt[x]!;
      const i = slot * clocks.length + c;
      const start = clockStart[i]!;
      if (start === -1) continue;
      if (start !== start) {
        if (clocks[c]!.starts[node]) {
          clockStart[i] = arrival;
          running[slot]!++;
        }
      } else if (clocks[c]!.stops[node]) {
        clockStart[i] = -1;
        running[slot]!--;
        if (inWindow(slot, start, arrival)) addClockReading(tally.clocks[c]!, clocks[c]!.over, arrival - start);
      }
    }
  };
  const monitor: DesMonitor = {
    arrive(slot, at) {
      room(slot);
      counted[slot] = at >= warmup && at <= horizon ? 1 : 0;
      stayAgency[slot] = -1;
      for (let i = slot * clocks.length; i < (slot + 1) * clocks.length; i++) clockStart[i] = Number.NaN;
      running[slot] = 0;
      if (counted[slot]) tally.arrivals++;
    },
    step(_request, slot, node, arrival, start, end) {
      if ((running[slot] || startsAny[node]) && clockAtStart[node + 1]! > clockAtStart[node]!) readClocks(slot, node, arrival);
      if (isOutcome[node]) return;
      const counts = measured(slot, end);
      if (usesAt[node] && counts) {
        const from = start > warmup ? start : warmup;
        const to = end < horizon ? end : horizon;
        if (to > from) for (let x = nodeUseStart[node]!; x < nodeUseStart[node + 1]!; x++) held[heldIndex[x]!]! += heldUnits[x]! * (to - from);
      }
      if (arrival >= warmup && counts) tally.leaves[node]!++;
      const agency = agencyOf[node]!;
      if (stayAgency[slot] !== agency) {
        closeStay(slot, arrival);
        stayAgency[slot] = agency;
        stayStart[slot] = arrival;
      }
      if (isDispatch[node] && stayStart[slot]! >= warmup && counts) addToHistogram(tally.responses[node]!, end - stayStart[slot]!);
    },
    finish(slot, node, arrivedAt, at) {
      closeStay(slot, at);
      stayAgency[slot] = -1;
      if (!counted[slot]) return;
      tally.finished++;
      if (node < 0) tally.lost++;
      else tally.ends[node]!++;
      addToHistogram(tally.times, at - arrivedAt);
    },
    admitted(slot, r, since, at) {
      if (inWindow(slot, at, at)) addToHistogram(tally.roomWaits[r]!, at - since);
    },
    abandoned(slot, r, since, at) {
      if (inWindow(slot, since, at)) tally.abandoned[r]!++;
    },
    turnedAway(slot, r, at, lost) {
      if (!inWindow(slot, at, at)) return;
      tally.turnedAway[r]!++;
      if (lost) tally.roomLost[r]!++;
    },
    blocked(slot, node, since, until) {
      if (!inWindow(slot, since, until)) return;
      addToHistogram((tally.blocked[node] ??= createHistogram()), until - since);
    },
    busy: busyClock.set,
    blockedUnits: blockedClock.set,
    hour(at, queues, busy) {
      if (at < warmup || at >= horizon) return;
      const h = Math.floor(at / 60) % 24;
      const i = Math.floor((at - warmup) / 60);
      if (i < measuredHours) for (let k = 0; k < R; k++) tally.unitsByHour[k]![i] = busy[k]!;
      tally.queueCount[h]!++;
      for (let k = 0; k < R; k++) {
        tally.queueSum[k]![h]! += queues[k]!;
        if (queues[k]! > tally.queueMax[k]!) tally.queueMax[k] = queues[k]!;
      }
    },
    deadlock(at, resources, nodes) {
      tally.deadlock = { at, resources, nodes };
    },
    end(at) {
      // Units still in use at the end count up to it.
      busyClock.close(at);
      blockedClock.close(at);
    },
  };
  return { monitor, tally };
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
function createUnitClock(R: number, warmup: number, horizon: number, minutes: number[]) {
  const last = new Float64Array(R);
  const now = new Int32Array(R);
  const set = (k: number, at: number, units: number) => {
    const from = last[k]! > warmup ? last[k]! : warmup;
    const to = at < horizon ? at : horizon;
    if (to > from) minutes[k]! += now[k]! * (to - from);
    last[k] = at;
    now[k] = units;
  };
  return { set, close: (at: number) => now.forEach((units, k) => set(k, at, units)) };
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
    resources: getResources(graph, tallies),
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

function getResources(graph: CareGraph, tallies: DesTally[]): DesResult['resources'] {
  const plan = getFlowPlan(graph);
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
