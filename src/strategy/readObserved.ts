import { getMeasureUnit, readMeasure, toTargetValue } from './measureCatalogue.ts';
import { createFieldReader } from './readFields.ts';
import { readSimulation } from './readStrategy.ts';
import type { ObservedFigure, ObservedFigures, StrategyProblem } from './types.ts';

/**
 * Reads a file of observed figures: a title, a description, figures (each a measure from the
 * catalogue, its observed value or `[low, high]` range, a tolerance, the period and the source)
 * and optional simulation settings. Every problem is reported, each with where it is in the file.
 *
 * A tolerance is in the measure's unit (`2%` of a share is two percentage points; `10 min`); for a
 * count or a time, a percentage is relative to the observed value (`10%` of 390 a day is 39).
 */
export function readObserved(value: unknown): { observed?: ObservedFigures; problems: StrategyProblem[] } {
  const r = createFieldReader();
  const o = r.object(value, '');
  if (!o) return { problems: r.problems };
  r.onlyKeys(o, ['title', 'description', 'figures', 'simulation'], '');
  const title = r.text(o, 'title', '');
  const description = r.text(o, 'description', '', false) ?? '';
  const figures: ObservedFigure[] = [];
  const seen = new Set<string>();
  const list = r.list(o, 'figures', '');
  if (list && list.length === 0) r.problem('figures', 'is empty.', 'Give at least one figure: id, title, measure, observed, tolerance, period and source.');
  list?.forEach((item, i) => {
    const at = `figures[${i + 1}]`;
    const f = r.object(item, at);
    if (!f) return;
    r.onlyKeys(f, ['id', 'title', 'measure', 'observed', 'tolerance', 'period', 'source', 'held', 'why'], at);
    const id = r.text(f, 'id', at);
    if (id && !/^[a-z0-9][a-z0-9-]*$/.test(id))
      r.problem(`${at}.id`, `"${id}" should be short lower-case words joined by hyphens, such as type-1-attendances.`);
    if (id && seen.has(id)) r.problem(`${at}.id`, `"${id}" is used by an earlier figure too.`, 'Give each figure its own id.');
    if (id) seen.add(id);
    const figureTitle = r.text(f, 'title', at);
    // A year written bare (period: 2024) reads as a number in YAML.
    const period = typeof f.period === 'number' && Number.isInteger(f.period) ? String(f.period) : r.text(f, 'period', at);
    const source = r.text(f, 'source', at);
    const measure =
      f.measure === undefined
        ? (r.problem(`${at}.measure`, 'is missing.', 'Add measure: { kind: …, … } from the catalogue in the README.'), undefined)
        : readMeasure(r, f.measure, `${at}.measure`);
    if (!measure) return;
    const unit = getMeasureUnit(measure);
    const observed = readObservedValue(f.observed, unit, (message) => r.problem(`${at}.observed`, message));
    let tolerance: number | undefined;
    const t = f.tolerance;
    if (t === undefined)
      r.problem(
        `${at}.tolerance`,
        'is missing.',
        'Say how close the model must come: 2% for a share (points), 10% or 20 for a count, 10% or 5 min for a time.',
      );
    else if (unit !== 'share' && typeof t === 'string' && /^\s*\d+(\.\d+)?\s*%\s*$/.test(t)) {
      if (observed) tolerance = (parseFloat(t) / 100) * ((observed.low + observed.high) / 2);
    } else {
      const v = toTargetValue(t, unit);
      if (typeof v === 'string') r.problem(`${at}.tolerance`, v);
      else tolerance = v;
    }
    const notHeld = readHeld(r, f, at);
    if (id && figureTitle && period && source && observed && tolerance !== undefined)
      figures.push({ id, title: figureTitle, measure, observed, tolerance, period, source, ...(notHeld ? { notHeld } : {}) });
  });
  const simulation = readSimulation(r, o.simulation);
  if (r.problems.length || !title) return { problems: r.problems };
  return { observed: { title, description, figures, simulation }, problems: [] };
}

/** `held: false` with its `why`: the reason the model is not held to a figure; undefined when it is held. */
function readHeld(r: ReturnType<typeof createFieldReader>, f: Record<string, unknown>, at: string): string | undefined {
  if (f.held !== undefined && typeof f.held !== 'boolean')
    return void r.problem(
      `${at}.held`,
      `should be true or false, not ${JSON.stringify(f.held)}.`,
      'Write held: false (with why: …) for a figure the model is not held to.',
    );
  if (f.held === false) {
    if (f.why === undefined)
      return void r.problem(
        `${at}.why`,
        'is missing: a figure with held: false needs the reason.',
        'Say why the model is not held to it, for example which published figures it cannot be met together with.',
      );
    return r.text(f, 'why', at);
  }
  if (f.why !== undefined) r.problem(`${at}.why`, 'is only read with held: false.', 'Add held: false, or leave why out.');
  return undefined;
}

/** An observed value, or a `[low, high]` range, in the measure's unit. */
function readObservedValue(
  value: unknown,
  unit: Parameters<typeof toTargetValue>[1],
  problem: (message: string) => void,
): { low: number; high: number } | undefined {
  if (value === undefined) return void problem('is missing; give the observed value, or a range as [low, high].');
  const parts = Array.isArray(value) ? value : [value];
  if (parts.length !== 1 && parts.length !== 2) return void problem('should be a value, or a range as [low, high].');
  const read = parts.map((p) => toTargetValue(p, unit));
  const bad = read.find((x): x is string => typeof x === 'string');
  if (bad !== undefined) return void problem(bad);
  const low = read[0] as number;
  const high = (read[1] ?? low) as number;
  if (low > high) return void problem(`the range runs from ${parts[0]} down to ${parts[1]}; give the lower value first.`);
  return { low, high };
}
