import type { Measure } from '../types.ts';
import { asList, getSelectedNodes } from './getSelectedNodes.ts';
import type { MeasureDefinition } from './types.ts';

type OutcomeShare = Extract<Measure, { kind: 'outcome-share' }>;

/** Share of requests ending in an outcome category (or outcome state). */
export const outcomeShare: MeasureDefinition<OutcomeShare> = {
  kind: 'outcome-share',
  unit: 'share',
  fields: ['outcome or state'],
  summary: 'share of requests ending in an outcome category (or outcome state); exact',
  source: () => 'exact',
  read(r) {
    r.only(['kind', 'outcome', 'state']);
    const s = r.selector(true);
    if (s && (s.agency || s.function))
      r.problem(
        'an outcome-share measure names an outcome category or an outcome state, not an agency or function.',
        'Use reach-share for the share of requests that reach an agency or function.',
      );
    else if (s) return { kind: 'outcome-share', ...(s.outcome ? { outcome: s.outcome } : { state: s.state! }) } as OutcomeShare;
    return undefined;
  },
  check(graph, m) {
    const found = getSelectedNodes(graph, m.state ? { state: m.state } : { outcome: m.outcome! });
    if ('problem' in found) return found;
    if (m.state && !found.nodes.some((n) => n.isOutcome))
      return {
        problem: `${asList(m.state).join(', ')} is not an outcome state.`,
        hint: 'Use reach-share for the share of requests that reach a state on the way.',
      };
    return undefined;
  },
  text: (m, label) => `share of requests ending in ${label(m)}`,
  value: (m, c) => ({ value: c.sum(c.mask(m.state ? { state: m.state } : { outcome: m.outcome! }), (v) => (c.g.outcome[v] ? c.markov.visits[v]! : 0)) }),
};
