import { toCompactGraph } from '../graph/toCompactGraph.ts';
import type { CareGraph, CareNode } from '../graph/types.ts';
import { getMarkovAnalysis } from '../markov/getMarkovAnalysis.ts';
import { getHittingProbabilities } from '../markov/solveChain.ts';
import { RequestWalk } from '../simulate/RequestWalk.ts';
import { createRandom } from '../simulate/createRandom.ts';
import { addToHistogram, createHistogram, getMean, getQuantile, mergeHistograms, type Histogram } from '../simulate/Histogram.ts';
import type { DesOptions } from '../simulate/types.ts';
import { getServerPools } from '../simulate/runDesReplication.ts';
import { runDesTally } from '../simulate/runDes.ts';
import type { DesTally } from '../simulate/types.ts';
import { suggestPath } from './applyPlans.ts';
import { getMeasureSource } from './measureCatalogue.ts';
import type { Measure, StateSelector, StrategySimulation, TimeStatistic } from './types.ts';

/**
 * A measure's value on one model: exact, or simulated with one value per replication (so that two
 * models run on the same random streams can be compared replication by replication).
 */
export interface MeasureValue {
  value: number;
  /** Simulated measures: the value in each replication. */
  replications?: number[];
}

const asList = (x: string | string[]) => (Array.isArray(x) ? x : [x]);

/** Which graph nodes a selector picks (any of the names it gives), or why it picks nothing. */
export function getSelectedNodes(graph: CareGraph, s: StateSelector): { nodes: CareNode[] } | { problem: string; hint: string } {
  if (s.state) {
    const paths = asList(s.state);
    const missing = paths.find((path) => !graph.stateInfo.some((info) => info.path === path));
    if (missing)
      return {
        problem: `there is no state ${missing} in the model.`,
        hint: suggestPath(
          missing,
          graph.stateInfo.map((info) => info.path),
        ),
      };
    return { nodes: graph.nodes.filter((n) => n.states.some((p) => paths.some((path) => p === path || p.startsWith(`${path}.`)))) };
  }
  if (s.agency) {
    const ids = asList(s.agency);
    const missing = ids.find((id) => !graph.agencies.some((a) => a.id === id));
    if (missing) return { problem: `there is no agency "${missing}" in the model.`, hint: `Agencies: ${graph.agencies.map((a) => a.id).join(', ')}.` };
    return { nodes: graph.nodes.filter((n) => ids.includes(n.agency)) };
  }
  if (s.function) {
    const ids = asList(s.function);
    const missing = ids.find((id) => !graph.functions.some((f) => f.id === id));
    if (missing) return { problem: `there is no function "${missing}" in the model.`, hint: `Functions: ${graph.functions.map((f) => f.id).join(', ')}.` };
    return { nodes: graph.nodes.filter((n) => n.function !== undefined && ids.includes(n.function)) };
  }
  const wanted = asList(s.outcome ?? []);
  const outcomes = [...new Set(graph.nodes.filter((n) => n.isOutcome).map((n) => n.outcome ?? n.id))];
  const missing = wanted.find((o) => !outcomes.includes(o));
  if (missing !== undefined || !wanted.length)
    return { problem: `there is no outcome "${missing ?? ''}" in the model.`, hint: `Outcomes: ${outcomes.join(', ')}.` };
  return { nodes: graph.nodes.filter((n) => n.isOutcome && wanted.includes(n.outcome ?? n.id)) };
}

/** Why a measure cannot be taken on this model (a name it uses is not there, or it needs demand or capacity), or undefined. */
export function checkMeasure(graph: CareGraph, m: Measure): { problem: string; hint: string } | undefined {
  switch (m.kind) {
    case 'handoffs':
    case 'time-to-outcome':
      return undefined;
    case 'outcome-share': {
      const found = getSelectedNodes(graph, m.state ? { state: m.state } : { outcome: m.outcome! });
      if ('problem' in found) return found;
      if (m.state && !found.nodes.some((n) => n.isOutcome))
        return {
          problem: `${asList(m.state).join(', ')} is not an outcome state.`,
          hint: 'Use reach-share for the share of requests that reach a state on the way.',
        };
      return undefined;
    }
    case 'reach-share':
    case 'visits':
    case 'time-to': {
      const found = getSelectedNodes(graph, m);
      return 'problem' in found ? found : undefined;
    }
    case 'workload':
    case 'four-hour-share': {
      const found = getSelectedNodes(graph, { agency: m.agency });
      if ('problem' in found) return found;
      if (m.kind === 'workload' && !graph.meta.demand)
        return { problem: 'a workload measure needs the model’s demand (requests a day).', hint: 'Add meta.demand to the model.' };
      break;
    }
    case 'wait':
    case 'utilisation':
    case 'response-time': {
      const found = getSelectedNodes(graph, { state: m.state });
      if ('problem' in found) return found;
      if (m.kind === 'response-time' && !found.nodes.some((n) => n.function === 'dispatch'))
        return {
          problem: `${m.state} is not a dispatch state, so it has no response time.`,
          hint: 'Name a state with function: dispatch, such as city.ambulance.category2Response.',
        };
      if (m.kind !== 'response-time' && !found.nodes.some((n) => n.capacity))
        return { problem: `${m.state} has no capacity, so it has no queue to measure.`, hint: 'Name a state with meta.capacity.' };
      break;
    }
  }
  if (getMeasureSource(m) === 'des' && !graph.meta.demand)
    return {
      problem: 'this measure needs the discrete-event simulation, and the model has no demand.',
      hint: 'Add meta.demand (requests a day) to the model.',
    };
  return undefined;
}

/**
 * Every measure's value on one model: exact measures from the Markov analysis, time centiles from
 * Monte Carlo, queue measures from the discrete-event simulation (run only when some measure needs
 * it, unless its replications are given, run elsewhere with `toDesOptions`). Replication r uses
 * random stream r of the seed, on every model.
 */
export function getMeasureValues(graph: CareGraph, measures: Measure[], simulation: StrategySimulation, desTallies?: DesTally[]): MeasureValue[] {
  const g = toCompactGraph(graph);
  const markov = getMarkovAnalysis(graph);
  const mask = (s: StateSelector) => {
    const found = getSelectedNodes(graph, s);
    const m = new Uint8Array(g.n);
    if ('nodes' in found) for (const n of found.nodes) m[n.index] = 1;
    return m;
  };
  // Workload is a day's; a model without demand gets it per 1,000 requests (strategies refuse a
  // workload measure there, but the comparison's side effects still need one).
  const perDay = graph.meta.demand?.perDay ?? 1000;
  const montecarlo = runTimeMeasures(graph, measures, simulation, mask);
  const needsDes = measures.some((m) => getMeasureSource(m) === 'des');
  const tallies = !needsDes ? [] : (desTallies ?? Array.from({ length: simulation.replications }, (_, r) => runDesTally(graph, toDesOptions(simulation), r)));
  const simulated = (f: (t: (typeof tallies)[number]) => number): MeasureValue => {
    const values = tallies.map(f);
    return { value: values.reduce((a, b) => a + b, 0) / values.length, replications: values };
  };
  // The server pool a state's configurations share (see getServerPools).
  const pools = needsDes ? getServerPools(graph) : new Int32Array(0);
  const poolOf = (state: string) => {
    const node = graph.nodes.find((n) => n.capacity && n.states.some((p) => p === state || p.startsWith(`${state}.`)));
    return node ? pools[node.index]! : -1;
  };
  const agencyIndex = (id: string) => graph.agencies.findIndex((a) => a.id === id);
  const sum = (m: Uint8Array, f: (v: number) => number) => {
    let total = 0;
    for (let v = 0; v < g.n; v++) if (m[v]) total += f(v);
    return total;
  };
  return measures.map((m, i) => {
    switch (m.kind) {
      case 'outcome-share':
        return { value: sum(mask(m.state ? { state: m.state } : { outcome: m.outcome! }), (v) => (g.outcome[v] ? markov.visits[v]! : 0)) };
      case 'reach-share':
        return { value: getHittingProbabilities(g, mask(m))[0]! };
      case 'visits':
        return { value: sum(mask(m), (v) => markov.visits[v]!) };
      case 'handoffs':
        return { value: markov.expectedHandoffs };
      case 'workload':
        return { value: perDay * sum(mask({ agency: m.agency }), (v) => markov.visits[v]! * g.minutes[v]!) };
      case 'time-to-outcome':
        return m.statistic === 'mean' ? { value: markov.expectedMinutes } : montecarlo.get(i)!;
      case 'time-to':
        return montecarlo.get(i)!;
      case 'wait': {
        const v = poolOf(m.state);
        return simulated((t) => (v < 0 || !t.waits[v] ? 0 : m.statistic === 'mean' ? getMean(t.waits[v]!) : orZero(getQuantile(t.waits[v]!, 0.9))));
      }
      case 'utilisation': {
        const v = poolOf(m.state);
        return simulated((t) => (v >= 0 && t.availableMinutes[v]! ? t.busyMinutes[v]! / t.availableMinutes[v]! : 0));
      }
      case 'response-time': {
        // Every configuration of the dispatch state counts (they differ only in context values).
        const nodes = graph.nodes.filter((n) => n.states.some((p) => p === m.state || p.startsWith(`${m.state}.`))).map((n) => n.index);
        return simulated((t) => {
          const all = mergeHistograms(nodes.flatMap((v) => (t.responses[v] ? [t.responses[v]!] : [])));
          return m.statistic === 'mean' ? getMean(all) : orZero(getQuantile(all, 0.9));
        });
      }
      case 'four-hour-share': {
        const a = agencyIndex(m.agency);
        return simulated((t) => (a >= 0 && t.stays[a]!.count ? t.staysWithin[a]! / t.stays[a]!.count : 0));
      }
    }
  });
}

/** The discrete-event options a strategy's simulation settings stand for. */
export const toDesOptions = (s: StrategySimulation): DesOptions => ({
  days: s.days,
  warmup: s.warmup,
  replications: s.replications,
  seed: s.seed,
  arrivals: 'poisson',
});

const orZero = (x: number) => (Number.isNaN(x) ? 0 : x);
const quantileOf: Record<TimeStatistic, number> = { mean: 0, p50: 0.5, p90: 0.9, p95: 0.95 };

/**
 * The Monte Carlo measures (time centiles, times until states are reached), in one walk per
 * request: durations sampled, ways out chosen by probability, as in the Monte Carlo engine.
 */
function runTimeMeasures(
  graph: CareGraph,
  measures: Measure[],
  simulation: StrategySimulation,
  mask: (s: StateSelector) => Uint8Array,
): Map<number, MeasureValue> {
  const wanted = measures.flatMap((m, i) => (getMeasureSource(m) === 'montecarlo' && (m.kind === 'time-to' || m.kind === 'time-to-outcome') ? [{ i, m }] : []));
  const out = new Map<number, MeasureValue>();
  if (!wanted.length) return out;
  const g = toCompactGraph(graph);
  const walk = new RequestWalk(graph);
  const targets = wanted.map(({ m }) => (m.kind === 'time-to' ? mask(m) : null));
  const values = wanted.map(() => [] as number[]);
  const reached = new Float64Array(wanted.length);
  for (let r = 0; r < simulation.replications; r++) {
    const random = createRandom(simulation.seed, r);
    const histograms: Histogram[] = wanted.map(() => createHistogram());
    for (let k = 0; k < simulation.requests; k++) {
      let v = 0;
      let t = 0;
      reached.fill(-1);
      walk.begin();
      for (;;) {
        for (let j = 0; j < targets.length; j++) if (targets[j]?.[v] && reached[j]! < 0) reached[j] = t;
        t += walk.stay(v, random);
        if (g.outcome[v]) break;
        v = walk.to(walk.leave(v, random));
      }
      // A request that never reaches the states counts at its outcome.
      for (let j = 0; j < wanted.length; j++) addToHistogram(histograms[j]!, targets[j] && reached[j]! >= 0 ? reached[j]! : t);
    }
    wanted.forEach(({ m }, j) => {
      const h = histograms[j]!;
      const statistic = (m as { statistic: TimeStatistic }).statistic;
      values[j]!.push(statistic === 'mean' ? getMean(h) : getQuantile(h, quantileOf[statistic]));
    });
  }
  wanted.forEach(({ i }, j) => out.set(i, { value: values[j]!.reduce((a, b) => a + b, 0) / values[j]!.length, replications: values[j]! }));
  return out;
}
