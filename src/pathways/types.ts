import type { CareContext } from '../model/builtins.ts';
/** One way a request can travel: a walk from the initial state to an outcome. */
export interface Pathway {
  /** 1 for the most likely when ranked by probability; position in enumeration order otherwise. */
  rank: number;
  /** Product of the probabilities of the ways out taken. */
  probability: number;
  /** Sum of the mean durations of the states visited, in minutes. */
  expectedMinutes: number;
  /** State paths visited, in order (`city.ambulance.seeAndTreat`), from the initial state to the outcome; in parallel regions, the parallel state's path. */
  states: string[];
  /** The context values at each step, beside `states`; only where the model has context. */
  contexts?: (CareContext | null)[];
  /** The care graph's configurations visited (node indices), beside `states`: for renderers, not written to JSON. */
  nodes: number[];
  /** Events taken, one fewer than states. */
  events: string[];
  /** Agencies in the order met (consecutive repeats merged). */
  agencies: string[];
  /** Changes of agency along the way. */
  handoffs: number;
  /** Functions performed, in order, one per state visited before the outcome. */
  functions: string[];
  /** The outcome category reached (`home`, `admitted`, …); the state path when the model names none. */
  outcome: string;
}

/** Options shared by the pathway algorithms. */
export interface PathwayOptions {
  /** How many more times any state may recur in one pathway: 0 gives simple pathways. */
  maxRevisits: number;
}

/** Options for streaming enumeration. */
export interface EnumerateOptions extends PathwayOptions {
  /** Stop after this many pathways. */
  limit: number;
}

/**
 * The pathway being visited during enumeration. One object is reused for every pathway, so
 * enumeration allocates nothing per pathway; copy what you keep (see `toPathway`).
 */
export interface PathwayCursor {
  /** Number of steps: `nodes[0..length]` are the configurations, `edges[0..length-1]` the ways out. */
  length: number;
  nodes: Int32Array;
  edges: Int32Array;
  probability: number;
  expectedMinutes: number;
  handoffs: number;
}

/** How an enumeration ended. */
export interface EnumerateResult {
  /** Pathways visited. */
  visited: number;
  /** False when `limit` stopped it (or the visitor did) before every pathway was visited. */
  complete: boolean;
}

/** An exact count of pathways, or why it could not be made. */
export type PathwayCount =
  | { exact: true; total: bigint }
  | {
      exact: false;
      /** Plain-English reason, naming the loop that was too large. */
      reason: string;
    };

/** Options for counting. */
export interface CountOptions extends PathwayOptions {
  /** Steps the count may take inside loops before it gives up. Default 50,000,000. */
  maxWork: number;
}

/** Options for the most likely pathways. */
export interface TopOptions extends PathwayOptions {
  /** How many pathways. */
  top: number;
  /** Partial pathways the search may hold before it gives up. Default 5,000,000. */
  maxFrontier: number;
}

/** The most likely pathways and how much of the demand they account for. */
export interface TopPathways {
  pathways: Pathway[];
  /** Sum of their probabilities: the share of all requests that follow one of them. */
  coverage: number;
  /** False when the search stopped at `maxFrontier` before finding `top` pathways. */
  complete: boolean;
}
