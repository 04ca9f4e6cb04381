import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A file to write: its path inside the folder, and its content. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * Writes a set of files into `dir` so that a failed run changes nothing: every file is written to
 * a temporary name first, and only when all are written are they renamed into place.
 */
export function writeFilesAtomic(dir: string, files: OutputFile[]): string[] {
  const temporary: string[] = [];
  const written: string[] = [];
  try {
    for (const file of files) {
      const target = path.join(dir, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.tmp`;
      writeFileSync(temp, file.content);
      temporary.push(temp);
    }
  } catch (error) {
    for (const temp of temporary) rmSync(temp, { force: true });
    throw error;
  }
  files.forEach((file, i) => {
    const target = path.join(dir, file.path);
    renameSync(temporary[i]!, target);
    written.push(target);
  });
  return written;
}
