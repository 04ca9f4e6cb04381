import type { AnyStateMachine } from 'xstate';
import type { CareGraph } from '../graph/types.ts';
import type { Assumption } from '../model/getAssumptions.ts';
import { checkModel } from '../model/checkModel.ts';
import { runReplications } from '../simulate/runReplications.ts';
import { defaultMonteCarloOptions } from '../simulate/runMonteCarlo.ts';
import type { DesTally } from '../simulate/types.ts';
import { getMeasureValues, toDesOptions } from '../strategy/getMeasureValues.ts';
import { getMeasureSource } from '../strategy/measureCatalogue.ts';
import type { MeasureValue } from '../strategy/measures/types.ts';
import type { Measure, StrategySimulation } from '../strategy/types.ts';
import { toAssumptionModel } from './createAssumptionModel.ts';

/** Measures taken on the model with its assumptions at given values, or why the model cannot be built there. */
export type AssumptionResult = { values: MeasureValue[] } | { problem: string };

/** Measures the model at given values of its assumptions: one set of values at a time, or several together. */
export interface AssumptionEvaluator {
  (values: number[]): AssumptionResult;
  /** Several sets of values at once, their discrete-event replications shared out over `workers` threads. */
  many(list: number[][], workers: number): Promise<AssumptionResult[]>;
  /** Model evaluations made so far. */
  calls(): number;
  /** Whether a measure is simulated (discrete-event), so that evaluations are best shared out with `many`. */
  simulates: boolean;
}

/**
 * Measures the model with its assumptions at the given values. Simulated measures use the same
 * random streams at every call (replication r uses stream r of the seed), so differences between
 * calls are the assumptions' doing, not noise: common random numbers.
 */
export function createAssumptionEvaluator(
  machine: AnyStateMachine,
  assumptions: Assumption[],
  measures: Measure[],
  simulation: StrategySimulation,
): AssumptionEvaluator {
  let calls = 0;
  // Compiled once; every evaluation puts its numbers into this graph.
  const base = checkModel(machine).graph;
  const needsDes = measures.some((m) => getMeasureSource(m) === 'des');
  const measure = (graph: CareGraph, tallies?: DesTally[]) => ({ values: getMeasureValues(graph, measures, simulation, tallies) });
  const evaluate = (values: number[]): AssumptionResult => {
    calls++;
    const built = toAssumptionModel(machine, assumptions, values, base);
    return 'problem' in built ? built : measure(built.graph);
  };
  const many = async (list: number[][], workers: number): Promise<AssumptionResult[]> => {
    calls += list.length;
    const built = list.map((values) => toAssumptionModel(machine, assumptions, values, base));
    const graphs = built.flatMap((b) => ('graph' in b ? [b.graph] : []));
    const tallies =
      needsDes && graphs.length
        ? ((await runReplications({ graphs, mode: 'des', montecarlo: defaultMonteCarloOptions, des: toDesOptions(simulation) }, { workers })) as DesTally[][])
        : undefined;
    let g = 0;
    return built.map((b) => ('problem' in b ? b : measure(b.graph, tallies?.[g++])));
  };
  return Object.assign(evaluate, { many, calls: () => calls, simulates: needsDes });
}

/** The assumptions' values as the model gives them. */
export const toBaseValues = (assumptions: Assumption[]) => assumptions.map((a) => a.value!);
