import type { Measure, TimeStatistic } from '../types.ts';
import { timeStatistics, toStatisticText, type MeasureDefinition } from './types.ts';

type TimeToOutcome = Extract<Measure, { kind: 'time-to-outcome' }>;

/** Time from the request to its outcome: the mean exactly, centiles by Monte Carlo. */
export const timeToOutcome: MeasureDefinition<TimeToOutcome> = {
  kind: 'time-to-outcome',
  unit: 'minutes',
  fields: ['statistic'],
  summary: 'time from the request to its outcome: mean (exact) or p50/p90/p95 (Monte Carlo)',
  source: (m) => (m.statistic === 'mean' ? 'exact' : 'montecarlo'),
  read(r) {
    r.only(['kind', 'statistic']);
    const statistic = r.statistic(timeStatistics) as TimeStatistic | undefined;
    return statistic ? { kind: 'time-to-outcome', statistic } : undefined;
  },
  check: () => undefined,
  text: (m) => `${toStatisticText(m.statistic)} time from request to outcome`,
  value: (m, c) => (m.statistic === 'mean' ? { value: c.markov.expectedMinutes } : c.montecarlo!),
  timed: (m) => (m.statistic === 'mean' ? undefined : { target: null, statistic: m.statistic }),
};
