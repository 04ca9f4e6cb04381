import { readFile, stat } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { register as registerHooks } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyStateMachine } from 'xstate';
import { toCareMachine } from '../model/defineCareModel.ts';

/** The model used when none is named: the mid-sized English city that ships with carepaths. */
export const defaultModelPath = fileURLToPath(new URL('../../models/city-uec.ts', import.meta.url));

/** A model read from disk, or why it could not be. */
export type LoadResult = { ok: true; file: string; machine: AnyStateMachine } | { ok: false; file: string; reason: string };

let freshLoads = 0;

/** How long a code model may take to load before carepaths gives up on it. */
export const defaultLoadSeconds = 20;

/** A model that called process.exit while it loaded. */
class ModelExit extends Error {}

let loaderReady = false;

/**
 * Code models are TypeScript or ES modules written anywhere on disk: before the first one loads,
 * tsx is registered (the one place carepaths needs it at run time) with the hooks that let a model
 * import from 'carepaths' and read it as an ES module (bin/resolveCarepaths.mjs).
 */
async function prepareModelLoader(): Promise<void> {
  if (loaderReady) return;
  loaderReady = true;
  const { register } = await import('tsx/esm/api');
  register();
  registerHooks(new URL('../../bin/resolveCarepaths.mjs', import.meta.url).href);
}

const looksLikeMachine = (x: unknown): x is AnyStateMachine =>
  typeof x === 'object' && x !== null && 'root' in x && typeof (x as { getTransitionData?: unknown }).getTransitionData === 'function';

/**
 * Loads a model by path: a `.ts` or `.js` module whose default export (or export `machine`) is
 * an xstate machine, or a `.json` file holding a machine config. JSON models run no code.
 * Never throws for a bad file: the reason comes back in plain English.
 */
export async function loadModel(file: string = defaultModelPath, options: { fresh?: boolean; seconds?: number } = {}): Promise<LoadResult> {
  const relative = path.relative(process.cwd(), file);
  const shown = relative && !relative.startsWith('..') ? relative : path.resolve(file);
  const fail = (reason: string): LoadResult => ({ ok: false, file: shown, reason });
  if (!existsSync(file)) return fail('there is no such file. Check the path, or leave it out to use the default city model.');
  if (statSync(file).isDirectory()) return fail('it is a folder, not a model file. Name the .ts, .js or .json file inside it.');
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') {
    try {
      return loadJsonText(await readFile(file, 'utf8'), shown);
    } catch (error) {
      return fail(`the file could not be read (${(error as NodeJS.ErrnoException).code ?? firstLines(error)}).`);
    }
  }
  if (!['.ts', '.mts', '.js', '.mjs'].includes(ext)) return fail(`carepaths reads models from .ts, .mts, .js and .json files, not "${ext || 'no extension'}".`);
  let module: Record<string, unknown>;
  // A fresh load (watch mode) asks for the file by a new URL, so that Node reads it again
  // instead of answering from its module cache.
  const url = pathToFileURL(path.resolve(file)).href + (options.fresh ? `?version=${(await stat(file)).mtimeMs}-${++freshLoads}` : '');
  const seconds = options.seconds ?? defaultLoadSeconds;
  await prepareModelLoader();
  const exit = process.exit;
  let timer: NodeJS.Timeout | undefined;
  try {
    // A model only declares a machine: one that tries to end the process, or never finishes
    // loading, gets a clear message instead.
    process.exit = ((code?: number) => {
      throw new ModelExit(`the model called process.exit(${code ?? ''}) while loading; a model file should only export its machine.`);
    }) as typeof process.exit;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new ModelExit(
              `the model did not finish loading within ${seconds} seconds (a top-level await that never settles, or a long calculation). A model file should only export its machine.`,
            ),
          ),
        seconds * 1000,
      );
    });
    module = (await Promise.race([import(url), timeout])) as Record<string, unknown>;
  } catch (error) {
    return fail(error instanceof ModelExit ? error.message : `the file could not be run: ${firstLines(error)}`);
  } finally {
    clearTimeout(timer);
    process.exit = exit;
  }
  const candidate = looksLikeMachine(module.default) ? module.default : module.machine;
  if (!looksLikeMachine(candidate)) {
    return fail('the file does not export an xstate machine. Export one as the default export (export default defineCareModel({ … })) or as `machine`.');
  }
  return { ok: true, file: shown, machine: candidate };
}

/**
 * A JSON model from its text (a file's, or standard input's, shown as `shown`). JSON runs no
 * code. A byte-order mark is allowed.
 */
export function loadJsonText(text: string, shown: string): LoadResult {
  const fail = (reason: string): LoadResult => ({ ok: false, file: shown, reason });
  let config: unknown;
  if (!text.trim()) return fail('it is empty. A JSON model is an object with id, initial and states.');
  try {
    config = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`it is not valid JSON: ${firstLines(error)}`);
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    return fail(
      `the JSON is ${Array.isArray(config) ? 'a list' : config === null ? 'null' : `a ${typeof config}`}, not a machine config: it must be an object with id, initial and states.`,
    );
  }
  const c = config as Record<string, unknown>;
  if (Array.isArray(c.transitions) || typeof c.order === 'number' || (typeof c.initial === 'object' && c.initial !== null)) {
    return fail(
      'this looks like the output of machine.toJSON() (it has "transitions", "order" or an object as "initial"), which describes a machine xstate has already built and cannot be built from. Save the machine config instead: the object you pass to createMachine or defineCareModel, for example JSON.stringify(config, null, 2).',
    );
  }
  if (typeof c.states !== 'object' || c.states === null)
    return fail('the JSON is not a machine config: it has no "states". A model needs id, initial and states.');
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
  return message
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, 2)
    .join(' ')
    .trim();
}
