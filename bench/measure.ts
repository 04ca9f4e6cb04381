import { Worker } from 'node:worker_threads';
import type { LayeredOptions } from './synthetic.ts';

/**
 * Milliseconds taken by `run`: the best of at least `repeats` runs, repeated until the runs add
 * up to at least 100 ms so that tiny models are not timed on a cold start.
 */
export function time<T>(run: () => T, repeats = 3): { ms: number; result: T } {
  let best = Infinity;
  let result!: T;
  let spent = 0;
  for (let i = 0; i < repeats || (repeats > 1 && spent < 100); i++) {
    const started = performance.now();
    result = run();
    const ms = performance.now() - started;
    spent += ms;
    best = Math.min(best, ms);
  }
  return { ms: best, result };
}

/** Runs the xstate baseline in a worker; undefined when it does not finish within `timeoutMs`. */
export function runBaseline(spec: { layered?: LayeredOptions; file?: string }, timeoutMs: number): Promise<{ pathways: number; ms: number } | undefined> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./baselineWorker.mjs', import.meta.url), { workerData: spec, resourceLimits: { maxOldGenerationSizeMb: 8192 } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(undefined);
    }, timeoutMs);
    worker.once('message', (message) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      // Running out of memory is how the baseline fails on large models: report it as not finishing.
      if (/memory/i.test(String(error))) resolve(undefined);
      else reject(error);
    });
  });
}

/** A number with thousands separators. */
export const n = (x: number | bigint) => x.toLocaleString('en-GB', { maximumFractionDigits: 1 });

/** A section of the results: each line printed as it comes and kept for bench/RESULTS.md. */
export function createSection(): { lines: string[]; say: (line: string) => void } {
  const lines: string[] = [];
  return {
    lines,
    say: (line: string) => {
      console.log(line);
      lines.push(line);
    },
  };
}
