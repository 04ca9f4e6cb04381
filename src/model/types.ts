/**
 * The model contract: the annotations carepaths reads from an xstate v5 machine.
 * Authors write them under `meta` on the root, on state nodes and on transitions.
 */
import type { AssumptionNote } from './getAssumptions.ts';

/** Time spent per visit to a state, in minutes. */
export type Duration =
  /** Always the same time. */
  | { dist: 'fixed'; value: number }
  /** Memoryless: most visits are short, a few are long. */
  | { dist: 'exponential'; mean: number }
  /** Skewed to the right; given by its median and 90th centile (sigma = ln(p90/median)/1.2816). */
  | { dist: 'lognormal'; median: number; p90: number }
  /** Between `min` and `max`, most often near `mode`. */
  | { dist: 'triangular'; min: number; mode: number; max: number }
  /** Given by its mean and standard deviation. */
  | { dist: 'gamma'; mean: number; sd: number }
  /** Drawn from observed `values`, optionally with `weights` (equal when absent). */
  | { dist: 'empirical'; values: number[]; weights?: number[] }
  /**
   * Given by a table of quantiles at equal steps of probability, smallest first: 11 values are the
   * minimum, the deciles and the maximum (as published, for example handover times). Between two
   * quantiles every time is equally likely.
   */
  | { dist: 'quantiles'; values: number[] };

/** The names of the duration distributions, as written in `dist`. */
export type DurationKind = Duration['dist'];

/** How many people a service can serve at once (used by the discrete-event simulation). */
export interface Capacity {
  /** Servers (clinicians, crews, cubicles, beds) available at once. */
  servers: number;
  /** Servers available in each hour of the day, 0 to 23; overrides `servers` when given. */
  schedule?: number[];
  /** Queue order: first come first served (default) or by priority. */
  queue?: 'fifo' | 'priority';
}

/**
 * A resource the discrete-event simulation shares out: ambulance crews, ED cubicles, ward beds,
 * call handlers. Declared once on the model (`meta.resources`), used by states (`meta.uses`).
 */
export interface ResourceDeclaration {
  /** The name planners use, for example `Staffed ambulances`. */
  label: string;
  /** Units available at once, when no schedule says otherwise. */
  units: number;
  /**
   * Units by hour: `hourly` gives 24 numbers (each hour of the day from midnight), `weekly` 168
   * (each hour of the week from Monday midnight); `weekly` wins when both are given.
   */
  schedule?: { hourly?: number[]; weekly?: number[] };
  /**
   * Dated changes, applied in order over the schedule: from `from` (a date, YYYY-MM-DD, on the
   * simulation's calendar, which starts on Monday 6 January 2025) until `until` (exclusive; for
   * good when absent), either `units` at every hour or the scheduled units times `scale`, rounded.
   */
  changes?: { from: string; until?: string; units?: number; scale?: number }[];
  /** Queue order: first come first served (default) or by priority (`meta.priority`, 1 first). */
  queue?: 'fifo' | 'priority';
  /**
   * What the units are: `beds` (inpatient beds: time in a state that holds one is counted as
   * bed-days in workload, not as staff time) or `staff` (the default: crews, clinicians, cubicles,
   * packages of care; their time is staff time).
   */
  kind?: 'beds' | 'staff';
  /** Where the number comes from (a row of the sources file, or a reasoned assumption). */
  source?: string;
}

/**
 * A stream of requests arriving at one state (`meta.arrivals`): walk-ins at an urgent treatment
 * centre, 999 calls, NHS 111 calls. Each has its own rate and shape over the day and week.
 */
export interface ArrivalStream {
  /** A short id, for example `calls999`. */
  id: string;
  /** The name planners use, for example `999 calls`. */
  label: string;
  /** The state path requests of this stream start at. */
  entry: string;
  /** Mean requests a day. */
  perDay: number;
  /** Relative demand in each hour of the day, 0 to 23 (only the shape matters). Flat when absent. */
  hourly?: number[];
  /** Relative demand on each day of the week, Monday first (only the shape matters). Flat when absent. */
  weekly?: number[];
  /** Dated changes: from `from` until `until` (exclusive; for good when absent) the rate is multiplied by `scale`. */
  changes?: { from: string; until?: string; scale: number }[];
  /** Where the number comes from. */
  source?: string;
}

/**
 * A clock the discrete-event simulation reads for every request (`meta.clocks`): the time from
 * reaching one state to reaching another, so a model defines the standards it is measured against
 * (Category 2 response, ambulance handover, four hours in ED, 12 hours from decision to admit).
 */
export interface ClockDeclaration {
  /** A short id, for example `handover`. */
  id: string;
  /** The name planners use, for example `Ambulance handover (arrival at hospital to handover)`. */
  label: string;
  /** The clock starts when a request first reaches this state (a compound state: any state inside it). */
  from: string | string[];
  /**
   * The clock stops when the request next reaches this state. When absent, it stops when the
   * request leaves `from` (for time in a department, including any wait to leave it).
   */
  to?: string | string[];
  /** Only requests whose context has these values when the clock starts, for example { category: 'C2' }. */
  where?: Record<string, string | number | boolean>;
  /** Minutes: the share of requests over each, and the hours beyond each a day. Default 15, 30, 60, 240 and 720. */
  over?: number[];
  /**
   * The standard this clock is held to, in minutes: its mean, its 90th centile, or both (Category 2:
   * mean 18, 90th centile 40). Reports draw the simulated times against it.
   */
  standard?: { mean?: number; p90?: number };
}

/** A kind of outcome (`meta.outcome` on final states) in the words clinicians use. */
export interface OutcomeDeclaration {
  /** The category final states name, for example `home-with-support`. */
  id: string;
  /** The name shown in reports, for example `Home with new support`. */
  label: string;
  /** One line on what it means, for example `Left hospital with new care at home arranged (discharge pathway 1).` */
  definition: string;
}

/**
 * Something that happens to a request on the way, counted when it happens at least once (admitted
 * to hospital, conveyed by ambulance, seen in the emergency department), whatever the outcome.
 * It selects states as a strategy measure does: by state path, agency, function or outcome.
 */
export interface MilestoneDeclaration {
  id: string;
  /** The name shown in reports, for example `Admitted to hospital`. */
  label: string;
  /** One line on what counts, for example `Reached an acute ward or critical care bed at least once.` */
  definition: string;
  /** A state path (a compound state includes the states inside it), or a list of them. */
  state?: string | string[];
  agency?: string | string[];
  function?: string | string[];
  outcome?: string | string[];
}

/** An agency that answers part of a request for help. */
export interface AgencyDeclaration {
  /** The id used in `meta.agency`, for example `ambulance`. */
  id: string;
  /** The name clinicians and planners know it by, for example `Ambulance service (999)`. */
  label: string;
  /** Other names people use for it, which the report's pathway search finds (`A&E` for the emergency department). */
  aliases?: string[];
  /** The band of the system map it sits in: `entry`, `community`, `hospital` or `discharge`, or one of the model's own `meta.bands`. */
  band?: string;
}

/** A band of the system map: agencies drawn together under a heading, bands in the order given. */
export interface BandDeclaration {
  /** The id agencies name in `band`, for example `hospital`. */
  id: string;
  /** The heading, for example `Hospital`. */
  label: string;
}

/** A function of the care system (receive, assess, advise, …). */
export interface FunctionDeclaration {
  /** The id used in `meta.function`, for example `assess`. */
  id: string;
  /** A short plain-English name, for example `Assess or triage`. */
  label: string;
  /** One sentence on what the function is. */
  description: string;
}

/** Requests for help arriving each day, and how they spread over the hours of the day. */
export interface Demand {
  /** Mean number of requests a day entering the model. */
  perDay: number;
  /** Relative demand in each hour, 0 to 23; scaled so only the shape matters. Flat when absent. */
  hourly?: number[];
}

/** Annotations on the root of a model (`meta` of the machine). */
export interface ModelMeta {
  /** The model's title, shown on every report. */
  title: string;
  /** What the model covers, in a sentence or two. */
  description: string;
  /** The place modelled, for example `A mid-sized English city`. */
  place?: string;
  /** People served. */
  population?: number;
  /** Requests arriving; needed by the discrete-event simulation. */
  demand?: Demand;
  /** Where the numbers come from, one entry a source. */
  sources?: string[];
  /** The agencies the model may name; when given, every `meta.agency` must be one of them. */
  agencies?: AgencyDeclaration[];
  /** The system map's bands, in order; the default four (entry, community, hospital, discharge) apply when absent. */
  bands?: BandDeclaration[];
  /** The functions the model may name; the default list applies when absent. */
  functions?: FunctionDeclaration[];
  /** Resources states share in the discrete-event simulation, by id (see `StateMeta.uses`). */
  resources?: Record<string, ResourceDeclaration>;
  /** Arrival streams, each at its own state; when given, they replace `demand` in the discrete-event simulation. */
  arrivals?: ArrivalStream[];
  /** Clocks the discrete-event simulation reports: the standards the model is measured against. */
  clocks?: ClockDeclaration[];
  /** The model's outcome categories in clinicians' words, with a definition each; built-in words cover common ones (`home`, `died`, …). */
  outcomes?: OutcomeDeclaration[];
  /** What happens to requests on the way (admitted, conveyed, seen in ED), reported as the share reaching it at least once. */
  milestones?: MilestoneDeclaration[];
  /** Numbers in this meta that are assumptions, by their field (`'demand.perDay'`, `'resources.crews.units'`): see `AssumptionNote`. */
  assumptions?: Record<string, AssumptionNote>;
}

/** Annotations on a state node. */
export interface StateMeta {
  /** The agency responsible; inherited from the nearest ancestor that declares one. */
  agency?: string;
  /** The function a non-final atomic state performs (`assess`, `treat`, …). */
  function?: string;
  /** Time spent per visit, in minutes; 0 when absent. */
  duration?: Duration;
  /**
   * Servers and queue, for the discrete-event simulation: the shorthand for a resource only this
   * state uses (`capacity: { servers: 4 }` is a resource of 4 units that this state uses one of).
   */
  capacity?: Capacity;
  /**
   * Resources this state uses, by id (`meta.resources`), with the units each request needs: a
   * request holds them from entering this state until it leaves it, whatever states it passes
   * through inside (a crew held from allocation to handover). `'crews'` is short for `{ crews: 1 }`.
   */
  uses?: string | Record<string, number>;
  /**
   * Places in this state's waiting room, for requests routed here when the units they need are all
   * in use (unlimited when absent; 0 for none). When it is full, a request that holds units
   * elsewhere is blocked where it is, keeping them (an ambulance crew waiting to hand over); one
   * that holds nothing takes the way out marked `when: 'full'`, or is lost.
   */
  waitingRoom?: number;
  /** How long a request waits here before it gives up, from joining the wait; it then takes the way out marked `when: 'abandoned'`. */
  patience?: Duration;
  /** While waiting here, a request's priority rises to `priority` after `after` minutes (Category 3 calls escalated). */
  escalate?: { after: number; priority: number };
  /**
   * A duration that depends on the request's context: `key` names the context value, `cases` give
   * the duration for each value, and `otherwise` for the rest (on scene time by ambulance category).
   */
  durationBy?: { key: string; cases: Record<string, Duration>; otherwise?: Duration };
  /** The outcome category of a final state (`home`, `admitted`, `care-home`, `died`, …). */
  outcome?: string;
  /**
   * Sets the request's priority from this state on (1 is the most urgent), for queues that serve
   * by priority (`capacity.queue: 'priority'`), for example an ambulance category or triage colour.
   */
  priority?: number;
  /** Numbers in this meta that are assumptions, by their field (`'duration.median'`, `'waitingRoom'`): see `AssumptionNote`. */
  assumptions?: Record<string, AssumptionNote>;
}

/** Annotations on a transition (a way out of a state). */
export interface TransitionMeta {
  /** Probability that a request leaves the state this way; may be omitted on a single way out. */
  p?: number;
  /**
   * A way out taken only on a condition, outside the probabilities: `full` when the state's
   * waiting room is full and the request holds nothing (diverted, turned away), `abandoned` when
   * a waiting request's patience runs out (a call abandoned, left without being seen). Exact
   * analysis, pathways and Monte Carlo have no queues and leave these ways out.
   */
  when?: 'full' | 'abandoned';
  /** The probability as an assumption: `{ p: { range: [0.05, 0.15], reason: '…' } }` (see `AssumptionNote`). */
  assumptions?: { p?: AssumptionNote };
}

/** A problem found in a model. */
export interface Diagnostic {
  /** Stable kebab-case code, for example `probability-sum`. */
  code: string;
  /** Errors stop analysis; warnings are worth a look. */
  severity: 'error' | 'warning';
  /** The state path in the model (`city.ambulance.seeAndTreat`), or the model id for the whole model. */
  path: string;
  /** What is wrong, in plain English. */
  message: string;
  /** How to fix it. */
  hint: string;
}
