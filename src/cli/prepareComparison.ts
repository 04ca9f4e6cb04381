import path from 'node:path';
import type { AnyStateMachine } from 'xstate';
import { runComparison, type ComparisonProblem, type ComparisonResult } from '../analysis/runComparison.ts';
import { loadDocument } from '../io/loadDocument.ts';
import { toDiagnosticsText } from '../report/toDiagnosticsText.ts';
import { readPlan } from '../strategy/readPlan.ts';
import { readStrategy } from '../strategy/readStrategy.ts';
import type { Plan, Strategy, StrategyProblem } from '../strategy/types.ts';
import { CliError, exitCodes } from './errors.ts';
import { loadMachine } from './loadChecked.ts';

/** What `compare` and `watch` ask for. */
export interface ComparisonRequest {
  model?: string;
  strategy: string;
  plans: string[];
  /** Also test every plan applied together (conflicts between plans are refused). */
  together?: boolean;
  /** Leave out objectives that need a simulation (watch mode shows the exact ones first). */
  exactOnly?: boolean;
  /** A model already loaded (watch mode loads it once for the report and the comparison). */
  loaded?: { machine: AnyStateMachine; file: string };
  /** Worker threads for the discrete-event simulation (default 1: this thread). */
  workers?: number;
  /** Plans applied to the model before anything else (`--apply`, such as fitted values). */
  applied?: string[];
  /** Watch mode: true once a newer save makes this comparison out of date; it then stops early. */
  cancelled?: () => boolean;
}

/** Thrown when a comparison was cancelled because a newer one is wanted. */
export class ComparisonCancelled extends Error {}

/** A comparison with the models it compared, for the HTML page's Sankey diagrams. */
export interface PreparedComparison extends ComparisonResult {
  file: string;
  /** The baseline model, for the sensitivity of its objectives to its assumptions. */
  machine: AnyStateMachine;
  strategy: Strategy;
}

const shown = (file: string) => {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : path.resolve(file);
};

export function toProblemsError(what: string, file: string, problems: StrategyProblem[], exitCode: number = exitCodes.badInput): CliError {
  const lines = problems.flatMap((p) => [`  ${p.at}: ${p.message}`, ...(p.hint ? [`    ${p.hint}`] : [])]);
  return new CliError(`The ${what} ${shown(file)} cannot be used:\n${lines.join('\n')}`, exitCode);
}

/**
 * Reads the model, the strategy and the plans named on the command line, and runs the comparison
 * (`runComparison`, in the core). Any problem stops it with a message naming the file and what to fix.
 */
export async function prepareComparison(request: ComparisonRequest): Promise<PreparedComparison> {
  const loaded = request.loaded ?? (await loadMachine(request.model, request.applied ?? []));
  const strategy = await loadStrategy(request.strategy);
  const plans = await Promise.all(request.plans.map((file) => loadPlan(file)));
  const run = await runComparison({
    machine: loaded.machine,
    strategy,
    plans: plans.map((p) => p.plan),
    together: request.together ?? false,
    exactOnly: request.exactOnly ?? false,
    workers: request.workers ?? 1,
    ...(request.cancelled ? { cancelled: request.cancelled } : {}),
  });
  if (!run.ok) throw toComparisonError(run.problem, loaded.file, request.strategy, plans);
  return { comparison: run.comparison, baseline: run.baseline, graphs: run.graphs, file: loaded.file, machine: loaded.machine, strategy };
}

/** A comparison problem in words, naming the files. */
function toComparisonError(problem: ComparisonProblem, modelFile: string, strategyFile: string, plans: { plan: Plan; file: string }[]): Error {
  const fileOf = (i: number) => plans[i]!.file;
  const idsOf = (indices: number[]) => indices.map((i) => plans[i]!.plan.id).join(' + ');
  switch (problem.kind) {
    case 'cancelled':
      return new ComparisonCancelled();
    case 'model-errors':
      return new CliError(
        `The model has errors, so plans cannot be tested against it yet. Fix these first:\n\n${toDiagnosticsText(modelFile, problem.diagnostics)}`,
        exitCodes.modelErrors,
      );
    case 'strategy-measures':
      return toProblemsError('strategy', strategyFile, problem.problems);
    case 'plan-supports':
      return toProblemsError('plan', fileOf(problem.plan), problem.problems);
    case 'plan-name': {
      const id = plans[problem.plan]!.plan.id;
      return problem.reason === 'reserved'
        ? new CliError(
            `A plan cannot be called "${id}" (${shown(fileOf(problem.plan))}): the comparison uses that name for ${id === 'baseline' ? 'the model as it is' : 'every plan together'}. Rename the file.`,
            exitCodes.badInput,
          )
        : new CliError(
            `Two plans have the id "${id}" (${shown(fileOf(problem.first))} and ${shown(fileOf(problem.plan))}). A plan's id is its file name; rename one of them.`,
            exitCodes.badInput,
          );
    }
    case 'plan-changes': {
      const together = problem.plans.length > 1;
      return toProblemsError(
        together ? 'plans, applied together,' : 'plan',
        together ? idsOf(problem.plans) : fileOf(problem.plans[0]!),
        problem.problems.map((p) => ({ ...p, at: together ? `${p.plan} ${p.at}` : p.at })),
      );
    }
    case 'plan-build':
      return new CliError(
        `The plan ${shown(problem.plans.length > 1 ? 'the plans together' : fileOf(problem.plans[0]!))} leaves a model that xstate cannot build: ${problem.message}`,
        exitCodes.modelErrors,
      );
    case 'plan-model-errors': {
      const hint = problem.diagnostics.some((d) => d.code === 'probability-sum')
        ? '\nWhere the ways out of a state no longer sum to 1, give each its new probability, or add "rebalance: true" to the change to scale the others.'
        : '';
      return new CliError(
        `The ${problem.plans.length > 1 ? 'plans applied together leave' : `plan ${shown(fileOf(problem.plans[0]!))} leaves`} the model ${modelFile} with errors:\n\n${toDiagnosticsText(`${modelFile} with ${idsOf(problem.plans)}`, problem.diagnostics)}${hint}`,
        exitCodes.modelErrors,
      );
    }
  }
}

export async function loadStrategy(file: string): Promise<Strategy> {
  const doc = await loadDocument(file);
  if (!doc.ok) throw toProblemsError('strategy', file, [doc.problem]);
  const { strategy, problems } = readStrategy(doc.value);
  if (!strategy) throw toProblemsError('strategy', file, problems);
  return strategy;
}

export async function loadPlan(file: string, options: { applied?: boolean } = {}): Promise<{ plan: Plan; file: string }> {
  const doc = await loadDocument(file);
  if (!doc.ok) throw toProblemsError('plan', file, [doc.problem]);
  const id = path.basename(file).replace(/\.(ya?ml|json)$/i, '');
  const { plan, problems } = readPlan(doc.value, id, options);
  if (!plan) throw toProblemsError('plan', file, problems);
  return { plan, file };
}
