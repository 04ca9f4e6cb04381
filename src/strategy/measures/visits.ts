import type { Measure } from '../types.ts';
import { checkSelection } from './getSelectedNodes.ts';
import type { MeasureDefinition } from './types.ts';

type Visits = Extract<Measure, { kind: 'visits' }>;

/** Mean visits per request to the selected states. */
export const visits: MeasureDefinition<Visits> = {
  kind: 'visits',
  unit: 'count',
  fields: ['state, agency, function or outcome'],
  summary: 'mean visits per request to the selected states; exact',
  source: () => 'exact',
  read(r) {
    r.only(['kind', 'state', 'agency', 'function', 'outcome']);
    const s = r.selector(true);
    return s ? { kind: 'visits', ...s } : undefined;
  },
  check: checkSelection,
  text: (m, label) => `visits to ${label(m)} per request`,
  value: (m, c) => ({ value: c.sum(c.mask(m), (v) => c.markov.visits[v]!) }),
};
