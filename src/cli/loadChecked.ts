import path from 'node:path';
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
export async function loadMachine(model: string | undefined): Promise<Extract<LoadResult, { ok: true }> & { source: ModelSource }> {
  let loaded: LoadResult;
  let source: ModelSource;
  if (model === '-') {
    const json = await readStandardInput();
    loaded = loadJsonText(json, 'standard input');
    if (!loaded.ok && /not valid JSON/.test(loaded.reason)) loaded.reason = loaded.reason.replace(/\.?$/, '.') + ' Only JSON models can be read from standard input; carepaths runs no code from it. Name a .ts or .js model by its path.';
    source = { json };
  } else {
    if (model === undefined && (await hasPipedInput())) {
      throw new CliError(
        'Something was piped into carepaths, but no model was named, so it would have used the default city model instead. To read a JSON model from standard input, name it as -: cat model.json | carepaths check -',
        exitCodes.badInput,
      );
    }
    loaded = await loadModel(model === undefined ? undefined : path.resolve(model));
    source = { file: model === undefined ? loaded.file : path.resolve(model) };
  }
  if (!loaded.ok) throw new CliError(`Could not load the model ${loaded.file}: ${loaded.reason}`, exitCodes.badInput);
  return { ...loaded, source };
}

/** Loads and checks a model, or stops with a clear message and exit code 2 when the file cannot be used. */
export async function loadChecked(model: string | undefined, maxConfigurations?: number): Promise<CheckResult & { file: string; source: ModelSource }> {
  const loaded = await loadMachine(model);
  return { ...checkModel(loaded.machine, maxConfigurations ? { maxConfigurations } : {}), file: loaded.file, source: loaded.source };
}

/** Loads a model for analysis: it must pass the check, or the errors are shown and the exit code is 1. */
export async function loadGraph(file: string | undefined, maxConfigurations?: number): Promise<{ graph: CareGraph; file: string; source: ModelSource }> {
  const result = await loadChecked(file, maxConfigurations);
  if (!result.ok || !result.graph) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    throw new CliError(`The model has errors, so it cannot be analysed yet. Fix these first:\n\n${toDiagnosticsText(result.file, errors)}`, exitCodes.modelErrors);
  }
  return { graph: result.graph, file: result.file, source: result.source };
}

/** Reads a whole number option, or stops with a message naming the option. */
export function toWholeNumber(value: string, option: string, min = 1): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min) {
    throw new CliError(`${option} must be a whole number, ${min} or more (you gave "${value}").`, exitCodes.badInput);
  }
  return n;
}

/** Reads an option that must be one of a few words. */
export function toChoice<T extends string>(value: string, option: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new CliError(`${option} must be ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]} (you gave "${value}").`, exitCodes.badInput);
  }
  return value as T;
}

/** Collects an option given more than once (`--plan a --plan b`) into a list. */
export const collectOption = (value: string, previous: string[] = []): string[] => [...previous, value];
