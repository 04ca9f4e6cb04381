import {
  __unsafe_getAllOwnEventDescriptors as getEventDescriptors,
  createEmptyActor,
  type AnyActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type AnyStateNode,
} from 'xstate';
import { getMeanMinutes } from '../model/duration.ts';
import { defaultFunctions } from '../model/functions.ts';
import type { CareContext } from '../model/builtins.ts';
import type { AgencyDeclaration, Diagnostic, Duration, ModelMeta, StateMeta } from '../model/types.ts';
import type { CareEdge, CareGraph, CareNode, CompileOptions, CompileResult, StateInfo } from './types.ts';

export const defaultCompileOptions: CompileOptions = { maxConfigurations: 100_000 };

/** The state path of a node: the model id followed by the keys down to it (`city.ambulance.seeAndTreat`). */
export function getStatePath(node: AnyStateNode): string {
  return [node.machine.root.id, ...node.path].join('.');
}

/** The agency of a node: its own `meta.agency`, or the nearest ancestor's. */
export function getAgency(node: AnyStateNode): string | undefined {
  for (let n: AnyStateNode | undefined = node; n; n = n.parent) {
    const agency = (n.meta as StateMeta | undefined)?.agency;
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

  const intern = (snapshot: AnyMachineSnapshot): number => {
    const key = getConfigurationKey(snapshot);
    const known = indexByKey.get(key);
    if (known !== undefined) return known;
    if (nodes.length >= maxConfigurations) throw new ConfigurationLimit();
    const index = nodes.length;
    indexByKey.set(key, index);
    snapshots.push(snapshot);
    nodes.push(toCareNode(snapshot, index, key));
    for (const n of snapshot._nodes as AnyStateNode[]) activePaths.add(getStatePath(n));
    return index;
  };

  let current = 0;
  const scope = createTraversalScope();
  try {
    intern(machine.getInitialSnapshot(scope) as AnyMachineSnapshot);
    for (; current < nodes.length; current++) {
      const node = nodes[current]!;
      if (node.isOutcome) continue;
      node.guardedWays = addWaysOut(machine, scope, snapshots[current]!, current, edges, intern);
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

  normaliseProbabilities(nodes, edges);
  const outStart = new Int32Array(nodes.length + 1);
  for (const e of edges) outStart[e.from + 1]!++;
  for (let i = 0; i < nodes.length; i++) outStart[i + 1]! += outStart[i]!;

  const meta = (machine.root.meta ?? {}) as ModelMeta;
  const stateInfo = getStateInfo(machine, activePaths);
  const graph: CareGraph = {
    modelId,
    meta,
    agencies: meta.agencies ?? getAgenciesMet(stateInfo),
    functions: meta.functions ?? [...defaultFunctions],
    nodes,
    edges,
    outStart,
    stateInfo,
  };
  return { graph, diagnostics, machine };
}

/** Adds the ways out of one configuration; returns how many offered events a guard disabled. */
function addWaysOut(
  machine: AnyStateMachine,
  scope: AnyActorScope,
  snapshot: AnyMachineSnapshot,
  from: number,
  edges: CareEdge[],
  intern: (s: AnyMachineSnapshot) => number,
): number {
  let guarded = 0;
  for (const type of getOfferedEvents(snapshot)) {
    const event = { type };
    const chosen = machine.getTransitionData(snapshot, event);
    if (!chosen || chosen.length === 0) {
      guarded++;
      continue;
    }
    const next = machine.transition(snapshot, event, scope);
    const declared = chosen.map((t) => (t as { meta?: { p?: unknown } }).meta?.p).find((p) => p !== undefined);
    const first = chosen[0]!;
    edges.push({
      index: edges.length,
      from,
      to: intern(next as AnyMachineSnapshot),
      event: type,
      p: Number.NaN,
      ...(declared !== undefined ? { declaredP: declared as number } : {}),
      source: getStatePath(first.source),
      ...(first.description ? { description: first.description } : {}),
    });
  }
  return guarded;
}

function toCareNode(snapshot: AnyMachineSnapshot, index: number, key: string): CareNode {
  const atoms = atomicNodes(snapshot);
  const states = atoms.map(getStatePath);
  const context = snapshot.context as CareContext | undefined;
  const hasContext = !!context && Object.keys(context).length > 0;
  const isOutcome = snapshot.status === 'done' || atoms.every((n) => n.type === 'final');
  const metaOf = (n: AnyStateNode) => (n.meta ?? {}) as StateMeta;
  const firstMeta = <K extends keyof StateMeta>(k: K): StateMeta[K] | undefined =>
    atoms.map((n) => metaOf(n)[k]).find((v) => v !== undefined);
  const duration = firstMeta('duration') as Duration | undefined;
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
    agency: atoms.map(getAgency).find((a) => a !== undefined) ?? '',
    ...(fn !== undefined ? { function: fn } : {}),
    isOutcome,
    guardedWays: 0,
    ...(outcome !== undefined ? { outcome } : {}),
    description: atoms.map((n) => n.description).filter(Boolean).join(' Meanwhile, '),
    ...(duration !== undefined ? { duration } : {}),
    meanMinutes: safeMean(duration),
    ...(capacity !== undefined ? { capacity } : {}),
    ...(typeof priority === 'number' ? { priority } : {}),
  };
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
 * Where a guard has switched some ways out off, the enabled ones are renormalised to sum to 1;
 * malformed declarations (reported by the model check) fall back to equal shares.
 */
function normaliseProbabilities(nodes: CareNode[], edges: CareEdge[]): void {
  let start = 0;
  for (let i = 0; i < nodes.length; i++) {
    let end = start;
    while (end < edges.length && edges[end]!.from === i) end++;
    const out = edges.slice(start, end);
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
export function getStateInfo(machine: AnyStateMachine, activePaths?: Set<string>): StateInfo[] {
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
      reachable: activePaths ? activePaths.has(path) : true,
    });
    for (const child of Object.values(node.states) as AnyStateNode[]) visit(child);
  };
  visit(machine.root);
  return info;
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

function limitDiagnostic(modelId: string, max: number): Diagnostic {
  return {
    code: 'configuration-limit',
    severity: 'error',
    path: modelId,
    message: `The model has more than ${max.toLocaleString('en-GB')} configurations (states combined with context values); carepaths stopped counting at ${max.toLocaleString('en-GB')}. This usually means the context can grow without end, for example a counter of contacts that is never capped.`,
    hint: "Cap what the context can hold, for example guard a re-contact with { type: 'below', params: { key: 'contacts', value: 3 } }, or raise the limit with --max-configurations.",
  };
}
