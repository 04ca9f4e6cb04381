import { getMean, getQuantile, mergeHistograms } from '../../simulate/Histogram.ts';
import type { Measure } from '../types.ts';
import { getSelectedNodes } from './getSelectedNodes.ts';
import { orZero, toStatisticText, type MeasureDefinition } from './types.ts';

type ResponseTime = Extract<Measure, { kind: 'response-time' }>;

/** At a dispatch state: from reaching the agency (the call) to the end of the state (arrival on scene). */
export const responseTime: MeasureDefinition<ResponseTime> = {
  kind: 'response-time',
  unit: 'minutes',
  fields: ['state', 'statistic (mean or p90)'],
  summary: 'at a dispatch state: from reaching the agency (the call) to the end of the state (arrival on scene); discrete-event simulation',
  source: () => 'des',
  read(r) {
    r.only(['kind', 'state', 'statistic']);
    const state = r.text('state');
    const statistic = r.statistic(['mean', 'p90']) as 'mean' | 'p90' | undefined;
    return state && statistic ? { kind: 'response-time', state, statistic } : undefined;
  },
  check(graph, m) {
    const found = getSelectedNodes(graph, { state: m.state });
    if ('problem' in found) return found;
    if (!found.nodes.some((n) => n.function === 'dispatch'))
      return {
        problem: `${m.state} is not a dispatch state, so it has no response time.`,
        hint: 'Name a state with function: dispatch, such as city.ambulance.category2Response.',
      };
    return undefined;
  },
  text: (m, label) => `${toStatisticText(m.statistic)} response time, ${label({ state: m.state })}`,
  value(m, c) {
    // Every configuration of the dispatch state counts (they differ only in context values).
    const nodes = c.graph.nodes.filter((n) => n.states.some((p) => p === m.state || p.startsWith(`${m.state}.`))).map((n) => n.index);
    return c.simulated((t) => {
      const all = mergeHistograms(nodes.flatMap((v) => (t.responses[v] ? [t.responses[v]!] : [])));
      return m.statistic === 'mean' ? getMean(all) : orZero(getQuantile(all, 0.9));
    });
  },
};
