import type { Measure } from '../types.ts';
import { checkSelection } from './getSelectedNodes.ts';
import type { MeasureDefinition } from './types.ts';

type FourHourShare = Extract<Measure, { kind: 'four-hour-share' }>;

/** Share of stays with an agency that end within four hours (the ED standard). */
export const fourHourShare: MeasureDefinition<FourHourShare> = {
  kind: 'four-hour-share',
  unit: 'share',
  fields: ['agency'],
  summary: 'share of stays with an agency that end within four hours (the ED standard); discrete-event simulation',
  source: () => 'des',
  read(r) {
    r.only(['kind', 'agency']);
    const agency = r.text('agency');
    return agency ? { kind: 'four-hour-share', agency } : undefined;
  },
  check: (graph, m) => checkSelection(graph, { agency: m.agency }),
  text: (m, label) => `share of ${label({ agency: m.agency })} stays within four hours`,
  value(m, c) {
    const a = c.graph.agencies.findIndex((x) => x.id === m.agency);
    return c.simulated((t) => (a >= 0 && t.stays[a]!.count ? t.staysWithin[a]! / t.stays[a]!.count : 0));
  },
};
