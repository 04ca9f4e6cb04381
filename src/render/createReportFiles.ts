import { getFunctionalAnalysis } from '../analysis/getFunctionalAnalysis.ts';
import { getSimulatedServiceFlows } from '../analysis/getServiceFlows.ts';
import type { CareGraph } from '../graph/types.ts';
import type { FontFiles } from '../io/loadFonts.ts';
import type { OutputFile } from '../io/writeFilesAtomic.ts';
import { countPathways } from '../pathways/countPathways.ts';
import { defaultPathwayOptions } from '../pathways/defaults.ts';
import { getTopPathways } from '../pathways/getTopPathways.ts';
import type { PathwayCount } from '../pathways/types.ts';
import { toAnalysisJson } from '../report/analysisWriters.ts';
import { csvPathwayWriter } from '../report/pathwayWriters.ts';
import { renderTopPathways } from '../report/renderPathways.ts';
import { toReportMarkdown } from '../report/toReportMarkdown.ts';
import { checkDes } from '../simulate/checkDes.ts';
import { defaultDesOptions } from '../simulate/runDesReplication.ts';
import { defaultMonteCarloOptions } from '../simulate/runMonteCarlo.ts';
import { runReplications } from '../simulate/runReplications.ts';
import { summariseDes } from '../simulate/summariseDes.ts';
import type { DesTally } from '../simulate/types.ts';
import { createRenderContext } from './createRenderContext.ts';
import type { SensitivityResult } from '../analysis/getSensitivity.ts';
import { renderReport, type ReportSimulation } from './renderReport.ts';

/** What the report is made from, besides the model. */
export interface ReportFilesOptions {
  /** How many of the most likely pathways to include. Default 20. */
  top?: number;
  /** The embedded font (loadFonts from carepaths/io). */
  fonts: FontFiles;
  /** The carepaths version, shown on the page. */
  version: string;
  /** The model file, as shown on the page. */
  source: string;
  /** The SHA-256 of the model file's bytes, and the day the page is made, for its provenance line. */
  sha256?: string;
  madeOn?: string;
  /** Given, PNG copies of the diagrams are made with it too (toPng from carepaths/io). */
  toPng?: (svg: string) => Uint8Array;
  /** Add simulated flows and, where the model has demand and capacity, the discrete-event results. */
  simulation?: { days: number; replications: number; seed: number; workers: number; progress?: (done: number, total: number) => void };
  /** Which assumptions move a strategy's exact objectives most (getStrategySensitivity), for its section and tornado charts. */
  sensitivity?: SensitivityResult;
  /** The exact pathway count, when already known (watch mode keeps it while the model's shape is unchanged). */
  count?: (graph: CareGraph) => PathwayCount;
}

/**
 * A report's simulation when none is given: the discrete-event defaults, but 5 replications
 * rather than a study's 10, as the report's simulation is a first look that should take seconds.
 */
export const defaultReportSimulation = { days: defaultDesOptions.days, replications: 5, seed: defaultDesOptions.seed } as const;

/** How many of the most likely pathways the report page's search looks through. */
const SEARCHABLE = 200;

/** Monte Carlo requests behind a report's simulated flows. */
const MONTE_CARLO_REQUESTS = 100_000;

/**
 * Everything the report writes, made in memory, report.html first: the page, its Markdown twin, the
 * diagrams as SVG (and PNG), the top pathways as CSV and the analysis as JSON (and, simulated, the
 * discrete-event results). Writing them is the caller's (writeFilesAtomic from carepaths/io).
 */
export async function createReportFiles(graph: CareGraph, options: ReportFilesOptions): Promise<{ files: OutputFile[]; diagrams: number }> {
  const top = options.top ?? defaultPathwayOptions.top;
  const analysis = getFunctionalAnalysis(graph);
  // One search gives the top pathways and the further ones the page's search finds, to SEARCHABLE in
  // all (about 90% of the city's requests): the search finds pathways in order, so the first `top` are the same.
  const all = getTopPathways(graph, { top: Math.max(top, SEARCHABLE) });
  const first = all.pathways.slice(0, top);
  const found = { pathways: first, coverage: first.reduce((a, p) => a + p.probability, 0), complete: first.length === top || all.complete };
  const searchable = all.pathways.slice(top);
  const total = (options.count ?? countPathways)(graph);
  const ctx = createRenderContext(graph, analysis, options.fonts);
  const simulated = options.simulation ? await simulateForReport(graph, options.simulation) : undefined;
  const report = await renderReport(ctx, {
    pathways: found.pathways,
    searchable,
    coverage: found.coverage,
    total,
    version: options.version,
    source: options.source,
    ...(options.sha256 ? { sha256: options.sha256 } : {}),
    ...(options.madeOn ? { madeOn: options.madeOn } : {}),
    ...(simulated ? { simulation: simulated } : {}),
    ...(options.sensitivity ? { sensitivity: options.sensitivity } : {}),
  });
  let csv = '';
  renderTopPathways(graph, found, total, 0, csvPathwayWriter, (text) => (csv += text));
  const toPng = options.toPng;
  const files: OutputFile[] = [
    { path: 'report.html', content: report.html },
    { path: 'report.md', content: toReportMarkdown(graph, analysis, found.pathways, found.coverage, total, options.sensitivity) },
    { path: 'pathways.csv', content: csv },
    { path: 'analysis.json', content: toAnalysisJson(analysis) },
    ...(simulated?.des ? [{ path: 'simulation.json', content: JSON.stringify(simulated.des, null, 2) + '\n' }] : []),
    ...report.diagrams.map((d) => ({ path: `diagrams/${d.name}.svg`, content: d.svg })),
    ...(toPng ? report.diagrams.map((d) => ({ path: `diagrams/${d.name}.png`, content: toPng(d.svg) })) : []),
  ];
  return { files, diagrams: report.diagrams.length };
}

/** The simulation a report shows: Monte Carlo flows always, discrete-event results where the model allows. */
async function simulateForReport(graph: CareGraph, o: NonNullable<ReportFilesOptions['simulation']>): Promise<ReportSimulation> {
  const flows = getSimulatedServiceFlows(graph, MONTE_CARLO_REQUESTS, o.seed);
  const missing = checkDes(graph);
  if (missing.length)
    return { flows, requests: MONTE_CARLO_REQUESTS, seed: o.seed, note: `There is no discrete-event simulation: ${missing.map((d) => d.message).join(' ')}` };
  const des = { ...defaultDesOptions, days: o.days, replications: o.replications, seed: o.seed };
  const [tallies] = await runReplications(
    { graphs: [graph], mode: 'des', montecarlo: defaultMonteCarloOptions, des },
    { workers: o.workers, ...(o.progress ? { progress: o.progress } : {}) },
  );
  return { flows, requests: MONTE_CARLO_REQUESTS, seed: o.seed, des: summariseDes(graph, des, tallies! as DesTally[]) };
}
