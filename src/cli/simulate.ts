import type { Command } from 'commander';
import type { CareGraph } from '../graph/types.ts';
import { createOutput } from '../io/createOutput.ts';
import { toDiagnosticsText } from '../report/toDiagnosticsText.ts';
import { toDesCsv, toDesText, toMonteCarloText, toSimulationMarkdown } from '../report/simulationWriters.ts';
import { toCsvRow } from '../report/toCsv.ts';
import { checkDes } from '../simulate/checkDes.ts';
import type { DesOptions } from '../simulate/types.ts';
import { defaultDesOptions, runDesReplication } from '../simulate/runDesReplication.ts';
import { defaultMonteCarloOptions, summariseMonteCarlo } from '../simulate/runMonteCarlo.ts';
import type { ReplicationTally } from '../simulate/types.ts';
import { createDesTally, summariseDes } from '../simulate/summariseDes.ts';
import type { DesTally } from '../simulate/types.ts';
import { CliError, exitCodes } from './errors.ts';
import { collectOption, defaultWorkers, loadGraph, refuseOptions, toChoice, toWholeNumber, toWorkers, applyHelp } from './loadChecked.ts';
import { runReplications } from '../simulate/runReplications.ts';

interface SimulateOptions {
  mode: string;
  requests: string;
  days: string;
  warmup: string;
  replications?: string;
  seed?: string;
  workers: string;
  arrivals: string;
  format: string;
  out?: string;
  events?: string;
  apply?: string[];
}

/** Minute 0 of a simulation, in the event log: a Monday at midnight. */
const EPOCH = Date.UTC(2025, 0, 6);

/** `carepaths simulate [MODEL]`: Monte Carlo or discrete-event simulation, reproducible from its seed. */
export function addSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description(
      'Simulate requests through the system: Monte Carlo over pathways, or discrete-event simulation with resources held across states, waiting rooms, blocking, people who give up, arrival streams and clocks.',
    )
    .argument('[model]', 'a .ts, .js or .json model (default: the city model that ships with carepaths)')
    .option('--mode <mode>', 'montecarlo or des', 'montecarlo')
    .option('--requests <N>', 'Monte Carlo: requests in each replication', String(defaultMonteCarloOptions.requests))
    .option('--days <D>', 'DES: days simulated in each replication, after the warm-up', String(defaultDesOptions.days))
    .option('--warmup <D>', 'DES: days simulated first and left out of the results', String(defaultDesOptions.warmup))
    .option(
      '--replications <R>',
      `independent replications (95% confidence intervals are over these) (default: ${toModeDefaults(defaultMonteCarloOptions.replications, defaultDesOptions.replications)})`,
    )
    .option('--seed <S>', `the seed: the same seed gives the same results (default: ${toModeDefaults(defaultMonteCarloOptions.seed, defaultDesOptions.seed)})`)
    .option('--workers <W>', 'worker threads to run replications on (results do not depend on it)', defaultWorkers)
    .option('--arrivals <kind>', 'DES: poisson or regular', 'poisson')
    .option('--format <format>', 'text, json or md; csv with --mode des (one row a figure)', 'text')
    .option('--out <file>', 'write to this file (atomically) instead of the screen')
    .option('--apply <plan>', applyHelp, collectOption)
    .option('--events <file>', 'DES: also write the event log as CSV (one row a request a step), for process-mining tools')
    .addHelpText(
      'after',
      '\nJSON (montecarlo): { model, mode, seed, replications, requests, capacity, outcomes: [{ state, outcome, share, ci95, exact, configurations? }], timeToOutcome: { mean, ci95, p50, p90, p95, exactMean },\n  visits: [{ state, agency, perRequest, exact, configurations? }], workload, handoffs, variants: [{ states, contexts?, share, exact }] }.\nJSON (des): { model, mode, seed, replications, days, warmup, arrivals, requestsPerReplication, unfinishedPerReplication,\n  outcomes: [{ state, outcome, share, ci95, configurations? }], timeToOutcome: { mean, ci95, p50, p90, p95 },\n  services: [{ state, agency, servers, waitMean, waitMeanCi95, waitP90, waitMax, utilisation, utilisationCi95, queueMean, queueMax, queueByHour }],\n  responseTimes: [{ state, mean, ci95, p90 }], stays: [{ agency, mean, p90, withinFourHours, withinFourHoursCi95 }], lostPerReplication,\n  resources: [{ id, label, units, utilisation, utilisationCi95, serving, blocked, blockedCi95, queueMean, queueMax, queueByHour, unitsByHour: { mean, p90 }, heldBy: [{ state, share, ci95 }] }],\n  waitingRooms: [{ state, agency, resource, places, requests, waitMean, waitMeanCi95, waitP90, over15, over30, over60, abandoned, abandonedCi95, turnedAway, turnedAwayCi95, lost }],\n  blocking: [{ state, agency, share, shareCi95, mean, p90, over15, over30, over60, count }],\n  clocks: [{ id, label, standard?, count, mean, ci95, p50, p90, over: [{ minutes, share, ci95, hoursPerDay, hoursPerDayCi95 }] }], deadlock? }.\nCSV (des): section, name, measure, value, ci95_low, ci95_high: one row a figure. A deadlock stops the run with exit code 1.\nDES: requests that arrive in the measured days are followed to their outcome (up to 60 days after the end); those still open are unfinishedPerReplication.\nShare intervals lie within 0 to 1. Event log columns: case_id, activity, agency, start, complete, arrival_minute, start_minute, end_minute, wait_minutes (minute 0 is Monday 6 January 2025, 00:00 UTC).',
    )
    .action(async (model: string | undefined, options: SimulateOptions, command: Command) => {
      const mode = toChoice(options.mode, '--mode', ['montecarlo', 'des'] as const);
      if (mode === 'montecarlo')
        refuseOptions(
          command,
          ['days', 'warmup', 'arrivals', 'events'],
          'to Monte Carlo, which walks requests one at a time with no clock or capacity; add --mode des',
        );
      else refuseOptions(command, ['requests'], "to the discrete-event simulation, whose requests arrive at the model's rate over --days");
      const format = toChoice(options.format, '--format', ['text', 'json', 'md', 'csv'] as const);
      if (format === 'csv' && mode !== 'des')
        throw new CliError('--format csv is for the discrete-event simulation (add --mode des); Monte Carlo writes text, json or md.', exitCodes.badInput);
      const arrivals = toChoice(options.arrivals, '--arrivals', ['poisson', 'regular'] as const);
      const defaults = mode === 'des' ? defaultDesOptions : defaultMonteCarloOptions;
      const replications = toWholeNumber(options.replications ?? String(defaults.replications), '--replications');
      const seed = toWholeNumber(options.seed ?? String(defaults.seed), '--seed');
      const workers = toWorkers(options.workers);
      const montecarlo = { ...defaultMonteCarloOptions, requests: toWholeNumber(options.requests, '--requests'), replications, seed };
      const des: DesOptions = { days: toWholeNumber(options.days, '--days'), warmup: toWholeNumber(options.warmup, '--warmup'), replications, seed, arrivals };
      const { graph, file } = await loadGraph(model, undefined, options.apply ?? []);
      if (mode === 'des') {
        const missing = checkDes(graph);
        if (missing.length) throw new CliError(`This model cannot be simulated over days yet:\n\n${toDiagnosticsText(file, missing)}`, exitCodes.modelErrors);
      }
      const progress = process.stderr.isTTY
        ? (done: number, total: number) => process.stderr.write(`\rSimulating: ${done} of ${total} replications${done === total ? '\n' : ''}`)
        : () => {};
      const label = (id: string) => graph.agencies.find((a) => a.id === id)?.label ?? id;
      const tallies =
        mode === 'des' && options.events
          ? runWithEventLog(graph, des, options.events, progress)
          : (await runReplications({ graphs: [graph], mode, montecarlo, des }, { workers, progress }))[0]!;
      const result = mode === 'des' ? summariseDes(graph, des, tallies as DesTally[]) : summariseMonteCarlo(graph, montecarlo, tallies as ReplicationTally[]);
      let text =
        format === 'json'
          ? JSON.stringify(result, null, 2) + '\n'
          : result.mode === 'des'
            ? format === 'csv'
              ? toDesCsv(result)
              : toDesText(result, label)
            : toMonteCarloText(result, label);
      if (format === 'md')
        text = toSimulationMarkdown(`${mode === 'des' ? 'Discrete-event' : 'Monte Carlo'} simulation of ${graph.meta.title ?? graph.modelId}`, text);
      const output = createOutput(options.out);
      output.write(text);
      output.close();
      if (options.out && options.out !== '-') process.stderr.write(`Wrote ${options.out}\n`);
      if (options.events) process.stderr.write(`Wrote ${options.events}\n`);
      if (result.mode === 'des' && result.deadlock)
        throw new CliError(
          `The simulation deadlocked: every unit of ${result.deadlock.resources.join(' and ')} was held by a request waiting for another of them (stuck at ${result.deadlock.states.join(', ')}). The results above are not to be used; give one of these states a waiting room, a way out when full, or more units.`,
          exitCodes.modelErrors,
        );
    });
}

/** A default shown in --help: one number when both kinds of simulation share it. */
const toModeDefaults = (montecarlo: number, des: number) => (montecarlo === des ? String(montecarlo) : `${montecarlo} for Monte Carlo, ${des} for the DES`);

const round = (x: number) => Math.round(x * 1000) / 1000;
const iso = (minute: number) => new Date(EPOCH + minute * 60_000).toISOString();

/** Runs the replications in turn, writing the event log (one CSV row a request a step) as they go. */
function runWithEventLog(graph: CareGraph, des: DesOptions, file: string, progress: (done: number, total: number) => void): DesTally[] {
  const events = createOutput(file);
  const tallies: DesTally[] = [];
  try {
    events.write(toCsvRow(['case_id', 'activity', 'agency', 'start', 'complete', 'arrival_minute', 'start_minute', 'end_minute', 'wait_minutes']));
    for (let r = 0; r < des.replications; r++) {
      const { monitor, tally } = createDesTally(graph, des);
      const step = monitor.step.bind(monitor);
      monitor.step = (request, slot, index, arrival, start, end) => {
        step(request, slot, index, arrival, start, end);
        const node = graph.nodes[index]!;
        events.write(
          toCsvRow([`${r + 1}-${request + 1}`, node.id, node.agency, iso(start), iso(end), round(arrival), round(start), round(end), round(start - arrival)]),
        );
      };
      runDesReplication(graph, des, r, monitor);
      tallies.push(tally);
      progress(r + 1, des.replications);
    }
    events.close();
  } catch (error) {
    events.abort();
    throw error;
  }
  return tallies;
}
