import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { checkOutputFolder, toOutputProblem } from './OutputProblem.ts';
import { removeTemporary } from './temporaryFiles.ts';
import { moveIntoPlace, writeTemporaryFile } from './writeFileAtomic.ts';

/** A file to write: its path inside the folder, and its content. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

/** The list, inside an output folder, of the files carepaths wrote there last time. */
export const MANIFEST = '.carepaths-files';

/** A report written before folders had a manifest: these names were carepaths' own. */
const earlierReport =
  /^(report\.html|report\.md|pathways\.csv|analysis\.json|simulation\.json|diagrams\/(agency-overview|system-map|handoff-matrix|sankey|sankey-simulated|simulated-[a-z-]+|pathway-\d+)\.(svg|png))$/;

/**
 * Writes a set of files into `dir` so that a failed run changes nothing, and a finished run leaves
 * exactly this run's files of those carepaths writes there:
 * 1. every file goes to a temporary name first (recorded before its first byte; removed on failure
 *    or Ctrl-C, with any folders the run made);
 * 2. only when all are written are they renamed into place;
 * 3. files that carepaths wrote there last time (listed in `.carepaths-files`) and this run does not
 *    write are removed. Files carepaths did not write are never touched.
 * Throws an `OutputProblem` naming the path and the cause.
 */
export function writeFilesAtomic(dir: string, files: OutputFile[]): string[] {
  checkOutputFolder(dir);
  const made: string[] = [];
  const temporary: string[] = [];
  const earlier = readManifest(dir);
  try {
    ensureFolder(dir, made);
    for (const file of files) {
      const target = path.join(dir, file.path);
      ensureFolder(path.dirname(target), made);
      temporary.push(writeTemporaryFile(target, file.content));
    }
  } catch (error) {
    for (const temp of temporary) removeTemporary(temp);
    for (const folder of made.reverse()) removeIfEmpty(folder);
    throw error;
  }
  const written = files.map((file, i) => {
    const target = path.join(dir, file.path);
    moveIntoPlace(temporary[i]!, target);
    return target;
  });
  const now = new Set(files.map((f) => toManifestPath(f.path)));
  for (const stale of earlier.filter((f) => !now.has(f))) removeStale(dir, stale);
  moveIntoPlace(writeTemporaryFile(path.join(dir, MANIFEST), [...now].sort().join('\n') + '\n'), path.join(dir, MANIFEST));
  return written;
}

const toManifestPath = (file: string) => file.split(path.sep).join('/');

/** What carepaths wrote in `dir` last time: its manifest, or the files of a report from before manifests. */
function readManifest(dir: string): string[] {
  const manifest = path.join(dir, MANIFEST);
  try {
    if (existsSync(manifest) && lstatSync(manifest).isFile())
      return readFileSync(manifest, 'utf8')
        .split('\n')
        .filter((line) => line && !line.includes('..'));
    if (!existsSync(dir)) return [];
    const listing = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map(toManifestPath);
    return listing.filter((f) => earlierReport.test(f));
  } catch (error) {
    throw toOutputProblem(error, dir);
  }
}

function ensureFolder(folder: string, made: string[]): void {
  if (existsSync(folder)) {
    checkOutputFolder(folder);
    return;
  }
  ensureFolder(path.dirname(folder), made);
  try {
    mkdirSync(folder);
  } catch (error) {
    throw toOutputProblem(error, folder);
  }
  made.push(folder);
}

/** Removes a file of an earlier run: only a regular file, and then its folder if that is left empty. */
function removeStale(dir: string, relative: string): void {
  const file = path.join(dir, relative);
  try {
    if (!lstatSync(file).isFile()) return;
    rmSync(file);
  } catch {
    return;
  }
  if (path.dirname(relative) !== '.') removeIfEmpty(path.dirname(file));
}

function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // Not empty, or already gone: left as it is.
  }
}
