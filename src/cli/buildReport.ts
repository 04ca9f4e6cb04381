import type { CareGraph } from '../graph/types.ts';
import type { OutputFile } from '../io/writeFilesAtomic.ts';
import type { PathwayCount } from '../pathways/types.ts';
import type { SensitivityResult } from '../analysis/getSensitivity.ts';
import { version } from './version.ts';

/**
 * The report's files for `report` and `watch`: the core's createReportFiles with the font read from
 * disk, this version, PNGs when asked for, and progress on a terminal. The drawing libraries (elkjs,
 * d3, resvg) load only when a report is asked for.
 */
export async function buildReport(
  graph: CareGraph,
  file: string,
  options: {
    top: number;
    png: boolean;
    simulation?: { days: number; replications: number; seed: number; workers: number };
    count?: (graph: CareGraph) => PathwayCount;
    sensitivity?: SensitivityResult;
  },
): Promise<{ files: OutputFile[]; diagrams: number }> {
  const [{ loadFonts }, { toPng }, { createReportFiles }] = await Promise.all([
    import('../io/loadFonts.ts'),
    import('../io/toPng.ts'),
    import('../render/createReportFiles.ts'),
  ]);
  const fonts = loadFonts();
  const progress = process.stderr.isTTY
    ? (done: number, all: number) => process.stderr.write(`\rSimulating: ${done} of ${all} replications${done === all ? '\n' : ''}`)
    : undefined;
  return createReportFiles(graph, {
    top: options.top,
    fonts,
    version,
    source: file,
    ...(options.png ? { toPng: (svg: string) => toPng(svg, fonts) } : {}),
    ...(options.simulation ? { simulation: { ...options.simulation, ...(progress ? { progress } : {}) } } : {}),
    ...(options.count ? { count: options.count } : {}),
    ...(options.sensitivity ? { sensitivity: options.sensitivity } : {}),
  });
}
