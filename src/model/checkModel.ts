import type { AnyStateMachine } from 'xstate';
import { compileCareGraph, getProvenance, getStateInfo } from '../graph/compileCareGraph.ts';
import { renumberCareGraph } from '../graph/renumberCareGraph.ts';
import type { CareGraph, CompileOptions } from '../graph/types.ts';
import { checkAgencies } from './rules/checkAgencies.ts';
import { checkAssumptions } from './rules/checkAssumptions.ts';
import { checkBands } from './rules/checkBands.ts';
import { checkArrivalsAndClocks } from './rules/checkArrivalsAndClocks.ts';
import { checkOutcomeWords } from './rules/checkOutcomeWords.ts';
import { checkCapacities } from './rules/checkCapacities.ts';
import { checkDescriptions } from './rules/checkDescriptions.ts';
import { checkDurations } from './rules/checkDurations.ts';
import { checkFeatures } from './rules/checkFeatures.ts';
import { checkFunctions } from './rules/checkFunctions.ts';
import { checkModelMeta } from './rules/checkModelMeta.ts';
import { checkOutcomes } from './rules/checkOutcomes.ts';
import { checkParallelRegions } from './rules/checkParallelRegions.ts';
import { checkPriorities } from './rules/checkPriorities.ts';
import { checkProbabilities } from './rules/checkProbabilities.ts';
import { checkReachability } from './rules/checkReachability.ts';
import { checkResources } from './rules/checkResources.ts';
import { checkV4Syntax } from './rules/checkV4Syntax.ts';
import { checkWaiting } from './rules/checkWaiting.ts';
import type { Rule, RuleInput } from './rules/types.ts';
import type { Diagnostic } from './types.ts';

/** Every model check, in the order their findings are most useful to read. */
export const rules: readonly Rule[] = [
  checkModelMeta,
  checkFeatures,
  checkV4Syntax,
  checkAgencies,
  checkBands,
  checkFunctions,
  checkDurations,
  checkCapacities,
  checkResources,
  checkWaiting,
  checkArrivalsAndClocks,
  checkParallelRegions,
  checkPriorities,
  checkProbabilities,
  checkOutcomes,
  checkOutcomeWords,
  checkReachability,
  checkDescriptions,
  checkAssumptions,
];

/** The result of checking a model. */
export interface CheckResult {
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  /** Everything found, errors first, then in the order of the states in the model. */
  diagnostics: Diagnostic[];
  /** The compiled graph, when compilation finished (present even when there are errors). */
  graph?: CareGraph;
}

/** Compiles a machine and runs every model check over it. */
export function checkModel(machine: AnyStateMachine, options: Partial<CompileOptions> = {}): CheckResult {
  const compiled = compileCareGraph(machine, options);
  const states = compiled.graph?.stateInfo ?? getStateInfo(machine);
  return runRules(
    { modelId: machine.root.id, states, config: machine.config as Record<string, unknown>, ...(compiled.graph ? { graph: compiled.graph } : {}) },
    compiled.diagnostics,
  );
}

/**
 * Checks a config that differs from a compiled model's only in numbers (see `renumberCareGraph`):
 * the same result as building and checking it, without walking the machine again. Undefined when
 * the compiled graph cannot be renumbered here.
 */
export function checkRenumbered(base: CareGraph, config: Record<string, unknown>): CheckResult | undefined {
  const graph = renumberCareGraph(base, config);
  if (!graph) return undefined;
  return runRules({ modelId: base.modelId, states: graph.stateInfo, config, graph }, getProvenance(base)!.diagnostics);
}

function runRules(input: RuleInput, compiling: Diagnostic[]): CheckResult {
  const { states, graph } = input;
  const found = [...compiling, ...rules.flatMap((rule) => rule(input))];
  const diagnostics = sortDiagnostics(
    dedupe(found),
    states.map((s) => s.path),
  );
  return {
    ok: !diagnostics.some((d) => d.severity === 'error'),
    diagnostics,
    ...(graph ? { graph } : {}),
  };
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = [d.code, d.path, d.message].join('\u0000');
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Errors first; then by where the state stands in the model; stable otherwise. */
function sortDiagnostics(diagnostics: Diagnostic[], order: string[]): Diagnostic[] {
  const position = new Map(order.map((p, i) => [p, i]));
  const rank = (d: Diagnostic) => position.get(d.path.split(' + ')[0]!) ?? -1;
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.severity === b.d.severity ? 0 : a.d.severity === 'error' ? -1 : 1) || rank(a.d) - rank(b.d) || a.i - b.i)
    .map(({ d }) => d);
}
