import type { CareEdge, CareGraph, StateInfo } from '../graph/types.ts';
import type { ArrivalStream, Capacity, ResourceDeclaration, StateMeta } from '../model/types.ts';
import { toSampler, type Sampler } from './sampleDuration.ts';

/** Minute 0 of every simulation: Monday 6 January 2025, 00:00 UTC. Dated changes count from here. */
export const SIMULATION_EPOCH = Date.UTC(2025, 0, 6);

/** A resource as the engine uses it: units in each hour of the run come from `toUnitsByHour`. */
export interface FlowResource {
  /** The id in `meta.resources`, or the state path of a `meta.capacity` shorthand. */
  id: string;
  label: string;
  units: number;
  /** Units in each hour of the week (168, Monday midnight first); null when flat. */
  weekly: Int32Array | null;
  changes: NonNullable<ResourceDeclaration['changes']>;
  fifo: boolean;
  /** True for a `meta.capacity` shorthand (a resource only its own state uses). */
  shorthand: boolean;
}

/** A state that uses units of a resource: a request holds them from entering the state until it leaves it. */
export interface FlowUse {
  state: string;
  resource: number;
  units: number;
}

/** Where requests wait for units: a state's waiting room. */
export interface FlowRoom {
  state: string;
  /** Places; Infinity when unlimited. */
  places: number;
  /** Patience, when requests may give up waiting here. */
  patience: Sampler | null;
  escalate: { after: number; priority: number } | null;
  /** The resource the room's users wait for first (for reports: its utilisation and queue). */
  resource: number;
}

/** An arrival stream as the engine uses it. */
export interface FlowStream {
  id: string;
  label: string;
  /** The node requests of this stream start at. */
  entry: number;
  perDay: number;
  /** Relative demand by hour of the day, as written, and their total. */
  hourly: Float64Array;
  hourlyTotal: number;
  /** Relative demand by day of the week, Monday first, normalised to a mean of 1. */
  weekly: Float64Array;
  changes: NonNullable<ArrivalStream['changes']>;
  /** True for the model's `meta.demand` (one stream at the initial state, shaped only by hour of day). */
  legacy: boolean;
}

/**
 * What the discrete-event simulation needs beyond the care graph: the resources, which states use
 * them, the waiting rooms, the ways taken when a room is full or a request gives up, and the
 * arrival streams. Edges are numbered as one list: the graph's `edges`, then its `conditionalWays`.
 */
export interface FlowPlan {
  resources: FlowResource[];
  uses: FlowUse[];
  rooms: FlowRoom[];
  streams: FlowStream[];
  /** The state paths active at each node (see `getActiveStates`). */
  activeStates: string[][];
  /** Target node of each edge (both lists). */
  target: Int32Array;
  /** The uses active at node v: `nodeUses[nodeUseStart[v]]` up to `nodeUses[nodeUseStart[v + 1]]`, outermost state first. */
  nodeUseStart: Int32Array;
  nodeUses: Int32Array;
  /** The uses an edge's transition leaves (so releases): `exits[exitStart[e]]` up to `exits[exitStart[e + 1]]`. */
  exitStart: Int32Array;
  exits: Int32Array;
  /** The waiting room a request moving along edge e waits in, when it needs units; -1 when the move needs none. */
  roomOf: Int32Array;
  /** The waiting room of a request arriving at node v from outside (an arrival stream), or -1 when the node uses nothing. */
  entryRoom: Int32Array;
  /** For each node, the edge (numbered in the one list) taken when its waiting room is full, or -1. */
  fullWay: Int32Array;
  /** For each node, the edge taken when a waiting request's patience runs out, or -1. */
  abandonWay: Int32Array;
  /** The most uses active at any node: the most a request holds at once. */
  maxHold: number;
}

const plans = new WeakMap<CareGraph, FlowPlan>();

/** The graph's flow plan, worked out once per graph. */
export function getFlowPlan(graph: CareGraph): FlowPlan {
  let plan = plans.get(graph);
  if (!plan) plans.set(graph, (plan = toFlowPlan(graph)));
  return plan;
}

const bedNodes = new WeakMap<CareGraph, Uint8Array>();

/**
 * 1 at the nodes where a request holds a bed: a unit of a resource declared `kind: 'beds'`. Time
 * there counts as bed-days in workload, not as staff time.
 */
export function getBedNodes(graph: CareGraph): Uint8Array {
  let beds = bedNodes.get(graph);
  if (beds) return beds;
  const plan = getFlowPlan(graph);
  const declared = graph.meta.resources ?? {};
  const isBed = plan.resources.map((r) => (declared[r.id]?.kind === 'beds' ? 1 : 0));
  beds = Uint8Array.from(graph.nodes, (_, v) => {
    for (let x = plan.nodeUseStart[v]!; x < plan.nodeUseStart[v + 1]!; x++) if (isBed[plan.uses[plan.nodeUses[x]!]!.resource]) return 1;
    return 0;
  });
  bedNodes.set(graph, beds);
  return beds;
}

/** The state paths active at a node, each atomic state and all its ancestors, outermost first and in document order. */
export function getActiveStates(graph: CareGraph, states: string[]): string[] {
  const info = stateMap(graph);
  const active = new Set<string>();
  for (const atom of states) for (let s: StateInfo | undefined = info.get(atom); s; s = s.parent ? info.get(s.parent) : undefined) active.add(s.path);
  const order = documentOrder(graph);
  return [...active].sort((a, b) => order.get(a)! - order.get(b)!);
}

const stateMaps = new WeakMap<CareGraph, Map<string, StateInfo>>();
const stateMap = (graph: CareGraph) => {
  let m = stateMaps.get(graph);
  if (!m) stateMaps.set(graph, (m = new Map(graph.stateInfo.map((s) => [s.path, s]))));
  return m;
};
const orders = new WeakMap<CareGraph, Map<string, number>>();
const documentOrder = (graph: CareGraph) => {
  let m = orders.get(graph);
  if (!m) orders.set(graph, (m = new Map(graph.stateInfo.map((s, i) => [s.path, i]))));
  return m;
};

/** The resources a state's `meta.uses` names, with units (1 when written as a bare id). */
export function readUses(uses: unknown): [string, number][] {
  if (typeof uses === 'string') return [[uses, 1]];
  if (typeof uses === 'object' && uses !== null && !Array.isArray(uses))
    return Object.entries(uses as Record<string, unknown>).map(([id, u]) => [id, u as number]);
  return [];
}

function toFlowPlan(graph: CareGraph): FlowPlan {
  const declared = graph.meta.resources ?? {};
  const resources: FlowResource[] = Object.entries(declared).map(([id, r]) => ({
    id,
    label: r.label,
    units: r.units,
    weekly: toWeekly(r.schedule),
    changes: r.changes ?? [],
    fifo: r.queue !== 'priority',
    shorthand: false,
  }));
  const resourceIndex = new Map(resources.map((r, i) => [r.id, i]));
  const uses: FlowUse[] = [];
  const usesOf = new Map<string, number[]>();
  for (const s of graph.stateInfo) {
    const meta = s.meta as StateMeta;
    const mine: number[] = [];
    if (meta.capacity !== undefined) {
      const c = meta.capacity as Capacity;
      resources.push({
        id: s.path,
        label: s.description ?? s.path,
        units: c.servers,
        weekly: toWeekly(c.schedule ? { hourly: c.schedule } : undefined),
        changes: [],
        fifo: c.queue !== 'priority',
        shorthand: true,
      });
      mine.push(uses.push({ state: s.path, resource: resources.length - 1, units: 1 }) - 1);
    }
    for (const [id, units] of readUses(meta.uses)) {
      const r = resourceIndex.get(id);
      if (r !== undefined && Number.isInteger(units) && units > 0) mine.push(uses.push({ state: s.path, resource: r, units }) - 1);
    }
    if (mine.length) usesOf.set(s.path, mine);
  }

  const n = graph.nodes.length;
  const active = graph.nodes.map((node) => getActiveStates(graph, node.states));
  const nodeUseStart = new Int32Array(n + 1);
  const nodeUseList: number[] = [];
  let maxHold = 0;
  active.forEach((states, v) => {
    const before = nodeUseList.length;
    for (const s of states) for (const u of usesOf.get(s) ?? []) nodeUseList.push(u);
    maxHold = Math.max(maxHold, nodeUseList.length - before);
    nodeUseStart[v + 1] = nodeUseList.length;
  });

  const all: CareEdge[] = [...graph.edges, ...(graph.conditionalWays ?? [])];
  const target = Int32Array.from(all, (e) => e.to);
  const exitStart = new Int32Array(all.length + 1);
  const exitList: number[] = [];
  const rooms: FlowRoom[] = [];
  const roomIndex = new Map<string, number>();
  const roomOf = new Int32Array(all.length).fill(-1);
  const info = stateMap(graph);
  const roomFor = (state: string, firstUse: number): number => {
    const known = roomIndex.get(state);
    if (known !== undefined) return known;
    const meta = (info.get(state)?.meta ?? {}) as StateMeta;
    rooms.push({
      state,
      places: typeof meta.waitingRoom === 'number' ? meta.waitingRoom : Infinity,
      patience: meta.patience ? toSampler(meta.patience) : null,
      escalate: meta.escalate ?? null,
      resource: uses[firstUse]!.resource,
    });
    roomIndex.set(state, rooms.length - 1);
    return rooms.length - 1;
  };
  const declaresRoom = (state: string) => {
    const meta = (info.get(state)?.meta ?? {}) as StateMeta;
    return meta.waitingRoom !== undefined || meta.patience !== undefined || meta.escalate !== undefined;
  };
  all.forEach((e, k) => {
    const inside = (path: string) => e.leaves !== undefined && path !== e.leaves && path.startsWith(`${e.leaves}.`);
    for (const s of active[e.from]!) if (inside(s)) for (const u of usesOf.get(s) ?? []) exitList.push(u);
    exitStart[k + 1] = exitList.length;
    // The room: the state nearest the target, among those the move enters, that declares one;
    // otherwise the innermost state with a use that the move enters (or, failing that, any at the target).
    const into = active[e.to]!;
    const entered = into.filter(inside);
    const withUse = (states: string[]) => [...states].reverse().find((s) => usesOf.has(s));
    const user = withUse(entered) ?? withUse(into);
    if (!user) return;
    const room = [...entered].reverse().find(declaresRoom) ?? user;
    roomOf[k] = roomFor(room, usesOf.get(user)![0]!);
  });

  const entryRoom = Int32Array.from(active, (states) => {
    const user = [...states].reverse().find((s) => usesOf.has(s));
    if (!user) return -1;
    return roomFor([...states].reverse().find(declaresRoom) ?? user, usesOf.get(user)![0]!);
  });
  const fullWay = new Int32Array(n).fill(-1);
  const abandonWay = new Int32Array(n).fill(-1);
  const offset = graph.edges.length;
  for (const e of graph.conditionalWays ?? []) {
    const list = e.when === 'full' ? fullWay : abandonWay;
    if (list[e.from] === -1) list[e.from] = offset + e.index;
  }

  return {
    resources,
    activeStates: active,
    uses,
    rooms,
    streams: toStreams(graph),
    target,
    nodeUseStart,
    nodeUses: Int32Array.from(nodeUseList),
    exitStart,
    exits: Int32Array.from(exitList),
    roomOf,
    entryRoom,
    fullWay,
    abandonWay,
    maxHold,
  };
}

/** A schedule as 168 hours of the week, or null when flat. */
function toWeekly(schedule: ResourceDeclaration['schedule']): Int32Array | null {
  if (!schedule) return null;
  if (schedule.weekly) return Int32Array.from(schedule.weekly);
  if (schedule.hourly) return Int32Array.from({ length: 168 }, (_, h) => schedule.hourly![h % 24]!);
  return null;
}

/** The arrival streams: the model's `meta.arrivals`, or its `meta.demand` as one stream at the initial state. */
function toStreams(graph: CareGraph): FlowStream[] {
  const hours = (weights: number[] | undefined) => {
    const w = Float64Array.from(weights ?? new Array(24).fill(1));
    return { hourly: w, hourlyTotal: w.reduce((a, b) => a + b, 0) };
  };
  const days = (weights: number[] | undefined) => {
    const w = weights ?? new Array(7).fill(1);
    const total = w.reduce((a, b) => a + b, 0);
    return Float64Array.from(w, (x) => (x * 7) / total);
  };
  if (graph.meta.arrivals?.length) {
    return graph.meta.arrivals.map((s) => ({
      id: s.id,
      label: s.label,
      entry: getEntryNode(graph, s.entry),
      perDay: s.perDay,
      ...hours(s.hourly),
      weekly: days(s.weekly),
      changes: s.changes ?? [],
      legacy: false,
    }));
  }
  const demand = graph.meta.demand;
  if (!demand) return [];
  return [
    {
      id: 'demand',
      label: 'Requests',
      entry: 0,
      perDay: demand.perDay,
      ...hours(demand.hourly),
      weekly: new Float64Array(7).fill(1),
      changes: [],
      legacy: true,
    },
  ];
}

/** The first node (in the graph's order) at the state path, or inside it; -1 when no node is. */
export function getEntryNode(graph: CareGraph, path: string): number {
  const node = graph.nodes.find((n) => n.states.some((s) => s === path || s.startsWith(`${path}.`)));
  return node ? node.index : -1;
}

/** Minutes from the simulation's start to a date (YYYY-MM-DD), or NaN when it is not one. */
export function toSimulationMinute(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return Number.NaN;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? Number.NaN : (ms - SIMULATION_EPOCH) / 60_000;
}

/** Units of each resource in each hour of a run of `hours` hours: the schedule, then the dated changes in order. */
export function toUnitsByHour(resource: FlowResource, hours: number): Int32Array {
  const out = new Int32Array(hours);
  for (let h = 0; h < hours; h++) out[h] = resource.weekly ? resource.weekly[h % 168]! : resource.units;
  for (const c of resource.changes) {
    const from = Math.max(0, Math.ceil(toSimulationMinute(c.from) / 60));
    const until = c.until ? Math.min(hours, Math.ceil(toSimulationMinute(c.until) / 60)) : hours;
    for (let h = from; h < until; h++) out[h] = c.units !== undefined ? c.units : Math.round(out[h]! * (c.scale ?? 1));
  }
  return out;
}

/** A stream's arrivals per minute in each hour of a run of `hours` hours. */
export function toRatesByHour(stream: FlowStream, hours: number): Float64Array {
  const out = new Float64Array(hours);
  for (let h = 0; h < hours; h++) {
    const day = Math.floor(h / 24) % 7;
    const rate = (stream.perDay * stream.hourly[h % 24]!) / stream.hourlyTotal / 60;
    out[h] = stream.legacy ? rate : rate * stream.weekly[day]!;
  }
  for (const c of stream.changes) {
    const from = Math.max(0, Math.ceil(toSimulationMinute(c.from) / 60));
    const until = c.until ? Math.min(hours, Math.ceil(toSimulationMinute(c.until) / 60)) : hours;
    for (let h = from; h < until; h++) out[h] = out[h]! * c.scale;
  }
  return out;
}
