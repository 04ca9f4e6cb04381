import type { Measure } from '../types.ts';
import { outcomeShare } from './outcomeShare.ts';
import { checkNeedsDemand } from './perDay.ts';
import type { MeasureDefinition } from './types.ts';

type EndsPerDay = Extract<Measure, { kind: 'ends-per-day' }>;

/**
 * Requests a day ending in an outcome, as simulated: it counts the outcomes reached only by ways
 * taken on a condition (a patient leaving without being seen, a call abandoned), which exact
 * analysis leaves out.
 */
export const endsPerDay: MeasureDefinition<EndsPerDay> = {
  kind: 'ends-per-day',
  unit: 'count',
  fields: ['outcome or state'],
  summary:
    'requests a day ending in an outcome category (or outcome state), as simulated, such as those leaving ED without being seen; discrete-event simulation',
  source: () => 'des',
  read(r) {
    const m = outcomeShare.read(r);
    return m ? ({ ...m, kind: 'ends-per-day' } as EndsPerDay) : undefined;
  },
  check: (graph, m) => outcomeShare.check(graph, { ...m, kind: 'outcome-share' }) ?? checkNeedsDemand(graph, 'an ends-per-day measure'),
  text: (m, label) => `requests a day ending in ${label(m)} (simulated)`,
  value(m, c) {
    const mask = c.mask(m.state ? { state: m.state } : { outcome: m.outcome! });
    return c.simulated((t) => {
      let ends = 0;
      for (let v = 0; v < mask.length; v++) if (mask[v]) ends += t.ends[v]!;
      return ends / c.days;
    });
  },
};
