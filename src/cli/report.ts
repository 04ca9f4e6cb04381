import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { OutputFile } from '../io/writeFilesAtomic.ts';
import { loadGraph, toWholeNumber } from './loadChecked.ts';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** `carepaths report [MODEL] --out DIR`: the clinicians' report, one self-contained HTML file and its parts. */
export function addReportCommand(program: Command): void {
  program
    .command('report')
    .description('Write the report: one self-contained HTML page (diagrams, pathways, functional analysis), a Markdown version, the diagrams as SVG, pathways.csv and analysis.json.')
    .argument('[model]', 'a .ts, .js or .json model (default: the city model that ships with carepaths)')
    .option('--out <dir>', 'the folder to write to', 'out')
    .option('--top <K>', 'how many of the most likely pathways to include', '20')
    .option('--png', 'also write PNG copies of the diagrams, for slides and documents')
    .addHelpText('after', '\nWrites DIR/report.html, DIR/report.md, DIR/diagrams/*.svg (and *.png with --png), DIR/pathways.csv and DIR/analysis.json.\nNothing is written unless everything is ready, so a failed run leaves the previous report as it was.')
    .action(async (model: string | undefined, options: { out: string; top: string; png?: boolean }) => {
      const top = toWholeNumber(options.top, '--top');
      // The drawing libraries (elkjs, d3, resvg) load only when a report is asked for.
      const [{ getFunctionalAnalysis }, { loadFonts }, { toPng }, { writeFilesAtomic }, { countPathways }, { getTopPathways }, { createRenderContext }, { renderReport }, { toAnalysisJson }, { csvPathwayWriter }, { renderPathways }, { toReportMarkdown }] =
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
      const report = await renderReport(ctx, { pathways: found.pathways, coverage: found.coverage, total, version, source: file });
      let csv = '';
      renderPathways(graph, { top }, csvPathwayWriter, (text) => (csv += text));
      const files: OutputFile[] = [
        { path: 'report.html', content: report.html },
        { path: 'report.md', content: toReportMarkdown(graph, analysis, found.pathways, found.coverage, total) },
        { path: 'pathways.csv', content: csv },
        { path: 'analysis.json', content: toAnalysisJson(analysis) },
        ...report.diagrams.map((d) => ({ path: `diagrams/${d.name}.svg`, content: d.svg })),
        ...(options.png ? report.diagrams.map((d) => ({ path: `diagrams/${d.name}.png`, content: toPng(d.svg, fonts) })) : []),
      ];
      writeFilesAtomic(options.out, files);
      process.stdout.write(`Wrote the report for "${graph.meta.title ?? graph.modelId}" to ${path.join(options.out, 'report.html')}\n(${files.length} files in ${options.out}: report.html, report.md, ${report.diagrams.length} diagrams${options.png ? ' as SVG and PNG' : ''}, pathways.csv, analysis.json)\n`);
    });
}
