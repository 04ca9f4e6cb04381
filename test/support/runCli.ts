import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/carepaths.js');

/** Runs the carepaths command line as a user would, from the repository's root. */
export function runCli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch folder for one test file, and a way to write files into it. */
export function createScratch(prefix: string): { dir: string; file: (name: string, content: string) => string } {
  const dir = mkdtempSync(path.join(tmpdir(), `carepaths-${prefix}-`));
  return {
    dir,
    file(name, content) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
  };
}

/** No stack trace ever reaches the user. */
export const expectNoStack = (text: string): void => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
