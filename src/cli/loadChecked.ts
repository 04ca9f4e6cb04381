import path from 'node:path';
import { checkModel, type CheckResult } from '../model/checkModel.ts';
import { loadModel } from '../io/loadModel.ts';
import { CliError, exitCodes } from './errors.ts';

/** Loads and checks a model, or stops with a clear message and exit code 2 when the file cannot be used. */
export async function loadChecked(file: string | undefined, maxConfigurations?: number): Promise<CheckResult & { file: string }> {
  const loaded = await loadModel(file === undefined ? undefined : path.resolve(file));
  if (!loaded.ok) throw new CliError(`Could not load the model ${loaded.file}: ${loaded.reason}`, exitCodes.badInput);
  return { ...checkModel(loaded.machine, maxConfigurations ? { maxConfigurations } : {}), file: loaded.file };
}

/** Reads a whole number option, or stops with a message naming the option. */
export function toWholeNumber(value: string, option: string, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new CliError(`${option} must be a whole number, ${min} or more (you gave "${value}").`, exitCodes.badInput);
  return n;
}
