import type { StateInfo } from '../../graph/types.ts';
import { toSimulationMinute } from '../../simulate/getFlowPlan.ts';
import type { Diagnostic } from '../types.ts';
import type { Rule } from './types.ts';

const isWhole = (x: unknown, min = 0) => typeof x === 'number' && Number.isInteger(x) && x >= min;
const isDate = (x: unknown) => typeof x === 'string' && Number.isFinite(toSimulationMinute(x));

/** What is wrong with one resource declaration, or undefined. */
function checkDeclaration(r: unknown): string | undefined {
  if (typeof r !== 'object' || r === null) return "it is not an object such as { label: 'Staffed ambulances', units: 24 }";
  const d = r as Record<string, unknown>;
  if (typeof d.label !== 'string' || !d.label.trim()) return 'it has no label (the name planners use)';
  if (!isWhole(d.units)) return `units must be a whole number, 0 or more (it is ${JSON.stringify(d.units)})`;
  const schedule = d.schedule as Record<string, unknown> | undefined;
  if (schedule !== undefined) {
    if (typeof schedule !== 'object' || schedule === null) return 'schedule must be { hourly: [24 numbers] } or { weekly: [168 numbers] }';
    for (const [key, length] of [
      ['hourly', 24],
      ['weekly', 168],
    ] as const) {
      const list = schedule[key];
      if (list !== undefined && (!Array.isArray(list) || list.length !== length || !list.every((x) => isWhole(x))))
        return `schedule.${key} must list ${length} whole numbers of units, one for each hour ${key === 'hourly' ? 'of the day from midnight' : 'of the week from Monday midnight'}`;
    }
  }
  const changes = d.changes;
  if (changes !== undefined) {
    if (!Array.isArray(changes)) return 'changes must be a list of { from: YYYY-MM-DD, until?: YYYY-MM-DD, units or scale }';
    for (const [i, c] of changes.entries()) {
      const at = `changes[${i + 1}]`;
      if (typeof c !== 'object' || c === null || !isDate(c.from)) return `${at} needs from, a date written YYYY-MM-DD`;
      if (c.until !== undefined && (!isDate(c.until) || toSimulationMinute(c.until) <= toSimulationMinute(c.from)))
        return `${at}.until must be a date after from`;
      if ((c.units === undefined) === (c.scale === undefined)) return `${at} needs either units (a number of units) or scale (a multiplier), not both`;
      if (c.units !== undefined && !isWhole(c.units)) return `${at}.units must be a whole number, 0 or more`;
      if (c.scale !== undefined && !(typeof c.scale === 'number' && c.scale >= 0)) return `${at}.scale must be a number, 0 or more`;
    }
  }
  if (d.queue !== undefined && d.queue !== 'fifo' && d.queue !== 'priority') return `queue must be 'fifo' or 'priority' (it is ${JSON.stringify(d.queue)})`;
  if (d.kind !== undefined && d.kind !== 'beds' && d.kind !== 'staff') return `kind must be 'beds' or 'staff' (it is ${JSON.stringify(d.kind)})`;
  return undefined;
}

/** The most units a resource ever has. */
function mostUnits(r: Record<string, unknown>): number {
  const schedule = (r.schedule ?? {}) as { hourly?: number[]; weekly?: number[] };
  const base = schedule.weekly ?? schedule.hourly ?? [r.units as number];
  const changed = ((r.changes ?? []) as { units?: number; scale?: number }[]).map((c) => c.units ?? Math.round(Math.max(...base) * (c.scale ?? 1)));
  return Math.max(...base, ...changed);
}

/**
 * Resources are declared once on the model with a label, units, a schedule and dated changes that
 * make sense; states use declared resources, in whole units they can get, and never both
 * `uses` and `capacity`; nothing in a parallel region uses one.
 */
export const checkResources: Rule = ({ modelId, states }) => {
  const out: Diagnostic[] = [];
  const declared = (states[0]?.meta.resources ?? {}) as Record<string, unknown>;
  if (typeof declared !== 'object' || declared === null || Array.isArray(declared)) {
    out.push({
      code: 'invalid-resource',
      severity: 'error',
      path: modelId,
      message: 'meta.resources must map each resource id to its declaration.',
      hint: "Write meta: { resources: { crews: { label: 'Staffed ambulances', units: 24 } } }.",
    });
    return out;
  }
  for (const [id, r] of Object.entries(declared)) {
    const problem = checkDeclaration(r);
    if (problem)
      out.push({
        code: 'invalid-resource',
        severity: 'error',
        path: modelId,
        message: `The resource "${id}" is not valid: ${problem}.`,
        hint: "Write it as { label: '…', units: 24, schedule?: { hourly: [24 numbers] }, changes?: [{ from: '2025-12-01', units: 30 }], queue?: 'fifo' | 'priority', kind?: 'beds' | 'staff' }.",
      });
  }
  const byPath = new Map(states.map((s) => [s.path, s]));
  for (const s of states) out.push(...checkUses(s, declared, byPath));
  return out;
};

function checkUses(s: StateInfo, declared: Record<string, unknown>, byPath: Map<string, StateInfo>): Diagnostic[] {
  const uses = s.meta.uses;
  if (uses === undefined) return [];
  const problem = (code: string, message: string, hint: string): Diagnostic => ({ code, severity: 'error', path: s.path, message, hint });
  if (typeof uses !== 'string' && (typeof uses !== 'object' || uses === null || Array.isArray(uses)))
    return [
      problem('invalid-uses', 'meta.uses must name a resource, or map resources to units.', "Write uses: 'crews', or uses: { crews: 1, paramedics: 2 }."),
    ];
  const out: Diagnostic[] = [];
  if (s.meta.capacity !== undefined)
    out.push(
      problem(
        'uses-and-capacity',
        'This state has both a capacity and uses a resource; capacity is the shorthand for a resource only this state uses.',
        'Declare the capacity as a resource in meta.resources and list it in uses, or keep the capacity alone.',
      ),
    );
  for (const [id, units] of typeof uses === 'string' ? [[uses, 1] as const] : Object.entries(uses as Record<string, unknown>)) {
    const ids = Object.keys(declared);
    if (!(id in declared)) {
      out.push(
        problem(
          'unknown-resource',
          `This state uses "${id}", which is not declared in meta.resources.`,
          ids.length
            ? `Declare it on the model, or use one of: ${ids.join(', ')}.`
            : "Declare it on the model: meta: { resources: { [id]: { label: '…', units: 4 } } }.",
        ),
      );
      continue;
    }
    if (!isWhole(units, 1)) {
      out.push(
        problem('invalid-uses', `The units of "${id}" must be a whole number, 1 or more (it is ${JSON.stringify(units)}).`, 'Write uses: { crews: 1 }.'),
      );
      continue;
    }
    const r = declared[id] as Record<string, unknown>;
    if (!checkDeclaration(r) && (units as number) > mostUnits(r))
      out.push(
        problem(
          'uses-more-than-available',
          `A request here needs ${units} units of "${id}", but it never has more than ${mostUnits(r)}, so no request would ever get in.`,
          'Use fewer units here, or give the resource more.',
        ),
      );
  }
  for (let p = s.parent; p; p = byPath.get(p)?.parent)
    if (byPath.get(p)?.type === 'parallel')
      out.push(
        problem(
          'capacity-in-region',
          `This state uses a resource but sits inside the parallel state ${p}, whose regions run at the same time on their own clocks; carepaths cannot make one region wait for units while the others go on.`,
          `Use the resource on a state before or after ${p}, or on ${p} itself.`,
        ),
      );
  return out;
}
