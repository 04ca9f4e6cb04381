import type { Measure } from '../types.ts';
import type { MeasureDefinition } from './types.ts';

type Handoffs = Extract<Measure, { kind: 'handoffs' }>;

/** Mean handoffs between agencies per request. */
export const handoffs: MeasureDefinition<Handoffs> = {
  kind: 'handoffs',
  unit: 'count',
  fields: [],
  summary: 'mean handoffs between agencies per request; exact',
  source: () => 'exact',
  read(r) {
    r.only(['kind']);
    return { kind: 'handoffs' };
  },
  check: () => undefined,
  text: () => 'handoffs between agencies per request',
  value: (_, c) => ({ value: c.markov.expectedHandoffs }),
};
