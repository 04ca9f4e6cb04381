import { getMean, getQuantile } from '../../simulate/Histogram.ts';
import type { Measure } from '../types.ts';
import { checkQueueState } from './queueMeasures.ts';
import { orZero, toStatisticText, type MeasureDefinition } from './types.ts';

type Wait = Extract<Measure, { kind: 'wait' }>;

/** Wait for a server at a state with capacity. */
export const wait: MeasureDefinition<Wait> = {
  kind: 'wait',
  unit: 'minutes',
  fields: ['state', 'statistic (mean or p90)'],
  summary: 'wait for a server at a state with capacity; discrete-event simulation',
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
    const v = c.poolOf(m.state);
    return c.simulated((t) => (v < 0 || !t.waits[v] ? 0 : m.statistic === 'mean' ? getMean(t.waits[v]!) : orZero(getQuantile(t.waits[v]!, 0.9))));
  },
};
