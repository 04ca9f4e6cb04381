import type { Capacity, Duration } from '../model/types.ts';

/**
 * Where a measure's value comes from. Exact measures are solved from the care graph (no noise);
 * Monte Carlo and discrete-event measures are simulated, with a 95% interval over replications.
 */
export type MeasureSource = 'exact' | 'montecarlo' | 'des';

/** The unit a measure is read in, which decides how targets are written and values shown. */
export type MeasureUnit = 'share' | 'minutes' | 'count';

/**
 * States a measure is about: one of state paths, agency ids, function ids or outcome categories;
 * each may be one name or a list (any of them).
 */
export interface StateSelector {
  /** A state path such as `city.ed.majors`; a compound state includes the states inside it. */
  state?: string | string[];
  agency?: string | string[];
  function?: string | string[];
  /** An outcome category (`meta.outcome`), such as `home`. */
  outcome?: string | string[];
}

/** Which summary of a simulated distribution of times. */
export type TimeStatistic = 'mean' | 'p50' | 'p90' | 'p95';

/**
 * A measure from the catalogue (README, "Strategy measures"). `kind` picks it; the other fields
 * say what it is about.
 */
export type Measure =
  /** Share of requests ending in an outcome category or outcome state (exact). */
  | { kind: 'outcome-share'; outcome?: string | string[]; state?: string | string[] }
  /** Share of requests that reach the selected states at least once (exact). */
  | ({ kind: 'reach-share' } & StateSelector)
  /** Mean visits per request to the selected states (exact). */
  | ({ kind: 'visits' } & StateSelector)
  /** Mean handoffs between agencies per request (exact). */
  | { kind: 'handoffs' }
  /** Time from the request to its outcome: the mean is exact, centiles from Monte Carlo. */
  | { kind: 'time-to-outcome'; statistic: TimeStatistic }
  /** Time from the request until it first reaches the selected states (or its outcome, if it never does); Monte Carlo. */
  | ({ kind: 'time-to'; statistic: TimeStatistic } & StateSelector)
  /** Minutes of an agency's time a day (requests × visits × mean duration, exact). */
  | { kind: 'workload'; agency: string; part?: 'staff' | 'beds' }
  /** Wait for a server at a state with capacity (discrete-event simulation). */
  | { kind: 'wait'; state: string; statistic: 'mean' | 'p90' }
  /** Share of server time in use at a state with capacity (discrete-event simulation). */
  | { kind: 'utilisation'; state: string }
  /** Ambulance response time at a dispatch state: from the call to arrival on scene (discrete-event simulation). */
  | { kind: 'response-time'; state: string; statistic: 'mean' | 'p90' }
  /** Share of stays with an agency that end within four hours, such as the ED four-hour standard (discrete-event simulation). */
  | { kind: 'four-hour-share'; agency: string | string[] }
  /** One of the model's clocks (`meta.clocks`): its mean or a centile, in minutes (discrete-event simulation). */
  | { kind: 'clock'; clock: string; statistic: 'mean' | 'p50' | 'p90' }
  /** Share of a clock's readings over a number of minutes, such as handovers over 30 minutes (discrete-event simulation). */
  | { kind: 'clock-share-over'; clock: string; minutes: number }
  /** Hours a day beyond a number of minutes on a clock, such as crew hours lost to handovers beyond 30 minutes (discrete-event simulation). */
  | { kind: 'clock-hours-beyond'; clock: string; minutes: number }
  /** Share of a resource's unit-time held by requests at the selected states, such as beds held by medically fit patients (discrete-event simulation). */
  | ({ kind: 'resource-share'; resource: string } & StateSelector)
  /** Share of requests routed to a state's waiting room that give up waiting, such as NHS 111 calls abandoned (discrete-event simulation). */
  | { kind: 'abandoned-share'; state: string }
  /** Share of requests routed to a state that find its waiting room full and are turned away (discrete-event simulation). */
  | { kind: 'turned-away-share'; state: string }
  /** Requests a day coming into the selected states from outside them (with `from`, straight from those states), such as ED attendances (exact). */
  | ({ kind: 'per-day'; from?: string | string[] } & StateSelector)
  /** Mean minutes a request spends in the selected states each time it comes into them, queues left out (exact). */
  | ({ kind: 'length-of-stay' } & StateSelector)
  /** Requests a day ending in an outcome category or state, as simulated (outcomes reached by `when` ways included) (discrete-event simulation). */
  | { kind: 'ends-per-day'; outcome?: string | string[]; state?: string | string[] }
  /** One measure divided by another, such as admissions per ED attendance (exact unless a part is simulated). */
  | { kind: 'ratio'; of: Measure; per: Measure };

export type MeasureKind = Measure['kind'];

/** One objective of the strategy: a measure, a direction and a target. */
export interface Objective {
  /** Short id that plans name in `supports`. */
  id: string;
  /** Plain-English title. */
  title: string;
  measure: Measure;
  /** `at-most`: the value must be at or below the target; `at-least`: at or above. */
  direction: 'at-most' | 'at-least';
  /** In the measure's unit: a share from 0 to 1, minutes, or a count. */
  target: number;
}

/** Simulation settings for the measures that need one. */
export interface StrategySimulation {
  /** Monte Carlo requests per replication. Default 20,000. */
  requests: number;
  /** Replications (Monte Carlo and discrete-event). Default 5. */
  replications: number;
  /** Discrete-event days after the warm-up. Default 28. */
  days: number;
  /** Discrete-event warm-up days. Default 30. */
  warmup: number;
  seed: number;
}

/** A whole-system strategy: the objectives that plans are tested against. */
export interface Strategy {
  title: string;
  description: string;
  objectives: Objective[];
  simulation: StrategySimulation;
}

/** One change a plan makes to the model's machine config. State paths are full (`city.nhs111.callReceived`). */
export type PlanChange = PlanChangeKind & {
  /** Why this change, in plain English (shown in the comparison). */
  why?: string;
};

export type PlanChangeKind =
  /** Sets the probabilities of some ways out of a state; with `rebalance`, the other ways are scaled so that they still sum to 1. */
  | { change: 'reweight'; state: string; ways: Record<string, number>; rebalance: boolean }
  /** Sends an existing way out to another state. */
  | { change: 'redirect'; state: string; way: string; to: string }
  /** Adds a way out of an existing state; with `rebalance`, the other ways are scaled to make room. */
  | { change: 'add-way'; state: string; way: string; to: string; p: number; rebalance: boolean; description?: string }
  /** Removes a way out; with `rebalance`, the others are scaled to fill the gap. */
  | { change: 'remove-way'; state: string; way: string; rebalance: boolean }
  /** Adds a new service (a state) inside an existing agency, with its ways out. */
  | {
      change: 'add-service';
      state: string;
      description: string;
      function: string;
      duration?: Duration;
      capacity?: Capacity;
      ways: Record<string, { to: string; p?: number }>;
    }
  /** Replaces a state's duration, or scales it. */
  | { change: 'duration'; state: string; duration?: Duration; scale?: number }
  /** Changes a state's servers, hourly schedule or queue order. */
  | { change: 'capacity'; state: string; servers?: number; schedule?: number[] | null; queue?: 'fifo' | 'priority' }
  /** Changes demand: requests a day (or a scale on it) and the hourly profile. */
  | { change: 'demand'; perDay?: number; scale?: number; hourly?: number[] }
  /**
   * Changes a resource of `meta.resources` (`state` holds its id): its units, schedule, dated
   * changes or queue order; with a label and units, adds a new one.
   */
  | {
      change: 'resource';
      state: string;
      label?: string;
      units?: number;
      schedule?: { hourly?: number[]; weekly?: number[] } | null;
      changes?: { from: string; until?: string; units?: number; scale?: number }[];
      queue?: 'fifo' | 'priority';
    }
  /** Changes a state's waiting room: its places (null for unlimited) and the patience of those waiting (null for none). */
  | { change: 'waiting-room'; state: string; places?: number | null; patience?: Duration | null }
  /** Changes which resources a state uses (null: none). */
  | { change: 'uses'; state: string; uses: string | Record<string, number> | null }
  /**
   * Sets one number of the model: a field inside a state's meta (`state` is the model id for the
   * root), or with `way` inside that way out's meta. A probability (`field: p`) rebalances the
   * state's other ways out so that they still sum to 1. Calibration writes its fitted values so.
   */
  | { change: 'set'; state: string; way?: string; field: string; value: number };

/** A figure a place observes, to hold a model against: a measure, its observed value or range, and how close counts as agreeing. */
export interface ObservedFigure {
  id: string;
  title: string;
  measure: Measure;
  /** The observed value (low = high) or range, in the measure's unit. */
  observed: { low: number; high: number };
  /** How far outside the observed value or range the model may be and still agree, in the measure's unit. */
  tolerance: number;
  /** The period the figure covers (`2024/25`). */
  period: string;
  /** Where it comes from: a row of the model's sources file, or a publication. */
  source: string;
  /**
   * Why the model is not held to this figure (`held: false`, `why: …` in the file), for a
   * published figure that cannot be met together with the others: shown against the model, but
   * not counted in the verdict, and left out of the calibration.
   */
  notHeld?: string;
}

/** What a place observes: the figures a model of it should reproduce. */
export interface ObservedFigures {
  title: string;
  description: string;
  figures: ObservedFigure[];
  /** Simulation settings for the figures that need one. */
  simulation: StrategySimulation;
}

/** An action plan: who owns it, what it claims, and what it changes. */
export interface Plan {
  /** The plan's id: its file name without the extension. */
  id: string;
  name: string;
  /** The agency that owns the plan (an agency id in the model). */
  owner: string;
  description: string;
  /** Objective ids the plan claims to help. */
  supports: string[];
  /** Why the change is expected to work and where its numbers come from. */
  evidence: string[];
  changes: PlanChange[];
}

/** A problem in a strategy or plan file, or in applying a plan: where it is and how to fix it. */
export interface StrategyProblem {
  /** Where in the file: `objectives[2].target`, `changes[1]`. */
  at: string;
  message: string;
  hint?: string;
}
