import type { Assumption } from '../model/getAssumptions.ts';
import type { AnyStateMachine } from 'xstate';
import type { CareContext } from '../model/builtins.ts';
import type { AgencyDeclaration, Capacity, Diagnostic, Duration, FunctionDeclaration, ModelMeta } from '../model/types.ts';

/**
 * One node of the care graph: a stable configuration of the machine (its active states
 * and context) between two events. For most models this is one atomic state.
 */
export interface CareNode {
  /** Position in `CareGraph.nodes`; the initial configuration is 0. */
  index: number;
  /** xstate's serialisation of the configuration (state value and context). */
  key: string;
  /** The name shown to people: the state path, with context values when the model has any. */
  id: string;
  /** State paths of the active atomic states, in document order (one unless parallel). */
  states: string[];
  /** The context in this configuration, when the model has one. */
  context?: CareContext;
  /** The agency responsible (from the first active atomic state that resolves one); '' when none. */
  agency: string;
  /** The function performed, when declared. */
  function?: string;
  /** True when the request has reached an outcome: every active atomic state is final. */
  isOutcome: boolean;
  /** Offered events whose guards are all false here: ways out the model declares but this configuration cannot take. */
  guardedWays: number;
  /** The outcome category (`meta.outcome`), for outcome nodes. */
  outcome?: string;
  /** The plain-English description of the state, for clinicians. */
  description: string;
  /** Time spent per visit. */
  duration?: Duration;
  /** Mean of `duration`, in minutes (0 when absent). */
  meanMinutes: number;
  /** Servers and queue, for the discrete-event simulation. */
  capacity?: Capacity;
  /** The priority a request takes on from here (1 most urgent), when the state sets one. */
  priority?: number;
  /**
   * In a configuration with parallel regions (more than one active atomic state): each active
   * atomic state, its own clock and its own ways out, in document order. Absent otherwise.
   * `duration` is then absent on the node and `meanMinutes` is the expected time until the first
   * region finishes its step (see `RegionStep`).
   */
  regions?: RegionStep[];
}

/**
 * One region's current step in a parallel configuration. Regions run at the same time: the region
 * whose step ends first moves, by one of its own ways out, chosen by its own probabilities; the
 * others carry on with the time they have left. Monte Carlo and the DES sample each step's
 * duration; exact analysis takes each step as exponential with its mean to work out which region
 * finishes first (exact for exponential steps) and a step that takes no time always goes first,
 * in document order.
 */
export interface RegionStep {
  /** State path of the active atomic state. */
  state: string;
  /** Its agency (inherited from ancestors); '' when none. */
  agency: string;
  /** Time this step takes, when declared. */
  duration?: Duration;
  /** Mean of `duration` in minutes (0 when absent). */
  meanMinutes: number;
  /** True when the region has reached its final state and waits for the others. */
  done: boolean;
  /** This region's ways out: edge indices with their probability within the region (summing to 1). */
  ways: { edge: number; p: number }[];
}

/** One way out of a configuration: an event and the configuration it leads to. */
export interface CareEdge {
  /** Position in `CareGraph.edges`. Edges are sorted by `from`. */
  index: number;
  /** Index of the configuration the way out leaves. */
  from: number;
  /** Index of the configuration it reaches. */
  to: number;
  /** The event type. */
  event: string;
  /** Routing probability after renormalising over the ways out enabled here. */
  p: number;
  /** The probability the model declares (`meta.p`); absent when omitted. */
  declaredP?: number;
  /** State path of the state node that declares the transition (it may be an ancestor). */
  source: string;
  /** The transition's description, when the model gives one. */
  description?: string;
  /**
   * Into a configuration with regions, from one with regions: for each region of the target, the
   * region of this edge's source configuration whose clock carries on (its state is not left by
   * the transition), or -1 when the region starts its step afresh. Absent when nothing carries on.
   */
  carry?: number[];
  /**
   * The state whose active descendants the transition leaves and enters again (its domain, as
   * xstate resolves it); absent when it leaves none. Resources held by the states it leaves are
   * released (see `StateMeta.uses`).
   */
  leaves?: string;
  /** Conditional ways only (`CareGraph.conditionalWays`): when the way is taken. */
  when?: 'full' | 'abandoned';
}

/** What the compiler learnt about each state node of the machine, reachable or not. */
export interface StateInfo {
  /** State path, for example `city.ambulance.seeAndTreat`. */
  path: string;
  /** xstate's kind of node. */
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  /** Path of the parent, undefined for the root. */
  parent?: string;
  /** Agency after inheritance from ancestors; undefined when none resolves. */
  agency?: string;
  /** The node's plain-English description. */
  description?: string;
  /** The node's own `meta`. */
  meta: Record<string, unknown>;
  /** xstate features used here that the analysis cannot honour fully: invoke, after, always, wildcard, history. */
  features: string[];
  /** True when some reachable configuration has this node active, or a request passes through it. */
  reachable: boolean;
  /** True for a state requests pass through without stopping: xstate leaves it at once by an eventless (`always`) transition. */
  transient?: boolean;
  /** Ways out written with xstate v4's `cond` (ignored by xstate v5): the event and the guard's name. */
  v4Guards?: { event: string; guard: string }[];
}

/** The compiled care graph: every configuration a request can be in and every way between them. */
export interface CareGraph {
  /** The model id (the root node's id). */
  modelId: string;
  /** The root's annotations. */
  meta: ModelMeta;
  /** Agencies: the declared list, or those met in the model in document order. */
  agencies: AgencyDeclaration[];
  /** Functions: the declared list or the default one. */
  functions: FunctionDeclaration[];
  /** Configurations, initial first, in breadth-first order. */
  nodes: CareNode[];
  /** Ways out, sorted by `from`. */
  edges: CareEdge[];
  /** `edges` from node i are `outStart[i]` up to `outStart[i + 1]`. */
  outStart: Int32Array;
  /** Every state node of the machine, in document order. */
  stateInfo: StateInfo[];
  /**
   * Ways out taken only on a condition (`meta.when: 'full' | 'abandoned'`), sorted by `from`, with
   * their own indices. They are not in `edges`: exact analysis, pathways and Monte Carlo have no
   * queues, and only the discrete-event simulation takes them.
   */
  conditionalWays?: CareEdge[];
  /** The numbers the model marks as assumptions (`meta.assumptions`), in document order; absent when there are none. */
  assumptions?: Assumption[];
}

/** Options for compiling a machine. */
export interface CompileOptions {
  /** Stop with an error past this many configurations. Default 100,000. */
  maxConfigurations: number;
}

/** The result of compiling: a graph when compilation finished, and what it found on the way. */
export interface CompileResult {
  /** Absent when compilation stopped (configuration limit, an error inside xstate). */
  graph?: CareGraph;
  /** Problems met while compiling, including probability checks per configuration. */
  diagnostics: Diagnostic[];
  /** The machine that was compiled. */
  machine: AnyStateMachine;
}
