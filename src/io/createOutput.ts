import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Somewhere to stream text: a file written atomically, or standard output. */
export interface Output {
  write(text: string): void;
  /** Finishes: flushes, and for a file renames the temporary file over the target. */
  close(): void;
  /** Gives up: a file is left as it was before the run. */
  abort(): void;
}

const FLUSH_AT = 1 << 20;

/**
 * Opens an output. With a file, text goes to a temporary file beside it that is renamed over
 * the target only on `close`, so a failed run never leaves half a file. Writes are buffered and
 * synchronous, so memory stays flat however much is written.
 */
export function createOutput(file?: string): Output {
  const temporary = file ? `${file}.${process.pid}.tmp` : undefined;
  if (file) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const fd = temporary ? openSync(temporary, 'w') : 1;
  let buffer = '';
  const flush = () => {
    if (!buffer) return;
    writeAll(fd, Buffer.from(buffer, 'utf8'));
    buffer = '';
  };
  return {
    write(text) {
      buffer += text;
      if (buffer.length >= FLUSH_AT) flush();
    },
    close() {
      flush();
      if (temporary && file) {
        closeSync(fd);
        renameSync(temporary, file);
      }
    },
    abort() {
      buffer = '';
      if (temporary) {
        closeSync(fd);
        rmSync(temporary, { force: true });
      }
    },
  };
}

/** Writes every byte, waiting out a full pipe on standard output. */
function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}
