import { toSimulationMinute } from '../../simulate/getFlowPlan.ts';
import type { Diagnostic } from '../types.ts';
import type { Rule } from './types.ts';

const isNumberList = (x: unknown, length: number) =>
  Array.isArray(x) && x.length === length && x.every((v) => typeof v === 'number' && v >= 0) && x.some((v) => v > 0);
const isDate = (x: unknown) => typeof x === 'string' && Number.isFinite(toSimulationMinute(x));

/**
 * Arrival streams start at states of the model, with a rate and profiles that make sense; clocks
 * start and stop at states of the model and give thresholds in minutes. Said once, by place.
 */
export const checkArrivalsAndClocks: Rule = ({ modelId, states }) => {
  const out: Diagnostic[] = [];
  const meta = states[0]?.meta ?? {};
  const paths = new Set(states.map((s) => s.path));
  const problem = (code: string, message: string, hint: string, severity: Diagnostic['severity'] = 'error') =>
    out.push({ code, severity, path: modelId, message, hint });
  const arrivals = meta.arrivals;
  if (arrivals !== undefined) {
    if (!Array.isArray(arrivals))
      problem(
        'invalid-arrivals',
        'meta.arrivals must be a list of arrival streams.',
        "Write arrivals: [{ id: 'calls999', label: '999 calls', entry: 'city.ambulance.call', perDay: 209 }].",
      );
    else {
      if (meta.demand !== undefined)
        problem(
          'arrivals-and-demand',
          'The model gives both arrival streams and a demand; the discrete-event simulation uses the streams only.',
          'Remove meta.demand, or keep it for the exact analysis workload figures only, knowing that.',
          'warning',
        );
      const seen = new Set<string>();
      arrivals.forEach((a: Record<string, unknown>, i: number) => {
        const at = `arrivals[${i + 1}]${typeof a?.id === 'string' ? ` (${a.id})` : ''}`;
        const bad = (what: string, hint: string) => problem('invalid-arrivals', `${at}: ${what}.`, hint);
        if (typeof a !== 'object' || a === null) return bad('is not an object', 'Write { id, label, entry, perDay }.');
        if (typeof a.id !== 'string' || !a.id) bad('has no id', 'Give each stream a short id.');
        else if (seen.has(a.id)) bad('has the id of an earlier stream', 'Give each stream its own id.');
        else seen.add(a.id);
        if (typeof a.label !== 'string' || !a.label) bad('has no label', 'Give each stream the name planners use, for example "999 calls".');
        if (typeof a.entry !== 'string' || !paths.has(a.entry))
          bad(`enters at ${JSON.stringify(a.entry)}, which is not a state of the model`, 'Name the state path requests of this stream start at.');
        if (!(typeof a.perDay === 'number' && a.perDay >= 0))
          bad(`perDay must be a number, 0 or more (it is ${JSON.stringify(a.perDay)})`, 'Give the mean requests a day.');
        if (a.hourly !== undefined && !isNumberList(a.hourly, 24))
          bad('hourly must list 24 numbers, 0 or more and not all 0', 'Give the relative demand in each hour from midnight.');
        if (a.weekly !== undefined && !isNumberList(a.weekly, 7))
          bad('weekly must list 7 numbers, 0 or more and not all 0', 'Give the relative demand on each day, Monday first.');
        const changes = a.changes;
        if (
          changes !== undefined &&
          (!Array.isArray(changes) ||
            !changes.every((c) => isDate(c?.from) && (c.until === undefined || isDate(c.until)) && typeof c.scale === 'number' && c.scale >= 0))
        )
          bad(
            'changes must each give from (YYYY-MM-DD), an optional until, and scale (a multiplier, 0 or more)',
            "Write changes: [{ from: '2025-12-01', until: '2026-03-01', scale: 1.1 }].",
          );
      });
    }
  }
  const clocks = meta.clocks;
  if (clocks === undefined) return out;
  if (!Array.isArray(clocks)) {
    problem(
      'invalid-clock',
      'meta.clocks must be a list of clocks.',
      "Write clocks: [{ id: 'handover', label: 'Ambulance handover', from: 'city.ambulance.atHospital', to: 'city.ed' }].",
    );
    return out;
  }
  const seen = new Set<string>();
  clocks.forEach((c: Record<string, unknown>, i: number) => {
    const at = `clocks[${i + 1}]${typeof c?.id === 'string' ? ` (${c.id})` : ''}`;
    const bad = (what: string, hint: string) => problem('invalid-clock', `${at}: ${what}.`, hint);
    if (typeof c !== 'object' || c === null) return bad('is not an object', 'Write { id, label, from, to? }.');
    if (typeof c.id !== 'string' || !c.id) bad('has no id', 'Give each clock a short id.');
    else if (seen.has(c.id)) bad('has the id of an earlier clock', 'Give each clock its own id.');
    else seen.add(c.id);
    if (typeof c.label !== 'string' || !c.label) bad('has no label', 'Give each clock the name planners use, for example "Ambulance handover".');
    for (const key of ['from', 'to'] as const) {
      const value = c[key];
      if (value === undefined && key === 'to') continue;
      const list = Array.isArray(value) ? value : [value];
      const unknown = list.filter((p) => typeof p !== 'string' || !paths.has(p));
      if (!list.length || unknown.length)
        bad(
          `${key} names ${unknown.map((p) => JSON.stringify(p)).join(', ') || 'nothing'}, not a state of the model`,
          `Give ${key} as a state path, or a list of them.`,
        );
    }
    if (c.where !== undefined && (typeof c.where !== 'object' || c.where === null || Array.isArray(c.where)))
      bad('where must map context keys to values', "Write where: { category: 'C2' }.");
    if (c.over !== undefined && !(Array.isArray(c.over) && c.over.every((m) => typeof m === 'number' && m > 0)))
      bad('over must list thresholds in minutes, each above 0', 'Write over: [15, 30, 60].');
    const standard = c.standard as Record<string, unknown> | undefined;
    if (
      standard !== undefined &&
      (typeof standard !== 'object' ||
        standard === null ||
        Object.keys(standard).some((k) => k !== 'mean' && k !== 'p90') ||
        !Object.keys(standard).length ||
        Object.values(standard).some((m) => !(typeof m === 'number' && m > 0)))
    )
      bad('standard must give mean, p90 or both, in minutes above 0', 'Write standard: { mean: 18, p90: 40 } (Category 2).');
  });
  return out;
};
