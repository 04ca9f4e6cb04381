import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import type { StateMeta } from '../model/types.ts';
import {
  addRegions,
  getDeclaredP,
  getProvenance,
  getStatePath,
  normaliseProbabilities,
  setProvenance,
  toCareGraph,
  toCareNode,
  type MetaSource,
} from './compileCareGraph.ts';
import type { CareEdge, CareGraph } from './types.ts';

/** A state's config, as far as renumbering reads it. */
interface StateConfigPart {
  meta?: StateMeta;
  on?: Record<string, unknown>;
  states?: Record<string, StateConfigPart>;
}

/**
 * The graph of a config that differs from the compiled one only in numbers inside `meta`
 * (durations, probabilities, capacities, demand, resources), as the assumptions and a calibration
 * change them: the configurations and ways out found by walking the machine with xstate are kept,
 * and every number is read again from the new config. The result equals compiling the new config
 * (a property test holds the two together), in a fraction of the time.
 *
 * Undefined when the graph was not compiled in this process (its xstate snapshots are not at hand).
 * The config must have the same states and ways out as the compiled one.
 */
export function renumberCareGraph(base: CareGraph, config: Record<string, unknown>): CareGraph | undefined {
  const found = getProvenance(base);
  if (!found) return undefined;
  const states = indexStates(config as StateConfigPart, base.modelId);
  const paths = new Map<AnyStateNode, string>();
  const pathOf = (node: AnyStateNode) => {
    let path = paths.get(node);
    if (path === undefined) paths.set(node, (path = getStatePath(node)));
    return path;
  };
  const metas: MetaSource = {
    state: (node) => states.get(pathOf(node))?.meta,
    way: (t) => wayMeta(states.get(pathOf(t.source)), t),
  };
  const nodes = found.snapshots.map((snapshot, i) => {
    const node = toCareNode(snapshot, i, base.nodes[i]!.key, metas);
    node.guardedWays = base.nodes[i]!.guardedWays;
    return node;
  });
  const edges = base.edges.map((e, i) => withDeclaredP(e, getDeclaredP(found.chosen[i]!, metas), Number.NaN));
  const conditionalWays = (base.conditionalWays ?? []).map((e, i) => withDeclaredP(e, getDeclaredP(found.conditionalChosen[i]!, metas), e.p));
  const offers = found.offers.map((list) => list?.map((o) => ({ ...o, p: metas.way(o.transition)?.p })));
  const race = addRegions(nodes, edges, found.snapshots, offers, metas);
  normaliseProbabilities(nodes, edges, race);
  const stateInfo = base.stateInfo.map((s) => ({ ...s, meta: (states.get(s.path)?.meta ?? {}) as Record<string, unknown> }));
  const graph = toCareGraph({ modelId: base.modelId, nodes, edges, outStart: base.outStart.slice(), stateInfo, conditionalWays }, config);
  setProvenance(graph, { ...found, offers });
  return graph;
}

/** Every state's config by its path. */
function indexStates(root: StateConfigPart, modelId: string): Map<string, StateConfigPart> {
  const index = new Map<string, StateConfigPart>();
  const visit = (node: StateConfigPart, path: string) => {
    index.set(path, node);
    for (const [key, child] of Object.entries(node.states ?? {})) visit(child, `${path}.${key}`);
  };
  visit(root, modelId);
  return index;
}

/**
 * The meta of a transition in the new config: xstate keeps a state's transitions on an event in
 * the order its config lists them, so the transition's place in that list finds it.
 */
function wayMeta(state: StateConfigPart | undefined, t: AnyTransitionDefinition): { p?: unknown; when?: unknown } | undefined {
  const k = t.source.transitions.get(t.eventType)?.indexOf(t) ?? -1;
  const declared = state?.on?.[t.eventType];
  const way = (Array.isArray(declared) ? declared : [declared])[k];
  return way && typeof way === 'object' ? (way as { meta?: { p?: unknown; when?: unknown } }).meta : undefined;
}

/** An edge with a newly declared `p` (in the place compiling puts it) and its probability reset. */
function withDeclaredP(e: CareEdge, declared: unknown, p: number): CareEdge {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(e)) {
    if (key === 'declaredP' || key === 'carry') continue;
    out[key] = key === 'p' ? p : value;
    if (key === 'p' && declared !== undefined) out.declaredP = declared;
  }
  return out as unknown as CareEdge;
}
