import type { CareContext } from '../model/builtins.ts';
import type { CareGraph, CareNode } from './types.ts';

/**
 * How outputs name a configuration: its state path, and apart from it the context values and
 * parallel regions that make it one configuration of that state among several.
 */
export interface ConfigurationRef {
  /** The state path (`city.ed.triage`); in parallel regions, the parallel state's path. */
  state: string;
  /** Context values, when the model has any. */
  context?: CareContext;
  /** In parallel regions: the active state of each region. */
  regions?: string[];
}

/** The state path a configuration belongs to: its one active state, or the parallel state holding its regions. */
export function toStatePath(node: CareNode): string {
  if (node.states.length === 1) return node.states[0]!;
  const parts = node.states.map((s) => s.split('.'));
  const common: string[] = [];
  for (let i = 0; parts.every((p) => i < p.length - 1 && p[i] === parts[0]![i]); i++) common.push(parts[0]![i]!);
  // What the regions' states share is the path of the parallel state that holds them.
  return common.length ? common.join('.') : node.states.join(' + ');
}

const pathsOf = new WeakMap<CareGraph, string[]>();

/** Every node's state path (`toStatePath`), worked out once per graph. */
export function getStatePaths(graph: CareGraph): string[] {
  let paths = pathsOf.get(graph);
  if (!paths) pathsOf.set(graph, (paths = graph.nodes.map(toStatePath)));
  return paths;
}

export function toConfigurationRef(node: CareNode): ConfigurationRef {
  return {
    state: toStatePath(node),
    ...(node.context ? { context: node.context } : {}),
    ...(node.states.length > 1 ? { regions: node.states } : {}),
  };
}

/** Nodes grouped by state path, in the order the states are first met. */
export function groupByState(graph: CareGraph, nodes: readonly CareNode[] = graph.nodes): { state: string; nodes: CareNode[] }[] {
  const groups = new Map<string, CareNode[]>();
  for (const node of nodes) {
    const state = toStatePath(node);
    groups.set(state, [...(groups.get(state) ?? []), node]);
  }
  return [...groups].map(([state, members]) => ({ state, nodes: members }));
}

/**
 * The per-configuration breakdown beside a row aggregated by state: present only where the state
 * has more than one configuration, or its one configuration has context or regions.
 */
export function toConfigurations<T extends object>(
  members: readonly CareNode[],
  value: (node: CareNode) => T,
): { configurations?: (Omit<ConfigurationRef, 'state'> & T)[] } {
  if (members.length === 1 && !members[0]!.context && members[0]!.states.length === 1) return {};
  return {
    configurations: members.map((node) => {
      const { state: _, ...ref } = toConfigurationRef(node);
      return { ...ref, ...value(node) };
    }),
  };
}
