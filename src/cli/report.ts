import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { defaultCompileOptions } from '../graph/compileCareGraph.ts';
import type { CareGraph } from '../graph/types.ts';
import type { OutputFile } from '../io/writeFilesAtomic.ts';
import type { ReportSimulation } from '../render/renderReport.ts';
import type { DesTally } from '../simulate/summariseDes.ts';
import { loadGraph, toWholeNumber } from './loadChecked.ts';
import { version } from './version.ts';


/** `carepaths report [MODEL] --out DIR`: the clinicians' report, one self-contained HTML file and its parts. */
export function addReportCommand(program: Command): void {
  program
    .command('report')
    .description('Write the report: one self-contained HTML page (diagrams, pathways, functional analysis), a Markdown version, the diagrams as SVG, pathways.csv and analysis.json.')
    .argument('[model]', 'a .ts, .js or .json model (default: the city model that ships with carepaths)')
    .option('--out <dir>', 'the folder to write to', 'out')
    .option('--top <K>', 'how many of the most likely pathways to include', '20')
    .option('--png', 'also write PNG copies of the diagrams, for slides and documents')
    .option('--simulate', 'add simulated flows, and (where the model has demand and capacity) waits, utilisation and response times')
    .option('--days <D>', 'with --simulate: days of the discrete-event simulation, after 30 days of warm-up', '28')
    .option('--replications <R>', 'with --simulate: replications', '5')
    .option('--seed <S>', 'with --simulate: the seed', '1')
    .option('--workers <W>', 'with --simulate: worker threads', String(Math.max(1, availableParallelism())))
    .addHelpText('after', '\nWrites DIR/report.html, DIR/report.md, DIR/diagrams/*.svg (and *.png with --png), DIR/pathways.csv and DIR/analysis.json.\nWith --simulate, also DIR/simulation.json and the simulated diagrams.\nNothing is written unless everything is ready, so a failed run leaves the previous report as it was.')
    .action(async (model: string | undefined, options: { out: string; top: string; png?: boolean; simulate?: boolean; days: string; replications: string; seed: string; workers: string }) => {
      const top = toWholeNumber(options.top, '--top');
      const simulation = options.simulate
        ? { days: toWholeNumber(options.days, '--days'), replications: toWholeNumber(options.replications, '--replications'), seed: toWholeNumber(options.seed, '--seed', 0), workers: toWholeNumber(options.workers, '--workers') }
        : undefined;
      // The drawing libraries (elkjs, d3, resvg) load only when a report is asked for.
      const [{ getFunctionalAnalysis }, { loadFonts }, { toPng }, { writeFilesAtomic }, { countPathways }, { getTopPathways }, { createRenderContext }, { renderReport }, { toAnalysisJson }, { csvPathwayWriter }, { renderTopPathways }, { toReportMarkdown }] =
        await Promise.all([
          import('../analysis/getFunctionalAnalysis.ts'),
          import('../io/loadFonts.ts'),
          import('../io/toPng.ts'),
          import('../io/writeFilesAtomic.ts'),
          import('../pathways/countPathways.ts'),
          import('../pathways/getTopPathways.ts'),
          import('../render/createRenderContext.ts'),
          import('../render/renderReport.ts'),
          import('../report/analysisWriters.ts'),
          import('../report/pathwayWriters.ts'),
          import('../report/renderPathways.ts'),
          import('../report/toReportMarkdown.ts'),
        ]);
      const { graph, file } = await loadGraph(model);
      const analysis = getFunctionalAnalysis(graph);
      const found = getTopPathways(graph, { top });
      const total = countPathways(graph);
      const fonts = loadFonts();
      const ctx = createRenderContext(graph, analysis, fonts);
      const simulated = simulation ? await simulate(graph, file, simulation) : undefined;
      const report = await renderReport(ctx, { pathways: found.pathways, coverage: found.coverage, total, version, source: file, ...(simulated ? { simulation: simulated } : {}) });
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
      writeFilesAtomic(options.out, files);
      process.stdout.write(`Wrote the report for "${graph.meta.title ?? graph.modelId}" to ${path.join(options.out, 'report.html')}\n(${files.length} files in ${options.out}: report.html, report.md, ${report.diagrams.length} diagrams${options.png ? ' as SVG and PNG' : ''}, pathways.csv, analysis.json)\n`);
    });
}

const MONTE_CARLO_REQUESTS = 100_000;

/** The simulation a report shows: Monte Carlo flows always, discrete-event results where the model allows. */
async function simulate(graph: CareGraph, file: string, o: { days: number; replications: number; seed: number; workers: number }): Promise<ReportSimulation> {
  const [{ getSimulatedHandoffSteps }, { checkDes }, { summariseDes }, { runSimulation }, { defaultDesOptions }, { defaultMonteCarloOptions }] = await Promise.all([
    import('../simulate/getSimulatedHandoffSteps.ts'),
    import('../simulate/checkDes.ts'),
    import('../simulate/summariseDes.ts'),
    import('./runSimulation.ts'),
    import('../simulate/runDes.ts'),
    import('../simulate/runMonteCarlo.ts'),
  ]);
  const flows = getSimulatedHandoffSteps(graph, MONTE_CARLO_REQUESTS, o.seed);
  const missing = checkDes(graph);
  if (missing.length) return { flows, requests: MONTE_CARLO_REQUESTS, seed: o.seed, note: `There is no discrete-event simulation: ${missing.map((d) => d.message).join(' ')}` };
  const des = { ...defaultDesOptions, days: o.days, replications: o.replications, seed: o.seed };
  const progress = process.stderr.isTTY ? (done: number, all: number) => process.stderr.write(`\rSimulating: ${done} of ${all} replications${done === all ? '\n' : ''}`) : () => {};
  const tallies = await runSimulation(graph, { file: path.resolve(file), maxConfigurations: defaultCompileOptions.maxConfigurations, mode: 'des', montecarlo: defaultMonteCarloOptions, des }, o.workers, progress);
  return { flows, requests: MONTE_CARLO_REQUESTS, seed: o.seed, des: summariseDes(graph, des, tallies as DesTally[]) };
}
