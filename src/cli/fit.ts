import path from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { toFittedChanges } from '../analysis/createAssumptionModel.ts';
import { toAssumptionId } from '../model/getAssumptions.ts';
import type { FitReport } from '../analysis/getFit.ts';
import { loadDocument } from '../io/loadDocument.ts';
import { checkOutputFile } from '../io/OutputProblem.ts';
import { writeFileAtomic } from '../io/writeFileAtomic.ts';
import { toFitJson, toFitMarkdown, toFitText } from '../report/fitWriters.ts';
import { toDiagnosticsText } from '../report/toDiagnosticsText.ts';
import { readObserved } from '../strategy/readObserved.ts';
import type { ObservedFigures } from '../strategy/types.ts';
import { CliError, exitCodes } from './errors.ts';
import { collectOption, defaultWorkers, loadMachine, toChoice, toWholeNumber, toWorkers } from './loadChecked.ts';
import { loadStrategy, toProblemsError } from './prepareComparison.ts';
import { addTableAndPageOptions, writeTableAndPage } from './writeTableAndPage.ts';

const writers = { text: toFitText, json: toFitJson, md: toFitMarkdown };

interface FitOptions {
  observed: string;
  strategy?: string;
  calibrate?: boolean;
  write: string;
  sensitivity?: boolean;
  samples: string;
  seed: string;
  simulated?: boolean;
  only?: string[];
  apply?: string[];
  workers: string;
  format: string;
  out?: string;
  html: string | false;
}

/** `carepaths fit MODEL --observed FILE`: the model against what a place observes; with options, the sensitivity and a calibration. */
export function addFitCommand(program: Command): void {
  const command = program
    .command('fit')
    .description(
      'Hold the model against what a real place observes: each figure, the model’s value (with its 95% interval where simulated), the difference and whether it is within tolerance; which assumptions drive each figure; and a calibration of the ranged assumptions.',
    )
    .argument('[model]', 'a .ts, .js or .json model (default: the city model that ships with carepaths)')
    .requiredOption('--observed <file>', 'the observed figures: measures, observed values or ranges, tolerances, periods and sources (YAML or JSON)')
    .option('--calibrate', 'fit the ranged assumptions to the figures, each kept inside its range, and write the fitted values as a plan')
    .option(
      '--write <file>',
      'with --calibrate: where to write the fitted values (a plan that analyse, report, simulate and compare take with --apply)',
      path.join('out', 'fitted.yaml'),
    )
    .option(
      '--sensitivity',
      'which assumptions move each figure most over their ranges (a tornado chart each), and the spread with all of them varied together',
    )
    .option('--strategy <file>', 'with --sensitivity: the strategy’s objectives are analysed too')
    .option('--samples <N>', 'with --sensitivity: samples for the spread with every assumption varied together (0 for none)', '200')
    .option('--seed <S>', 'with --sensitivity: the seed for those samples', '1')
    .option('--simulated', 'include the simulated figures in the sensitivity and the calibration (each step is then a simulation: slow)')
    .option(
      '--only <text>',
      'vary only the assumptions whose id contains this (a state path such as city.acute, or resources.); give --only once for each',
      collectOption,
    )
    .option('--apply <plan>', 'apply a plan to the model first, such as fitted values; give --apply once for each', collectOption)
    .option('--workers <W>', 'worker threads for the discrete-event replications of the figures', defaultWorkers);
  addTableAndPageOptions(command, 'fit page', path.join('out', 'fit.html'))
    .addHelpText(
      'after',
      '\nJSON: { model, title, simulation, within, met, figures: [{ id, title, measure, source, unit, observed: { low, high }, tolerance, model, ci95?, difference, misfit, within, held, why?, period, reference }],\n      assumptions: [{ id, state, way?, field, value, range, reason }], calibration?: { iterations, evaluations, costBefore, costAfter, values: [{ id, range, before, after }], figures, conflicts },\n      sensitivity?: { evaluations, targets: [{ id, kind, title, unit, source, value, effects: [{ assumption, atLow, atHigh, swing, slope? }], joint? }], joint, failures } }.\nWithout --simulated, the sensitivity and the calibration use the exact figures only (the table has every figure).\nExit codes: 0 every figure within tolerance (figures marked held: false may be outside); 1 a figure outside tolerance, or model errors; 2 a file or option that cannot be used.',
    )
    .action(async (model: string | undefined, options: FitOptions, command: Command) => {
      const format = toChoice(options.format, '--format', ['text', 'json', 'md'] as const);
      const workers = toWorkers(options.workers);
      const samples = toWholeNumber(options.samples, '--samples');
      const seed = toWholeNumber(options.seed, '--seed');
      const given = (name: string) => command.getOptionValueSource(name) === 'cli';
      if (!options.sensitivity && (['strategy', 'samples', 'seed'] as const).some(given))
        throw new CliError('--strategy, --samples and --seed are for the sensitivity analysis; add --sensitivity.', exitCodes.badInput);
      if (!options.calibrate && !options.sensitivity && given('only'))
        throw new CliError('--only chooses the assumptions that --calibrate and --sensitivity vary; add one of them.', exitCodes.badInput);
      if (!options.calibrate && given('write'))
        throw new CliError('--write is where --calibrate writes the fitted values; add --calibrate.', exitCodes.badInput);
      if (options.html) checkOutputFile(options.html);
      if (options.out && options.out !== '-') checkOutputFile(options.out);
      if (options.calibrate) checkOutputFile(options.write);
      const loaded = await loadMachine(model, options.apply ?? []);
      const observed = await loadObserved(options.observed);
      const strategy = options.strategy ? await loadStrategy(options.strategy) : undefined;
      const progress = process.stderr.isTTY ? (what: string) => process.stderr.write(`\r${what}\u001b[K`) : () => {};
      const { runFit } = await import('../analysis/runFit.ts');
      const run = await runFit({
        machine: loaded.machine,
        observed,
        ...(strategy ? { strategy } : {}),
        calibrate: options.calibrate ?? false,
        sensitivity: options.sensitivity ?? false,
        samples,
        seed,
        simulated: options.simulated ?? false,
        ...(options.only ? { only: options.only } : {}),
        workers,
        progress,
      });
      if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
      if (!run.ok) {
        const p = run.problem;
        if (p.kind === 'model-errors')
          throw new CliError(
            `The model has errors, so it cannot be fitted yet. Fix these first:\n\n${toDiagnosticsText(loaded.file, p.diagnostics)}`,
            exitCodes.modelErrors,
          );
        throw toProblemsError(
          p.kind === 'observed-measures' ? 'observed figures' : 'strategy',
          p.kind === 'observed-measures' ? options.observed : options.strategy!,
          p.problems,
        );
      }
      const html = options.html ? await renderFitPage(run, loaded.file, options.observed) : undefined;
      writeTableAndPage(writers[format](run), options.out, { html, file: options.html, what: 'fit page' });
      if (run.calibration) {
        writeFileAtomic(options.write, toFittedPlan(run, loaded.machine.config as Record<string, unknown>, options.observed, options.write));
        process.stderr.write(`Wrote the fitted values to ${options.write} (use them with --apply ${options.write})\n`);
      }
      if (!run.fit.met) process.exitCode = exitCodes.modelErrors;
    });
}

async function loadObserved(file: string): Promise<ObservedFigures> {
  const doc = await loadDocument(file);
  if (!doc.ok) throw toProblemsError('observed figures', file, [doc.problem]);
  const { observed, problems } = readObserved(doc.value);
  if (!observed) throw toProblemsError('observed figures', file, problems);
  return observed;
}

/** The fitted values as a plan (YAML) of `set` and `reweight` changes, for `--apply`. */
function toFittedPlan(report: FitReport, config: Record<string, unknown>, observedFile: string, file: string): string {
  const c = report.calibration!;
  const within = c.rowsAfter.filter((r) => r.within).length;
  const byId = new Map(c.assumptions.map((a, k) => [a.id, k]));
  const was = (id: string) => {
    const k = byId.get(id)!;
    const a = c.assumptions[k]!;
    return `was ${c.before[k]}, range ${a.range![0]} to ${a.range![1]}`;
  };
  const changes = toFittedChanges(c, config).map((x) =>
    x.change === 'reweight'
      ? {
          reweight: x.state,
          ways: x.ways,
          rebalance: x.rebalance,
          why: `Fitted (${Object.keys(x.ways)
            .map((e) => `${e} ${was(toAssumptionId(x.state, e, 'p'))}`)
            .join('; ')}).`,
        }
      : x.change === 'set'
        ? {
            set: x.state,
            ...(x.way ? { way: x.way } : {}),
            field: x.field,
            value: x.value,
            why: `Fitted (${was(toAssumptionId(x.state, x.way, x.field))}).`,
          }
        : x,
  );
  const plan = {
    name: `Fitted to ${report.fit.title}`,
    description: `The ranged assumptions of ${report.fit.model} fitted to ${path.basename(observedFile)} by carepaths fit --calibrate: ${within} of ${c.rowsAfter.length} figures within tolerance after, ${c.rowsBefore.filter((r) => r.within).length} before.`,
    changes,
  };
  return `# Apply with: carepaths analyse MODEL --apply ${file} (or report, simulate, compare, fit)\n${stringify(plan, { lineWidth: 0 })}`;
}

async function renderFitPage(report: FitReport, source: string, observed: string): Promise<string> {
  const [{ getFunctionalAnalysis }, { loadFonts }, { createRenderContext }, { toFitHtml }] = await Promise.all([
    import('../analysis/getFunctionalAnalysis.ts'),
    import('../io/loadFonts.ts'),
    import('../render/createRenderContext.ts'),
    import('../render/toFitHtml.ts'),
  ]);
  const ctx = createRenderContext(report.graph, getFunctionalAnalysis(report.graph), loadFonts());
  const { getPageProvenance } = await import('./provenance.ts');
  return toFitHtml(ctx, report, { ...getPageProvenance(source), observed });
}
