import type { Measure, TimeStatistic } from '../types.ts';
import { checkSelection } from './getSelectedNodes.ts';
import { timeStatistics, toStatisticText, type MeasureDefinition } from './types.ts';

type TimeTo = Extract<Measure, { kind: 'time-to' }>;

/** Time until a request first reaches the selected states (or its outcome, if it never does). */
export const timeTo: MeasureDefinition<TimeTo> = {
  kind: 'time-to',
  unit: 'minutes',
  fields: ['statistic', 'state, agency, function or outcome'],
  summary: 'time until the request first reaches the selected states (or its outcome if it never does); Monte Carlo',
  source: () => 'montecarlo',
  read(r) {
    r.only(['kind', 'statistic', 'state', 'agency', 'function', 'outcome']);
    const statistic = r.statistic(timeStatistics) as TimeStatistic | undefined;
    const s = r.selector(true);
    return statistic && s ? { kind: 'time-to', statistic, ...s } : undefined;
  },
  check: checkSelection,
  text: (m, label) => `${toStatisticText(m.statistic)} time until ${label(m)}`,
  value: (_, c) => c.montecarlo!,
  timed: (m) => ({ target: m, statistic: m.statistic }),
};
