/** An outcome state and the probability that a request ends there. */
export interface OutcomeProbability {
  /** Index of the outcome node in the care graph. */
  node: number;
  /** Its state path. */
  state: string;
  /** Its outcome category (the state path when the model names none). */
  outcome: string;
  /** Probability that a request ends here. */
  probability: number;
}

/** The exact analysis of the care graph as an absorbing Markov chain, loops included. */
export interface MarkovAnalysis {
  /** Expected visits per request to each node (for outcome nodes, the probability of ending there). */
  visits: Float64Array;
  /** Expected traversals per request of each way out. */
  edgeFlow: Float64Array;
  /** Every reachable outcome state, in the order of the graph. */
  outcomes: OutcomeProbability[];
  /** Expected minutes from the first contact to the outcome (sum of visits × mean duration). */
  expectedMinutes: number;
  /** Expected changes of agency per request. */
  expectedHandoffs: number;
  /** Expected handoffs per request from agency i to agency j (i ≠ j), indexed as `CareGraph.agencies`. */
  agencyFlow: number[][];
}
