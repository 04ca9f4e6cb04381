import { toCompactGraph } from '../graph/toCompactGraph.ts';
import type { CareGraph, CareNode } from '../graph/types.ts';
import { getMarkovAnalysis } from '../markov/getMarkovAnalysis.ts';
import { RequestWalk } from '../simulate/RequestWalk.ts';
import { createRandom } from '../simulate/createRandom.ts';
import { addToHistogram, createHistogram, getMean, getQuantile, mergeHistograms, type Histogram } from '../simulate/Histogram.ts';
import type { DesOptions } from '../simulate/types.ts';
import { getResourceAt, getRoomAt } from './measures/queueMeasures.ts';
import { runDesTally } from '../simulate/runDes.ts';
import type { DesTally } from '../simulate/types.ts';
import { getSelectedNodes } from './measures/getSelectedNodes.ts';
import { getMeasureDefinition } from './measures/index.ts';
import type { MeasureValue } from './measures/types.ts';
import { getMeasureSource } from './measureCatalogue.ts';
import type { Measure, StateSelector, StrategyProblem, StrategySimulation, TimeStatistic } from './types.ts';

/** Why a measure cannot be taken on this model (a name it uses is not there, or it needs demand or capacity), or undefined. */
export function checkMeasure(graph: CareGraph, m: Measure): { problem: string; hint: string } | undefined {
  const problem = getMeasureDefinition(m.kind)!.check(graph, m);
  if (problem) return problem;
  if (getMeasureSource(m) === 'des' && !graph.meta.demand)
    return {
      problem: 'this measure needs the discrete-event simulation, and the model has no demand.',
      hint: 'Add meta.demand (requests a day) to the model.',
    };
  return undefined;
}

/** The problems of a file's measures on this model, each at `list[i].measure (id)`: objectives of a strategy, figures of an observed file. */
export function checkMeasures(graph: CareGraph, list: { id: string; measure: Measure }[], listName: string): StrategyProblem[] {
  return list.flatMap((item, i) => {
    const p = checkMeasure(graph, item.measure);
    return p ? [{ at: `${listName}[${i + 1}].measure (${item.id})`, message: p.problem, hint: p.hint }] : [];
  });
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
  const sum = (m: Uint8Array, f: (v: number) => number) => {
    let total = 0;
    for (let v = 0; v < g.n; v++) if (m[v]) total += f(v);
    return total;
  };
  const context = {
    days: simulation.days,
    graph,
    g,
    markov,
    mask,
    sum,
    perDay,
    simulated,
    roomOf: (state: string) => getRoomAt(graph, state),
    resourceOf: (state: string) => getResourceAt(graph, state),
  };
  return measures.map((m, i) => getMeasureDefinition(m.kind)!.value(m, { ...context, montecarlo: montecarlo.get(i) }));
}

/** The discrete-event options a strategy's simulation settings stand for. */
export const toDesOptions = (s: StrategySimulation): DesOptions => ({
  days: s.days,
  warmup: s.warmup,
  replications: s.replications,
  seed: s.seed,
  arrivals: 'poisson',
});

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
  const wanted = measures.flatMap((m, i) => {
    const timed = getMeasureSource(m) === 'montecarlo' ? getMeasureDefinition(m.kind)!.timed?.(m) : undefined;
    return timed ? [{ i, ...timed }] : [];
  });
  const out = new Map<number, MeasureValue>();
  if (!wanted.length) return out;
  const g = toCompactGraph(graph);
  const walk = new RequestWalk(graph);
  const targets = wanted.map(({ target }) => (target ? mask(target) : null));
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
    wanted.forEach(({ statistic }, j) => {
      const h = histograms[j]!;
      values[j]!.push(statistic === 'mean' ? getMean(h) : getQuantile(h, quantileOf[statistic]));
    });
  }
  wanted.forEach(({ i }, j) => out.set(i, { value: values[j]!.reduce((a, b) => a + b, 0) / values[j]!.length, replications: values[j]! }));
  return out;
}
