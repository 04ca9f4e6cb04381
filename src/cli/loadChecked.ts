import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { AnyStateMachine } from 'xstate';
import type { CareGraph } from '../graph/types.ts';
import { checkModel, type CheckResult } from '../model/checkModel.ts';
import { loadJsonText, loadModel, type LoadResult } from '../io/loadModel.ts';
import { hasPipedInput, readStandardInput } from '../io/readStandardInput.ts';
import { toDiagnosticsText } from '../report/toDiagnosticsText.ts';
import { CliError, exitCodes } from './errors.ts';

/** What the model argument named: a file, or the JSON text read from standard input (`-`). */
export type ModelSource = { file: string } | { json: string };

/**
 * Loads the model the command line names: a file; `-` for a JSON model on standard input (no code
 * runs from standard input); nothing for the default city, unless something was piped in, which
 * is said rather than ignored. Stops with a clear message and exit code 2 when it cannot be used.
 */
export async function loadMachine(model: string | undefined, applied: string[] = []): Promise<Extract<LoadResult, { ok: true }> & { source: ModelSource }> {
  let loaded: LoadResult;
  let source: ModelSource;
  if (model === '-') {
    const json = await readStandardInput();
    loaded = loadJsonText(json, 'standard input');
    if (!loaded.ok && /not valid JSON/.test(loaded.reason))
      loaded.reason =
        loaded.reason.replace(/\.?$/, '.') +
        ' Only JSON models can be read from standard input; carepaths runs no code from it. Name a .ts or .js model by its path.';
    source = { json };
  } else {
    if (model === undefined && (await hasPipedInput())) {
      throw new CliError(
        'Something was piped into carepaths, but no model was named, so it would have used the default city model instead. To read a JSON model from standard input, name it as -: cat model.json | carepaths check -',
        exitCodes.badInput,
      );
    }
    const seconds = Number(process.env.CAREPATHS_LOAD_SECONDS);
    loaded = await loadModel(model === undefined ? undefined : path.resolve(model), Number.isFinite(seconds) && seconds > 0 ? { seconds } : {});
    source = { file: model === undefined ? loaded.file : path.resolve(model) };
  }
  if (!loaded.ok) throw new CliError(`Could not load the model ${loaded.file}: ${loaded.reason}`, exitCodes.badInput);
  if (applied.length) return { ...loaded, machine: await applyToMachine(loaded.machine, loaded.file, applied), source };
  return { ...loaded, source };
}

/**
 * The model with plans given to `--apply` (fitted values from `carepaths fit --calibrate`, say)
 * applied, in order, before anything else is done with it.
 */
async function applyToMachine(machine: AnyStateMachine, file: string, applied: string[]): Promise<AnyStateMachine> {
  const { loadPlan, toProblemsError } = await import('./prepareComparison.ts');
  const { toChangedMachine } = await import('../analysis/runComparison.ts');
  const plans = await Promise.all(applied.map((f) => loadPlan(f, { applied: true })));
  const changed = toChangedMachine(
    machine,
    machine.config as Record<string, unknown>,
    plans.map((p) => p.plan),
    plans.map((_, i) => i),
  );
  if ('machine' in changed) return changed.machine;
  const problem = changed.problem;
  if (problem.kind === 'plan-changes') throw toProblemsError(`plan given to --apply (on ${file})`, applied.join(' + '), problem.problems);
  throw new CliError(
    `The plans given to --apply leave a model that xstate cannot build: ${problem.kind === 'plan-build' ? problem.message : problem.kind}`,
    exitCodes.modelErrors,
  );
}

/** Loads and checks a model, or stops with a clear message and exit code 2 when the file cannot be used. */
export async function loadChecked(
  model: string | undefined,
  maxConfigurations?: number,
  applied: string[] = [],
): Promise<CheckResult & { file: string; source: ModelSource; machine: AnyStateMachine }> {
  const loaded = await loadMachine(model, applied);
  return { ...checkModel(loaded.machine, maxConfigurations ? { maxConfigurations } : {}), file: loaded.file, source: loaded.source, machine: loaded.machine };
}

/** Loads a model for analysis: it must pass the check, or the errors are shown and the exit code is 1. */
export async function loadGraph(
  file: string | undefined,
  maxConfigurations?: number,
  applied: string[] = [],
): Promise<{ graph: CareGraph; file: string; source: ModelSource; machine: AnyStateMachine }> {
  const result = await loadChecked(file, maxConfigurations, applied);
  if (!result.ok || !result.graph) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    throw new CliError(
      `The model has errors, so it cannot be analysed yet. Fix these first:\n\n${toDiagnosticsText(result.file, errors)}`,
      exitCodes.modelErrors,
    );
  }
  return { graph: result.graph, file: result.file, source: result.source, machine: result.machine };
}

/** The range of every whole-number option, the same in every command. */
export const optionRanges: Record<string, readonly [number, number]> = {
  '--days': [1, 3650],
  '--warmup': [0, 3650],
  '--replications': [1, 1000],
  '--requests': [1, 1e9],
  // Seeds are 32-bit: larger ones would repeat the streams of smaller ones.
  '--seed': [0, 2 ** 32 - 1],
  '--workers': [1, 256],
  '--top': [1, 100_000],
  '--limit': [1, 1e12],
  '--max-revisits': [0, 20],
  '--count-steps': [1, 1e12],
  '--max-configurations': [1, 10_000_000],
  '--max-pathways': [1, 10_000_000],
  '--port': [0, 65_535],
  '--samples': [0, 100_000],
};

const grouped = (n: number) => n.toLocaleString('en-GB');

/**
 * Reads a whole-number option strictly, within its range (`optionRanges`): digits, or a whole
 * number in exponent form such as 1e9. Anything else stops with a message naming the option, its
 * range and what was given.
 */
export function toWholeNumber(value: string, option: string): number {
  const [min, max] = optionRanges[option] ?? [0, Number.MAX_SAFE_INTEGER];
  const n = Number(value);
  if (!/^\s*\d+(\.\d+)?(e\+?\d+)?\s*$/i.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    const what = /^\s*-/.test(value) ? ' A negative number is not allowed.' : Number.isFinite(n) && !Number.isInteger(n) ? ' It must be whole.' : '';
    throw new CliError(`${option} must be a whole number from ${grouped(min)} to ${grouped(max)} (you gave "${value}").${what}`, exitCodes.badInput);
  }
  return n;
}

/**
 * Reads --workers, capped at the processors this machine offers: more threads than processors only
 * cost memory and time, so a larger number is lowered, with a note. Results do not depend on it.
 */
export function toWorkers(value: string): number {
  const asked = toWholeNumber(value, '--workers');
  const available = Math.max(1, availableParallelism());
  if (asked <= available) return asked;
  process.stderr.write(
    `carepaths: --workers ${asked} is more than the ${available} processor${available === 1 ? '' : 's'} this machine has; using ${available}.\n`,
  );
  return available;
}

/** The default for --workers: one a processor. */
export const defaultWorkers = String(Math.max(1, availableParallelism()));

/**
 * Stops when options were given on the command line that do not apply here (`reason` says why),
 * rather than ignoring them.
 */
export function refuseOptions(command: Command, names: readonly string[], reason: string): void {
  const given = names.filter((name) => command.getOptionValueSource(name) === 'cli');
  if (!given.length) return;
  const flags = given.map((name) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  throw new CliError(`${flags.join(', ')} ${flags.length === 1 ? 'does' : 'do'} not apply ${reason}.`, exitCodes.badInput);
}

/** Reads an option that must be one of a few words. */
export function toChoice<T extends string>(value: string, option: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new CliError(`${option} must be ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]} (you gave "${value}").`, exitCodes.badInput);
  }
  return value as T;
}

/** Collects an option given more than once (`--plan a --plan b`) into a list. */
/** `--apply`'s help, the same in every command that takes it. */
export const applyHelp = 'apply a plan to the model first, such as the fitted values from carepaths fit --calibrate; give --apply once for each';

export const collectOption = (value: string, previous: string[] = []): string[] => [...previous, value];
