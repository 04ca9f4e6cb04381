import type { CompactGraph } from '../../graph/toCompactGraph.ts';
import type { CareGraph } from '../../graph/types.ts';
import type { MarkovAnalysis } from '../../markov/types.ts';
import type { DesTally } from '../../simulate/types.ts';
import type { Measure, MeasureKind, MeasureSource, MeasureUnit, StateSelector, TimeStatistic } from '../types.ts';

/**
 * A measure's value on one model: exact, or simulated with one value per replication (so that two
 * models run on the same random streams can be compared replication by replication).
 */
export interface MeasureValue {
  value: number;
  /** Simulated measures: the value in each replication. */
  replications?: number[];
}

/** What a measure reads its fields with, from one entry of a strategy file. */
export interface MeasureReader {
  /** Refuses keys other than these. */
  only(keys: readonly string[]): void;
  /** A required text field. */
  text(key: string): string | undefined;
  /** Exactly one of state, agency, function or outcome (a name or a list of names). */
  selector(required: boolean): StateSelector | undefined;
  /** A required number, 0 or more (minutes, for example). */
  number(key: string): number | undefined;
  /** An optional field of one name or a list of names. */
  names(key: string): string | string[] | undefined;
  /** A measure nested in this one (the parts of a ratio). */
  measure(key: string): Measure | undefined;
  /** A statistic, one of `allowed`. */
  statistic(allowed: readonly string[]): string | undefined;
  /** Records a problem at this measure. */
  problem(message: string, hint?: string): void;
}

/** What a measure's value is worked out from, on one model; each part is made once for all measures. */
export interface MeasureContext {
  graph: CareGraph;
  g: CompactGraph;
  markov: MarkovAnalysis;
  /** 1 at the nodes a selector picks. */
  mask(s: StateSelector): Uint8Array;
  /** The sum of f over the nodes of a mask. */
  sum(mask: Uint8Array, f: (v: number) => number): number;
  /** Requests a day (1,000 when the model has no demand). */
  perDay: number;
  /** Days each discrete-event replication measures. */
  days: number;
  /** This measure's Monte Carlo value, when it is a timed measure (see `MeasureDefinition.timed`). */
  montecarlo: MeasureValue | undefined;
  /** A discrete-event measure: f of each replication's tally, and their mean. */
  simulated(f: (t: DesTally) => number): MeasureValue;
  /** The waiting room at a state (see `getFlowPlan`), or -1. */
  roomOf(state: string): number;
  /** The resource a measure names (an id, or the one a state's room waits for), or -1. */
  resourceOf(state: string): number;
}

/**
 * One kind of measure, whole: its unit, where its value comes from, how it is read from a strategy
 * file and checked against a model, its words, and its value. Adding a kind of measure is one file
 * like this, named in `measures/index.ts` (and its shape in the `Measure` type).
 */
export interface MeasureDefinition<M extends Measure = Measure> {
  kind: MeasureKind;
  unit: MeasureUnit;
  /** Fields the measure needs, besides `kind` (for the README and --help). */
  fields: readonly string[];
  /** One line for the README and --help. */
  summary: string;
  /** Exact, Monte Carlo or discrete-event. */
  source(m: M): MeasureSource;
  read(reader: MeasureReader): M | undefined;
  /** Why the measure cannot be taken on this model (a name it uses is not there), or undefined. */
  check(graph: CareGraph, m: M): { problem: string; hint: string } | undefined;
  /** The measure in plain English; `label` names what a selector picks; `graph`, when given, is the model it is taken on. */
  text(m: M, label: (s: StateSelector) => string, graph?: CareGraph): string;
  value(m: M, context: MeasureContext): MeasureValue;
  /** Monte Carlo time measures: the states whose first reach is timed (null: the outcome), and the statistic. */
  timed?(m: M): { target: StateSelector | null; statistic: TimeStatistic } | undefined;
}

/** The time statistics, as words. */
export const toStatisticText = (s: string) => (s === 'mean' ? 'mean' : `${s.slice(1)}th centile`);

export const timeStatistics: readonly TimeStatistic[] = ['mean', 'p50', 'p90', 'p95'];

export const orZero = (x: number) => (Number.isNaN(x) ? 0 : x);
