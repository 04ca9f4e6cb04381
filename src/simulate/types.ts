import type { CareContext } from '../model/builtins.ts';
import type { ConfigurationRef } from '../graph/toConfigurationRef.ts';
import type { Histogram } from './Histogram.ts';

// The simulation stage's options, results and tallies, in one place.

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
  /** True when the model has capacity, which Monte Carlo leaves out (no queues). */
  capacity: boolean;
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
  /** Measured requests lost (they met a full waiting room, held nothing, and had no way out for that), per replication (mean). */
  lostPerReplication: number;
  /** Each resource: units, utilisation (serving and blocked together, and each), queue and units in use by hour of the day. */
  resources: {
    id: string;
    label: string;
    units: string;
    utilisation: number;
    utilisationCi95: [number, number];
    /** Shares of the available unit-time spent serving, and held by requests blocked from moving on. */
    serving: number;
    blocked: number;
    blockedCi95: [number, number];
    queueMean: number;
    queueMax: number;
    queueByHour: number[];
    /** Units in use in each hour of the day, 0 to 23: the mean over days and the 90th centile. */
    unitsByHour: { mean: number[]; p90: number[] };
    /** Units held by blocked requests in each hour of the day, 0 to 23 (the mean over days). */
    blockedByHour: number[];
    /** By day of the week, Monday first (the simulation's calendar starts on a Monday): the mean units in use, held by blocked requests, and requests queueing. */
    byDay: { inUse: number[]; blocked: number[]; queue: number[] };
    /** The states whose requests hold the resource, by share of its available unit-time (beds held by medically fit patients, say), largest first. */
    heldBy: { state: string; share: number; ci95: [number, number] }[];
  }[];
  /** Each waiting room: the wait for units (from being routed to the state to getting them), and the shares who gave up or were turned away. */
  waitingRooms: {
    state: string;
    agency: string;
    resource: string;
    /** Places; null when unlimited. */
    places: number | null;
    /** Requests routed here, per replication (mean). */
    requests: number;
    waitMean: number;
    waitMeanCi95: [number, number];
    waitP90: number;
    /** Shares of admitted requests who waited more than 15, 30 and 60 minutes. */
    over15: number;
    over30: number;
    over60: number;
    abandoned: number;
    abandonedCi95: [number, number];
    turnedAway: number;
    turnedAwayCi95: [number, number];
    lost: number;
  }[];
  /** Each state where requests were blocked (their step ended, the next state's room was full): how often and how long. */
  blocking: {
    state: string;
    agency: string;
    /** Share of steps ending here that were blocked. */
    share: number;
    shareCi95: [number, number];
    mean: number;
    p90: number;
    over15: number;
    over30: number;
    over60: number;
    /** Blocked requests per replication (mean). */
    count: number;
  }[];
  /** The model's clocks (`meta.clocks`). */
  clocks: {
    id: string;
    label: string;
    /** The standard the model holds this clock to, in minutes (`meta.clocks[].standard`). */
    standard?: { mean?: number; p90?: number };
    /** Requests timed per replication (mean). */
    count: number;
    mean: number;
    ci95: [number, number];
    p50: number;
    p90: number;
    /** For each threshold in minutes: the share over it, and the hours beyond it a day (crew hours lost beyond 30 minutes, say). */
    over: { minutes: number; share: number; ci95: [number, number]; hoursPerDay: number; hoursPerDayCi95: [number, number] }[];
  }[];
  /** A deadlock stopped at least one replication: the first, with the resources and states involved. Results are not to be used. */
  deadlock?: { replication: number; minute: number; resources: string[]; states: string[] };
}

/** What one replication counts; plain numbers and arrays, so that a worker can send it back. */
export interface ReplicationTally {
  requests: number;
  ends: Float64Array;
  visits: Float64Array;
  agencyMinutes: Float64Array;
  handoffs: number;
  minutes: number;
  times: Histogram;
  variants: [string, number][];
}

/** What one replication measured after the warm-up; plain data, so that a worker can send it back. */
export interface DesTally {
  arrivals: number;
  finished: number;
  /** Measured requests lost: they met a full waiting room, held nothing, and the state had no way out for that. */
  lost: number;
  ends: number[];
  times: Histogram;
  /** By waiting room (see `getFlowPlan`): the wait of each request admitted (from being routed there to getting the units), and those who gave up or were turned away. */
  roomWaits: Histogram[];
  abandoned: number[];
  turnedAway: number[];
  roomLost: number[];
  /** By resource: unit-minutes in use (serving and blocked), of them blocked, and available. */
  busyMinutes: number[];
  blockedMinutes: number[];
  availableMinutes: number[];
  /** By resource and hour of the day: the sum of queue lengths at hour boundaries; `queueCount` counts the boundaries. */
  queueSum: number[][];
  queueCount: number[];
  queueMax: number[];
  /** By resource k and node v, at `k * nodes + v`: unit-minutes held by requests at that node (serving or blocked there). */
  heldMinutes: Float64Array;
  /** By resource: units in use at the start of each measured hour, in order. */
  unitsByHour: number[][];
  /** By resource: units held by blocked requests, and requests queueing, at the start of each measured hour, in order. */
  blockedByHour: number[][];
  queueByRunHour: number[][];
  /** By node: how long requests were blocked there (null where none was), and steps that ended there. */
  blocked: (Histogram | null)[];
  leaves: number[];
  /** Response times at dispatch states (null elsewhere). */
  responses: (Histogram | null)[];
  stays: Histogram[];
  /** Stays within four hours, by agency. */
  staysWithin: number[];
  /** By clock (`meta.clocks`): times read, and for each of its thresholds how many were over it and the minutes beyond it. */
  clocks: { times: Histogram; over: number[]; beyond: number[] }[];
  /** A deadlock that stopped the replication, if one did. */
  deadlock: { at: number; resources: number[]; nodes: number[] } | null;
}

/** What the engine tells its monitor: one flat record a request a step, and the events around them. */
export interface DesMonitor {
  /**
   * One request's stay in one state, as separate arguments so that the engine allocates nothing per
   * step: the request's number in its replication (from 0), the engine's slot for it (reused once it
   * finishes), the node, and when it reached the state, began service (after any wait) and left, in
   * minutes from the start.
   */
  step(request: number, slot: number, node: number, arrival: number, start: number, end: number): void;
  /** A request reached an outcome (`node` -1: it was lost, meeting a full room with no way out for that); its slot is free after this. */
  finish(slot: number, node: number, arrivedAt: number, at: number): void;
  /** A request arrived, in `slot`. */
  arrive(slot: number, at: number): void;
  /** Called at every hour boundary with the queue length, the units in use and, of them, the units held by blocked requests at each resource (numbered as in `getFlowPlan`). */
  hour(at: number, queues: Int32Array, busy: Int32Array, blocked: Int32Array): void;
  /** Units in use changed at a resource (numbered as in `getFlowPlan`). */
  busy(resource: number, at: number, busy: number): void;
  /** Units held by blocked requests changed at a resource. */
  blockedUnits?(resource: number, at: number, blocked: number): void;
  /** A request was blocked at `node` from `since` until `until` (its step there had ended; it kept what it held). */
  blocked?(slot: number, node: number, since: number, until: number): void;
  /** A request routed to `room`'s state at `since` got the units it needed there at `at` (at once when the two are equal). */
  admitted?(slot: number, room: number, since: number, at: number): void;
  /** A waiting request gave up in `room` (numbered as in `getFlowPlan`) at `at`, having joined the wait at `since`. */
  abandoned?(slot: number, room: number, since: number, at: number): void;
  /** A request holding nothing met `room` full at `at`; `lost` when the state has no way out for that. */
  turnedAway?(slot: number, room: number, at: number, lost: boolean): void;
  /** A deadlock at `at`: the resources whose units are all held by requests blocked for one another, and the nodes they are stuck at. The replication stops. */
  deadlock?(at: number, resources: number[], nodes: number[]): void;
  /** Asked at every hour boundary: true stops the replication there (its results are not to be used; a cancelled run). */
  stop?(): boolean;
  /**
   * The measured window ended at `at` (the horizon). Requests that arrived in it are still followed
   * to their outcome after this (the run-out); others that arrive then are not to be counted.
   */
  end(at: number): void;
}
