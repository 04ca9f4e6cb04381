import type { Measure } from '../types.ts';
import { checkQueueState } from './queueMeasures.ts';
import type { MeasureDefinition } from './types.ts';

type Utilisation = Extract<Measure, { kind: 'utilisation' }>;

/** Share of server time in use at a state with capacity. */
export const utilisation: MeasureDefinition<Utilisation> = {
  kind: 'utilisation',
  unit: 'share',
  fields: ['state'],
  summary: 'share of a resource’s unit-time in use (serving or blocked), by resource id or a state that uses it; discrete-event simulation',
  source: () => 'des',
  read(r) {
    r.only(['kind', 'state']);
    const state = r.text('state');
    return state ? { kind: 'utilisation', state } : undefined;
  },
  check: (graph, m) => checkQueueState(graph, m.state),
  text: (m, label) => `utilisation of ${label({ state: m.state })}`,
  value(m, c) {
    const k = c.resourceOf(m.state);
    return c.simulated((t) => (k >= 0 && t.availableMinutes[k]! ? t.busyMinutes[k]! / t.availableMinutes[k]! : 0));
  },
};
