import type { Measure } from '../types.ts';
import { getSelectedNodes } from './getSelectedNodes.ts';
import type { MeasureDefinition } from './types.ts';

type Workload = Extract<Measure, { kind: 'workload' }>;

/** Minutes of an agency's time a day: requests × visits × mean duration. */
export const workload: MeasureDefinition<Workload> = {
  kind: 'workload',
  unit: 'minutes',
  fields: ['agency'],
  summary: 'minutes of an agency’s time a day: requests × visits × mean duration; exact',
  source: () => 'exact',
  read(r) {
    r.only(['kind', 'agency']);
    const agency = r.text('agency');
    return agency ? { kind: 'workload', agency } : undefined;
  },
  check(graph, m) {
    const found = getSelectedNodes(graph, { agency: m.agency });
    if ('problem' in found) return found;
    if (!graph.meta.demand) return { problem: 'a workload measure needs the model’s demand (requests a day).', hint: 'Add meta.demand to the model.' };
    return undefined;
  },
  text: (m, label) => `${label({ agency: m.agency })} workload, minutes a day`,
  value: (m, c) => ({ value: c.perDay * c.sum(c.mask({ agency: m.agency }), (v) => c.markov.visits[v]! * c.g.minutes[v]!) }),
};
