import path from 'node:path';
import type { CareGraph } from '../graph/types.ts';
import type { PathwayCount } from '../pathways/types.ts';
import type { OutputFile } from '../io/writeFilesAtomic.ts';
import type { ReportSimulation } from '../render/renderReport.ts';
import type { DesTally } from '../simulate/types.ts';
import { version } from './version.ts';

/** Everything the report writes, made in memory: report.html first. */
export async function buildReport(
  graph: CareGraph,
  file: string,
  options: {
    top: number;
    png: boolean;
    simulation?: { days: number; replications: number; seed: number; workers: number };
    /** The exact pathway count, when already known (watch mode keeps it while the model's shape is unchanged). */
    count?: (graph: CareGraph) => PathwayCount;
  },
): Promise<{ files: OutputFile[]; diagrams: number }> {
  // The drawing libraries (elkjs, d3, resvg) load only when a report is asked for.
  const [
    { getFunctionalAnalysis },
    { loadFonts },
    { toPng },
    { countPathways },
    { getTopPathways },
    { createRenderContext },
    { renderReport },
    { toAnalysisJson },
    { csvPathwayWriter },
    { renderTopPathways },
    { toReportMarkdown },
  ] = await Promise.all([
    import('../analysis/getFunctionalAnalysis.ts'),
    import('../io/loadFonts.ts'),
    import('../io/toPng.ts'),
    import('../pathways/countPathways.ts'),
    import('../pathways/getTopPathways.ts'),
    import('../render/createRenderContext.ts'),
    import('../render/renderReport.ts'),
    import('../report/analysisWriters.ts'),
    import('../report/pathwayWriters.ts'),
    import('../report/renderPathways.ts'),
    import('../report/toReportMarkdown.ts'),
  ]);
  const analysis = getFunctionalAnalysis(graph);
  const found = getTopPathways(graph, { top: options.top });
  const total = (options.count ?? countPathways)(graph);
  const fonts = loadFonts();
  const ctx = createRenderContext(graph, analysis, fonts);
  const simulated = options.simulation ? await simulate(graph, file, options.simulation) : undefined;
  const report = await renderReport(ctx, {
    pathways: found.pathways,
    coverage: found.coverage,
    total,
    version,
    source: file,
    ...(simulated ? { simulation: simulated } : {}),
  });
  let csv = '';
  renderTopPathways(graph, found, total, 0, csvPathwayWriter, (text) => (csv += text));
  const files: OutputFile[] = [
    { path: 'report.html', content: report.html },
    { path: 'report.md', content: toReportMarkdown(graph, analysis, found.pathways, found.coverage, total) },
    { path: 'pathways.csv', content: csv },
    { path: 'analysis.json', content: toAnalysisJson(analysis) },
    ...(simulated?.des ? [{ path: 'simulation.json', content: JSON.stringify(simulated.des, null, 2) + '\n' }] : []),
    ...report.diagrams.map((d) => ({ path: `diagrams/${d.name}.svg`, content: d.svg })),
    ...(options.png ? report.diagrams.map((d) => ({ path: `diagrams/${d.name}.png`, content: toPng(d.svg, fonts) })) : []),
  ];
  return { files, diagrams: report.diagrams.length };
}

const MONTE_CARLO_REQUESTS = 100_000;

/** The simulation a report shows: Monte Carlo flows always, discrete-event results where the model allows. */
async function simulate(graph: CareGraph, file: string, o: { days: number; replications: number; seed: number; workers: number }): Promise<ReportSimulation> {
  const [{ getSimulatedHandoffSteps }, { checkDes }, { summariseDes }, { runReplications }, { defaultDesOptions }, { defaultMonteCarloOptions }] =
    await Promise.all([
      import('../analysis/getSimulatedHandoffSteps.ts'),
      import('../simulate/checkDes.ts'),
      import('../simulate/summariseDes.ts'),
      import('../simulate/runReplications.ts'),
      import('../simulate/runDesReplication.ts'),
      import('../simulate/runMonteCarlo.ts'),
    ]);
  const flows = getSimulatedHandoffSteps(graph, MONTE_CARLO_REQUESTS, o.seed);
  const missing = checkDes(graph);
  if (missing.length)
    return { flows, requests: MONTE_CARLO_REQUESTS, seed: o.seed, note: `There is no discrete-event simulation: ${missing.map((d) => d.message).join(' ')}` };
  const des = { ...defaultDesOptions, days: o.days, replications: o.replications, seed: o.seed };
  const progress = process.stderr.isTTY
    ? (done: number, all: number) => process.stderr.write(`\rSimulating: ${done} of ${all} replications${done === all ? '\n' : ''}`)
    : () => {};
  const [tallies] = await runReplications({ graphs: [graph], mode: 'des', montecarlo: defaultMonteCarloOptions, des }, { workers: o.workers, progress });
  return { flows, requests: MONTE_CARLO_REQUESTS, seed: o.seed, des: summariseDes(graph, des, tallies! as DesTally[]) };
}
