import type { ConfigurationRef } from '../graph/toConfigurationRef.ts';
/** One cell of the functions × agencies table: a function as one agency performs it. */
export interface FunctionCell {
  /** The agency id. */
  agency: string;
  /** The agency's label. */
  label: string;
  /** State paths behind the cell. */
  states: string[];
  /** Expected visits to those states per 1,000 requests. */
  expectedVisitsPer1000: number;
  /** Share of requests that meet this function at this agency at least once (0 to 1). */
  shareOfRequests: number;
}

/** A function of the care system and who performs it. */
export interface FunctionRow {
  /** The function id. */
  function: string;
  /** Its plain-English label. */
  label: string;
  /** The agencies that perform it, the one meeting most requests first. */
  agencies: FunctionCell[];
  /** Expected visits per 1,000 requests, all agencies together. */
  expectedVisitsPer1000: number;
  /** Share of requests that meet the function at least once. */
  shareOfRequests: number;
  /** Share of requests that meet it more than once: again later, or at a second agency. */
  shareMoreThanOnce: number;
}

/** Expected handoffs from one agency to another per 1,000 requests. */
export interface HandoffFlow {
  from: string;
  to: string;
  expectedPer1000: number;
}

/** An agency's part in the system. */
export interface AgencyRow {
  agency: string;
  label: string;
  /** Functions it performs. */
  functions: string[];
  /** Expected visits to its states per 1,000 requests. */
  expectedVisitsPer1000: number;
  /** Share of requests that meet the agency at least once. */
  shareOfRequests: number;
  /** Expected minutes a request spends with it. */
  expectedMinutes: number;
}

/** The functional analysis of a model: exact, from the absorbing Markov chain. */
export interface FunctionalAnalysis {
  /** The model id. */
  model: string;
  /** The model's title. */
  title: string;
  /**
   * Probability of ending in each outcome state (a state path). Where context values or parallel
   * regions make several configurations of one state, `configurations` gives each one's share.
   */
  outcomes: { state: string; outcome: string; probability: number; configurations?: (Omit<ConfigurationRef, 'state'> & { probability: number })[] }[];
  /** Probability of each outcome category, with its name and definition in clinicians' words (`meta.outcomes`, or the built-in words). */
  outcomeCategories: { outcome: string; label: string; definition?: string; probability: number }[];
  /** What happens to requests on the way (`meta.milestones`): the share reaching each at least once, whatever the outcome. */
  milestones: { id: string; label: string; definition: string; share: number }[];
  /** Expected minutes from the first contact to the outcome. */
  expectedMinutes: number;
  /** Expected changes of agency per request. */
  expectedHandoffs: number;
  /** True when the model has capacity: these exact figures leave queues out (the discrete-event simulation has them). */
  capacity: boolean;
  /** Every state (a state path) with its expected visits per request, and each configuration's where there are several. */
  states: {
    state: string;
    agency: string;
    function: string | null;
    expectedVisits: number;
    configurations?: (Omit<ConfigurationRef, 'state'> & { expectedVisits: number })[];
  }[];
  /** Functions with the agencies that perform them. */
  functions: FunctionRow[];
  /** Agencies with the functions they perform. */
  agencies: AgencyRow[];
  /** Handoffs between agencies, largest first. */
  handoffs: HandoffFlow[];
}
