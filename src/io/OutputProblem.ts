import { lstatSync, type Stats } from 'node:fs';
import path from 'node:path';

/**
 * An output that cannot be written: the path, the cause in plain English, and what to do. The
 * command line shows it as it is and exits 2. Nothing at the path has been changed.
 */
export class OutputProblem extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly hint: string,
  ) {
    super(`Could not write ${file}: ${reason}. ${hint}`);
  }
}

/** Standard output was closed by the reader (`carepaths … | head -1`): not a failure, the run ends quietly. */
export class ClosedPipe extends Error {
  constructor() {
    super('standard output was closed');
  }
}

const causes: Record<string, [string, string]> = {
  ENOSPC: ['the disk is full', 'Free some space, or write somewhere else.'],
  EDQUOT: ['the disk quota is used up', 'Free some space, or write somewhere else.'],
  EACCES: ['permission denied', 'Choose a folder you can write to.'],
  EPERM: ['the operation is not permitted there', 'Choose a folder you can write to.'],
  EROFS: ['the file system is read-only', 'Choose a folder on a writable disk.'],
  ENOENT: ['its folder does not exist', 'Create the folder first, or check the path.'],
  ENOTDIR: ['part of the path is a file, not a folder', 'Check the path.'],
  EISDIR: ['it is a folder', 'Give the name of a file.'],
  EEXIST: ['something else appeared there while carepaths was writing', 'Run the command again.'],
  EMFILE: ['too many files are open', 'Close other programs and run the command again.'],
  EIO: ['the disk reported an input/output error', 'Check the disk, or write somewhere else.'],
};

/** An error from the file system while writing `file`, as an output problem (a closed pipe stays a ClosedPipe). */
export function toOutputProblem(error: unknown, file: string): Error {
  if (error instanceof OutputProblem || error instanceof ClosedPipe) return error;
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  if (code === 'EPIPE') return new ClosedPipe();
  const [reason, hint] = causes[code] ?? [`the system said ${code || (error as Error)?.message || String(error)}`, 'Check the path and try again.'];
  return new OutputProblem(file, reason, hint);
}

const statOf = (file: string): Stats | undefined => {
  try {
    return lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw toOutputProblem(error, file);
  }
};

/** What is at a path, when it is not something carepaths may write over; undefined when it may. */
function toRefusal(stats: Stats): string | undefined {
  if (stats.isSymbolicLink()) return 'it is a symbolic link, and carepaths writes only over regular files';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'it is a device, and carepaths writes only over regular files';
  if (stats.isFIFO()) return 'it is a named pipe (FIFO), and carepaths writes only over regular files';
  if (stats.isSocket()) return 'it is a socket, and carepaths writes only over regular files';
  return undefined;
}

/**
 * Checks that `file` may be written: absent or a regular file, in a folder that exists. Throws an
 * OutputProblem that names the path and the reason otherwise.
 */
export function checkOutputFile(file: string): void {
  const stats = statOf(file);
  if (stats) {
    const refusal = stats.isDirectory() ? 'it is a folder' : toRefusal(stats);
    if (refusal)
      throw new OutputProblem(
        file,
        refusal,
        stats.isDirectory() ? 'Give the name of a file inside it.' : 'Choose another path, or remove what is there yourself.',
      );
  }
  checkParentFolder(file);
}

/** Checks that `dir` may hold outputs: absent (its parent exists) or a real folder, not a link to one. */
export function checkOutputFolder(dir: string): void {
  const stats = statOf(dir);
  if (stats) {
    const refusal = stats.isDirectory()
      ? undefined
      : stats.isFile()
        ? 'it is a file, not a folder'
        : toRefusal(stats)?.replace('over regular files', 'into real folders');
    if (refusal) throw new OutputProblem(dir, refusal, 'Give the name of a folder.');
    return;
  }
  checkParentFolder(dir);
}

function checkParentFolder(file: string): void {
  const parent = path.dirname(path.resolve(file));
  const stats = statOf(parent);
  if (!stats) throw new OutputProblem(file, `the folder ${parent} does not exist`, 'Create it first, or check the path.');
  if (!stats.isDirectory()) throw new OutputProblem(file, `${parent} is not a folder`, 'Check the path.');
}
