import type { CareGraph } from '../../graph/types.ts';
import { defaultClockThresholds } from '../../simulate/summariseDes.ts';
import { getMean, getQuantile } from '../../simulate/Histogram.ts';
import type { Measure } from '../types.ts';
import { orZero, toStatisticText, type MeasureDefinition, type MeasureReader } from './types.ts';

type Clock = Extract<Measure, { kind: 'clock' }>;
type ShareOver = Extract<Measure, { kind: 'clock-share-over' }>;
type HoursBeyond = Extract<Measure, { kind: 'clock-hours-beyond' }>;

const clocksOf = (graph: CareGraph) => graph.meta.clocks ?? [];

/** A clock the model declares, by id. */
function checkClock(graph: CareGraph, id: string): { problem: string; hint: string } | undefined {
  const ids = clocksOf(graph).map((c) => c.id);
  if (ids.includes(id)) return undefined;
  return {
    problem: `The model has no clock "${id}".`,
    hint: ids.length ? `Its clocks are: ${ids.join(', ')}.` : 'Declare clocks in the model: meta: { clocks: [{ id, label, from, to }] }.',
  };
}

/** The clock's thresholds must include the minutes a measure asks about (they are counted as the simulation runs). */
function checkThreshold(graph: CareGraph, id: string, minutes: number): { problem: string; hint: string } | undefined {
  const missing = checkClock(graph, id);
  if (missing) return missing;
  const over = clocksOf(graph).find((c) => c.id === id)!.over ?? defaultClockThresholds;
  if (over.includes(minutes)) return undefined;
  return {
    problem: `The clock "${id}" does not count readings over ${minutes} minutes.`,
    hint: `Add ${minutes} to its over list; it counts ${over.join(', ')}.`,
  };
}

const readThreshold = (r: MeasureReader, kind: 'clock-share-over' | 'clock-hours-beyond') => {
  r.only(['kind', 'clock', 'minutes']);
  const clock = r.text('clock');
  const minutes = r.number('minutes');
  return clock && minutes !== undefined ? { kind, clock, minutes } : undefined;
};

const clockIndex = (graph: CareGraph, id: string) => clocksOf(graph).findIndex((c) => c.id === id);
const thresholdIndex = (graph: CareGraph, id: string, minutes: number) =>
  (clocksOf(graph).find((c) => c.id === id)?.over ?? defaultClockThresholds).indexOf(minutes);
/** A clock by the first part of its label (“Category 2 response”), or by its id when the model is not to hand. */
const clockLabel = (graph: CareGraph | undefined, id: string) => {
  const label = graph?.meta.clocks?.find((c) => c.id === id)?.label;
  return label ? `“${label.split(' (')[0]}”` : `clock "${id}"`;
};

/** One of the model's clocks: its mean, median or 90th centile. */
export const clock: MeasureDefinition<Clock> = {
  kind: 'clock',
  unit: 'minutes',
  fields: ['clock (an id from meta.clocks)', 'statistic (mean, p50 or p90)'],
  summary: "one of the model's clocks (meta.clocks), such as a response or handover time; discrete-event simulation",
  source: () => 'des',
  read(r) {
    r.only(['kind', 'clock', 'statistic']);
    const id = r.text('clock');
    const statistic = r.statistic(['mean', 'p50', 'p90']) as Clock['statistic'] | undefined;
    return id && statistic ? { kind: 'clock', clock: id, statistic } : undefined;
  },
  check: (graph, m) => checkClock(graph, m.clock),
  text: (m, _label, graph) => `${toStatisticText(m.statistic)} of ${clockLabel(graph, m.clock)}`,
  value(m, c) {
    const i = clockIndex(c.graph, m.clock);
    return c.simulated((t) => {
      const times = t.clocks[i]!.times;
      return m.statistic === 'mean' ? orZero(getMean(times)) : orZero(getQuantile(times, m.statistic === 'p50' ? 0.5 : 0.9));
    });
  },
};

/** The share of a clock's readings over a number of minutes. */
export const clockShareOver: MeasureDefinition<ShareOver> = {
  kind: 'clock-share-over',
  unit: 'share',
  fields: ['clock', 'minutes (one of the clock’s thresholds)'],
  summary: "share of a clock's readings over a number of minutes, such as handovers over 30 minutes; discrete-event simulation",
  source: () => 'des',
  read: (r) => readThreshold(r, 'clock-share-over') as ShareOver | undefined,
  check: (graph, m) => checkThreshold(graph, m.clock, m.minutes),
  text: (m, _label, graph) => `share of ${clockLabel(graph, m.clock)} over ${m.minutes} minutes`,
  value(m, c) {
    const i = clockIndex(c.graph, m.clock);
    const k = thresholdIndex(c.graph, m.clock, m.minutes);
    return c.simulated((t) => (t.clocks[i]!.times.count ? t.clocks[i]!.over[k]! / t.clocks[i]!.times.count : 0));
  },
};

/** Hours a day beyond a number of minutes on a clock: crew hours lost to handover delays, for example. */
export const clockHoursBeyond: MeasureDefinition<HoursBeyond> = {
  kind: 'clock-hours-beyond',
  unit: 'count',
  fields: ['clock', 'minutes (one of the clock’s thresholds)'],
  summary: 'hours a day beyond a number of minutes on a clock, such as crew hours lost to handovers beyond 30 minutes; discrete-event simulation',
  source: () => 'des',
  read: (r) => readThreshold(r, 'clock-hours-beyond') as HoursBeyond | undefined,
  check: (graph, m) => checkThreshold(graph, m.clock, m.minutes),
  text: (m, _label, graph) => `hours a day beyond ${m.minutes} minutes on ${clockLabel(graph, m.clock)}`,
  value(m, c) {
    const i = clockIndex(c.graph, m.clock);
    const k = thresholdIndex(c.graph, m.clock, m.minutes);
    return c.simulated((t) => t.clocks[i]!.beyond[k]! / 60 / c.days);
  },
};
