import {
  __unsafe_getAllOwnEventDescriptors as getEventDescriptors,
  createEmptyActor,
  type AnyActorScope,
  type AnyTransitionDefinition,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type AnyStateNode,
} from 'xstate';
import { getMeanMinutes } from '../model/duration.ts';
import { defaultFunctions } from '../model/functions.ts';
import { getAssumptions } from '../model/getAssumptions.ts';
import type { CareContext } from '../model/builtins.ts';
import type { AgencyDeclaration, Diagnostic, Duration, ModelMeta, StateMeta } from '../model/types.ts';
import type { CareEdge, CareGraph, CareNode, CompileOptions, CompileResult, RegionStep, StateInfo } from './types.ts';

export const defaultCompileOptions: CompileOptions = { maxConfigurations: 100_000 };

/** The state path of a node: the model id followed by the keys down to it (`city.ambulance.seeAndTreat`). */
export function getStatePath(node: AnyStateNode): string {
  return [node.machine.root.id, ...node.path].join('.');
}

/**
 * Where compiling reads the numbers and annotations of states and ways out: the machine's own
 * `meta`, or (when a compiled graph is renumbered, see `renumberCareGraph`) another config's.
 */
export interface MetaSource {
  state(node: AnyStateNode): StateMeta | undefined;
  way(t: AnyTransitionDefinition): { p?: unknown; when?: unknown } | undefined;
}

const machineMeta: MetaSource = {
  state: (node) => node.meta as StateMeta | undefined,
  way: (t) => (t as { meta?: { p?: unknown; when?: unknown } }).meta,
};

/** The agency of a node: its own `meta.agency`, or the nearest ancestor's. */
export function getAgency(node: AnyStateNode, metas: MetaSource = machineMeta): string | undefined {
  for (let n: AnyStateNode | undefined = node; n; n = n.parent) {
    const agency = metas.state(n)?.agency;
    if (typeof agency === 'string' && agency) return agency;
  }
  return undefined;
}

/**
 * The event types that can be offered to a configuration. xstate lists the internal
 * `xstate.done.state.*` events of compound states too; offering them by hand would invent
 * pathways that skip to `onDone` before the final child is reached, so they are left out.
 * Wildcards are left out as well (the model check warns about them).
 */
export function getOfferedEvents(snapshot: AnyMachineSnapshot): string[] {
  return getEventDescriptors(snapshot).filter((type) => !type.startsWith('xstate.') && !type.includes('*'));
}

/** xstate's own serialisation of a configuration, as @xstate/graph keys its adjacency map. */
export function getConfigurationKey(snapshot: AnyMachineSnapshot): string {
  const context = snapshot.context as CareContext | undefined;
  return JSON.stringify({ value: snapshot.value, context: context && Object.keys(context).length ? context : undefined });
}

const atomicNodes = (snapshot: AnyMachineSnapshot): AnyStateNode[] =>
  (snapshot._nodes as AnyStateNode[]).filter((n) => n.type === 'atomic' || n.type === 'final');

class ConfigurationLimit extends Error {}

/**
 * What a compilation found that does not depend on numbers: each configuration's xstate snapshot,
 * and the transitions xstate takes on each way out. A graph renumbered from another config
 * (`renumberCareGraph`) reuses it instead of walking the machine again. Kept beside the graph,
 * not in it, so that graphs stay plain data (they are sent to worker threads).
 */
export interface Provenance {
  snapshots: AnyMachineSnapshot[];
  /** For each edge, the transitions xstate takes on its event (the first declared `p` is the edge's). */
  chosen: AnyTransitionDefinition[][];
  /** The same for each conditional way out. */
  conditionalChosen: AnyTransitionDefinition[][];
  /** For each edge out of a configuration with regions: the transitions, with their regions. */
  offers: (Offer[] | undefined)[];
  /** What compiling found to say about the model (none of it depends on numbers). */
  diagnostics: Diagnostic[];
}

const provenance = new WeakMap<CareGraph, Provenance>();

/** How a compiled graph was found, when it was compiled (or renumbered) in this process. */
export const getProvenance = (graph: CareGraph): Provenance | undefined => provenance.get(graph);
export const setProvenance = (graph: CareGraph, found: Provenance): void => void provenance.set(graph, found);

/**
 * The actor scope @xstate/graph uses to step a machine without running it: actions are not
 * executed, and one scope serves a whole compilation (xstate's `transition()` builds an actor per call).
 */
function createTraversalScope(): AnyActorScope {
  const empty = createEmptyActor();
  return {
    self: empty,
    logger: () => {},
    id: '',
    sessionId: '',
    defer: () => {},
    system: empty.system,
    stopChild: () => {},
    emit: () => {},
    actionExecutor: () => {},
  } as unknown as AnyActorScope;
}

/**
 * Compiles an xstate machine into the care graph: a breadth-first walk over configurations
 * using xstate's own `machine.transition`, so hierarchy, inherited transitions, guards over context
 * and parallel regions mean exactly what they mean in xstate. Ways out whose guards are false
 * in a configuration are not ways out there. Outcomes (all active atomic states final) end the walk.
 */
export function compileCareGraph(machine: AnyStateMachine, options: Partial<CompileOptions> = {}): CompileResult {
  const { maxConfigurations } = { ...defaultCompileOptions, ...options };
  const modelId = machine.root.id;
  const diagnostics: Diagnostic[] = [];
  const nodes: CareNode[] = [];
  const edges: CareEdge[] = [];
  const snapshots: AnyMachineSnapshot[] = [];
  const indexByKey = new Map<string, number>();
  const activePaths = new Set<string>();
  /** States a request enters on its way, including transient ones (`always`) it leaves at once. */
  const passedPaths = new Set<string>();
  /** For each edge out of a configuration with regions: the transitions xstate takes on its event. */
  const offers: (Offer[] | undefined)[] = [];
  /** Ways out taken only on a condition (`meta.when`), kept apart from the probabilities. */
  const conditionalWays: CareEdge[] = [];
  const found: Provenance = { snapshots, chosen: [], conditionalChosen: [], offers, diagnostics };

  const intern = (snapshot: AnyMachineSnapshot): number => {
    const key = getConfigurationKey(snapshot);
    const known = indexByKey.get(key);
    if (known !== undefined) return known;
    if (nodes.length >= maxConfigurations) throw new ConfigurationLimit();
    const index = nodes.length;
    indexByKey.set(key, index);
    snapshots.push(snapshot);
    nodes.push(toCareNode(snapshot, index, key, machineMeta));
    for (const n of snapshot._nodes as AnyStateNode[]) activePaths.add(getStatePath(n));
    return index;
  };

  let current = 0;
  const scope = createTraversalScope();
  try {
    markPassed(machine.root, passedPaths);
    const initial = machine.getInitialSnapshot(scope) as AnyMachineSnapshot;
    intern(initial);
    // Arrival streams (meta.arrivals) start requests at their own states: those configurations are
    // part of the graph too, after the initial one (exact analysis still starts from the initial).
    for (const entry of getArrivalEntries(machine)) {
      const snapshot = toEntrySnapshot(machine, entry, initial);
      if (snapshot) intern(snapshot);
    }
    for (; current < nodes.length; current++) {
      const node = nodes[current]!;
      if (node.isOutcome) continue;
      node.guardedWays = addWaysOut(machine, scope, snapshots[current]!, current, { edges, conditionalWays, found }, intern, diagnostics, passedPaths);
    }
  } catch (error) {
    if (error instanceof ConfigurationLimit) {
      diagnostics.push(limitDiagnostic(modelId, maxConfigurations));
    } else {
      const at = nodes[current]?.states.join(' + ') ?? modelId;
      diagnostics.push({
        code: 'xstate-error',
        severity: 'error',
        path: at,
        message: `xstate could not work out the ways out of this state: ${(error as Error).message}`,
        hint: 'Check the transition targets and guards declared on this state and its ancestors.',
      });
    }
    return { diagnostics, machine };
  }

  const race = addRegions(nodes, edges, snapshots, offers, machineMeta);
  normaliseProbabilities(nodes, edges, race);
  const outStart = new Int32Array(nodes.length + 1);
  for (const e of edges) outStart[e.from + 1]!++;
  for (let i = 0; i < nodes.length; i++) outStart[i + 1]! += outStart[i]!;

  const graph = toCareGraph(
    { modelId, nodes, edges, outStart, stateInfo: getStateInfo(machine, activePaths, passedPaths), conditionalWays },
    machine.config as Record<string, unknown>,
  );
  setProvenance(graph, found);
  return { graph, diagnostics, machine };
}

/** The graph from its parts and the config its model-wide meta and assumptions come from. */
export function toCareGraph(
  parts: Pick<CareGraph, 'modelId' | 'nodes' | 'edges' | 'outStart' | 'stateInfo'> & { conditionalWays: CareEdge[] },
  config: Record<string, unknown>,
): CareGraph {
  const { modelId, nodes, edges, outStart, stateInfo, conditionalWays } = parts;
  const meta = (config.meta ?? {}) as ModelMeta;
  const graph: CareGraph = {
    modelId,
    meta,
    agencies: meta.agencies ?? getAgenciesMet(stateInfo),
    functions: meta.functions ?? [...defaultFunctions],
    nodes,
    edges,
    outStart,
    stateInfo,
    ...(conditionalWays.length ? { conditionalWays } : {}),
  };
  const assumptions = getAssumptions(config);
  if (assumptions.length) graph.assumptions = assumptions;
  return graph;
}

/** The `p` a way out declares: the first that the transitions xstate takes on its event declare. */
export const getDeclaredP = (chosen: AnyTransitionDefinition[], metas: MetaSource): unknown => chosen.map((t) => metas.way(t)?.p).find((p) => p !== undefined);

/** Adds the ways out of one configuration; returns how many offered events a guard disabled. */
function addWaysOut(
  machine: AnyStateMachine,
  scope: AnyActorScope,
  snapshot: AnyMachineSnapshot,
  from: number,
  ways: { edges: CareEdge[]; conditionalWays: CareEdge[]; found: Provenance },
  intern: (s: AnyMachineSnapshot) => number,
  diagnostics: Diagnostic[],
  passedPaths: Set<string>,
): number {
  let guarded = 0;
  const { edges, conditionalWays, found } = ways;
  const parallel = atomicNodes(snapshot).length > 1;
  for (const type of getOfferedEvents(snapshot)) {
    const event = { type };
    const chosen = machine.getTransitionData(snapshot, event);
    if (!chosen || chosen.length === 0) {
      guarded++;
      continue;
    }
    const next = machine.transition(snapshot, event, scope);
    for (const t of chosen) for (const target of t.target ?? []) markPassed(target, passedPaths);
    const declared = getDeclaredP(chosen, machineMeta);
    const first = chosen[0]!;
    const when = machineMeta.way(first)?.when;
    const domain = getExitDomain(first);
    if (when !== undefined && when !== 'full' && when !== 'abandoned')
      diagnostics.push({
        code: 'invalid-way-condition',
        severity: 'error',
        path: getStatePath(first.source),
        message: `The way out "${type}" is marked when: ${JSON.stringify(when)}, which carepaths does not know.`,
        hint: "Mark a way out when: 'full' (taken when the waiting room is full) or when: 'abandoned' (taken when a waiting request gives up).",
      });
    if (when === 'full' || when === 'abandoned') {
      found.conditionalChosen.push(chosen);
      conditionalWays.push({
        index: conditionalWays.length,
        from,
        to: intern(next as AnyMachineSnapshot),
        event: type,
        p: 0,
        ...(declared !== undefined ? { declaredP: declared as number } : {}),
        source: getStatePath(first.source),
        ...(first.description ? { description: first.description } : {}),
        when,
        ...(domain ? { leaves: getStatePath(domain) } : {}),
      });
      continue;
    }
    if (parallel && new Set(chosen.map((t) => t.source)).size > 1)
      diagnostics.push(
        sharedEventDiagnostic(
          type,
          chosen.map((t) => getStatePath(t.source)),
        ),
      );
    if (parallel) {
      found.offers[edges.length] = chosen.map((t) => ({ source: t.source, transition: t, p: machineMeta.way(t)?.p, domain: getExitDomain(t) }));
    }
    found.chosen.push(chosen);
    edges.push({
      index: edges.length,
      from,
      to: intern(next as AnyMachineSnapshot),
      event: type,
      p: Number.NaN,
      ...(declared !== undefined ? { declaredP: declared as number } : {}),
      source: getStatePath(first.source),
      ...(first.description ? { description: first.description } : {}),
      ...(domain ? { leaves: getStatePath(domain) } : {}),
    });
  }
  return guarded;
}

/** A transition xstate takes on an edge's event, as far as regions need it. */
export interface Offer {
  source: AnyStateNode;
  transition: AnyTransitionDefinition;
  p: unknown;
  /** The state whose active descendants the transition leaves (undefined: it leaves none). */
  domain: AnyStateNode | undefined;
}

const isDescendant = (node: AnyStateNode, ancestor: AnyStateNode): boolean => {
  for (let n = node.parent; n; n = n.parent) if (n === ancestor) return true;
  return false;
};

/**
 * The transition domain (SCXML, as xstate v5 resolves it): the active descendants of this state
 * are left and entered again. A transition without targets leaves nothing; one whose targets all
 * lie inside its compound source, without `reenter`, leaves the source's descendants; otherwise the
 * nearest compound ancestor that holds the source and every target.
 */
function getExitDomain(t: { source: AnyStateNode; target?: readonly AnyStateNode[] | undefined; reenter?: boolean }): AnyStateNode | undefined {
  const targets = t.target ?? [];
  if (targets.length === 0) return undefined;
  if (!t.reenter && t.source.type === 'compound' && targets.every((n) => isDescendant(n, t.source))) return t.source;
  let domain = t.source.parent;
  while (domain && (domain.type === 'parallel' || !targets.every((n) => isDescendant(n, domain!)))) domain = domain.parent;
  return domain ?? t.source.machine.root;
}

/**
 * Gives each configuration with parallel regions its regions (each active atomic state with its
 * own ways out, probabilities within the region, and clock), and each edge between two such
 * configurations the regions whose clocks carry on. Then the edges' probabilities and the node's
 * time follow from the race between regions (see `RegionStep`).
 */
export function addRegions(
  nodes: CareNode[],
  edges: CareEdge[],
  snapshots: AnyMachineSnapshot[],
  offers: (Offer[] | undefined)[],
  metas: MetaSource,
): Map<number, number> {
  const race = new Map<number, number>();
  // Regions in document order (xstate's own list of active nodes changes order as regions move).
  const atomsOf = snapshots.map((s) => atomicNodes(s).sort((a, b) => a.order - b.order));
  let start = 0;
  for (const node of nodes) {
    let end = start;
    while (end < edges.length && edges[end]!.from === node.index) end++;
    const atoms = atomsOf[node.index]!;
    if (atoms.length > 1) {
      node.regions = atoms.map((atom) => toRegionStep(atom, edges.slice(start, end), offers, metas));
      setRace(node, race);
    }
    start = end;
  }
  for (const e of edges) {
    const from = atomsOf[e.from]!;
    const to = atomsOf[e.to]!;
    if (from.length < 2 || to.length < 2) continue;
    const domains = (offers[e.index] ?? []).map((o) => o.domain);
    const carry = to.map((atom) => {
      const j = from.indexOf(atom);
      return j >= 0 && domains.every((d) => !d || !isDescendant(atom, d)) ? j : -1;
    });
    if (carry.some((j) => j >= 0)) e.carry = carry;
  }
  return race;
}

function toRegionStep(atom: AnyStateNode, ways: CareEdge[], offers: (Offer[] | undefined)[], metas: MetaSource): RegionStep {
  const own = ways.flatMap((e) => {
    const offer = offers[e.index]?.find((o) => o.source === atom || isDescendant(atom, o.source));
    return offer ? [{ edge: e.index, declared: offer.p }] : [];
  });
  const raw = own.map((w) => (own.length === 1 && w.declared === undefined ? 1 : w.declared));
  const valid = raw.every((p) => typeof p === 'number' && Number.isFinite(p) && p >= 0);
  const sum = valid ? (raw as number[]).reduce((a, b) => a + b, 0) : 0;
  const duration = metas.state(atom)?.duration;
  return {
    state: getStatePath(atom),
    agency: getAgency(atom, metas) ?? '',
    ...(duration !== undefined ? { duration } : {}),
    meanMinutes: safeMean(duration),
    done: atom.type === 'final',
    ways: own.map((w, k) => ({ edge: w.edge, p: sum > 0 ? (raw[k] as number) / sum : 1 / own.length })),
  };
}

/**
 * The race between regions, for exact analysis: a region whose step takes no time goes first (the
 * first such, in document order); otherwise each region finishes first with probability in
 * proportion to 1 / its mean, and the time until one does is 1 / the sum of those rates. An edge's
 * probability is the sum, over the regions that offer it, of that region's chance times its own.
 */
function setRace(node: CareNode, race: Map<number, number>): void {
  const regions = node.regions!;
  const moving = regions.filter((r) => !r.done && r.ways.length > 0);
  if (moving.length === 0) return;
  const instant = moving.find((r) => !(r.meanMinutes > 0));
  const rate = (r: RegionStep) => 1 / r.meanMinutes;
  const total = instant ? 0 : moving.reduce((a, r) => a + rate(r), 0);
  for (const r of moving) {
    const chance = instant ? (r === instant ? 1 : 0) : rate(r) / total;
    for (const w of r.ways) race.set(w.edge, (race.get(w.edge) ?? 0) + chance * w.p);
  }
  node.meanMinutes = instant ? 0 : 1 / total;
}

export function toCareNode(snapshot: AnyMachineSnapshot, index: number, key: string, metas: MetaSource): CareNode {
  const atoms = atomicNodes(snapshot);
  const states = atoms.map(getStatePath);
  const context = snapshot.context as CareContext | undefined;
  const hasContext = !!context && Object.keys(context).length > 0;
  const isOutcome = snapshot.status === 'done' || atoms.every((n) => n.type === 'final');
  const metaOf = (n: AnyStateNode) => metas.state(n) ?? {};
  const firstMeta = <K extends keyof StateMeta>(k: K): StateMeta[K] | undefined => atoms.map((n) => metaOf(n)[k]).find((v) => v !== undefined);
  // In a configuration with regions each region keeps its own duration (see `addRegions`).
  const duration = atoms.length > 1 ? undefined : toNodeDuration(firstMeta('duration'), firstMeta('durationBy'), context);
  const capacity = firstMeta('capacity');
  const priority = firstMeta('priority');
  const fn = firstMeta('function');
  const outcome = isOutcome ? firstMeta('outcome') : undefined;
  return {
    index,
    key,
    id: states.join(' + ') + (hasContext ? ` ${JSON.stringify(context)}` : ''),
    states,
    ...(hasContext ? { context: { ...context } } : {}),
    agency: atoms.map((n) => getAgency(n, metas)).find((a) => a !== undefined) ?? '',
    ...(fn !== undefined ? { function: fn } : {}),
    isOutcome,
    guardedWays: 0,
    ...(outcome !== undefined ? { outcome } : {}),
    description: atoms
      .map((n) => n.description)
      .filter(Boolean)
      .join(' Meanwhile, '),
    ...(duration !== undefined ? { duration } : {}),
    meanMinutes: safeMean(duration),
    ...(capacity !== undefined ? { capacity } : {}),
    ...(typeof priority === 'number' ? { priority } : {}),
  };
}

/** The entry states of the model's arrival streams that name a state of the machine. */
function getArrivalEntries(machine: AnyStateMachine): string[] {
  const arrivals = ((machine.root.meta ?? {}) as ModelMeta).arrivals;
  if (!Array.isArray(arrivals)) return [];
  return arrivals.map((a) => a?.entry).filter((e): e is string => typeof e === 'string');
}

/** The configuration a request starts in at an entry state (its initial descendants), with the initial context; undefined when it is not a state. */
function toEntrySnapshot(machine: AnyStateMachine, entry: string, initial: AnyMachineSnapshot): AnyMachineSnapshot | undefined {
  const parts = entry.split('.');
  if (parts[0] !== machine.root.id || parts.length < 2) return undefined;
  let value: string | Record<string, unknown> = parts[parts.length - 1]!;
  for (let i = parts.length - 2; i >= 1; i--) value = { [parts[i]!]: value };
  try {
    return machine.resolveState({ value: value as never, context: initial.context }) as AnyMachineSnapshot;
  } catch {
    return undefined;
  }
}

/** A state's duration in a configuration: by the context value `durationBy` names, when it gives one. */
function toNodeDuration(duration: Duration | undefined, by: StateMeta['durationBy'], context: CareContext | undefined): Duration | undefined {
  if (!by || typeof by !== 'object' || typeof by.cases !== 'object' || by.cases === null) return duration;
  const value = context?.[by.key];
  return (value !== undefined ? by.cases[String(value)] : undefined) ?? by.otherwise ?? duration;
}

/** A mean that does not throw on a malformed duration; the model check reports those. */
function safeMean(duration: Duration | undefined): number {
  try {
    const mean = getMeanMinutes(duration);
    return Number.isFinite(mean) ? mean : 0;
  } catch {
    return 0;
  }
}

/**
 * Turns declared probabilities into routing probabilities. A single way out may omit `p`.
 * In a configuration with regions, they come from the race between regions (`setRace`).
 * Where a guard has switched some ways out off, the enabled ones are renormalised to sum to 1;
 * malformed declarations (reported by the model check) fall back to equal shares.
 */
export function normaliseProbabilities(nodes: CareNode[], edges: CareEdge[], race: Map<number, number>): void {
  let start = 0;
  for (let i = 0; i < nodes.length; i++) {
    let end = start;
    while (end < edges.length && edges[end]!.from === i) end++;
    const out = edges.slice(start, end);
    if (nodes[i]!.regions && out.some((e) => race.has(e.index))) {
      // The race between regions sets these; a way that no moving region offers is never taken.
      for (const e of out) e.p = race.get(e.index) ?? 0;
      start = end;
      continue;
    }
    const raw = out.map((e) => (out.length === 1 && e.declaredP === undefined ? 1 : e.declaredP));
    const valid = raw.every((p) => typeof p === 'number' && Number.isFinite(p) && p >= 0);
    const sum = valid ? (raw as number[]).reduce((a, b) => a + b, 0) : 0;
    out.forEach((e, k) => {
      e.p = sum > 0 ? (raw[k] as number) / sum : 1 / out.length;
    });
    start = end;
  }
}

/**
 * Every state node of the machine in document order, with its inherited agency and the
 * xstate features it uses. `activePaths` marks what is reachable; without it all are marked so.
 */
export function getStateInfo(machine: AnyStateMachine, activePaths?: Set<string>, passedPaths?: Set<string>): StateInfo[] {
  const info: StateInfo[] = [];
  const visit = (node: AnyStateNode) => {
    const path = getStatePath(node);
    const agency = getAgency(node);
    info.push({
      path,
      type: node.type,
      ...(node.parent ? { parent: getStatePath(node.parent) } : {}),
      ...(agency !== undefined ? { agency } : {}),
      ...(node.description ? { description: node.description } : {}),
      meta: (node.meta ?? {}) as Record<string, unknown>,
      features: getFeatures(node),
      reachable: activePaths ? activePaths.has(path) || !!passedPaths?.has(path) : true,
      ...(activePaths && !activePaths.has(path) && passedPaths?.has(path) ? { transient: true } : {}),
      ...(getV4Guards(node).length ? { v4Guards: getV4Guards(node) } : {}),
    });
    for (const child of Object.values(node.states) as AnyStateNode[]) visit(child);
  };
  visit(machine.root);
  return info;
}

/**
 * Marks a state a request enters, and what it enters with it: the initial child of a compound
 * state, every region of a parallel one, and the targets of eventless (`always`) transitions, which
 * xstate takes at once. States passed this way are reached even when no request stops in them.
 */
function markPassed(node: AnyStateNode, passed: Set<string>): void {
  const path = getStatePath(node);
  if (passed.has(path)) return;
  for (let n: AnyStateNode | undefined = node; n; n = n.parent) passed.add(getStatePath(n));
  if (node.type === 'compound' && node.initial) for (const t of node.initial.target) markPassed(t, passed);
  if (node.type === 'parallel') for (const child of Object.values(node.states) as AnyStateNode[]) markPassed(child, passed);
  for (const t of node.always ?? []) for (const target of t.target ?? []) markPassed(target, passed);
}

/** Transitions written with xstate v4's `cond`, which v5 ignores (so the way out is never guarded). */
function getV4Guards(node: AnyStateNode): { event: string; guard: string }[] {
  const config = node.config as { on?: Record<string, unknown>; always?: unknown };
  const found: { event: string; guard: string }[] = [];
  const look = (event: string, value: unknown) => {
    for (const t of Array.isArray(value) ? value : [value]) {
      const cond = (t as { cond?: unknown } | null)?.cond;
      if (cond !== undefined)
        found.push({
          event,
          guard:
            typeof cond === 'string'
              ? cond
              : typeof cond === 'object' && cond && 'type' in cond
                ? String((cond as { type: unknown }).type)
                : 'an inline function',
        });
    }
  };
  for (const [event, value] of Object.entries(config.on ?? {})) look(event, value);
  if (config.always !== undefined) look('always', config.always);
  return found;
}

function getFeatures(node: AnyStateNode): string[] {
  const config = node.config as Record<string, unknown>;
  const present = (key: string) => config[key] !== undefined && !(Array.isArray(config[key]) && (config[key] as unknown[]).length === 0);
  return [
    ...(['invoke', 'after', 'always'] as const).filter(present),
    ...(Object.keys((config.on as object | undefined) ?? {}).some((k) => k.includes('*')) ? ['wildcard'] : []),
    ...(node.type === 'history' ? ['history'] : []),
  ];
}

/** When a model declares no agency list: the agencies met, in document order, labelled by id. */
function getAgenciesMet(stateInfo: StateInfo[]): AgencyDeclaration[] {
  const seen = new Set<string>();
  for (const s of stateInfo) if (s.agency) seen.add(s.agency);
  return [...seen].map((id) => ({ id, label: id }));
}

function sharedEventDiagnostic(event: string, sources: string[]): Diagnostic {
  return {
    code: 'region-shared-event',
    severity: 'warning',
    path: sources[0]!,
    message: `The event "${event}" is taken in more than one parallel region at once (${sources.join(', ')}): when one region takes it, xstate moves the others too, so each region's own probabilities do not hold.`,
    hint: 'Give each region its own event names, so that each region decides for itself.',
  };
}

function limitDiagnostic(modelId: string, max: number): Diagnostic {
  return {
    code: 'configuration-limit',
    severity: 'error',
    path: modelId,
    message: `The model has more than ${max.toLocaleString('en-GB')} configurations (states combined with context values); carepaths stopped counting at ${max.toLocaleString('en-GB')}. This usually means the context can grow without end, for example a counter of contacts that is never capped.`,
    hint: "Cap what the context can hold, for example guard a re-contact with { type: 'below', params: { key: 'contacts', value: 3 } }, or raise the limit with --max-configurations.",
  };
}
