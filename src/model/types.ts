/**
 * The model contract: the annotations carepaths reads from an xstate v5 machine.
 * Authors write them under `meta` on the root, on state nodes and on transitions.
 */

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
  | { dist: 'empirical'; values: number[]; weights?: number[] };

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

/** An agency that answers part of a request for help. */
export interface AgencyDeclaration {
  /** The id used in `meta.agency`, for example `ambulance`. */
  id: string;
  /** The name clinicians and planners know it by, for example `Ambulance service (999)`. */
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
  /** The functions the model may name; the default list applies when absent. */
  functions?: FunctionDeclaration[];
}

/** Annotations on a state node. */
export interface StateMeta {
  /** The agency responsible; inherited from the nearest ancestor that declares one. */
  agency?: string;
  /** The function a non-final atomic state performs (`assess`, `treat`, …). */
  function?: string;
  /** Time spent per visit, in minutes; 0 when absent. */
  duration?: Duration;
  /** Servers and queue, for the discrete-event simulation. */
  capacity?: Capacity;
  /** The outcome category of a final state (`home`, `admitted`, `care-home`, `died`, …). */
  outcome?: string;
  /**
   * Sets the request's priority from this state on (1 is the most urgent), for queues that serve
   * by priority (`capacity.queue: 'priority'`), for example an ambulance category or triage colour.
   */
  priority?: number;
}

/** Annotations on a transition (a way out of a state). */
export interface TransitionMeta {
  /** Probability that a request leaves the state this way; may be omitted on a single way out. */
  p?: number;
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
