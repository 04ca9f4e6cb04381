import { renameSync, writeFileSync } from 'node:fs';
import { checkOutputFile, toOutputProblem } from './OutputProblem.ts';
import { releaseTemporary, removeTemporary, trackTemporary } from './temporaryFiles.ts';

/**
 * Writes `content` to a temporary file beside `file` (recorded before its first byte) and returns
 * its path; `file` must be absent or a regular file in a folder that exists. On any failure the
 * temporary file is gone and an `OutputProblem` names `file` and the cause.
 */
export function writeTemporaryFile(file: string, content: string | Uint8Array): string {
  checkOutputFile(file);
  const temporary = `${file}.${process.pid}.tmp`;
  trackTemporary(temporary);
  try {
    writeFileSync(temporary, content, { flag: 'wx' });
  } catch (error) {
    removeTemporary(temporary);
    throw toOutputProblem(error, file);
  }
  return temporary;
}

/** Renames a temporary file over its target, checking again that the target is absent or a regular file. */
export function moveIntoPlace(temporary: string, file: string): void {
  try {
    checkOutputFile(file);
    renameSync(temporary, file);
  } catch (error) {
    removeTemporary(temporary);
    throw toOutputProblem(error, file);
  }
  releaseTemporary(temporary);
}

/**
 * Writes a file so that readers see either the old content or the new, never half of it: only
 * over a regular file, through a temporary file renamed over the target.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  moveIntoPlace(writeTemporaryFile(file, content), file);
}
