import type { AnyStateMachine } from 'xstate';
import { checkModel } from '../model/checkModel.ts';
import { getAssumptions } from '../model/getAssumptions.ts';
import type { Diagnostic } from '../model/types.ts';
import { runReplications } from '../simulate/runReplications.ts';
import { defaultMonteCarloOptions } from '../simulate/runMonteCarlo.ts';
import type { DesTally } from '../simulate/types.ts';
import { checkMeasures, toDesOptions } from '../strategy/getMeasureValues.ts';
import { getMeasureSource } from '../strategy/measureCatalogue.ts';
import type { ObservedFigures, Strategy, StrategyProblem } from '../strategy/types.ts';
import { getCalibration } from './getCalibration.ts';
import { getFit, type FitReport } from './getFit.ts';
import { getSensitivity, type SensitivityTarget } from './getSensitivity.ts';

/** What `fit` is asked to do. */
export interface FitInput {
  machine: AnyStateMachine;
  observed: ObservedFigures;
  /** Objectives whose sensitivity to the assumptions is wanted too. */
  strategy?: Strategy;
  /** Fit the ranged assumptions to the observed figures. */
  calibrate?: boolean;
  /** Which assumptions move each figure (and objective) most, and their joint spread. */
  sensitivity?: boolean;
  /** Samples for the joint spread (default 200). */
  samples?: number;
  /** Seed for the joint spread's samples (default 1). */
  seed?: number;
  /** Include the simulated figures in the sensitivity and the calibration (each step is then a simulation). */
  simulated?: boolean;
  /** Vary only the assumptions whose id contains one of these (`city.acute`, `resources.`); all when absent. */
  only?: string[];
  /** Worker threads for the discrete-event replications of the main table. */
  workers?: number;
  /** Told how far the sensitivity or calibration has got. */
  progress?: (what: string) => void;
}

export type FitProblem =
  | { kind: 'model-errors'; diagnostics: Diagnostic[] }
  | { kind: 'observed-measures'; problems: StrategyProblem[] }
  | { kind: 'strategy-measures'; problems: StrategyProblem[] };

/**
 * Holds a model against what a place observes: every figure measured (simulated ones on worker
 * threads), and, when asked for, the sensitivity of each figure and objective to the model's
 * ranged assumptions and a calibration of those assumptions to the figures. Problems come back as
 * data, for the caller to word.
 */
export async function runFit(input: FitInput): Promise<({ ok: true } & FitReport) | { ok: false; problem: FitProblem }> {
  const checked = checkModel(input.machine);
  if (!checked.ok || !checked.graph)
    return { ok: false, problem: { kind: 'model-errors', diagnostics: checked.diagnostics.filter((d) => d.severity === 'error') } };
  const graph = checked.graph;
  const observedProblems = checkMeasures(graph, input.observed.figures, 'figures');
  if (observedProblems.length) return { ok: false, problem: { kind: 'observed-measures', problems: observedProblems } };
  const strategyProblems = input.strategy ? checkMeasures(graph, input.strategy.objectives, 'objectives') : [];
  if (strategyProblems.length) return { ok: false, problem: { kind: 'strategy-measures', problems: strategyProblems } };

  const { observed } = input;
  const desTallies = observed.figures.some((f) => getMeasureSource(f.measure) === 'des')
    ? ((
        await runReplications(
          { graphs: [graph], mode: 'des', montecarlo: defaultMonteCarloOptions, des: toDesOptions(observed.simulation) },
          { workers: input.workers ?? 1 },
        )
      )[0] as DesTally[])
    : undefined;
  const fit = getFit(graph, observed, desTallies ? { desTallies } : {});
  const assumptions = getAssumptions(input.machine.config as Record<string, unknown>);
  const varied = input.only?.length ? assumptions.filter((a) => input.only!.some((text) => a.id.includes(text))) : assumptions;
  const kept = (m: { measure: ObservedFigures['figures'][number]['measure'] }) => input.simulated || getMeasureSource(m.measure) === 'exact';
  const report: FitReport = { fit, assumptions, graph };
  if (input.calibrate) {
    // A figure the model is not held to is not fitted either.
    report.calibration = await getCalibration(
      input.machine,
      varied,
      observed.figures.filter((f) => kept(f) && f.notHeld === undefined),
      {
        simulation: observed.simulation,
        workers: input.workers ?? 1,
        progress: (step, cost) => input.progress?.(`calibration step ${step}: misfit ${cost.toPrecision(3)}`),
      },
    );
  }
  if (input.sensitivity) {
    const targets: SensitivityTarget[] = [
      ...observed.figures.filter(kept).map((f) => ({ id: f.id, title: f.title, kind: 'observed' as const, measure: f.measure })),
      ...(input.strategy?.objectives.filter(kept).map((o) => ({ id: o.id, title: o.title, kind: 'objective' as const, measure: o.measure })) ?? []),
    ];
    let last = 0;
    report.sensitivity = await getSensitivity(input.machine, varied, targets, {
      workers: input.workers ?? 1,
      simulation: observed.simulation,
      samples: input.samples ?? 200,
      seed: input.seed ?? 1,
      progress: (done, total) => {
        const tenth = Math.floor((10 * done) / total);
        if (tenth > last) input.progress?.(`sensitivity: ${done} of ${total} model evaluations`);
        last = tenth;
      },
    });
  }
  return { ok: true, ...report };
}
