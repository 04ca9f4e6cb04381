import path from 'node:path';
import type { CareGraph } from '../graph/types.ts';
import { checkModel, type CheckResult } from '../model/checkModel.ts';
import { loadModel } from '../io/loadModel.ts';
import { toDiagnosticsText } from '../report/toDiagnosticsText.ts';
import { CliError, exitCodes } from './errors.ts';

/** Loads and checks a model, or stops with a clear message and exit code 2 when the file cannot be used. */
export async function loadChecked(file: string | undefined, maxConfigurations?: number): Promise<CheckResult & { file: string }> {
  const loaded = await loadModel(file === undefined ? undefined : path.resolve(file));
  if (!loaded.ok) throw new CliError(`Could not load the model ${loaded.file}: ${loaded.reason}`, exitCodes.badInput);
  return { ...checkModel(loaded.machine, maxConfigurations ? { maxConfigurations } : {}), file: loaded.file };
}

/** Loads a model for analysis: it must pass the check, or the errors are shown and the exit code is 1. */
export async function loadGraph(file: string | undefined, maxConfigurations?: number): Promise<{ graph: CareGraph; file: string }> {
  const result = await loadChecked(file, maxConfigurations);
  if (!result.ok || !result.graph) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    throw new CliError(`The model has errors, so it cannot be analysed yet. Fix these first:\n\n${toDiagnosticsText(result.file, errors)}`, exitCodes.modelErrors);
  }
  return { graph: result.graph, file: result.file };
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
