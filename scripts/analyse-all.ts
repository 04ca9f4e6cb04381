/**
 * Writes the functional analysis (JSON and Markdown) and the 20 most likely pathways (CSV) of
 * every model in models/ to out/analysis/, using carepaths as a library.
 *
 *   npx tsx scripts/analyse-all.ts [output folder]
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { checkModel, csvPathwayWriter, getFunctionalAnalysis, loadModel, renderPathways, toAnalysisJson, toAnalysisMarkdown, writeFileAtomic } from 'carepaths';

const modelsDir = path.resolve(import.meta.dirname, '../models');
const outDir = path.resolve(process.argv[2] ?? 'out/analysis');
let failed = 0;

for (const file of readdirSync(modelsDir)
  .filter((f) => /\.(ts|js|json)$/.test(f))
  .sort()) {
  const loaded = await loadModel(path.join(modelsDir, file));
  if (!loaded.ok) {
    console.error(`${file}: could not load: ${loaded.reason}`);
    failed++;
    continue;
  }
  const { ok, graph, diagnostics } = checkModel(loaded.machine);
  if (!ok || !graph) {
    console.error(`${file}: ${diagnostics.filter((d) => d.severity === 'error').length} errors; run carepaths check ${file}`);
    failed++;
    continue;
  }
  const analysis = getFunctionalAnalysis(graph);
  const base = path.join(outDir, graph.modelId);
  let csv = '';
  renderPathways(graph, { top: 20 }, csvPathwayWriter, (text) => (csv += text));
  await writeFileAtomic(`${base}.analysis.json`, toAnalysisJson(analysis));
  await writeFileAtomic(`${base}.analysis.md`, toAnalysisMarkdown(analysis));
  await writeFileAtomic(`${base}.pathways.csv`, csv);
  console.log(
    `${file}: ${analysis.outcomeCategories.length} outcome categories, ${analysis.expectedHandoffs.toFixed(2)} handoffs per request → ${path.relative(process.cwd(), base)}.*`,
  );
}
process.exitCode = failed ? 1 : 0;
