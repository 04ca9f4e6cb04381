import { closeSync, openSync, writeSync } from 'node:fs';
import { checkOutputFile, ClosedPipe, toOutputProblem } from './OutputProblem.ts';
import { removeTemporary, trackTemporary } from './temporaryFiles.ts';
import { moveIntoPlace } from './writeFileAtomic.ts';

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
 * Opens an output: a file, or standard output when `file` is absent or `-`. A file must be absent
 * or a regular file in a folder that exists (a link, device, pipe or folder is refused with an
 * `OutputProblem`). Text goes to a temporary file beside it, recorded before its first byte so that
 * a failure or Ctrl-C removes it, and renamed over the target only on `close`: a failed run never
 * leaves half a file. Writes are buffered and synchronous, so memory stays flat however much is written.
 * A reader that closes standard output early ends the run with a `ClosedPipe`.
 */
export function createOutput(file?: string): Output {
  if (file === undefined || file === '-') return createStandardOutput();
  checkOutputFile(file);
  const temporary = `${file}.${process.pid}.tmp`;
  trackTemporary(temporary);
  let fd: number;
  try {
    fd = openSync(temporary, 'wx');
  } catch (error) {
    removeTemporary(temporary);
    throw toOutputProblem(error, file);
  }
  let buffer = '';
  let open = true;
  const abort = () => {
    buffer = '';
    if (open) closeSync(fd);
    open = false;
    removeTemporary(temporary);
  };
  const guarded = (work: () => void) => {
    try {
      work();
    } catch (error) {
      abort();
      throw toOutputProblem(error, file);
    }
  };
  const flush = () => {
    if (buffer) guarded(() => writeAll(fd, Buffer.from(buffer, 'utf8')));
    buffer = '';
  };
  return {
    write(text) {
      buffer += text;
      if (buffer.length >= FLUSH_AT) flush();
    },
    close() {
      flush();
      guarded(() => {
        closeSync(fd);
        open = false;
      });
      // The target may have changed while the run went on: still only over a regular file.
      moveIntoPlace(temporary, file);
    },
    abort,
  };
}

function createStandardOutput(): Output {
  let buffer = '';
  const flush = () => {
    if (!buffer) return;
    const bytes = Buffer.from(buffer, 'utf8');
    buffer = '';
    try {
      writeAll(1, bytes);
    } catch (error) {
      throw (error as NodeJS.ErrnoException).code === 'EPIPE' ? new ClosedPipe() : toOutputProblem(error, 'standard output');
    }
  };
  return {
    write(text) {
      buffer += text;
      if (buffer.length >= FLUSH_AT) flush();
    },
    close: flush,
    abort() {
      buffer = '';
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
