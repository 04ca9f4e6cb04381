import type { Capacity, Duration } from '../model/types.ts';
import { createFieldReader, type FieldReader } from './readFields.ts';
import type { Plan, PlanChange, StrategyProblem } from './types.ts';

/** The kinds of change, each written as the key that names what it changes. */
export const changeKinds = [
  'reweight',
  'redirect',
  'add-way',
  'remove-way',
  'add-service',
  'duration',
  'capacity',
  'demand',
  'resource',
  'waiting-room',
  'uses',
  'set',
] as const;

/**
 * Reads an action plan from a parsed document. The plan's id is its file name without the
 * extension. State paths and events are checked against the model when the plan is applied.
 * With `applied` (a plan given to `--apply`, such as fitted values) the owner and the objectives
 * it supports may be left out: it changes the model everything else is measured on.
 */
export function readPlan(value: unknown, id: string, options: { applied?: boolean } = {}): { plan?: Plan; problems: StrategyProblem[] } {
  const r = createFieldReader();
  const o = r.object(value, '');
  if (!o) return { problems: r.problems };
  r.onlyKeys(o, ['name', 'owner', 'description', 'supports', 'evidence', 'changes'], '');
  const name = r.text(o, 'name', '');
  const owner = r.text(o, 'owner', '', !options.applied) ?? (options.applied ? '' : undefined);
  const description = r.text(o, 'description', '');
  const supports = textList(r, o, 'supports', '', !options.applied);
  const evidence = textList(r, o, 'evidence', '', false);
  const changes: PlanChange[] = [];
  const list = r.list(o, 'changes', '');
  if (list && list.length === 0) r.problem('changes', 'is empty.', 'A plan needs at least one change to the model.');
  list?.forEach((item, i) => {
    const change = readChange(r, item, `changes[${i + 1}]`);
    if (change) changes.push(change);
  });
  if (r.problems.length || !name || owner === undefined || (!owner && !options.applied) || !description || !supports) return { problems: r.problems };
  return { plan: { id, name, owner, description, supports, evidence: evidence ?? [], changes }, problems: [] };
}

function textList(r: FieldReader, o: Record<string, unknown>, key: string, at: string, required = true): string[] | undefined {
  const list = r.list(o, key, at, required);
  if (!list) return undefined;
  const out: string[] = [];
  list.forEach((x, i) => (typeof x === 'string' && x.trim() ? out.push(x.trim()) : r.problem(`${key}[${i + 1}]`, 'should be some text.')));
  return out;
}

/** What each kind of change's reader is given: the change's fields, where it is, and the shared field readers. */
interface ChangeFields {
  r: FieldReader;
  o: Record<string, unknown>;
  at: string;
  /** The state path the change names (empty for demand, which changes the model). */
  state: string | undefined;
  /** `why`, when given. */
  common: { why?: string };
  /** Refuses any field other than the kind, `why` and these. */
  known: (...keys: string[]) => void;
  rebalance: () => boolean;
  probability: (x: unknown, where: string) => number | undefined;
}

function readChange(r: FieldReader, value: unknown, at: string): PlanChange | undefined {
  const o = r.object(value, at);
  if (!o) return undefined;
  // A new service has its own duration and capacity fields, which are not changes of their own.
  const kinds = o['add-service'] !== undefined ? (['add-service'] as const) : changeKinds.filter((k) => o[k] !== undefined);
  if (kinds.length !== 1) {
    r.problem(
      at,
      kinds.length ? `names ${kinds.join(' and ')}; a change does one thing.` : 'does not say what kind of change it is.',
      `Start the change with one of: ${changeKinds.join(', ')} (followed by the state path it changes).`,
    );
    return undefined;
  }
  const kind = kinds[0]!;
  const why = r.text(o, 'why', at, false);
  return changeReaders[kind]({
    r,
    o,
    at,
    state: kind === 'demand' ? '' : r.text(o, kind, at),
    common: why ? { why } : {},
    known: (...keys) => r.onlyKeys(o, [kind, 'why', ...keys], at),
    rebalance: () => {
      if (o.rebalance === undefined) return false;
      if (typeof o.rebalance !== 'boolean') r.problem(`${at}.rebalance`, 'should be true or false.');
      return o.rebalance === true;
    },
    probability: (x, where) => {
      if (typeof x === 'number' && x >= 0 && x <= 1) return x;
      if (typeof x === 'string' && /^\d+(\.\d+)?\s*%$/.test(x.trim()) && parseFloat(x) <= 100) return parseFloat(x) / 100;
      r.problem(where, `should be a probability from 0 to 1 (or a percentage such as 35%), but is ${JSON.stringify(x)}.`);
      return undefined;
    },
  });
}

/** One reader for each kind of change. */
const changeReaders: Record<(typeof changeKinds)[number], (f: ChangeFields) => PlanChange | undefined> = {
  reweight({ r, o, at, state, common, known, rebalance, probability }) {
    known('ways', 'rebalance');
    const ways = r.object(o.ways, `${at}.ways`);
    if (!state || !ways) return undefined;
    const out: Record<string, number> = {};
    for (const [event, p] of Object.entries(ways)) {
      const v = probability(p, `${at}.ways.${event}`);
      if (v !== undefined) out[event] = v;
    }
    if (!Object.keys(ways).length) r.problem(`${at}.ways`, 'is empty.', 'Name each way out to change, with its new probability: { EVENT: 0.3 }.');
    return { change: 'reweight', state, ways: out, rebalance: rebalance(), ...common };
  },
  redirect({ r, o, at, state, common, known }) {
    known('way', 'to');
    const way = r.text(o, 'way', at);
    const to = r.text(o, 'to', at);
    return state && way && to ? { change: 'redirect', state, way, to, ...common } : undefined;
  },
  'add-way'({ r, o, at, state, common, known, rebalance, probability }) {
    known('way', 'to', 'p', 'rebalance', 'description');
    const way = r.text(o, 'way', at);
    const to = r.text(o, 'to', at);
    const p = probability(o.p, `${at}.p`);
    const description = r.text(o, 'description', at, false);
    return state && way && to && p !== undefined
      ? { change: 'add-way', state, way, to, p, rebalance: rebalance(), ...(description ? { description } : {}), ...common }
      : undefined;
  },
  'remove-way'({ r, o, at, state, common, known, rebalance }) {
    known('way', 'rebalance');
    const way = r.text(o, 'way', at);
    return state && way ? { change: 'remove-way', state, way, rebalance: rebalance(), ...common } : undefined;
  },
  'add-service'(f) {
    const { r, o, at, state, common, known } = f;
    known('description', 'function', 'duration', 'capacity', 'ways');
    const description = r.text(o, 'description', at);
    const fn = r.text(o, 'function', at);
    const waysIn = r.object(o.ways, `${at}.ways`);
    if (!state || !description || !fn || !waysIn) return undefined;
    const ways = readNewWays(f, waysIn);
    if (!Object.keys(waysIn).length) r.problem(`${at}.ways`, 'is empty.', 'A new service needs at least one way out: { EVENT: { to: state path, p: 1 } }.');
    return {
      change: 'add-service',
      state,
      description,
      function: fn,
      ...(o.duration !== undefined ? { duration: o.duration as Duration } : {}),
      ...(o.capacity !== undefined ? { capacity: o.capacity as Capacity } : {}),
      ways,
      ...common,
    };
  },
  duration({ r, o, at, state, common, known }) {
    known('set', 'scale');
    if ((o.set === undefined) === (o.scale === undefined)) {
      r.problem(
        at,
        'a duration change needs either set (a new duration) or scale (a multiplier), not both or neither.',
        'For example scale: 0.8 for a fifth shorter, or set: { dist: lognormal, median: 60, p90: 150 }.',
      );
      return undefined;
    }
    const scale = o.scale === undefined ? undefined : r.number(o, 'scale', at, { min: 0 });
    if (!state || (o.scale !== undefined && scale === undefined)) return undefined;
    return {
      change: 'duration',
      state,
      ...(o.set !== undefined ? { duration: r.object(o.set, `${at}.set`) as unknown as Duration } : { scale: scale! }),
      ...common,
    };
  },
  capacity({ r, o, at, state, common, known }) {
    known('servers', 'schedule', 'queue');
    const servers = o.servers === undefined ? undefined : r.number(o, 'servers', at, { whole: true, min: 1 });
    let schedule: number[] | null | undefined;
    if (o.schedule === null) schedule = null;
    else if (o.schedule !== undefined) {
      if (!Array.isArray(o.schedule) || o.schedule.length !== 24 || !o.schedule.every((x) => Number.isInteger(x) && x >= 0)) {
        r.problem(`${at}.schedule`, 'should be 24 whole numbers, the servers in each hour from midnight, or null to remove the schedule.');
      } else schedule = o.schedule as number[];
    }
    const queue = o.queue === undefined ? undefined : r.text(o, 'queue', at);
    if (queue && queue !== 'fifo' && queue !== 'priority')
      r.problem(`${at}.queue`, `"${queue}" is not a queue order.`, 'Use fifo (first come, first served) or priority.');
    if (o.servers === undefined && o.schedule === undefined && o.queue === undefined) r.problem(at, 'changes nothing.', 'Give servers, schedule or queue.');
    if (!state) return undefined;
    return {
      change: 'capacity',
      state,
      ...(servers !== undefined ? { servers } : {}),
      ...(schedule !== undefined ? { schedule } : {}),
      ...(queue === 'fifo' || queue === 'priority' ? { queue } : {}),
      ...common,
    };
  },
  resource: readResourceChange,
  'waiting-room': readWaitingRoomChange,
  uses: readUsesChange,
  set({ r, o, at, state, common, known }) {
    known('way', 'field', 'value');
    const way = o.way === undefined ? undefined : r.text(o, 'way', at);
    const field = r.text(o, 'field', at);
    const value = r.number(o, 'value', at);
    if (field && !/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/.test(field))
      r.problem(
        `${at}.field`,
        `"${field}" is not a field name.`,
        "Name the number's field inside the state's meta, dotted: duration.median, p, demand.perDay.",
      );
    if (!state || !field || value === undefined) return undefined;
    return { change: 'set', state, ...(way ? { way } : {}), field, value, ...common };
  },
  demand({ r, o, at, common, known }) {
    known();
    const d = r.object(o.demand, `${at}.demand`);
    if (!d) return undefined;
    r.onlyKeys(d, ['perDay', 'scale', 'hourly'], `${at}.demand`);
    if (d.perDay !== undefined && d.scale !== undefined)
      r.problem(`${at}.demand`, 'gives both perDay and scale.', 'Give one: perDay for a new number of requests a day, or scale to multiply it.');
    const perDay = d.perDay === undefined ? undefined : r.number(d, 'perDay', `${at}.demand`, { min: 0 });
    const scale = d.scale === undefined ? undefined : r.number(d, 'scale', `${at}.demand`, { min: 0 });
    let hourly: number[] | undefined;
    if (d.hourly !== undefined) {
      if (!Array.isArray(d.hourly) || d.hourly.length !== 24 || !d.hourly.every((x) => typeof x === 'number' && x >= 0)) {
        r.problem(`${at}.demand.hourly`, 'should be 24 numbers, the relative demand in each hour from midnight.');
      } else hourly = d.hourly as number[];
    }
    if (perDay === undefined && scale === undefined && hourly === undefined) {
      if (d.perDay === undefined && d.scale === undefined && d.hourly === undefined)
        r.problem(`${at}.demand`, 'changes nothing.', 'Give perDay, scale or hourly.');
      return undefined;
    }
    return {
      change: 'demand',
      ...(perDay !== undefined ? { perDay } : {}),
      ...(scale !== undefined ? { scale } : {}),
      ...(hourly ? { hourly } : {}),
      ...common,
    };
  },
};

const isWholeList = (x: unknown, length: number) => Array.isArray(x) && x.length === length && x.every((v) => Number.isInteger(v) && v >= 0);

/** A resource change: units, schedule, dated changes, queue order; label and units for a new resource. */
function readResourceChange({ r, o, at, state, common, known }: ChangeFields): PlanChange | undefined {
  known('label', 'units', 'schedule', 'changes', 'queue');
  const label = o.label === undefined ? undefined : r.text(o, 'label', at);
  const units = o.units === undefined ? undefined : r.number(o, 'units', at, { whole: true, min: 0 });
  let schedule: { hourly?: number[]; weekly?: number[] } | null | undefined;
  if (o.schedule === null) schedule = null;
  else if (o.schedule !== undefined) {
    const sc = r.object(o.schedule, `${at}.schedule`);
    if (sc) {
      r.onlyKeys(sc, ['hourly', 'weekly'], `${at}.schedule`);
      if (sc.hourly !== undefined && !isWholeList(sc.hourly, 24))
        r.problem(`${at}.schedule.hourly`, 'should be 24 whole numbers of units, one for each hour from midnight.');
      else if (sc.weekly !== undefined && !isWholeList(sc.weekly, 168))
        r.problem(`${at}.schedule.weekly`, 'should be 168 whole numbers of units, one for each hour of the week from Monday midnight.');
      else schedule = { ...(sc.hourly ? { hourly: sc.hourly as number[] } : {}), ...(sc.weekly ? { weekly: sc.weekly as number[] } : {}) };
    }
  }
  const changes =
    o.changes === undefined ? undefined : (r.list(o, 'changes', at) as { from: string; until?: string; units?: number; scale?: number }[] | undefined);
  const queue = o.queue === undefined ? undefined : r.text(o, 'queue', at);
  if (queue && queue !== 'fifo' && queue !== 'priority')
    r.problem(`${at}.queue`, `"${queue}" is not a queue order.`, 'Use fifo (first come, first served) or priority.');
  if ([label, units, schedule, changes, queue].every((x) => x === undefined))
    r.problem(at, 'changes nothing.', 'Give units, schedule, changes, queue, or a label and units for a new resource.');
  if (!state) return undefined;
  return {
    change: 'resource',
    state,
    ...(label !== undefined ? { label } : {}),
    ...(units !== undefined ? { units } : {}),
    ...(schedule !== undefined ? { schedule } : {}),
    ...(changes !== undefined ? { changes } : {}),
    ...(queue === 'fifo' || queue === 'priority' ? { queue } : {}),
    ...common,
  };
}

/** A waiting-room change: places (null: unlimited) and patience (null: none). */
function readWaitingRoomChange({ r, o, at, state, common, known }: ChangeFields): PlanChange | undefined {
  known('places', 'patience');
  const places = o.places === null ? null : o.places === undefined ? undefined : r.number(o, 'places', at, { whole: true, min: 0 });
  const patience =
    o.patience === null ? null : o.patience === undefined ? undefined : (r.object(o.patience, `${at}.patience`) as unknown as Duration | undefined);
  if (places === undefined && patience === undefined) r.problem(at, 'changes nothing.', 'Give places (null for unlimited) or patience (null for none).');
  if (!state) return undefined;
  return { change: 'waiting-room', state, ...(places !== undefined ? { places } : {}), ...(patience !== undefined ? { patience } : {}), ...common };
}

/** Which resources a state uses (null: none). */
function readUsesChange({ r, o, at, state, common, known }: ChangeFields): PlanChange | undefined {
  known('resources');
  const value = o.resources;
  if (value === undefined) r.problem(at, 'does not say which resources.', 'Give resources: crews, or resources: { crews: 1 }, or null for none.');
  else if (value !== null && typeof value !== 'string' && (typeof value !== 'object' || Array.isArray(value)))
    r.problem(`${at}.resources`, 'should name a resource, map resources to units, or be null.');
  if (!state || value === undefined) return undefined;
  return { change: 'uses', state, uses: value as string | Record<string, number> | null, ...common };
}

/** A new service's ways out: each an event and the state it goes to, as text or { to, p }. */
function readNewWays({ r, at, probability }: ChangeFields, waysIn: Record<string, unknown>): Record<string, { to: string; p?: number }> {
  const ways: Record<string, { to: string; p?: number }> = {};
  for (const [event, w] of Object.entries(waysIn)) {
    const where = `${at}.ways.${event}`;
    if (typeof w === 'string') {
      ways[event] = { to: w };
      continue;
    }
    const wo = r.object(w, where);
    if (!wo) continue;
    r.onlyKeys(wo, ['to', 'p'], where);
    const to = r.text(wo, 'to', where);
    const p = wo.p === undefined ? undefined : probability(wo.p, `${where}.p`);
    if (to) ways[event] = { to, ...(p !== undefined ? { p } : {}) };
  }
  return ways;
}
