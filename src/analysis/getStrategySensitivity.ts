import type { AnyStateMachine } from 'xstate';
import { getAssumptions } from '../model/getAssumptions.ts';
import { getMeasureSource } from '../strategy/measureCatalogue.ts';
import type { Strategy } from '../strategy/types.ts';
import { getSensitivity, type SensitivityResult } from './getSensitivity.ts';

/**
 * Which of the model's ranged assumptions move each of the strategy's exact objectives most, one
 * at a time over their ranges: the tornado charts of the report and the comparison page. No slopes
 * and no joint samples (`carepaths fit --sensitivity --strategy` gives those), so that it takes a
 * second or two for the city. Undefined when the model marks no ranged assumption or the strategy
 * has no exact objective.
 */
export async function getStrategySensitivity(
  machine: AnyStateMachine,
  strategy: Strategy,
  options: { cancelled?: () => boolean } = {},
): Promise<SensitivityResult | undefined> {
  const assumptions = getAssumptions(machine.config as Record<string, unknown>).filter((a) => a.range && a.value !== undefined);
  const objectives = strategy.objectives.filter((o) => getMeasureSource(o.measure) === 'exact');
  if (!assumptions.length || !objectives.length) return undefined;
  return getSensitivity(
    machine,
    assumptions,
    objectives.map((o) => ({ id: o.id, title: o.title, kind: 'objective' as const, measure: o.measure })),
    { simulation: strategy.simulation, samples: 0, seed: 1, slopes: false, ...(options.cancelled ? { cancelled: options.cancelled } : {}) },
  );
}
