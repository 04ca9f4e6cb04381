import type { CareGraph } from '../graph/types.ts';
import type { OutputFile } from '../io/writeFilesAtomic.ts';
import type { PathwayCount } from '../pathways/types.ts';
import type { SensitivityResult } from '../analysis/getSensitivity.ts';
import { getPageProvenance } from './provenance.ts';

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
  const [{ loadFonts }, { toPng }, { createReportFiles }, { QUICK_MAP_STATES, MAX_MAP_STATES }] = await Promise.all([
    import('../io/loadFonts.ts'),
    import('../io/toPng.ts'),
    import('../render/createReportFiles.ts'),
    import('../render/renderSystemMap.ts'),
  ]);
  // A large model's map takes seconds to lay out, and is drawn the quick way or not at all: say so first.
  const states = graph.nodes.length;
  if (states > MAX_MAP_STATES)
    process.stderr.write(
      `The model has ${states.toLocaleString('en-GB')} states: the system map is not drawn (more than ${MAX_MAP_STATES.toLocaleString('en-GB')}); the report gives it as a table.\n`,
    );
  else if (states > QUICK_MAP_STATES)
    process.stderr.write(
      `The model has ${states.toLocaleString('en-GB')} states: laying out the system map the quick way, without labels on its ways out (a few seconds)…\n`,
    );
  const fonts = loadFonts();
  const progress = process.stderr.isTTY
    ? (done: number, all: number) => process.stderr.write(`\rSimulating: ${done} of ${all} replications${done === all ? '\n' : ''}`)
    : undefined;
  return createReportFiles(graph, {
    top: options.top,
    fonts,
    ...getPageProvenance(file),
    ...(options.png ? { toPng: (svg: string) => toPng(svg, fonts) } : {}),
    ...(options.simulation ? { simulation: { ...options.simulation, ...(progress ? { progress } : {}) } } : {}),
    ...(options.count ? { count: options.count } : {}),
    ...(options.sensitivity ? { sensitivity: options.sensitivity } : {}),
  });
}
