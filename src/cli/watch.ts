import { watch as watchFolder, type FSWatcher } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { AnyStateMachine } from 'xstate';
import type { CareGraph } from '../graph/types.ts';
import { toCompactGraph } from '../graph/toCompactGraph.ts';
import { countPathways } from '../pathways/countPathways.ts';
import type { PathwayCount } from '../pathways/types.ts';
import { defaultModelPath, loadModel } from '../io/loadModel.ts';
import { serveLive, type LiveServer } from '../io/serveLive.ts';
import { checkModel } from '../model/checkModel.ts';
import { toDiagnosticsText } from '../report/toDiagnosticsText.ts';
import { buildReport } from './buildReport.ts';
import { CliError, exitCodes } from './errors.ts';
import { collectOption, toWholeNumber } from './loadChecked.ts';
import { ComparisonCancelled, prepareComparison, type PreparedComparison } from './prepareComparison.ts';
import { renderComparisonPage, withSensitivity } from './renderComparisonPage.ts';
import { SensitivityCancelled } from '../analysis/getSensitivity.ts';

/** What the live view regenerates from. */
export interface WatchRequest {
  model: string;
  strategy?: string;
  plans: string[];
  together: boolean;
}

/**
 * Regenerates the pages from the files: the model first, then the comparison's exact objectives
 * (quick), the report, and last the simulated objectives. A problem leaves the last good pages and
 * shows what is wrong; a broken plan does not stop the report. A newer save makes an older run
 * stop at its next step.
 */
export function createRegenerator(request: WatchRequest, live: LiveServer, log: (line: string) => void): () => Promise<void> {
  let generation = 0;
  // Counting pathways depends only on the model's shape (states and ways out), which most saves
  // in a workshop leave alone (they change numbers), so the count is kept for the last shape.
  let counted: { shape: string; count: PathwayCount } | undefined;
  const count = (graph: CareGraph): PathwayCount => {
    const g = toCompactGraph(graph);
    const shape = `${g.outStart.join()}|${g.target.join()}|${g.outcome.join()}`;
    if (counted?.shape !== shape) counted = { shape, count: countPathways(graph) };
    return counted.count;
  };
  const stamp = () => new Date().toLocaleTimeString('en-GB');
  const messageOf = (error: unknown) => (error instanceof CliError ? error.message : `Something went wrong inside carepaths: ${(error as Error).message}`);
  return async () => {
    const mine = ++generation;
    const current = () => mine === generation;
    const started = performance.now();
    const took = () => `${((performance.now() - started) / 1000).toFixed(2)} s`;
    const problems: string[] = [];
    const finish = () => {
      live.setStatus(
        problems.length ? `Live view · the save at ${stamp()} could not be used` : `Live view · updated ${stamp()} · saved changes show here by themselves`,
      );
      live.setProblem(problems.length ? problems.join('\n\n') : null);
      if (problems.length) log(`The last save could not be used:\n${problems.join('\n\n')}`);
    };
    let model: { machine: AnyStateMachine; file: string; graph: CareGraph };
    try {
      const loaded = await loadModel(request.model, { fresh: true });
      if (!loaded.ok) throw new CliError(`Could not load the model ${loaded.file}: ${loaded.reason}`, exitCodes.badInput);
      const checked = checkModel(loaded.machine);
      if (!checked.ok || !checked.graph)
        throw new CliError(
          `The model has errors:\n\n${toDiagnosticsText(
            loaded.file,
            checked.diagnostics.filter((d) => d.severity === 'error'),
          )}`,
          exitCodes.modelErrors,
        );
      model = { machine: loaded.machine, file: loaded.file, graph: checked.graph };
    } catch (error) {
      problems.push(messageOf(error));
      return finish();
    }
    let compared = false;
    let exact: PreparedComparison | undefined;
    if (request.strategy) {
      try {
        exact = await prepareComparison({ strategy: request.strategy, plans: request.plans, together: request.together, exactOnly: true, loaded: model });
        if (!current()) return;
        live.setPage('/', await renderComparisonPage(exact, { pending: true }));
        compared = exact.comparison.leftOut.length > 0;
        log(`Updated the comparison (exact objectives) in ${took()}`);
      } catch (error) {
        problems.push(messageOf(error));
      }
    }
    try {
      const { files } = await buildReport(model.graph, model.file, { top: 20, png: false, count });
      if (!current()) return;
      live.setPage(request.strategy ? '/report' : '/', files[0]!.content as string);
      log(`Updated the report in ${took()}`);
    } catch (error) {
      problems.push(messageOf(error));
    }
    finish();
    if (!exact) return;
    const prepared = exact;
    const quiet = (error: unknown) => {
      if (error instanceof ComparisonCancelled || error instanceof SensitivityCancelled || !current()) return;
      live.setProblem(messageOf(error));
    };
    // In the background, on this thread between steps: which assumptions the objectives depend on,
    // added to the comparison when it is ready (a newer save stops it). The report is not made
    // again for it: that would hold up the next save by a second (carepaths report --strategy has it).
    let simulatedShown = false;
    const sensitivity = withSensitivity(prepared, () => !current()).then(async ({ sensitivity }) => {
      // A save may be waiting behind the last evaluations: let it go first.
      await new Promise((resolve) => setImmediate(resolve));
      if (!current() || !sensitivity) return sensitivity;
      if (!simulatedShown) live.setPage('/', await renderComparisonPage(prepared, { pending: compared, sensitivity }));
      log(`Added what the objectives depend on in ${took()}`);
      return sensitivity;
    });
    sensitivity.catch(quiet);
    if (!compared) return;
    // The simulated objectives run on worker threads, in the background: a newer save does not
    // wait for them, and makes them stop.
    void prepareComparison({
      strategy: request.strategy!,
      plans: request.plans,
      together: request.together,
      loaded: model,
      workers: availableParallelism(),
      cancelled: () => !current(),
    })
      .then(async (full) => {
        if (!current()) return;
        simulatedShown = true;
        const known = await sensitivity.catch(() => undefined);
        if (!current()) return;
        live.setPage('/', await renderComparisonPage(full, known ? { sensitivity: known } : {}));
        log(`Updated the comparison with its simulated objectives in ${took()}`);
      })
      .catch(quiet);
  };
}

/** `carepaths watch [MODEL] [--strategy S] [--plan P …]`: the report (and comparison), live, for workshops. */
export function addWatchCommand(program: Command): void {
  program
    .command('watch')
    .description(
      'Serve the report (and, with --strategy, the plan comparison) on this computer, and update it within a second of a model, strategy or plan file being saved. For live use in a workshop.',
    )
    .argument('[model]', 'a .ts, .js or .json model (default: the city model that ships with carepaths)')
    .option('--strategy <file>', 'also test plans against this strategy; the comparison becomes the front page and the report moves to /report')
    .option('--plan <file>', 'an action plan; give --plan once for each plan', collectOption)
    .option('--together', 'also test every plan applied at once')
    .option('--port <N>', 'the port on 127.0.0.1 (0 picks a free one)', '4173')
    .addHelpText(
      'after',
      '\nOnly this computer can open the pages (127.0.0.1). A save that breaks a file shows what is wrong at the top of the page, which keeps its last good version.\nPress Ctrl+C to stop.',
    )
    .action(async (model: string | undefined, options: { strategy?: string; plan?: string[]; together?: boolean; port: string }) => {
      const port = toWholeNumber(options.port, '--port');
      if (options.plan?.length && !options.strategy) throw new CliError('--plan needs --strategy: plans are tested against a strategy.', exitCodes.badInput);
      const request: WatchRequest = {
        model: path.resolve(model ?? defaultModelPath),
        ...(options.strategy ? { strategy: path.resolve(options.strategy) } : {}),
        plans: (options.plan ?? []).map((p) => path.resolve(p)),
        together: options.together ?? false,
      };
      let live: LiveServer;
      try {
        live = await serveLive(port, request.strategy ? ['/', '/report'] : ['/']);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new CliError(
          code === 'EADDRINUSE'
            ? `Port ${port} is in use on this computer. Choose another with --port, or --port 0 for any free one.`
            : `Could not serve on port ${port}: ${(error as Error).message}`,
          exitCodes.badInput,
        );
      }
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const regenerate = createRegenerator(request, live, log);
      // Watch the folders, not the files: many editors save by writing a new file and renaming it.
      const files = [request.model, ...(request.strategy ? [request.strategy] : []), ...request.plans];
      const names = new Map<string, Set<string>>();
      for (const file of files) {
        const dir = path.dirname(file);
        if (!names.has(dir)) names.set(dir, new Set());
        names.get(dir)!.add(path.basename(file));
      }
      let timer: NodeJS.Timeout | undefined;
      let running: Promise<void> = Promise.resolve();
      const schedule = () => {
        clearTimeout(timer);
        // Saves often come as several events; wait for them to settle.
        timer = setTimeout(() => (running = running.then(regenerate)), 40);
      };
      const watchers: FSWatcher[] = [...names].map(([dir, set]) =>
        watchFolder(dir, (_event, name) => name && set.has(path.basename(name.toString())) && schedule()),
      );
      process.stdout.write(
        `Serving the live ${request.strategy ? 'comparison' : 'report'} at ${live.url}${request.strategy ? ` (the report is at ${live.url}report)` : ''}\nWatching ${files.map((f) => path.relative(process.cwd(), f) || f).join(', ')}. Press Ctrl+C to stop.\n`,
      );
      running = running.then(regenerate);
      await new Promise<void>((resolve) => {
        const stop = () => {
          for (const w of watchers) w.close();
          clearTimeout(timer);
          void live.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
