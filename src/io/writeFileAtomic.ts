import path from 'node:path';
import { writeFilesAtomic } from './writeFilesAtomic.ts';

/**
 * Writes a file so that readers see either the old content or the new, never half of it:
 * the content goes to a temporary file beside the target, which is then renamed over it.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  writeFilesAtomic(path.dirname(path.resolve(file)), [{ path: path.basename(file), content }]);
}
