import type { CareGraph } from '../graph/types.ts';
import { getMeasureDefinition, measureDefinitions } from './measures/index.ts';
import type { MeasureDefinition, MeasureReader } from './measures/types.ts';
import type { FieldReader } from './readFields.ts';
import type { Measure, MeasureKind, MeasureSource, MeasureUnit, StateSelector } from './types.ts';

/** What the catalogue knows about each kind of measure: its definition (one file a kind, in measures/). */
export type MeasureEntry = MeasureDefinition;

const selector = ['state', 'agency', 'function', 'outcome'] as const;

/** The measures a strategy can use, in the order the README lists them. */
export const measureCatalogue: readonly MeasureEntry[] = measureDefinitions;

export const getMeasureUnit = (m: Measure): MeasureUnit => getMeasureDefinition(m.kind)!.unit;

/** Exact measures need no simulation; time centiles need Monte Carlo; queues need the discrete-event simulation. */
export const getMeasureSource = (m: Measure): MeasureSource => getMeasureDefinition(m.kind)!.source(m);

/** Reads a measure from a strategy file, recording problems against `at`. */
export function readMeasure(r: FieldReader, value: unknown, at: string): Measure | undefined {
  const o = r.object(value, at);
  if (!o) return undefined;
  const kind = r.text(o, 'kind', at) as MeasureKind | undefined;
  if (!kind) return undefined;
  const definition = getMeasureDefinition(kind);
  if (!definition) {
    r.problem(`${at}.kind`, `"${kind}" is not a measure carepaths knows.`, `Use one of: ${measureCatalogue.map((e) => e.kind).join(', ')}.`);
    return undefined;
  }
  const reader: MeasureReader = {
    only: (keys) => r.onlyKeys(o, keys, at),
    text: (key) => r.text(o, key, at),
    number: (key) => r.number(o, key, at, { min: 0 }),
    problem: (message, hint) => r.problem(at, message, hint),
    selector(required) {
      const chosen = selector.filter((k) => o[k] !== undefined);
      if (chosen.length !== 1) {
        if (chosen.length > 1 || required)
          r.problem(
            at,
            `a ${kind} measure needs exactly one of state, agency, function or outcome${chosen.length ? ` (it has ${chosen.join(' and ')})` : ''}.`,
          );
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
    },
    names(key) {
      const value = o[key];
      if (value === undefined) return undefined;
      if (Array.isArray(value) && value.length && value.every((x) => typeof x === 'string' && x.trim())) return value.map((x: string) => x.trim());
      if (typeof value === 'string' && value.trim()) return value.trim();
      r.problem(`${at}.${key}`, 'should be a name or a list of names.');
      return undefined;
    },
    measure: (key) =>
      o[key] === undefined
        ? (r.problem(`${at}.${key}`, 'is missing.', `Add ${key}: { kind: …, … }, a measure from the catalogue.`), undefined)
        : readMeasure(r, o[key], `${at}.${key}`),
    statistic(allowed) {
      const s = r.text(o, 'statistic', at);
      if (s && !allowed.includes(s)) r.problem(`${at}.statistic`, `"${s}" is not a statistic this measure gives.`, `Use ${allowed.join(', ')}.`);
      return s && allowed.includes(s) ? s : undefined;
    },
  };
  return definition.read(reader);
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
/** A measure in plain English; `label` names what a selector picks, and `graph` (when given) lends its clocks' names. */
export const toMeasureText = (m: Measure, label: (s: StateSelector) => string, graph?: CareGraph): string =>
  getMeasureDefinition(m.kind)!.text(m, label, graph);
