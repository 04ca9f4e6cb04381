import type { ConfigurationRef } from '../graph/toConfigurationRef.ts';
import type { CareContext } from '../model/builtins.ts';
/** Options for Monte Carlo simulation. */
export interface MonteCarloOptions {
  /** Requests walked in each replication. Default 100,000. */
  requests: number;
  /** Independent replications, each with its own random stream. Default 10. */
  replications: number;
  /** The seed: the same seed gives the same results. Default 1. */
  seed: number;
  /** How many of the most frequent pathway variants to report. Default 10. */
  variants: number;
}

/** What a Monte Carlo run found, pooled over replications. */
export interface MonteCarloResult {
  model: string;
  mode: 'montecarlo';
  seed: number;
  replications: number;
  requests: number;
  /** Share of requests ending in each outcome state, with the exact share beside it. */
  /** By outcome state (a state path); `configurations` splits a state that context values or regions make several of. */
  outcomes: {
    state: string;
    outcome: string;
    share: number;
    ci95: [number, number];
    exact: number;
    configurations?: (Omit<ConfigurationRef, 'state'> & { share: number; ci95: [number, number]; exact: number })[];
  }[];
  /** Minutes from first contact to outcome (sum of sampled durations). */
  timeToOutcome: { mean: number; ci95: [number, number]; p50: number; p90: number; p95: number; exactMean: number };
  /** Visits per request to each state. */
  /** By state path, with `configurations` as for outcomes. */
  visits: {
    state: string;
    agency: string;
    perRequest: number;
    exact: number;
    configurations?: (Omit<ConfigurationRef, 'state'> & { perRequest: number; exact: number })[];
  }[];
  /** Minutes of each agency's time per request. */
  workload: { agency: string; minutesPerRequest: number; ci95: [number, number] }[];
  /** Handoffs per request. */
  handoffs: { mean: number; ci95: [number, number]; exact: number };
  /** The most frequent pathway variants, simulated share beside the exact probability. */
  /** Pathway variants: the state paths in order, and each step's context values where the model has context. */
  variants: { states: string[]; contexts?: (CareContext | null)[]; share: number; exact: number }[];
}
