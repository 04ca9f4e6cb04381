import { hasCapacity } from '../graph/hasCapacity.ts';
import { toCompactGraph } from '../graph/toCompactGraph.ts';
import { groupByState, toConfigurations, toStatePath } from '../graph/toConfigurationRef.ts';
import type { CareGraph, CareNode } from '../graph/types.ts';
import { getMarkovAnalysis } from '../markov/getMarkovAnalysis.ts';
import { createRandom, type Random } from './createRandom.ts';
import { RequestWalk } from './RequestWalk.ts';
import { addToHistogram, createHistogram, getQuantile, mergeHistograms, type Histogram } from './Histogram.ts';
import { toMeanInterval, toShareInterval } from './statistics.ts';
import type { MonteCarloOptions, MonteCarloResult, ReplicationTally } from './types.ts';

/** Distinct pathway variants tracked in one replication; the most frequent are always among the first seen. */
const MAX_VARIANTS = 50_000;

export const defaultMonteCarloOptions: MonteCarloOptions = { requests: 100_000, replications: 10, seed: 1, variants: 10 };

/**
 * One replication: `requests` walks from the initial state (`RequestWalk`: each visit's time
 * sampled, then the way out chosen by its probability), on the random stream given.
 */
export function runReplication(graph: CareGraph, requests: number, random: Random): ReplicationTally {
  const g = toCompactGraph(graph);
  const { outcome, agency } = g;
  const walk = new RequestWalk(graph);
  const ends = new Float64Array(g.n);
  const visits = new Float64Array(g.n);
  const agencyMinutes = new Float64Array(graph.agencies.length);
  const times = createHistogram();
  // Pathway variants by a 53-bit rolling hash of the states visited; the first path seen is kept.
  const variants = new Map<number, { count: number; path: number[] }>();
  let handoffs = 0;
  let minutes = 0;
  const path: number[] = [];
  for (let r = 0; r < requests; r++) {
    let v = 0;
    let t = 0;
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    path.length = 0;
    walk.begin();
    for (;;) {
      path.push(v);
      h1 = Math.imul(h1 ^ v, 0x01000193);
      h2 = Math.imul(h2 ^ (v + 0x9e3779b9), 0x85ebca6b);
      visits[v]!++;
      const d = walk.stay(v, random);
      t += d;
      if (agency[v]! >= 0) agencyMinutes[agency[v]!]! += d;
      if (outcome[v]) break;
      const w = walk.to(walk.leave(v, random));
      if (agency[w] !== agency[v]) handoffs++;
      v = w;
    }
    ends[v]!++;
    addToHistogram(times, t);
    minutes += t;
    const key = (h1 >>> 0) * 2097152 + ((h2 >>> 0) & 0x1fffff);
    const seen = variants.get(key);
    if (seen) seen.count++;
    // Memory stays bounded: past this many distinct variants, only those already seen are counted.
    else if (variants.size < MAX_VARIANTS) variants.set(key, { count: 1, path: path.slice() });
  }
  return { requests, ends, visits, agencyMinutes, handoffs, minutes, times, variants: [...variants.values()].map((x) => [x.path.join(','), x.count]) };
}

/** Monte Carlo over the care graph: replications on independent streams, pooled with 95% intervals. */
export function runMonteCarlo(graph: CareGraph, options: Partial<MonteCarloOptions> = {}): MonteCarloResult {
  const o = { ...defaultMonteCarloOptions, ...options };
  const tallies = Array.from({ length: o.replications }, (_, r) => runReplication(graph, o.requests, createRandom(o.seed, r)));
  return summariseMonteCarlo(graph, o, tallies);
}

/** Pools replications into the result, with the exact analysis beside the simulated figures. */
export function summariseMonteCarlo(graph: CareGraph, o: MonteCarloOptions, tallies: ReplicationTally[]): MonteCarloResult {
  const exact = getMarkovAnalysis(graph);
  const g = toCompactGraph(graph);
  const total = tallies.reduce((a, t) => a + t.requests, 0);
  const interval = (perReplication: number[], successes?: number) =>
    successes !== undefined
      ? toShareInterval(perReplication, successes, total)
      : tallies.length > 1
        ? toMeanInterval(perReplication)
        : { mean: perReplication[0]!, ci95: [perReplication[0]!, perReplication[0]!] };
  const exactEnd = new Map(exact.outcomes.map((o2) => [o2.node, o2.probability]));
  const shareOf = (nodes: CareNode[]) => {
    const { mean, ci95 } = interval(
      tallies.map((t) => nodes.reduce((a, n) => a + t.ends[n.index]!, 0) / t.requests),
      tallies.reduce((a, t) => a + nodes.reduce((b, n) => b + t.ends[n.index]!, 0), 0),
    );
    return { share: mean, ci95: ci95 as [number, number], exact: nodes.reduce((a, n) => a + exactEnd.get(n.index)!, 0) };
  };
  const outcomes = groupByState(
    graph,
    graph.nodes.filter((n) => exactEnd.has(n.index)),
  ).map(({ state, nodes }) => ({
    state,
    outcome: nodes[0]!.outcome ?? state,
    ...shareOf(nodes),
    ...toConfigurations(nodes, (n) => shareOf([n])),
  }));
  const pooled = mergeHistograms(tallies.map((t) => t.times));
  const meanTime = interval(tallies.map((t) => t.minutes / t.requests));
  const handoffs = interval(tallies.map((t) => t.handoffs / t.requests));
  const variantCounts = new Map<string, number>();
  for (const t of tallies) for (const [key, count] of t.variants) variantCounts.set(key, (variantCounts.get(key) ?? 0) + count);
  const variants = [...variantCounts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, o.variants)
    .map(([key, count]) => {
      const nodes = key.split(',').map(Number);
      // A variant is a sequence of states: each step's probability is the sum over the ways out
      // (events) that lead from one state to the next.
      let p = 1;
      for (let i = 0; i + 1 < nodes.length; i++) {
        let step = 0;
        for (let e = g.outStart[nodes[i]!]!; e < g.outStart[nodes[i]! + 1]!; e++) if (g.target[e] === nodes[i + 1]) step += g.prob[e]!;
        p *= step;
      }
      const contexts = nodes.map((v) => graph.nodes[v]!.context ?? null);
      return { states: nodes.map((v) => toStatePath(graph.nodes[v]!)), ...(contexts.some(Boolean) ? { contexts } : {}), share: count / total, exact: p };
    });
  return {
    model: graph.modelId,
    mode: 'montecarlo',
    seed: o.seed,
    replications: tallies.length,
    requests: o.requests,
    capacity: hasCapacity(graph),
    outcomes,
    timeToOutcome: {
      mean: meanTime.mean,
      ci95: meanTime.ci95 as [number, number],
      p50: getQuantile(pooled, 0.5),
      p90: getQuantile(pooled, 0.9),
      p95: getQuantile(pooled, 0.95),
      exactMean: exact.expectedMinutes,
    },
    visits: groupByState(graph).map(({ state, nodes }) => {
      const visitsOf = (members: CareNode[]) => ({
        perRequest: tallies.reduce((a, t) => a + members.reduce((b, n) => b + t.visits[n.index]!, 0), 0) / total,
        exact: members.reduce((a, n) => a + exact.visits[n.index]!, 0),
      });
      return { state, agency: nodes[0]!.agency, ...visitsOf(nodes), ...toConfigurations(nodes, (n) => visitsOf([n])) };
    }),
    workload: graph.agencies.map((a, i) => {
      const w = interval(tallies.map((t) => t.agencyMinutes[i]! / t.requests));
      return { agency: a.id, minutesPerRequest: w.mean, ci95: w.ci95 as [number, number] };
    }),
    handoffs: { mean: handoffs.mean, ci95: handoffs.ci95 as [number, number], exact: exact.expectedHandoffs },
    variants,
  };
}
