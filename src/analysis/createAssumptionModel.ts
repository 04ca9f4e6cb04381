import type { AnyStateMachine } from 'xstate';
import type { CareGraph } from '../graph/types.ts';
import { isProbabilityAssumption, type Assumption } from '../model/getAssumptions.ts';
import { checkRenumbered } from '../model/checkModel.ts';
import { applyPlans, type MachineConfig } from '../strategy/applyPlans.ts';
import type { Plan, PlanChange } from '../strategy/types.ts';
import type { CalibrationResult } from './getCalibration.ts';
import { toChangedGraph, toCheckedGraph } from './runComparison.ts';

/** Fields that hold whole numbers (units, servers, places): assumptions on them move by whole units. */
export const isWholeField = (field: string) => /(^|\.)(units|servers|waitingRoom|places)$/.test(field);

/**
 * The changes that give assumptions new values: a `set` for each number, except probabilities,
 * which are set together for each state (one re-weighting, the state's other ways scaled to fit;
 * where every way out of a state is an assumption, their values are scaled to sum to 1).
 */
export function toAssumptionChanges(assumptions: Assumption[], values: number[], config: MachineConfig): PlanChange[] {
  const changes: PlanChange[] = [];
  const ways = new Map<string, Record<string, number>>();
  assumptions.forEach((a, i) => {
    const value = values[i]!;
    if (isProbabilityAssumption(a)) {
      const byState = ways.get(a.state) ?? {};
      byState[a.way] = value;
      ways.set(a.state, byState);
    } else changes.push({ change: 'set', state: a.state, ...(a.way ? { way: a.way } : {}), field: a.field, value });
  });
  for (const [state, set] of ways) {
    const all = Object.keys(getStateOn(config, state) ?? {});
    const covers = all.length > 0 && all.every((e) => e in set);
    const total = Object.values(set).reduce((x, y) => x + y, 0);
    const given = covers && total > 0 ? Object.fromEntries(Object.entries(set).map(([e, p]) => [e, p / total])) : set;
    changes.push({ change: 'reweight', state, ways: given, rebalance: !covers });
  }
  return changes;
}

function getStateOn(config: MachineConfig, path: string): Record<string, unknown> | undefined {
  let node = config as { states?: Record<string, unknown>; on?: Record<string, unknown> };
  for (const key of path.split('.').slice(1)) {
    node = node.states?.[key] as typeof node;
    if (!node) return undefined;
  }
  return node.on;
}

/**
 * The changes that give the model its fitted values: every number the calibration moved, and, at
 * each state where a probability moved, every probability the fit held there, so that the
 * state's other ways are scaled as they were in the fit.
 */
export function toFittedChanges(c: CalibrationResult, config: MachineConfig): PlanChange[] {
  const moved = (k: number) => c.after[k] !== c.before[k];
  const states = new Set(c.assumptions.flatMap((a, k) => (isProbabilityAssumption(a) && moved(k) ? [a.state] : [])));
  const picked = c.assumptions.flatMap((a, k) => (moved(k) || (isProbabilityAssumption(a) && states.has(a.state)) ? [k] : []));
  return toAssumptionChanges(
    picked.map((k) => c.assumptions[k]!),
    picked.map((k) => c.after[k]!),
    config,
  );
}

/**
 * The model with its assumptions at the given values, checked; or why it cannot be built. Given
 * the model's compiled graph, the numbers are put into it (`checkRenumbered`) rather than the
 * machine built and walked again: the same graph and findings, about ten times faster.
 */
export function toAssumptionModel(
  machine: AnyStateMachine,
  assumptions: Assumption[],
  values: number[],
  base?: CareGraph,
): { graph: CareGraph } | { problem: string } {
  const config = machine.config as MachineConfig;
  // No owner: the plan changes the model itself, not one agency's service.
  const changes = toAssumptionChanges(assumptions, values, config);
  const plan: Plan = { id: 'assumptions', name: 'Assumptions', owner: '', description: '', supports: [], evidence: [], changes };
  const changed = toRenumberedGraph(base, config, plan) ?? toChangedGraph(machine, config, [plan], [0]);
  if ('graph' in changed) return changed;
  const p = changed.problem;
  if (p.kind === 'plan-changes') return { problem: p.problems.map((x) => `${x.at}: ${x.message}`).join('; ') };
  if (p.kind === 'plan-model-errors') return { problem: p.diagnostics.map((d) => `${d.path}: ${d.message}`).join('; ') };
  return { problem: p.kind === 'plan-build' ? p.message : p.kind };
}

/** The plan's numbers put into the compiled graph, checked; undefined when there is no graph to put them in. */
function toRenumberedGraph(base: CareGraph | undefined, config: MachineConfig, plan: Plan): ReturnType<typeof toChangedGraph> | undefined {
  if (!base) return undefined;
  const applied = applyPlans(config, [plan]);
  if (applied.problems.length) return { problem: { kind: 'plan-changes', plans: [0], problems: applied.problems } };
  const result = checkRenumbered(base, applied.config);
  return result && toCheckedGraph(result, [0]);
}
