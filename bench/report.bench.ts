import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getFunctionalAnalysis } from '../src/analysis/getFunctionalAnalysis.ts';
import { compileCareGraph } from '../src/graph/compileCareGraph.ts';
import { loadFonts } from '../src/io/loadFonts.ts';
import { createRenderContext } from '../src/render/createRenderContext.ts';
import { renderSystemMap } from '../src/render/renderSystemMap.ts';
import { createLayeredModel } from './synthetic.ts';
import { createSection } from './measure.ts';

const root = path.resolve(import.meta.dirname, '..');

/** The report end to end, as a user runs it (the city, and generated 1,000- and 10,000-state models), and the system map of a 500-state model. */
export async function benchReport(): Promise<string[]> {
  const { lines, say } = createSection();
  say('## The report');
  say('');
  say('No xstate baseline exists for drawing; the targets from the issue are given beside the figures.');
  say('');
  say('| task | seconds (best of 3) | target |');
  say('|---|---:|---:|');
  const out = mkdtempSync(path.join(tmpdir(), 'carepaths-bench-'));
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [path.join(root, 'bin/carepaths.js'), 'report', 'models/city-uec.ts', '--out', out], {
      cwd: root,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(run.stderr);
    best = Math.min(best, performance.now() - started);
  }
  say(
    `| \`carepaths report\` for the default model, whole process (start, model load, analysis, 24 diagrams, files written) | ${(best / 1000).toFixed(2)} | under 3 |`,
  );
  // The scale targets: the whole report of a generated model (layered, degree 3, with re-contact
  // loops) of about 1,000 and 10,000 states, once each (they take seconds, not milliseconds).
  for (const [width, layers, target] of [
    [50, 20, 10],
    [100, 100, 60],
  ] as const) {
    const generated = createLayeredModel({ width, layers, degree: 3, recontact: true });
    const file = path.join(out, `layered-${width}x${layers}.json`);
    writeFileSync(file, JSON.stringify(generated.config));
    const started = performance.now();
    const run = spawnSync(process.execPath, [path.join(root, 'bin/carepaths.js'), 'report', file, '--out', path.join(out, `report-${width}x${layers}`)], {
      cwd: root,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(run.stderr);
    const seconds = (performance.now() - started) / 1000;
    const states = width * layers + 2;
    say(
      `| \`carepaths report\` for a generated ${states.toLocaleString('en-GB')}-state model, whole process (${states > 2500 ? 'the map too large to draw: the page says so and opens its table' : 'the map laid out the quick way'}), one run | ${seconds.toFixed(2)} | under ${target} |`,
    );
  }
  const machine = createLayeredModel({ width: 25, layers: 20, degree: 2, smallLoops: true });
  const { graph } = compileCareGraph(machine);
  const ctx = createRenderContext(graph!, getFunctionalAnalysis(graph!), loadFonts());
  let mapBest = Infinity;
  let size = 0;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    size = (await renderSystemMap(ctx)).svg.length;
    mapBest = Math.min(mapBest, performance.now() - started);
  }
  say(
    `| system map layout and render, layered 25×20 model (${graph!.nodes.length} states, ${graph!.edges.length} ways out; ${(size / 1e6).toFixed(1)} MB of SVG) | ${(mapBest / 1000).toFixed(2)} | under 5 |`,
  );
  say('');
  return lines;
}
