import path from 'node:path';
import { getAdjacencyMap } from '@xstate/graph';
import { __unsafe_getAllOwnEventDescriptors } from 'xstate';
import { getFunctionalAnalysis } from '../src/analysis/getFunctionalAnalysis.ts';
import { compileCareGraph } from '../src/graph/compileCareGraph.ts';
import type { CareGraph } from '../src/graph/types.ts';
import { loadModel } from '../src/io/loadModel.ts';
import { getMarkovAnalysis } from '../src/markov/getMarkovAnalysis.ts';
import { countPathways, enumeratePathways, getTopPathways, toPathway } from '../src/pathways/index.ts';
import { createSection, n, runBaseline, time } from './measure.ts';
import { createLayeredModel, type LayeredOptions } from './synthetic.ts';

const BASELINE_TIMEOUT_MS = 20_000;
/** The default model gets longer, to tighten the lower bound when the baseline does not finish. */
const CITY_TIMEOUT_MS = 60_000;
const root = path.resolve(import.meta.dirname, '..');

function compile(machine: Parameters<typeof compileCareGraph>[0]): CareGraph {
  const { graph, diagnostics } = compileCareGraph(machine);
  if (!graph) throw new Error(diagnostics[0]?.message);
  return graph;
}

/** Our enumeration of every simple pathway: streaming with metrics, and materialised as records. */
function ours(graph: CareGraph) {
  let count = 0;
  let mass = 0;
  const streamed = time(() => {
    count = 0;
    mass = 0;
    enumeratePathways(graph, { limit: Infinity }, (c) => {
      count++;
      mass += c.probability * c.expectedMinutes + c.handoffs;
    });
    return count;
  });
  const materialised = time(() => {
    let k = 0;
    enumeratePathways(graph, { limit: Infinity }, (c) => void (k += toPathway(graph, c.nodes, c.edges, c.length, k).states.length));
    return k;
  });
  return { count, streamedMs: streamed.ms, materialisedMs: materialised.ms, checksum: mass };
}

export async function benchPathways(): Promise<string[]> {
  const { lines, say } = createSection();

  say('## Pathway enumeration against @xstate/graph getSimplePaths');
  say('');
  say(
    'Simple pathways (no state twice) from the initial state to an outcome. Ours streams each pathway with its probability, expected minutes and handoffs; "as records" also builds the full record (state paths, events, agencies, functions). The baseline is getSimplePaths (@xstate/graph 3.0.4) with toState = outcome, in a worker stopped after 20 s (60 s for the default model).',
  );
  say('');
  say(
    '| model | states | pathways | baseline µs/pathway | ours µs/pathway (streamed) | ours (as records) | ratio streamed | ratio as records | ours pathways/s |',
  );
  say('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const family: [string, LayeredOptions][] = [
    ['layered 4×5', { width: 4, layers: 5, degree: 2 }],
    ['layered 5×10', { width: 5, layers: 10, degree: 2 }],
    ['layered 10×10', { width: 10, layers: 10, degree: 2 }],
    ['layered 20×10', { width: 20, layers: 10, degree: 2 }],
    ['layered 4×5 with re-contact loops', { width: 4, layers: 5, degree: 2, recontact: true }],
    ['layered 5×10 with re-contact loops', { width: 5, layers: 10, degree: 2, recontact: true }],
    ['layered 10×10 with re-contact loops', { width: 10, layers: 10, degree: 2, recontact: true }],
  ];
  const rows: { name: string; spec: { layered?: LayeredOptions; file?: string }; graph: CareGraph; timeoutMs?: number }[] = family.map(([name, layered]) => ({
    name,
    spec: { layered },
    graph: compile(createLayeredModel(layered)),
  }));
  const city = await loadModel(path.join(root, 'models/city-uec.ts'));
  if (!city.ok) throw new Error(city.reason);
  rows.push({ name: 'default city model', spec: { file: path.join(root, 'models/city-uec.ts') }, graph: compile(city.machine), timeoutMs: CITY_TIMEOUT_MS });
  for (const { name, spec, graph, timeoutMs = BASELINE_TIMEOUT_MS } of rows) {
    const us = ours(graph);
    const base = await runBaseline(spec, timeoutMs);
    const perOurs = (us.streamedMs * 1000) / us.count;
    const perRecords = (us.materialisedMs * 1000) / us.count;
    if (base && base.pathways !== us.count) throw new Error(`${name}: baseline found ${base.pathways} pathways, ours ${us.count}`);
    const perBase = base ? (base.ms * 1000) / base.pathways : undefined;
    const states = graph.nodes.length;
    say(
      `| ${name} | ${states} | ${n(us.count)} | ${perBase === undefined ? `did not finish in ${timeoutMs / 1000} s` : perBase.toFixed(2)} | ${perOurs.toFixed(3)} | ${perRecords.toFixed(3)} | ${perBase === undefined ? `> ${n(Math.floor((timeoutMs * 1000) / us.count / perOurs))}×` : `${n(perBase / perOurs)}×`} | ${perBase === undefined ? `> ${n(Math.floor((timeoutMs * 1000) / us.count / perRecords))}×` : `${n(perBase / perRecords)}×`} | ${n(Math.round(us.count / (us.streamedMs / 1000)))} |`,
    );
  }
  say('');
  say('Where the baseline did not finish, the ratio is a lower bound: the whole of our enumeration against the time the baseline was given.');
  say('');

  say('## Streaming at scale: throughput and memory');
  say('');
  const big = compile(createLayeredModel({ width: 10, layers: 10, degree: 10 }));
  say(
    `Layered 10×10 with every state joined to every state of the next layer (${n(big.nodes.length)} states, 10^10 pathways), enumerated up to a limit, one core. Heap is sampled every 100,000 pathways.`,
  );
  say('');
  say('| pathways | seconds | pathways/s | peak heap used (MB) | heap before (MB) |');
  say('|---:|---:|---:|---:|---:|');
  for (const limit of [1e5, 1e6, 1e7]) {
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let k = 0;
    const started = performance.now();
    enumeratePathways(big, { limit }, () => {
      if (++k % 100_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    });
    const seconds = (performance.now() - started) / 1000;
    say(`| ${n(limit)} | ${seconds.toFixed(2)} | ${n(Math.round(limit / seconds))} | ${(peak / 2 ** 20).toFixed(1)} | ${(before / 2 ** 20).toFixed(1)} |`);
  }
  say('');

  say('## Exact count, top 100 and exact analysis on a 20,000-state model');
  say('');
  const options: LayeredOptions = { width: 100, layers: 200, degree: 3, smallLoops: true };
  const machine = createLayeredModel(options);
  const compiled = time(() => compile(machine), 1);
  const graph = compiled.result;
  const adjacency = time(
    () =>
      Object.keys(
        getAdjacencyMap(machine, {
          events: (s) =>
            __unsafe_getAllOwnEventDescriptors(s)
              .filter((t) => !t.startsWith('xstate.'))
              .map((type) => ({ type })),
        }),
      ).length,
    1,
  );
  say(
    `Layered 100×200, degree 3, with small loops (pairs of states that can pass a request back and forth) in every layer: ${n(graph.nodes.length)} states, ${n(graph.edges.length)} ways out. Baseline: building @xstate/graph's adjacency map of the same machine, the first step of any analysis with xstate's graph utilities (${(adjacency.ms / 1000).toFixed(2)} s for ${n(adjacency.result)} configurations). Compiling our care graph, once: ${(compiled.ms / 1000).toFixed(2)} s.`,
  );
  say('');
  say('| task | ours (s) | baseline adjacency map (s) | ratio |');
  say('|---|---:|---:|---:|');
  const count = time(() => countPathways(graph, { maxRevisits: 0 }), 1);
  const top = time(() => getTopPathways(graph, { top: 100 }), 1);
  const exact = time(() => getMarkovAnalysis(graph), 1);
  const functional = time(() => getFunctionalAnalysis(graph, exact.result), 1);
  const total = count.result.exact
    ? `${count.result.total.toString().length}-digit count (${count.result.total.toString().slice(0, 6)}…)`
    : count.result.reason;
  if (!count.result.exact) throw new Error(`the 20,000-state count failed: ${count.result.reason}`);
  for (const [task, t] of [
    [`exact count, no revisits: ${total}`, count.ms],
    [`top 100 pathways (together ${top.result.coverage.toExponential(2)} of requests: 3^200 ways share them)`, top.ms],
    [`exact analysis (outcomes, visits, time, handoffs; expected ${n(exact.result.expectedMinutes)} min)`, exact.ms],
    ['functional analysis (functions × agencies, shares, handoff matrix)', functional.ms],
  ] as const) {
    say(`| ${task} | ${(t / 1000).toFixed(3)} | ${(adjacency.ms / 1000).toFixed(2)} | ${n(adjacency.ms / t)}× |`);
  }
  say('');
  return lines;
}
