import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** A running `carepaths watch`, its address, what it has written to stderr, and a way to stop it. */
export interface RunningWatch {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  /** Resolves when stderr has printed `count` lines matching `pattern` in all. */
  waitFor: (pattern: RegExp, count?: number, timeout?: number) => Promise<void>;
  /** Resolves at the next line matching `pattern` printed after this call. */
  next: (pattern: RegExp) => Promise<void>;
  stop: () => Promise<void>;
}

/** Starts `carepaths watch ARGS --port 0` and waits for its address. */
export async function startWatch(...args: string[]): Promise<RunningWatch> {
  const child = spawn(process.execPath, [path.join(root, 'bin/carepaths.js'), 'watch', ...args, '--port', '0'], { cwd: root });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`watch did not start: ${out}${err}`)), 20_000);
    child.stdout!.on('data', () => {
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`watch stopped with ${code}: ${err}`)));
  });
  const waitFor = (pattern: RegExp, count = 1, timeout = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const global = new RegExp(pattern.source, 'g');
      const check = () => (err.match(global)?.length ?? 0) >= count;
      if (check()) return resolve();
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern} ×${count}; stderr:\n${err}`)), timeout);
      const listener = () => {
        if (!check()) return;
        clearTimeout(timer);
        child.stderr!.off('data', listener);
        resolve();
      };
      child.stderr!.on('data', listener);
    });
  const count = (pattern: RegExp) => err.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
  return {
    url,
    child,
    stderr: () => err,
    waitFor,
    next: (pattern) => waitFor(pattern, count(pattern) + 1),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}
