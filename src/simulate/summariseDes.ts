import { groupByState, toConfigurations, toStatePath } from '../graph/toConfigurationRef.ts';
import type { CareGraph, CareNode } from '../graph/types.ts';
import type { DesMonitor, DesTally } from './types.ts';
import { getCapacityState, getServerPools, getServers } from './runDesReplication.ts';
import type { DesOptions, DesResult } from './types.ts';
import { growArray } from './growArray.ts';
import { addToHistogram, createHistogram, getMean, getQuantile, mergeHistograms, type Histogram } from './Histogram.ts';
import { toMeanInterval, toShareBounds, toShareInterval } from './statistics.ts';

const DAY = 24 * 60;
const FOUR_HOURS = 240;

/** A monitor that measures one replication, leaving out what starts before the warm-up ends. */
export function createDesTally(graph: CareGraph, options: DesOptions): { monitor: DesMonitor; tally: DesTally } {
  const n = graph.nodes.length;
  const warmup = options.warmup * DAY;
  const horizon = (options.warmup + options.days) * DAY;
  const agencyIndex = new Map(graph.agencies.map((a, i) => [a.id, i]));
  // Flat typed arrays: the monitor is called several times per request.
  const agencyOf = Int32Array.from(graph.nodes, (node) => agencyIndex.get(node.agency) ?? -1);
  const isDispatch = Uint8Array.from(graph.nodes, (node) => (node.function === 'dispatch' && !node.isOutcome ? 1 : 0));
  const isOutcome = Uint8Array.from(graph.nodes, (node) => (node.isOutcome ? 1 : 0));
  const servers = getServers(graph);
  // Waits are counted at the server pool the node waits for (see getServerPools).
  const pool = getServerPools(graph);
  const tally: DesTally = {
    arrivals: 0,
    finished: 0,
    ends: new Array(n).fill(0),
    times: createHistogram(),
    waits: servers.map((s) => (s ? createHistogram() : null)),
    busyMinutes: new Array(n).fill(0),
    availableMinutes: servers.map((s) => {
      if (!s) return 0;
      let total = 0;
      for (let t = warmup; t < horizon; t += 60) total += s[Math.floor(t / 60) % 24]! * Math.min(60, horizon - t);
      return total;
    }),
    queueSum: graph.nodes.map(() => new Array(24).fill(0)),
    queueCount: new Array(24).fill(0),
    queueMax: new Array(n).fill(0),
    responses: Array.from(isDispatch, (d) => (d ? createHistogram() : null)),
    stays: graph.agencies.map(() => createHistogram()),
    staysWithin: graph.agencies.map(() => 0),
  };
  const lastBusy = new Float64Array(n);
  const busyMinutes = tally.busyMinutes;
  const busyNow = new Int32Array(n);
  // Notes on requests in the system, by the engine's slot (reused when a request finishes), so
  // memory follows the number in the system.
  let counted = new Uint8Array(1024);
  let stayAgency = new Int32Array(1024);
  let stayStart = new Float64Array(1024);
  const room = (slot: number) => {
    if (slot < counted.length) return;
    const size = Math.max(slot + 1, counted.length * 2);
    counted = growArray(counted, size);
    stayAgency = growArray(stayAgency, size);
    stayStart = growArray(stayStart, size);
  };
  // After the horizon (the run-out) only requests that arrived in the window are still measured.
  const measured = (slot: number, at: number) => at <= horizon || counted[slot] === 1;
  const closeStay = (slot: number, at: number) => {
    const agency = stayAgency[slot]!;
    const since = stayStart[slot]!;
    if (agency >= 0 && since >= warmup && measured(slot, at)) {
      addToHistogram(tally.stays[agency]!, at - since);
      if (at - since <= FOUR_HOURS) tally.staysWithin[agency]!++;
    }
  };
  const monitor: DesMonitor = {
    arrive(slot, at) {
      room(slot);
      counted[slot] = at >= warmup && at <= horizon ? 1 : 0;
      stayAgency[slot] = -1;
      if (counted[slot]) tally.arrivals++;
    },
    step(_request, slot, node, arrival, start, end) {
      if (isOutcome[node]) return;
      const agency = agencyOf[node]!;
      if (stayAgency[slot] !== agency) {
        closeStay(slot, arrival);
        stayAgency[slot] = agency;
        stayStart[slot] = arrival;
      }
      const p = pool[node]!;
      if (p >= 0 && start >= warmup && measured(slot, start)) addToHistogram(tally.waits[p]!, start - arrival);
      if (isDispatch[node] && stayStart[slot]! >= warmup && measured(slot, end)) addToHistogram(tally.responses[node]!, end - stayStart[slot]!);
    },
    finish(slot, node, arrivedAt, at) {
      closeStay(slot, at);
      stayAgency[slot] = -1;
      if (!counted[slot]) return;
      tally.finished++;
      tally.ends[node]!++;
      addToHistogram(tally.times, at - arrivedAt);
    },
    busy(node, at, busy) {
      // Busy time counts inside the window only: from the warm-up's end to the horizon.
      const last = lastBusy[node]!;
      const from = last > warmup ? last : warmup;
      const to = at < horizon ? at : horizon;
      if (to > from) busyMinutes[node]! += busyNow[node]! * (to - from);
      lastBusy[node] = at;
      busyNow[node] = busy;
    },
    hour(at, queues) {
      if (at < warmup || at > horizon) return;
      const h = Math.floor(at / 60) % 24;
      tally.queueCount[h]!++;
      for (let v = 0; v < n; v++) {
        if (!servers[v]) continue;
        tally.queueSum[v]![h]! += queues[v]!;
        if (queues[v]! > tally.queueMax[v]!) tally.queueMax[v] = queues[v]!;
      }
    },
    end(at) {
      // Servers still busy at the end count up to it.
      for (let v = 0; v < n; v++) if (servers[v]) monitor.busy(v, at, busyNow[v]!);
    },
  };
  return { monitor, tally };
}

/** Pools replications into the result, with 95% intervals over replications. */
export function summariseDes(graph: CareGraph, options: DesOptions, tallies: DesTally[]): DesResult {
  const servers = getServers(graph);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  // Everything measured here is zero or more, so intervals stop at zero.
  const interval = (values: number[]) => {
    const { mean: m, ci95 } = toMeanInterval(values);
    return { mean: m, ci95: [Math.max(0, ci95[0]), ci95[1]] as [number, number] };
  };
  const times = mergeHistograms(tallies.map((t) => t.times));
  const time = interval(tallies.map((t) => getMean(t.times)));
  const describeServers = (s: Int32Array) => {
    const distinct = [...new Set(s)];
    return distinct.length === 1 ? String(distinct[0]) : `${Math.min(...s)} to ${Math.max(...s)} by hour`;
  };
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
    outcomes: groupByState(
      graph,
      graph.nodes.filter((node) => node.isOutcome),
    ).map(({ state, nodes }) => {
      const shareOf = (members: CareNode[]) => {
        const ends = (t: DesTally) => members.reduce((a, n) => a + t.ends[n.index]!, 0);
        const share = toShareInterval(
          tallies.map((t) => (t.finished ? ends(t) / t.finished : 0)),
          tallies.reduce((a, t) => a + ends(t), 0),
          tallies.reduce((a, t) => a + t.finished, 0),
        );
        return { share: share.mean, ci95: share.ci95 };
      };
      return { state, outcome: nodes[0]!.outcome ?? state, ...shareOf(nodes), ...toConfigurations(nodes, (n) => shareOf([n])) };
    }),
    timeToOutcome: { mean: time.mean, ci95: time.ci95, p50: getQuantile(times, 0.5), p90: getQuantile(times, 0.9), p95: getQuantile(times, 0.95) },
    services: graph.nodes
      .filter((node) => servers[node.index])
      .map((node) => {
        const v = node.index;
        const waits = mergeHistograms(tallies.map((t) => t.waits[v]!));
        const wait = interval(tallies.map((t) => getMean(t.waits[v]!)));
        const utilisation = interval(tallies.map((t) => (t.availableMinutes[v]! ? t.busyMinutes[v]! / t.availableMinutes[v]! : 0)));
        utilisation.ci95 = toShareBounds(utilisation.ci95);
        const hours = tallies[0]!.queueCount.map((_, h) => {
          const count = tallies.reduce((a, t) => a + t.queueCount[h]!, 0);
          return count ? tallies.reduce((a, t) => a + t.queueSum[v]![h]!, 0) / count : 0;
        });
        return {
          state: getCapacityState(graph, node) ?? toStatePath(node),
          agency: node.agency,
          servers: describeServers(servers[v]!),
          waitMean: wait.mean,
          waitMeanCi95: wait.ci95,
          waitP90: getQuantile(waits, 0.9),
          waitMax: waits.max,
          utilisation: utilisation.mean,
          utilisationCi95: utilisation.ci95,
          queueMean: mean(hours),
          queueMax: Math.max(...tallies.map((t) => t.queueMax[v]!)),
          queueByHour: hours,
        };
      }),
    // Response times by dispatch state: every configuration of the state pooled.
    responseTimes: groupByState(
      graph,
      graph.nodes.filter((node) => node.function === 'dispatch' && !node.isOutcome),
    ).map(({ state, nodes }) => {
      const pooled = (t: DesTally) => mergeHistograms(nodes.map((n) => t.responses[n.index]!));
      const all = mergeHistograms(tallies.map(pooled));
      const m = interval(tallies.map((t) => getMean(pooled(t))));
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
    }),
    stays: graph.agencies.map((agency, i) => {
      const all = mergeHistograms(tallies.map((t) => t.stays[i]!));
      const within = toShareInterval(
        tallies.map((t) => (t.stays[i]!.count ? t.staysWithin[i]! / t.stays[i]!.count : 0)),
        tallies.reduce((a, t) => a + t.staysWithin[i]!, 0),
        tallies.reduce((a, t) => a + t.stays[i]!.count, 0),
      );
      return {
        agency: agency.id,
        mean: getMean(all),
        p90: getQuantile(all, 0.9),
        withinFourHours: within.mean,
        withinFourHoursCi95: within.ci95,
        count: all.count / tallies.length,
      };
    }),
  };
}
