import type { AnyStateMachine } from 'xstate';
import type { CareGraph } from '../graph/types.ts';
import { checkModel, type CheckResult } from '../model/checkModel.ts';
import { toCareMachine } from '../model/defineCareModel.ts';
import type { Diagnostic } from '../model/types.ts';
import { runReplications } from '../simulate/runReplications.ts';
import { defaultMonteCarloOptions } from '../simulate/runMonteCarlo.ts';
import type { DesTally } from '../simulate/types.ts';
import { applyPlans, type MachineConfig, type PlanProblem } from '../strategy/applyPlans.ts';
import { checkMeasures, toDesOptions } from '../strategy/getMeasureValues.ts';
import { getMeasureSource } from '../strategy/measureCatalogue.ts';
import type { Plan, Strategy, StrategyProblem } from '../strategy/types.ts';
import { getComparison, type Comparison } from './getComparison.ts';

/** A comparison to run: a model, its strategy and the plans to test against it. */
export interface ComparisonInput {
  /** The model's machine: each plan changes a copy of its config, keeping its own guards and actions. */
  machine: AnyStateMachine;
  strategy: Strategy;
  plans: Plan[];
  /** Also test every plan applied at once (plans that change the same thing are refused). */
  together?: boolean;
  /** Leave out the objectives that need a simulation. */
  exactOnly?: boolean;
  /** Worker threads for the discrete-event simulation. Default 1 (this thread). */
  workers?: number;
  /** True once the comparison is no longer wanted (a newer save in watch mode); it then stops early. */
  cancelled?: () => boolean;
}

/** Why a comparison could not be made. Plans are named by their position in `ComparisonInput.plans`. */
export type ComparisonProblem =
  /** The model itself has errors. */
  | { kind: 'model-errors'; diagnostics: Diagnostic[] }
  /** Objectives whose measures the model cannot give (a state it does not have, say). */
  | { kind: 'strategy-measures'; problems: StrategyProblem[] }
  /** A plan claims to support objectives the strategy does not have. */
  | { kind: 'plan-supports'; plan: number; problems: StrategyProblem[] }
  /** A plan's id is one the comparison keeps for itself, or another plan's. */
  | { kind: 'plan-name'; plan: number; reason: 'reserved' }
  | { kind: 'plan-name'; plan: number; reason: 'duplicate'; first: number }
  /** The plans' changes cannot be applied (one plan, or all together). */
  | { kind: 'plan-changes'; plans: number[]; problems: PlanProblem[] }
  /** The changed config is not a machine xstate can build. */
  | { kind: 'plan-build'; plans: number[]; message: string }
  /** The changed model has errors. */
  | { kind: 'plan-model-errors'; plans: number[]; diagnostics: Diagnostic[] }
  /** Stopped because it was no longer wanted. */
  | { kind: 'cancelled' };

/** A comparison with the models it compared: the writers word it from these (toComparisonText and the others in carepaths/report). */
export interface ComparisonResult {
  comparison: Comparison;
  baseline: CareGraph;
  /** Each plan's changed model, in the order of the comparison's scenarios after the baseline. */
  graphs: CareGraph[];
}

/** A comparison made, with the models it compared, or why it could not be. */
export type ComparisonRun = ({ ok: true } & ComparisonResult) | { ok: false; problem: ComparisonProblem };

/** Ids the comparison keeps for its own scenarios. */
export const reservedPlanIds = ['baseline', 'all-plans'] as const;

/**
 * Tests plans against a strategy: checks the model and the strategy's measures, applies each plan
 * (and, with `together`, all of them at once) to a copy of the machine config, checks every changed
 * model, runs the discrete-event replications on worker threads where an objective needs them, and
 * compares. Every problem comes back as data, for the caller to word.
 */
export async function runComparison(input: ComparisonInput): Promise<ComparisonRun> {
  const fail = (problem: ComparisonProblem): ComparisonRun => ({ ok: false, problem });
  const checked = checkModel(input.machine);
  if (!checked.ok || !checked.graph) return fail({ kind: 'model-errors', diagnostics: checked.diagnostics.filter((d) => d.severity === 'error') });
  const baseline = checked.graph;
  const { strategy, plans } = input;
  const measureProblems = checkMeasures(baseline, strategy.objectives, 'objectives');
  if (measureProblems.length) return fail({ kind: 'strategy-measures', problems: measureProblems });
  const named = checkPlans(strategy, plans);
  if (named) return fail(named);

  const config = input.machine.config as MachineConfig;
  const scenarios: { plan: Plan; graph: CareGraph }[] = [];
  for (let i = 0; i < plans.length; i++) {
    const changed = toChangedGraph(input.machine, config, [plans[i]!], [i]);
    if ('problem' in changed) return fail(changed.problem);
    scenarios.push({ plan: plans[i]!, graph: changed.graph });
  }
  if (input.together && plans.length > 1) {
    const changed = toChangedGraph(
      input.machine,
      config,
      plans,
      plans.map((_, i) => i),
    );
    if ('problem' in changed) return fail(changed.problem);
    scenarios.push({ plan: toAllPlans(plans), graph: changed.graph });
  }

  const kept = input.exactOnly ? strategy.objectives.filter((o) => getMeasureSource(o.measure) === 'exact') : strategy.objectives;
  const graphs = [baseline, ...scenarios.map((s) => s.graph)];
  const desTallies = kept.some((o) => getMeasureSource(o.measure) === 'des')
    ? ((await runReplications(
        { graphs, mode: 'des', montecarlo: defaultMonteCarloOptions, des: toDesOptions(strategy.simulation) },
        { workers: input.workers ?? 1, ...(input.cancelled ? { cancelled: input.cancelled } : {}) },
      )) as DesTally[][])
    : undefined;
  if (input.cancelled?.()) return fail({ kind: 'cancelled' });
  const comparison = getComparison(baseline, { ...strategy, objectives: kept }, scenarios, {
    ...(desTallies ? { desTallies } : {}),
    leftOut: strategy.objectives.filter((o) => !kept.includes(o)).map((o) => ({ id: o.id, title: o.title })),
  });
  return { ok: true, comparison, baseline, graphs: scenarios.map((s) => s.graph) };
}

/** The first problem with the plans as a set: objectives they claim that the strategy lacks, reserved or repeated ids. */
function checkPlans(strategy: Strategy, plans: Plan[]): ComparisonProblem | undefined {
  const ids = strategy.objectives.map((o) => o.id);
  for (let i = 0; i < plans.length; i++) {
    const unknown = plans[i]!.supports.flatMap((s, k) =>
      ids.includes(s)
        ? []
        : [{ at: `supports[${k + 1}]`, message: `"${s}" is not an objective of the strategy.`, hint: `The strategy's objectives are: ${ids.join(', ')}.` }],
    );
    if (unknown.length) return { kind: 'plan-supports', plan: i, problems: unknown };
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < plans.length; i++) {
    const id = plans[i]!.id;
    if ((reservedPlanIds as readonly string[]).includes(id)) return { kind: 'plan-name', plan: i, reason: 'reserved' };
    if (seen.has(id)) return { kind: 'plan-name', plan: i, reason: 'duplicate', first: seen.get(id)! };
    seen.set(id, i);
  }
  return undefined;
}

/** Every plan applied at once, as one more scenario. */
function toAllPlans(plans: Plan[]): Plan {
  return {
    id: 'all-plans',
    name: 'All plans together',
    owner: '',
    description: `Every plan applied at once: ${plans.map((p) => p.name).join('; ')}.`,
    supports: [...new Set(plans.flatMap((p) => p.supports))],
    evidence: [],
    changes: plans.flatMap((p) => p.changes),
  };
}

/** Applies plans to the config and builds the changed machine with the model's own guards and actions (not yet checked). */
export function toChangedMachine(
  machine: AnyStateMachine,
  config: MachineConfig,
  plans: Plan[],
  indices: number[],
): { machine: AnyStateMachine } | { problem: ComparisonProblem } {
  const applied = applyPlans(config, plans);
  if (applied.problems.length) return { problem: { kind: 'plan-changes', plans: indices, problems: applied.problems } };
  try {
    return { machine: toCareMachine(applied.config).provide(machine.implementations as Parameters<AnyStateMachine['provide']>[0]) as AnyStateMachine };
  } catch (error) {
    return { problem: { kind: 'plan-build', plans: indices, message: (error as Error).message.split('\n')[0]! } };
  }
}

/** Applies plans to the config, builds the changed machine with the model's own guards and actions, and checks it. */
export function toChangedGraph(
  machine: AnyStateMachine,
  config: MachineConfig,
  plans: Plan[],
  indices: number[],
): { graph: CareGraph } | { problem: ComparisonProblem } {
  const changed = toChangedMachine(machine, config, plans, indices);
  if ('problem' in changed) return changed;
  return toCheckedGraph(checkModel(changed.machine), indices);
}

/** A changed model's check: its graph, or its errors as the plans' problem. */
export function toCheckedGraph(result: CheckResult, indices: number[]): { graph: CareGraph } | { problem: ComparisonProblem } {
  if (!result.ok || !result.graph)
    return { problem: { kind: 'plan-model-errors', plans: indices, diagnostics: result.diagnostics.filter((d) => d.severity === 'error') } };
  return { graph: result.graph };
}
