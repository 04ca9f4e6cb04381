import type { Measure } from '../types.ts';
import { checkSelection } from './getSelectedNodes.ts';
import { getEntries } from './perDay.ts';
import type { MeasureDefinition } from './types.ts';

type LengthOfStay = Extract<Measure, { kind: 'length-of-stay' }>;

/** Mean minutes in the selected states for each time a request comes into them: expected minutes there over expected entries. */
export const lengthOfStay: MeasureDefinition<LengthOfStay> = {
  kind: 'length-of-stay',
  unit: 'minutes',
  fields: ['state, agency, function or outcome'],
  summary: 'mean minutes in the selected states each time a request comes into them, leaving out waits for capacity; exact',
  source: () => 'exact',
  read(r) {
    r.only(['kind', 'state', 'agency', 'function', 'outcome']);
    const s = r.selector(true);
    return s ? { kind: 'length-of-stay', ...s } : undefined;
  },
  check: (graph, m) => checkSelection(graph, m),
  text: (m, label) => `mean length of stay in ${label(m)} (waits for capacity left out)`,
  value(m, c) {
    const mask = c.mask(m);
    const entries = getEntries(c, mask);
    return { value: entries > 0 ? c.sum(mask, (v) => c.markov.visits[v]! * c.g.minutes[v]!) / entries : 0 };
  },
};
