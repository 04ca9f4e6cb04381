import path from 'node:path';
import type { Command } from 'commander';
import { checkOutputFolder } from '../io/OutputProblem.ts';
import type { AnyStateMachine } from 'xstate';
import type { SensitivityResult } from '../analysis/getSensitivity.ts';
import type { CareGraph } from '../graph/types.ts';
import { checkMeasures } from '../strategy/getMeasureValues.ts';
import { buildReport } from './buildReport.ts';
import { loadStrategy, toProblemsError } from './prepareComparison.ts';
import { collectOption, defaultWorkers, loadGraph, refuseOptions, toWholeNumber, toWorkers, applyHelp } from './loadChecked.ts';
import { defaultDesOptions } from '../simulate/runDesReplication.ts';
import { defaultReportSimulation } from '../render/createReportFiles.ts';
import { defaultPathwayOptions } from '../pathways/defaults.ts';

/** `carepaths report [MODEL] --out DIR`: the clinicians' report, one self-contained HTML file and its parts. */
export function addReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      'Write the report: one self-contained HTML page (diagrams, pathways, functional analysis), a Markdown version, the diagrams as SVG, pathways.csv and analysis.json.',
    )
    .argument('[model]', 'a .ts, .js or .json model (default: the city model that ships with carepaths)')
    .option('--out <dir>', 'the folder to write to', 'out')
    .option('--top <K>', 'how many of the most likely pathways to include', String(defaultPathwayOptions.top))
    .option('--apply <plan>', applyHelp, collectOption)
    .option('--strategy <file>', "add which of the model's ranged assumptions move each of the strategy's exact objectives most (a tornado chart each)")
    .option('--png', 'also write PNG copies of the diagrams, for slides and documents')
    .option(
      '--simulate',
      'add simulated flows, and (where the model has demand and capacity) waits, utilisation, the day hour by hour, response times against their standards, and the system map shaded by waits and blocking',
    )
    .option(
      '--days <D>',
      `with --simulate: days of the discrete-event simulation, after ${defaultDesOptions.warmup} days of warm-up`,
      String(defaultReportSimulation.days),
    )
    .option('--replications <R>', 'with --simulate: replications', String(defaultReportSimulation.replications))
    .option('--seed <S>', 'with --simulate: the seed', String(defaultReportSimulation.seed))
    .option('--workers <W>', 'with --simulate: worker threads', defaultWorkers)
    .addHelpText(
      'after',
      '\nWrites DIR/report.html, DIR/report.md, DIR/diagrams/*.svg (and *.png with --png), DIR/pathways.csv and DIR/analysis.json.\nWith --simulate, also DIR/simulation.json and the simulated diagrams; with --strategy, the tornado charts (diagrams/tornado-N.svg).\nNothing is written unless everything is ready, so a failed run leaves the previous report as it was.\nDIR/.carepaths-files lists what carepaths wrote there: files of an earlier report that this run does not write are removed; files carepaths did not write are never touched.',
    )
    .action(
      async (
        model: string | undefined,
        options: {
          out: string;
          top: string;
          png?: boolean;
          simulate?: boolean;
          days: string;
          replications: string;
          seed: string;
          workers: string;
          apply?: string[];
          strategy?: string;
        },
        command: Command,
      ) => {
        if (!options.simulate) refuseOptions(command, ['days', 'replications', 'seed', 'workers'], 'without --simulate');
        const top = toWholeNumber(options.top, '--top');
        const simulation = options.simulate
          ? {
              days: toWholeNumber(options.days, '--days'),
              replications: toWholeNumber(options.replications, '--replications'),
              seed: toWholeNumber(options.seed, '--seed'),
              workers: toWorkers(options.workers),
            }
          : undefined;
        const { writeFilesAtomic } = await import('../io/writeFilesAtomic.ts');
        // Before the work: an output folder that cannot be used is said at once.
        checkOutputFolder(options.out);
        const { graph, file, machine } = await loadGraph(model, undefined, options.apply ?? []);
        const sensitivity = options.strategy ? await getReportSensitivity(machine, graph, options.strategy) : undefined;
        const { files, diagrams } = await buildReport(graph, file, {
          top,
          png: options.png ?? false,
          ...(simulation ? { simulation } : {}),
          ...(sensitivity ? { sensitivity } : {}),
        });
        writeFilesAtomic(options.out, files);
        process.stdout.write(
          `Wrote the report for "${graph.meta.title ?? graph.modelId}" to ${path.join(options.out, 'report.html')}\n(${files.length} files in ${options.out}: report.html, report.md, ${diagrams} diagrams${options.png ? ' as SVG and PNG' : ''}, pathways.csv, analysis.json)\n`,
        );
      },
    );
}

/**
 * The sensitivity of the strategy's exact objectives to the model's ranged assumptions; a strategy
 * that cannot be used, or whose measures do not fit the model, stops the report with its problems.
 */
async function getReportSensitivity(machine: AnyStateMachine, graph: CareGraph, file: string): Promise<SensitivityResult | undefined> {
  const strategy = await loadStrategy(file);
  const problems = checkMeasures(graph, strategy.objectives, 'objectives');
  if (problems.length) throw toProblemsError('strategy', file, problems);
  const { getStrategySensitivity } = await import('../analysis/getStrategySensitivity.ts');
  return getStrategySensitivity(machine, strategy);
}
