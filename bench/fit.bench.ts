import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { getCalibration } from '../src/analysis/getCalibration.ts';
import { getSensitivity } from '../src/analysis/getSensitivity.ts';
import { loadDocument } from '../src/io/loadDocument.ts';
import { loadModel } from '../src/io/loadModel.ts';
import { getAssumptions, type Assumption } from '../src/model/getAssumptions.ts';
import { getMeasureSource } from '../src/strategy/measureCatalogue.ts';
import { readObserved } from '../src/strategy/readObserved.ts';
import { readStrategy } from '../src/strategy/readStrategy.ts';
import { createSection, n } from './measure.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/carepaths.js');
/** Command-line runs timed for the baseline; its total is their mean times the evaluations. */
const BASELINE_RUNS = 6;

/**
 * `fit`'s sensitivity and calibration against the way to get the same numbers without them: the
 * command line run once for each change of an assumption (a plan setting it, applied with
 * `--apply`, the figures read from the JSON). The baseline's runs are timed for a few changes and
 * multiplied by the number of model evaluations ours made; ours is timed in this process.
 */
export async function benchFit(): Promise<string[]> {
  const { lines, say } = createSection();
  const loaded = await loadModel(path.join(root, 'models/city-uec.ts'));
  if (!loaded.ok) throw new Error(loaded.reason);
  const machine = loaded.machine;
  const strategyDoc = await loadDocument(path.join(root, 'models/city-uec.strategy.yaml'));
  const observedDoc = await loadDocument(path.join(root, 'models/city-uec.observed.yaml'));
  if (!strategyDoc.ok || !observedDoc.ok) throw new Error('the city strategy or observed figures do not load');
  const strategy = readStrategy(strategyDoc.value).strategy!;
  const observed = readObserved(observedDoc.value).observed!;
  const assumptions = getAssumptions(machine.config as Record<string, unknown>);
  const sixty = assumptions.slice(0, 60);
  const objectives = strategy.objectives.filter((o) => getMeasureSource(o.measure) === 'exact');
  const figures = observed.figures.filter((f) => getMeasureSource(f.measure) === 'exact');
  const SAMPLES = 200;

  let sensitivitySeconds = Infinity;
  let sensitivityEvaluations = 0;
  for (let i = 0; i < 2; i++) {
    const started = performance.now();
    const result = await getSensitivity(
      machine,
      sixty,
      objectives.map((o) => ({ id: o.id, title: o.title, kind: 'objective' as const, measure: o.measure })),
      { simulation: strategy.simulation, samples: SAMPLES, seed: 1 },
    );
    sensitivitySeconds = Math.min(sensitivitySeconds, (performance.now() - started) / 1000);
    sensitivityEvaluations = result.evaluations;
  }
  const started = performance.now();
  const calibration = await getCalibration(machine, assumptions, figures, { simulation: observed.simulation, workers: 1 });
  const calibrationSeconds = (performance.now() - started) / 1000;

  // The baseline: `carepaths fit` on the exact figures (or objectives) with one assumption changed.
  const dir = mkdtempSync(path.join(tmpdir(), 'carepaths-bench-fit-'));
  try {
    const rawFigures = (observedDoc.value as { figures: unknown[] }).figures;
    const exactFile = path.join(dir, 'exact.yaml');
    writeFileSync(
      exactFile,
      stringify({ ...(observedDoc.value as object), figures: rawFigures.filter((_, i) => getMeasureSource(observed.figures[i]!.measure) === 'exact') }),
    );
    const objectivesFile = path.join(dir, 'objectives.yaml');
    writeFileSync(
      objectivesFile,
      stringify({
        title: 'The strategy objectives',
        figures: objectives.map((o) => ({ id: o.id, title: o.title, measure: o.measure, observed: 0, tolerance: 1, period: '2025', source: 'the strategy' })),
      }),
    );
    const perRun = (observedFile: string, changed: Assumption[]) => {
      let total = 0;
      changed.forEach((a, k) => {
        const plan = path.join(dir, `plan-${k}.yaml`);
        writeFileSync(
          plan,
          stringify({
            name: 'One assumption changed',
            description: 'One assumption at the low end of its range.',
            changes: [{ set: a.state, ...(a.way ? { way: a.way } : {}), field: a.field, value: a.range![0] }],
          }),
        );
        const t = performance.now();
        const run = spawnSync(process.execPath, [bin, 'fit', '--observed', observedFile, '--apply', plan, '--format', 'json', '--no-html'], {
          cwd: root,
          encoding: 'utf8',
        });
        total += performance.now() - t;
        if (run.status !== 0 && run.status !== 1) throw new Error(run.stderr);
        JSON.parse(run.stdout);
      });
      return total / changed.length / 1000;
    };
    const pick = (list: Assumption[]) => Array.from({ length: BASELINE_RUNS }, (_, i) => list[Math.floor((i * list.length) / BASELINE_RUNS)]!);
    const sensitivityRun = perRun(objectivesFile, pick(sixty));
    const calibrationRun = perRun(exactFile, pick(assumptions));
    const sensitivityBaseline = sensitivityRun * sensitivityEvaluations;
    const calibrationBaseline = calibrationRun * calibration.evaluations;

    say('## Fitting the city: sensitivity and calibration');
    say('');
    say(
      `The default city. Sensitivity: the strategy's ${objectives.length} exact objectives against the first 60 of its ${assumptions.length} ranged assumptions (each at both ends of its range and either side of its value for the slope, then ${SAMPLES} samples of all 60 together, seed 1), best of 2. Calibration: all ${assumptions.length} ranged assumptions fitted to the ${figures.length} exact figures of models/city-uec.observed.yaml (${calibration.iterations} steps), once, one core. Ours runs in this process. The baseline is the command line once for each model evaluation: \`carepaths fit --observed FIGURES --apply PLAN --format json\`, PLAN setting one assumption; ${BASELINE_RUNS} such runs are timed and their mean multiplied by the evaluations ours made.`,
    );
    say('');
    say('| task | model evaluations | ours (s) | baseline, one command a change (s, estimated) | one command (s) | ratio | target |');
    say('|---|---:|---:|---:|---:|---:|---|');
    say(
      `| sensitivity of ${objectives.length} objectives to 60 assumptions | ${n(sensitivityEvaluations)} | ${sensitivitySeconds.toFixed(2)} | ${n(Math.round(sensitivityBaseline))} | ${sensitivityRun.toFixed(2)} | ${n(sensitivityBaseline / sensitivitySeconds)}× | under 5 s |`,
    );
    say(
      `| calibration of ${assumptions.length} assumptions to ${figures.length} exact figures | ${n(calibration.evaluations)} | ${calibrationSeconds.toFixed(2)} | ${n(Math.round(calibrationBaseline))} | ${calibrationRun.toFixed(2)} | ${n(calibrationBaseline / calibrationSeconds)}× | under 30 s |`,
    );
    say('');
    say(
      "Each evaluation applies the assumptions' values to a copy of the model and puts the numbers into the compiled graph (the configurations xstate found are kept: `renumberCareGraph`, held equal to compiling afresh by a property test), checks it and solves it exactly.",
    );
    say('');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
