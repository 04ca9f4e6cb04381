import { getMean, getQuantile } from '../../simulate/Histogram.ts';
import type { Measure } from '../types.ts';
import { checkQueueState } from './queueMeasures.ts';
import { orZero, toStatisticText, type MeasureDefinition } from './types.ts';

type Wait = Extract<Measure, { kind: 'wait' }>;

/** Wait for units at a state that uses a resource. */
export const wait: MeasureDefinition<Wait> = {
  kind: 'wait',
  unit: 'minutes',
  fields: ['state', 'statistic (mean or p90)'],
  summary: 'wait for units at a state that uses a resource (from being routed there to getting them); discrete-event simulation',
  source: () => 'des',
  read(r) {
    r.only(['kind', 'state', 'statistic']);
    const state = r.text('state');
    const statistic = r.statistic(['mean', 'p90']) as 'mean' | 'p90' | undefined;
    return state && statistic ? { kind: 'wait', state, statistic } : undefined;
  },
  check: (graph, m) => checkQueueState(graph, m.state),
  text: (m, label) => `${toStatisticText(m.statistic)} wait at ${label({ state: m.state })}`,
  value(m, c) {
    const room = c.roomOf(m.state);
    return c.simulated((t) => {
      const waits = t.roomWaits[room];
      return !waits ? 0 : m.statistic === 'mean' ? orZero(getMean(waits)) : orZero(getQuantile(waits, 0.9));
    });
  },
};
