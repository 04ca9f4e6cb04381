import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Compares generated text with the golden file `test/golden/NAME`. On a difference the new text
 * is written to `test/output/NAME-changed.EXT` for review. Run with UPDATE_GOLDEN=1 to accept
 * changes; a missing golden file is a failure otherwise, so CI never writes its own answers.
 */
export function expectGolden(name: string, actual: string): void {
  const golden = path.join(root, 'test/golden', name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(path.dirname(golden), { recursive: true });
    writeFileSync(golden, actual);
    return;
  }
  if (!existsSync(golden)) throw new Error(`There is no golden file ${path.relative(root, golden)}; create it with UPDATE_GOLDEN=1 npm test and review it.`);
  const expected = readFileSync(golden, 'utf8');
  if (expected !== actual) {
    const ext = path.extname(name);
    const changed = path.join(root, 'test/output', `${path.basename(name, ext)}-changed${ext}`);
    mkdirSync(path.dirname(changed), { recursive: true });
    writeFileSync(changed, actual);
  }
  expect(actual, `differs from test/golden/${name}; the new output is in test/output/`).toBe(expected);
}
