import { getAdjacencyMap, getSimplePaths, serializeSnapshot } from '@xstate/graph';
import { __unsafe_getAllOwnEventDescriptors as getEventDescriptors, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { countPathways } from '../pathways/countPathways.ts';
import { enumeratePathways } from '../pathways/enumeratePathways.ts';
import type { CareGraph } from '../graph/types.ts';

/** How far to take the cross-check. */
export interface VerificationOptions {
  /** Compare simple pathways only when the model has at most this many (the reference lists them all). Default 20,000. */
  maxPathways: number;
  /** Differences to list of each kind. Default 10. */
  maxListed: number;
}

export const defaultVerificationOptions: VerificationOptions = { maxPathways: 20_000, maxListed: 10 };

/** One comparison: how many each side has, and what only one side has (the first few). */
export interface VerificationPart {
  ours: number;
  reference: number;
  /** In the reference, not in the care graph. */
  missing: string[];
  /** In the care graph, not in the reference. */
  extra: string[];
  agree: boolean;
}

/** What the cross-check against @xstate/graph found. */
export interface Verification {
  model: string;
  /** Configurations (state value and context), as xstate serialises them. */
  configurations: VerificationPart;
  /** Ways out: configuration, event, configuration reached. */
  ways: VerificationPart;
  /** Simple pathways to an outcome, as event sequences; absent (with `pathwaysNote`) when there are too many for the reference. */
  pathways?: VerificationPart;
  pathwaysNote?: string;
  /** True when every comparison made agrees. */
  agree: boolean;
}

const isOutcome = (s: AnyMachineSnapshot) =>
  s.status === 'done' || s._nodes.filter((n) => n.type === 'atomic' || n.type === 'final').every((n) => n.type === 'final');

/** The events offered in a configuration, as carepaths offers them: no internal done events, no wildcards. */
const offered = (s: AnyMachineSnapshot) => getEventDescriptors(s).filter((type) => !type.startsWith('xstate.') && !type.includes('*'));

/**
 * Cross-checks the care graph compiled from `machine` against @xstate/graph: its adjacency map
 * (configurations and ways out, with the three documented corrections: events offered by the
 * configuration, without xstate's internal done events; an event xstate itself says cannot be
 * taken is no way out; outcomes end a pathway), and, where the model has few enough, its simple
 * pathways from `getSimplePaths`. Returns what agrees and the first differences.
 */
export function getVerification(machine: AnyStateMachine, graph: CareGraph, options: Partial<VerificationOptions> = {}): Verification {
  const o = { ...defaultVerificationOptions, ...options };
  const reference = getReferenceWays(machine);
  const compare = (ours: string[], theirs: string[]): VerificationPart => {
    const mine = new Set(ours);
    const other = new Set(theirs);
    const missing = theirs.filter((x) => !mine.has(x));
    const extra = ours.filter((x) => !other.has(x));
    return {
      ours: mine.size,
      reference: other.size,
      missing: missing.slice(0, o.maxListed),
      extra: extra.slice(0, o.maxListed),
      agree: !missing.length && !extra.length,
    };
  };
  const configurations = compare(
    graph.nodes.map((n) => n.key),
    reference.nodes,
  );
  // Ways taken only when a waiting room is full or a request gives up are real xstate transitions,
  // kept apart from the probabilities (`conditionalWays`): they count here, and pathways leave them out.
  const conditional = graph.conditionalWays ?? [];
  const ways = compare(
    [...graph.edges, ...conditional].map((e) => `${graph.nodes[e.from]!.key} --${e.event}--> ${graph.nodes[e.to]!.key}`),
    reference.edges,
  );
  const count = countPathways(graph, { maxRevisits: 0 });
  const result: Verification = { model: graph.modelId, configurations, ways, agree: configurations.agree && ways.agree };
  if (!count.exact || count.total > BigInt(o.maxPathways)) {
    result.pathwaysNote = count.exact
      ? `The model has ${count.total.toLocaleString('en-GB')} simple pathways, more than the ${o.maxPathways.toLocaleString('en-GB')} that @xstate/graph's getSimplePaths can list in reasonable time, so pathways were not compared; every pathway is made of the configurations and ways out above.`
      : `The simple pathways could not be counted (${count.reason}), so they were not compared with getSimplePaths.`;
    return result;
  }
  const ours: string[] = [];
  enumeratePathways(graph, { maxRevisits: 0, limit: Infinity }, (c) => {
    const events: string[] = [];
    for (let i = 0; i < c.length; i++) events.push(graph.edges[c.edges[i]!]!.event);
    ours.push(events.join(' '));
  });
  const onCondition = new Set(conditional.map((e) => e.event));
  result.pathways = compare(
    ours,
    getReferencePathways(machine).filter((p) => !p.split(' ').some((event) => onCondition.has(event))),
  );
  result.agree &&= result.pathways.agree;
  return result;
}

/** @xstate/graph's adjacency map of the machine, corrected as `getVerification` says, keeping what real ways out reach. */
function getReferenceWays(machine: AnyStateMachine): { nodes: string[]; edges: string[] } {
  const adjacency = getAdjacencyMap(machine, { events: (s: AnyMachineSnapshot) => offered(s).map((type) => ({ type })) });
  const out = new Map<string, string[]>();
  for (const [key, { state, transitions }] of Object.entries(adjacency)) {
    const list: string[] = [];
    if (!isOutcome(state as AnyMachineSnapshot)) {
      for (const { event, state: next } of Object.values(transitions) as { event: { type: string }; state: unknown }[]) {
        if ((state as AnyMachineSnapshot).can(event)) list.push(`${key} --${event.type}--> ${serializeSnapshot(next as AnyMachineSnapshot)}`);
      }
    }
    out.set(key, list);
  }
  const start = Object.keys(adjacency)[0]!;
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    for (const e of out.get(queue.shift()!)!) {
      const to = e.slice(e.lastIndexOf('--> ') + 4);
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return { nodes: [...seen], edges: [...seen].flatMap((k) => out.get(k)!) };
}

/** @xstate/graph's simple paths that end in an outcome, as event sequences. */
function getReferencePathways(machine: AnyStateMachine): string[] {
  const paths = getSimplePaths(machine, {
    events: (s: AnyMachineSnapshot) =>
      offered(s)
        .filter((type) => s.can({ type }))
        .map((type) => ({ type })),
    toState: isOutcome,
  });
  return paths.map((p) =>
    p.steps
      .slice(1)
      .map((s) => s.event.type)
      .join(' '),
  );
}
