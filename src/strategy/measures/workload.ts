import { getBedNodes } from '../../simulate/getFlowPlan.ts';
import type { Measure } from '../types.ts';
import { getSelectedNodes } from './getSelectedNodes.ts';
import type { MeasureDefinition } from './types.ts';

type Workload = Extract<Measure, { kind: 'workload' }>;

/**
 * Minutes of an agency's time a day: requests × visits × mean duration; with `part`, only the
 * time in states that hold a bed (`beds`: a resource declared `kind: 'beds'`) or only the rest
 * (`staff`).
 */
export const workload: MeasureDefinition<Workload> = {
  kind: 'workload',
  unit: 'minutes',
  fields: ['agency', 'part (optional: staff or beds)'],
  summary: 'minutes of an agency’s time a day: requests × visits × mean duration (part: staff, or beds for time holding a bed); exact',
  source: () => 'exact',
  read(r) {
    r.only(['kind', 'agency', 'part']);
    const agency = r.text('agency');
    const part = r.names('part');
    if (part !== undefined && part !== 'staff' && part !== 'beds') {
      r.problem(`part must be staff or beds (it is ${JSON.stringify(part)}).`, 'Leave part out for all of the agency’s time.');
      return undefined;
    }
    return agency ? { kind: 'workload', agency, ...(part ? { part } : {}) } : undefined;
  },
  check(graph, m) {
    const found = getSelectedNodes(graph, { agency: m.agency });
    if ('problem' in found) return found;
    if (!graph.meta.demand) return { problem: 'a workload measure needs the model’s demand (requests a day).', hint: 'Add meta.demand to the model.' };
    return undefined;
  },
  text: (m, label) => `${label({ agency: m.agency })} ${m.part === 'beds' ? 'bed time' : m.part === 'staff' ? 'staff time' : 'workload'}, minutes a day`,
  value: (m, c) => {
    const beds = m.part ? getBedNodes(c.graph) : undefined;
    const counts = (v: number) => !beds || (m.part === 'beds') === (beds[v] === 1);
    return { value: c.perDay * c.sum(c.mask({ agency: m.agency }), (v) => (counts(v) ? c.markov.visits[v]! * c.g.minutes[v]! : 0)) };
  },
};
