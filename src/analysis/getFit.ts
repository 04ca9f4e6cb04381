import type { CareGraph } from '../graph/types.ts';
import type { Assumption } from '../model/getAssumptions.ts';
import type { CalibrationResult } from './getCalibration.ts';
import type { SensitivityResult } from './getSensitivity.ts';
import { toMeanInterval, toShareBounds } from '../simulate/statistics.ts';
import type { DesTally } from '../simulate/types.ts';
import { getMeasureValues } from '../strategy/getMeasureValues.ts';
import { getMeasureSource, getMeasureUnit } from '../strategy/measureCatalogue.ts';
import type { MeasureValue } from '../strategy/measures/types.ts';
import type { MeasureSource, MeasureUnit, ObservedFigure, ObservedFigures } from '../strategy/types.ts';

/** One observed figure held against the model. */
export interface FitRow {
  figure: ObservedFigure;
  source: MeasureSource;
  unit: MeasureUnit;
  /** The model's value: exact, or the mean over replications. */
  model: number;
  /** Simulated figures: the 95% interval over replications. */
  ci95?: [number, number];
  /** The model's value in each replication (simulated figures), for calibration on common random numbers. */
  replications?: number[];
  /** How far the model is from the observed value or range: 0 inside it, negative below, positive above. */
  difference: number;
  /** The difference in tolerances (0 inside the range; beyond ±1 is outside tolerance). */
  misfit: number;
  /** Within the observed value or range, give or take the tolerance. */
  within: boolean;
}

/** A model against what a place observes. */
export interface FitResult {
  model: string;
  title: string;
  rows: FitRow[];
  /** How many figures are within tolerance. */
  within: number;
  /** Whether every figure the model is held to is within tolerance (figures marked not held may be outside). */
  met: boolean;
  simulation: ObservedFigures['simulation'];
}

/** Everything `fit` says about a model: its figures against the observed ones, and, when asked for, the sensitivity and the calibration. */
export interface FitReport {
  fit: FitResult;
  /** Every assumption the model marks, ranged or not. */
  assumptions: Assumption[];
  sensitivity?: SensitivityResult;
  calibration?: CalibrationResult;
  /** The model the figures were taken on, for naming its states. */
  graph: CareGraph;
}

/** One figure against the model's value. */
export function toFitRow(figure: ObservedFigure, value: MeasureValue): FitRow {
  const { low, high } = figure.observed;
  const model = value.value;
  const difference = model < low ? model - low : model > high ? model - high : 0;
  const unit = getMeasureUnit(figure.measure);
  const tolerance = figure.tolerance;
  const misfit = difference === 0 ? 0 : tolerance > 0 ? difference / tolerance : Math.sign(difference) * Infinity;
  const interval = value.replications ? toMeanInterval(value.replications).ci95 : undefined;
  return {
    figure,
    source: getMeasureSource(figure.measure),
    unit,
    model,
    // Every measure is zero or more (shares also at most 1), so intervals stop there.
    ...(interval ? { ci95: unit === 'share' ? toShareBounds(interval) : [Math.max(0, interval[0]), interval[1]], replications: value.replications } : {}),
    difference,
    misfit,
    within: Math.abs(misfit) <= 1 + 1e-9,
  };
}

/**
 * Every observed figure against the model: exact figures solved, simulated ones from the
 * observed file's simulation settings (the discrete-event replications may be run elsewhere and
 * passed in, as `desTallies`).
 */
export function getFit(graph: CareGraph, observed: ObservedFigures, options: { desTallies?: DesTally[] } = {}): FitResult {
  const values = getMeasureValues(
    graph,
    observed.figures.map((f) => f.measure),
    observed.simulation,
    options.desTallies,
  );
  const rows = observed.figures.map((f, i) => toFitRow(f, values[i]!));
  return {
    model: graph.modelId,
    title: observed.title,
    rows,
    within: rows.filter((r) => r.within).length,
    met: rows.every((r) => r.within || r.figure.notHeld !== undefined),
    simulation: observed.simulation,
  };
}
