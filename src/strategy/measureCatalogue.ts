import type { FieldReader } from './readFields.ts';
import type { Measure, MeasureKind, MeasureSource, MeasureUnit, StateSelector, TimeStatistic } from './types.ts';

/** What the catalogue knows about each kind of measure. */
export interface MeasureEntry {
  kind: MeasureKind;
  unit: MeasureUnit;
  /** Fields the measure needs, besides `kind`. */
  fields: readonly string[];
  /** One line for the README and --help. */
  summary: string;
}

const selector = ['state', 'agency', 'function', 'outcome'] as const;

/** The measures a strategy can use, in the order the README lists them. */
export const measureCatalogue: readonly MeasureEntry[] = [
  { kind: 'outcome-share', unit: 'share', fields: ['outcome or state'], summary: 'share of requests ending in an outcome category (or outcome state); exact' },
  {
    kind: 'reach-share',
    unit: 'share',
    fields: ['state, agency, function or outcome'],
    summary: 'share of requests that reach the selected states at least once; exact',
  },
  { kind: 'visits', unit: 'count', fields: ['state, agency, function or outcome'], summary: 'mean visits per request to the selected states; exact' },
  { kind: 'handoffs', unit: 'count', fields: [], summary: 'mean handoffs between agencies per request; exact' },
  {
    kind: 'time-to-outcome',
    unit: 'minutes',
    fields: ['statistic'],
    summary: 'time from the request to its outcome: mean (exact) or p50/p90/p95 (Monte Carlo)',
  },
  {
    kind: 'time-to',
    unit: 'minutes',
    fields: ['statistic', 'state, agency, function or outcome'],
    summary: 'time until the request first reaches the selected states (or its outcome if it never does); Monte Carlo',
  },
  { kind: 'workload', unit: 'minutes', fields: ['agency'], summary: 'minutes of an agency’s time a day: requests × visits × mean duration; exact' },
  {
    kind: 'wait',
    unit: 'minutes',
    fields: ['state', 'statistic (mean or p90)'],
    summary: 'wait for a server at a state with capacity; discrete-event simulation',
  },
  { kind: 'utilisation', unit: 'share', fields: ['state'], summary: 'share of server time in use at a state with capacity; discrete-event simulation' },
  {
    kind: 'response-time',
    unit: 'minutes',
    fields: ['state', 'statistic (mean or p90)'],
    summary: 'at a dispatch state: from reaching the agency (the call) to the end of the state (arrival on scene); discrete-event simulation',
  },
  {
    kind: 'four-hour-share',
    unit: 'share',
    fields: ['agency'],
    summary: 'share of stays with an agency that end within four hours (the ED standard); discrete-event simulation',
  },
];

const entryOf = new Map(measureCatalogue.map((e) => [e.kind, e]));

export const getMeasureUnit = (m: Measure): MeasureUnit => entryOf.get(m.kind)!.unit;

/** Exact measures need no simulation; time centiles need Monte Carlo; queues need the discrete-event simulation. */
export function getMeasureSource(m: Measure): MeasureSource {
  switch (m.kind) {
    case 'time-to-outcome':
      return m.statistic === 'mean' ? 'exact' : 'montecarlo';
    case 'time-to':
      return 'montecarlo';
    case 'wait':
    case 'utilisation':
    case 'response-time':
    case 'four-hour-share':
      return 'des';
    default:
      return 'exact';
  }
}

const statistics: readonly TimeStatistic[] = ['mean', 'p50', 'p90', 'p95'];

/** Reads a measure from a strategy file, recording problems against `at`. */
export function readMeasure(r: FieldReader, value: unknown, at: string): Measure | undefined {
  const o = r.object(value, at);
  if (!o) return undefined;
  const kind = r.text(o, 'kind', at) as MeasureKind | undefined;
  if (!kind) return undefined;
  const entry = entryOf.get(kind);
  if (!entry) {
    r.problem(`${at}.kind`, `"${kind}" is not a measure carepaths knows.`, `Use one of: ${measureCatalogue.map((e) => e.kind).join(', ')}.`);
    return undefined;
  }
  const readSelector = (required: boolean): StateSelector | undefined => {
    const chosen = selector.filter((k) => o[k] !== undefined);
    if (chosen.length !== 1) {
      if (chosen.length > 1 || required)
        r.problem(at, `a ${kind} measure needs exactly one of state, agency, function or outcome${chosen.length ? ` (it has ${chosen.join(' and ')})` : ''}.`);
      return undefined;
    }
    const key = chosen[0]!;
    const value = o[key];
    if (Array.isArray(value)) {
      if (value.length && value.every((x) => typeof x === 'string' && x.trim())) return { [key]: value.map((x: string) => x.trim()) };
      r.problem(`${at}.${key}`, 'should be a name or a list of names.');
      return undefined;
    }
    const text = r.text(o, key, at);
    return text ? { [key]: text } : undefined;
  };
  const readStatistic = (allowed: readonly string[]) => {
    const s = r.text(o, 'statistic', at);
    if (s && !allowed.includes(s)) r.problem(`${at}.statistic`, `"${s}" is not a statistic this measure gives.`, `Use ${allowed.join(', ')}.`);
    return s && allowed.includes(s) ? s : undefined;
  };
  switch (kind) {
    case 'outcome-share': {
      r.onlyKeys(o, ['kind', 'outcome', 'state'], at);
      const s = readSelector(true);
      if (s && (s.agency || s.function))
        r.problem(
          at,
          'an outcome-share measure names an outcome category or an outcome state, not an agency or function.',
          'Use reach-share for the share of requests that reach an agency or function.',
        );
      else if (s) return { kind, ...(s.outcome ? { outcome: s.outcome } : { state: s.state! }) } as Measure;
      return undefined;
    }
    case 'reach-share':
    case 'visits': {
      r.onlyKeys(o, ['kind', ...selector], at);
      const s = readSelector(true);
      return s ? { kind, ...s } : undefined;
    }
    case 'handoffs':
      r.onlyKeys(o, ['kind'], at);
      return { kind };
    case 'time-to-outcome': {
      r.onlyKeys(o, ['kind', 'statistic'], at);
      const statistic = readStatistic(statistics) as TimeStatistic | undefined;
      return statistic ? { kind, statistic } : undefined;
    }
    case 'time-to': {
      r.onlyKeys(o, ['kind', 'statistic', ...selector], at);
      const statistic = readStatistic(statistics) as TimeStatistic | undefined;
      const s = readSelector(true);
      return statistic && s ? { kind, statistic, ...s } : undefined;
    }
    case 'workload':
    case 'four-hour-share': {
      r.onlyKeys(o, ['kind', 'agency'], at);
      const agency = r.text(o, 'agency', at);
      return agency ? { kind, agency } : undefined;
    }
    case 'utilisation': {
      r.onlyKeys(o, ['kind', 'state'], at);
      const state = r.text(o, 'state', at);
      return state ? { kind, state } : undefined;
    }
    case 'wait':
    case 'response-time': {
      r.onlyKeys(o, ['kind', 'state', 'statistic'], at);
      const state = r.text(o, 'state', at);
      const statistic = readStatistic(['mean', 'p90']) as 'mean' | 'p90' | undefined;
      return state && statistic ? { kind, state, statistic } : undefined;
    }
  }
}

const timeUnits: [RegExp, number][] = [
  [/^(m|min|mins|minute|minutes)$/, 1],
  [/^(h|hr|hrs|hour|hours)$/, 60],
  [/^(d|day|days)$/, 1440],
];

/**
 * Reads a target in the measure's unit: shares as `25%` or 0.25; times as `4 hours`, `30 min`,
 * `2 days` or a number of minutes; counts as a number. Returns a message when it cannot.
 */
export function toTargetValue(value: unknown, unit: MeasureUnit): number | string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (unit === 'share' && (value < 0 || value > 1)) return `a share is written as 25% or 0.25; ${value} is outside 0 to 1.`;
    return value < 0 ? 'a target cannot be negative.' : value;
  }
  if (typeof value !== 'string') return 'the target is missing; write a number, or for example 25%, 4 hours or 30 min.';
  const text = value.trim().toLowerCase();
  const m = /^(\d+(?:\.\d+)?)\s*(%|[a-z]+)?$/.exec(text);
  if (!m) return `"${value}" is not a target carepaths can read; write a number, or for example 25%, 4 hours or 30 min.`;
  const n = Number(m[1]);
  const suffix = m[2];
  if (!suffix) return toTargetValue(n, unit);
  if (suffix === '%')
    return unit === 'share' ? (n <= 100 ? n / 100 : `${value} is more than 100%.`) : `this measure is not a share, so "${value}" does not fit; give ${unit}.`;
  const time = timeUnits.find(([re]) => re.test(suffix));
  if (time)
    return unit === 'minutes'
      ? n * time[1]
      : `this measure is not a time, so "${value}" does not fit; give ${unit === 'share' ? 'a share such as 25%' : 'a number'}.`;
  return `"${suffix}" is not a unit carepaths knows; use %, min, hours or days.`;
}

/** A measure in plain English, for tables and charts. */
export function toMeasureText(m: Measure, label: (s: StateSelector) => string): string {
  const stat = (s: string) => (s === 'mean' ? 'mean' : `${s.slice(1)}th centile`);
  switch (m.kind) {
    case 'outcome-share':
      return `share of requests ending in ${label(m)}`;
    case 'reach-share':
      return `share of requests reaching ${label(m)}`;
    case 'visits':
      return `visits to ${label(m)} per request`;
    case 'handoffs':
      return 'handoffs between agencies per request';
    case 'time-to-outcome':
      return `${stat(m.statistic)} time from request to outcome`;
    case 'time-to':
      return `${stat(m.statistic)} time until ${label(m)}`;
    case 'workload':
      return `${label({ agency: m.agency })} workload, minutes a day`;
    case 'wait':
      return `${stat(m.statistic)} wait at ${label({ state: m.state })}`;
    case 'utilisation':
      return `utilisation of ${label({ state: m.state })}`;
    case 'response-time':
      return `${stat(m.statistic)} response time, ${label({ state: m.state })}`;
    case 'four-hour-share':
      return `share of ${label({ agency: m.agency })} stays within four hours`;
  }
}
