import path from 'node:path';
import type { AnyStateMachine } from 'xstate';
import { getComparison, type Comparison } from '../analysis/getComparison.ts';
import type { CareGraph } from '../graph/types.ts';
import { loadDocument } from '../io/loadDocument.ts';
import { loadMachine } from './loadChecked.ts';
import { checkModel } from '../model/checkModel.ts';
import { toCareMachine } from '../model/defineCareModel.ts';
import { abbreviations, humanise } from '../render/toStateLabel.ts';
import { toDiagnosticsText } from '../report/toDiagnosticsText.ts';
import { applyPlans, type MachineConfig } from '../strategy/applyPlans.ts';
import { checkMeasure, toDesOptions } from '../strategy/getMeasureValues.ts';
import { getMeasureSource } from '../strategy/measureCatalogue.ts';
import { readPlan } from '../strategy/readPlan.ts';
import { readStrategy } from '../strategy/readStrategy.ts';
import { toPlanChangeText } from '../strategy/toPlanChangeText.ts';
import type { Plan, StateSelector, Strategy, StrategyProblem } from '../strategy/types.ts';
import { CliError, exitCodes } from './errors.ts';
import { runReplications } from '../simulate/runReplications.ts';
import { defaultMonteCarloOptions } from '../simulate/runMonteCarlo.ts';
import type { DesTally } from '../simulate/summariseDes.ts';

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
  /** Watch mode: true once a newer save makes this comparison out of date; it then stops early. */
  cancelled?: () => boolean;
}

/** Thrown when a comparison was cancelled because a newer one is wanted. */
export class ComparisonCancelled extends Error {}

/** A comparison with the models it compared, for the HTML page's Sankey diagrams. */
export interface PreparedComparison {
  comparison: Comparison;
  baseline: CareGraph;
  graphs: CareGraph[];
  file: string;
}

const shown = (file: string) => {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : path.resolve(file);
};

function toProblemsError(what: string, file: string, problems: StrategyProblem[], exitCode: number = exitCodes.badInput): CliError {
  const lines = problems.flatMap((p) => [`  ${p.at}: ${p.message}`, ...(p.hint ? [`    ${p.hint}`] : [])]);
  return new CliError(`The ${what} ${shown(file)} cannot be used:\n${lines.join('\n')}`, exitCode);
}

/**
 * Loads a model, a strategy and plans, applies each plan to the model's machine config, checks
 * every changed model, and compares them. Any problem stops it with a message naming the file and
 * what to fix.
 */
export async function prepareComparison(request: ComparisonRequest): Promise<PreparedComparison> {
  const loaded = request.loaded ?? (await loadMachine(request.model));
  const machine = loaded.machine;
  const checked = checkModel(machine);
  if (!checked.ok || !checked.graph) {
    throw new CliError(
      `The model has errors, so plans cannot be tested against it yet. Fix these first:\n\n${toDiagnosticsText(
        loaded.file,
        checked.diagnostics.filter((d) => d.severity === 'error'),
      )}`,
      exitCodes.modelErrors,
    );
  }
  const baseline = checked.graph;
  const strategy = await loadStrategy(request.strategy, baseline);
  const plans = await Promise.all(request.plans.map((file) => loadPlan(file, strategy)));
  const seenIds = new Map<string, string>();
  for (const { plan, file } of plans) {
    if (plan.id === 'baseline' || plan.id === 'all-plans')
      throw new CliError(
        `A plan cannot be called "${plan.id}" (${shown(file)}): the comparison uses that name for ${plan.id === 'baseline' ? 'the model as it is' : 'every plan together'}. Rename the file.`,
        exitCodes.badInput,
      );
    if (seenIds.has(plan.id))
      throw new CliError(
        `Two plans have the id "${plan.id}" (${seenIds.get(plan.id)} and ${shown(file)}). A plan's id is its file name; rename one of them.`,
        exitCodes.badInput,
      );
    seenIds.set(plan.id, shown(file));
  }
  const config = machine.config as MachineConfig;
  const scenarios = plans.map(({ plan, file }) => ({ plan, graph: toChangedGraph(machine, config, [plan], file, loaded.file), file }));
  if (request.together && plans.length > 1) {
    const together: Plan = {
      id: 'all-plans',
      name: 'All plans together',
      owner: '',
      description: `Every plan applied at once: ${plans.map((p) => p.plan.name).join('; ')}.`,
      supports: [...new Set(plans.flatMap((p) => p.plan.supports))],
      evidence: [],
      changes: plans.flatMap((p) => p.plan.changes),
    };
    scenarios.push({
      plan: together,
      graph: toChangedGraph(
        machine,
        config,
        plans.map((p) => p.plan),
        'the plans together',
        loaded.file,
      ),
      file: '',
    });
  }
  const kept = request.exactOnly ? strategy.objectives.filter((o) => getMeasureSource(o.measure) === 'exact') : strategy.objectives;
  const graphs = [baseline, ...scenarios.map((s) => s.graph)];
  const needsDes = kept.some((o) => getMeasureSource(o.measure) === 'des');
  const desTallies = needsDes
    ? ((await runReplications(
        { graphs, mode: 'des', montecarlo: defaultMonteCarloOptions, des: toDesOptions(strategy.simulation) },
        { workers: request.workers ?? 1, ...(request.cancelled ? { cancelled: request.cancelled } : {}) },
      )) as DesTally[][])
    : undefined;
  if (request.cancelled?.()) throw new ComparisonCancelled();
  const comparison = getComparison(
    baseline,
    { ...strategy, objectives: kept },
    scenarios.map(({ plan, graph }) => ({ plan, graph, changes: plan.changes.map((c) => toPlanChangeText(c, (p) => toPathLabel(graph, p))) })),
    (s) => toSelectorLabel(baseline, s),
    desTallies,
    strategy.objectives.filter((o) => !kept.includes(o)).map((o) => ({ id: o.id, title: o.title })),
  );
  return { comparison, baseline, graphs: scenarios.map((s) => s.graph), file: loaded.file };
}

async function loadStrategy(file: string, baseline: CareGraph): Promise<Strategy> {
  const doc = await loadDocument(file);
  if (!doc.ok) throw toProblemsError('strategy', file, [doc.problem]);
  const { strategy, problems } = readStrategy(doc.value);
  if (!strategy) throw toProblemsError('strategy', file, problems);
  const measureProblems = strategy.objectives.flatMap((o, i) => {
    const p = checkMeasure(baseline, o.measure);
    return p ? [{ at: `objectives[${i + 1}].measure (${o.id})`, message: p.problem, hint: p.hint }] : [];
  });
  if (measureProblems.length) throw toProblemsError('strategy', file, measureProblems);
  return strategy;
}

async function loadPlan(file: string, strategy: Strategy): Promise<{ plan: Plan; file: string }> {
  const doc = await loadDocument(file);
  if (!doc.ok) throw toProblemsError('plan', file, [doc.problem]);
  const id = path.basename(file).replace(/\.(ya?ml|json)$/i, '');
  const { plan, problems } = readPlan(doc.value, id);
  if (!plan) throw toProblemsError('plan', file, problems);
  const ids = strategy.objectives.map((o) => o.id);
  const unknown = plan.supports.flatMap((s, i) =>
    ids.includes(s)
      ? []
      : [{ at: `supports[${i + 1}]`, message: `"${s}" is not an objective of the strategy.`, hint: `The strategy's objectives are: ${ids.join(', ')}.` }],
  );
  if (unknown.length) throw toProblemsError('plan', file, unknown);
  return { plan, file };
}

/** Applies plans to the config, builds the changed machine with the model's own guards and actions, and checks it. */
function toChangedGraph(machine: AnyStateMachine, config: MachineConfig, plans: Plan[], file: string, modelFile: string): CareGraph {
  const applied = applyPlans(config, plans);
  if (applied.problems.length) {
    const byPlan = plans.length > 1;
    throw toProblemsError(
      byPlan ? 'plans, applied together,' : 'plan',
      byPlan ? plans.map((p) => p.id).join(' + ') : file,
      applied.problems.map((p) => ({ ...p, at: byPlan ? `${p.plan} ${p.at}` : p.at })),
    );
  }
  let changed: AnyStateMachine;
  try {
    changed = toCareMachine(applied.config).provide(machine.implementations as Parameters<AnyStateMachine['provide']>[0]) as AnyStateMachine;
  } catch (error) {
    throw new CliError(`The plan ${shown(file)} leaves a model that xstate cannot build: ${(error as Error).message.split('\n')[0]}`, exitCodes.modelErrors);
  }
  const result = checkModel(changed);
  if (!result.ok || !result.graph) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const hint = errors.some((d) => d.code === 'probability-sum')
      ? '\nWhere the ways out of a state no longer sum to 1, give each its new probability, or add "rebalance: true" to the change to scale the others.'
      : '';
    throw new CliError(
      `The ${plans.length > 1 ? 'plans applied together leave' : `plan ${shown(file)} leaves`} the model ${modelFile} with errors:\n\n${toDiagnosticsText(`${modelFile} with ${plans.map((p) => p.id).join(' + ')}`, errors)}${hint}`,
      exitCodes.modelErrors,
    );
  }
  return result.graph;
}

/** "NHS 111: health adviser triage" for a state path. */
export function toPathLabel(graph: CareGraph, statePath: string): string {
  const info = graph.stateInfo.find((s) => s.path === statePath);
  const agency = graph.agencies.find((a) => a.id === info?.agency);
  const name = humanise(statePath.split('.').pop() ?? statePath);
  const lower = abbreviations.has(name.split(' ')[0]!) ? name : `${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  return agency && info?.type !== 'compound' ? `${agency.label}: ${lower}` : agency ? agency.label : name;
}

function toSelectorLabel(graph: CareGraph, s: StateSelector): string {
  const list = (x: string | string[], f: (id: string) => string) => {
    const names = (Array.isArray(x) ? x : [x]).map(f);
    return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0]!;
  };
  if (s.state) return list(s.state, (p) => toPathLabel(graph, p));
  if (s.agency) return list(s.agency, (id) => graph.agencies.find((a) => a.id === id)?.label ?? id);
  if (s.function) return list(s.function, (id) => `“${graph.functions.find((f) => f.id === id)?.label.toLowerCase() ?? id}”`);
  return `${list(s.outcome!, (o) => `“${o}”`)} outcome`;
}
