import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyStateMachine } from 'xstate';
import { toCareMachine } from '../model/defineCareModel.ts';

/** The model used when none is named: the mid-sized English city that ships with carepaths. */
export const defaultModelPath = fileURLToPath(new URL('../../models/city-uec.ts', import.meta.url));

/** A model read from disk, or why it could not be. */
export type LoadResult =
  | { ok: true; file: string; machine: AnyStateMachine }
  | { ok: false; file: string; reason: string };

let freshLoads = 0;

const looksLikeMachine = (x: unknown): x is AnyStateMachine =>
  typeof x === 'object' && x !== null && 'root' in x && typeof (x as { getTransitionData?: unknown }).getTransitionData === 'function';

/**
 * Loads a model by path: a `.ts` or `.js` module whose default export (or export `machine`) is
 * an xstate machine, or a `.json` file holding a machine config. JSON models run no code.
 * Never throws for a bad file: the reason comes back in plain English.
 */
export async function loadModel(file: string = defaultModelPath, options: { fresh?: boolean } = {}): Promise<LoadResult> {
  const relative = path.relative(process.cwd(), file);
  const shown = relative && !relative.startsWith('..') ? relative : path.resolve(file);
  const fail = (reason: string): LoadResult => ({ ok: false, file: shown, reason });
  if (!existsSync(file)) return fail('there is no such file. Check the path, or leave it out to use the default city model.');
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return loadJson(file, fail, shown);
  if (!['.ts', '.mts', '.js', '.mjs'].includes(ext)) return fail(`carepaths reads models from .ts, .js and .json files, not "${ext || 'no extension'}".`);
  let module: Record<string, unknown>;
  try {
    // A fresh load (watch mode) asks for the file by a new URL, so that Node reads it again
    // instead of answering from its module cache.
    const url = pathToFileURL(path.resolve(file)).href + (options.fresh ? `?version=${(await stat(file)).mtimeMs}-${++freshLoads}` : '');
    module = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    return fail(`the file could not be run: ${firstLines(error)}`);
  }
  const candidate = looksLikeMachine(module.default) ? module.default : module.machine;
  if (!looksLikeMachine(candidate)) {
    return fail('the file does not export an xstate machine. Export one as the default export (export default defineCareModel({ … })) or as `machine`.');
  }
  return { ok: true, file: shown, machine: candidate };
}

async function loadJson(file: string, fail: (reason: string) => LoadResult, shown: string): Promise<LoadResult> {
  let config: unknown;
  try {
    config = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return fail(`the file is not valid JSON: ${firstLines(error)}`);
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return fail('the JSON is not a machine config: it must be an object with id, initial and states.');
  const c = config as Record<string, unknown>;
  if (typeof c.states !== 'object' || c.states === null) return fail('the JSON is not a machine config: it has no "states". A model needs id, initial and states.');
  if (typeof c.id !== 'string' || !c.id) return fail('the machine config has no "id". Give the model an id; it starts every state path.');
  try {
    return { ok: true, file: shown, machine: toCareMachine(c) };
  } catch (error) {
    return fail(`xstate could not build a machine from it: ${firstLines(error)}`);
  }
}

/** The first two lines of an error's message, without a stack. */
function firstLines(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').filter((l) => l.trim()).slice(0, 2).join(' ').trim();
}
