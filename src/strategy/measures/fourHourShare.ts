import type { Measure } from '../types.ts';
import { checkSelection } from './getSelectedNodes.ts';
import type { MeasureDefinition } from './types.ts';

type FourHourShare = Extract<Measure, { kind: 'four-hour-share' }>;

/** Share of stays with an agency that end within four hours (the ED standard). */
export const fourHourShare: MeasureDefinition<FourHourShare> = {
  kind: 'four-hour-share',
  unit: 'share',
  fields: ['agency (or a list: the stays with any of them, pooled)'],
  summary: 'share of stays with an agency that end within four hours (the ED standard); discrete-event simulation',
  source: () => 'des',
  read(r) {
    r.only(['kind', 'agency']);
    const agency = r.names('agency');
    if (agency === undefined) r.problem('a four-hour-share measure needs agency: an agency id, or a list of them.');
    return agency ? { kind: 'four-hour-share', agency } : undefined;
  },
  check: (graph, m) => checkSelection(graph, { agency: m.agency }),
  text: (m, label) => `share of ${label({ agency: m.agency })} stays within four hours`,
  value(m, c) {
    const ids = Array.isArray(m.agency) ? m.agency : [m.agency];
    const agencies = c.graph.agencies.flatMap((x, i) => (ids.includes(x.id) ? [i] : []));
    return c.simulated((t) => {
      const count = agencies.reduce((s, a) => s + t.stays[a]!.count, 0);
      return count ? agencies.reduce((s, a) => s + t.staysWithin[a]!, 0) / count : 0;
    });
  },
};
