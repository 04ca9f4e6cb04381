import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from '../strategy/parseDocument.ts';
import type { StrategyProblem } from '../strategy/types.ts';

/** A strategy or plan file read and parsed (YAML or JSON), or the problem with it. */
export async function loadDocument(file: string): Promise<{ ok: true; value: unknown } | { ok: false; problem: StrategyProblem }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      problem: {
        at: 'the file',
        message: code === 'ENOENT' ? 'does not exist.' : `could not be read (${code ?? (error as Error).message}).`,
        hint: 'Check the path.',
      },
    };
  }
  const parsed = parseDocument(text, path.basename(file));
  return 'problem' in parsed ? { ok: false, problem: parsed.problem } : { ok: true, value: parsed.value };
}
