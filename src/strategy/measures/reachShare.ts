import { getHittingProbabilities } from '../../markov/solveChain.ts';
import type { Measure } from '../types.ts';
import { checkSelection } from './getSelectedNodes.ts';
import type { MeasureDefinition } from './types.ts';

type ReachShare = Extract<Measure, { kind: 'reach-share' }>;

/** Share of requests that reach the selected states at least once. */
export const reachShare: MeasureDefinition<ReachShare> = {
  kind: 'reach-share',
  unit: 'share',
  fields: ['state, agency, function or outcome'],
  summary: 'share of requests that reach the selected states at least once; exact',
  source: () => 'exact',
  read(r) {
    r.only(['kind', 'state', 'agency', 'function', 'outcome']);
    const s = r.selector(true);
    return s ? { kind: 'reach-share', ...s } : undefined;
  },
  check: checkSelection,
  text: (m, label) => `share of requests reaching ${label(m)}`,
  value: (m, c) => ({ value: getHittingProbabilities(c.g, c.mask(m))[0]! }),
};
