import type { ConfigurationRef } from '../graph/toConfigurationRef.ts';
/** Options for the discrete-event simulation. */
export interface DesOptions {
  /** Days of arrivals simulated in each replication, after the warm-up. Default 28. */
  days: number;
  /** Days simulated first and left out of the results, so that queues and wards fill up first. Default 30. */
  warmup: number;
  /** Independent replications. Default 5. */
  replications: number;
  /** The seed. Default 1. */
  seed: number;
  /** 'poisson' (the default): random arrivals at the model's hourly rate; 'regular': evenly spaced at that rate. */
  arrivals: 'poisson' | 'regular';
  /**
   * Days past the end of the run for which requests that arrived in the measured window are still
   * followed to their outcome (arrivals go on meanwhile, uncounted, so the system stays as busy).
   * Default 60; what is still open then is reported as unfinished.
   */
  runOut?: number;
}

/** What the discrete-event simulation found. */
export interface DesResult {
  model: string;
  mode: 'des';
  seed: number;
  replications: number;
  days: number;
  warmup: number;
  arrivals: 'poisson' | 'regular';
  /** Requests that arrived after the warm-up, per replication (mean). */
  requestsPerReplication: number;
  /**
   * Requests that arrived in the measured window and were still in the system when the run-out
   * ended (`runOut` days after the end), per replication (mean): not counted in outcomes or times.
   */
  unfinishedPerReplication: number;
  /** By outcome state (a state path); `configurations` splits a state that context values or regions make several of. */
  outcomes: {
    state: string;
    outcome: string;
    share: number;
    ci95: [number, number];
    configurations?: (Omit<ConfigurationRef, 'state'> & { share: number; ci95: [number, number] })[];
  }[];
  timeToOutcome: { mean: number; ci95: [number, number]; p50: number; p90: number; p95: number };
  /** Services with capacity: waits in minutes (of services that ended within the run), utilisation, queue length. */
  services: {
    state: string;
    agency: string;
    servers: string;
    waitMean: number;
    waitMeanCi95: [number, number];
    waitP90: number;
    waitMax: number;
    utilisation: number;
    utilisationCi95: [number, number];
    queueMean: number;
    queueMax: number;
    /** Mean queue length in each hour of the day, 0 to 23. */
    queueByHour: number[];
  }[];
  /** Time from reaching an agency to the end of each dispatch state (response times, for example by ambulance category). */
  responseTimes: {
    state: string;
    agency: string;
    mean: number;
    ci95: [number, number];
    p10: number;
    p25: number;
    p50: number;
    p75: number;
    p90: number;
    count: number;
  }[];
  /** Time spent with each agency per stay, and the share of stays within four hours. */
  stays: { agency: string; mean: number; p90: number; withinFourHours: number; withinFourHoursCi95: [number, number]; count: number }[];
}
