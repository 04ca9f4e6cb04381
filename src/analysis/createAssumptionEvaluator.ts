import type { AnyStateMachine } from 'xstate';
import type { Assumption } from '../model/getAssumptions.ts';
import { getMeasureValues } from '../strategy/getMeasureValues.ts';
import type { MeasureValue } from '../strategy/measures/types.ts';
import type { Measure, StrategySimulation } from '../strategy/types.ts';
import { toAssumptionModel } from './createAssumptionModel.ts';

/** Measures taken on the model with its assumptions at given values, or why the model cannot be built there. */
export type AssumptionEvaluator = (values: number[]) => { values: MeasureValue[] } | { problem: string };

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
): AssumptionEvaluator & { calls: () => number } {
  let calls = 0;
  const evaluate = (values: number[]) => {
    calls++;
    const built = toAssumptionModel(machine, assumptions, values);
    if ('problem' in built) return built;
    return { values: getMeasureValues(built.graph, measures, simulation) };
  };
  return Object.assign(evaluate, { calls: () => calls });
}

/** The assumptions' values as the model gives them. */
export const toBaseValues = (assumptions: Assumption[]) => assumptions.map((a) => a.value!);
