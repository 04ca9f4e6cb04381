import { describe, it } from 'vitest';
import { getFunctionalAnalysis } from '../../src/analysis/getFunctionalAnalysis.ts';
import { toAnalysisJson, toAnalysisMarkdown, toAnalysisText } from '../../src/report/analysisWriters.ts';
import { csvPathwayWriter, jsonPathwayWriter, markdownPathwayWriter, textPathwayWriter } from '../../src/report/pathwayWriters.ts';
import { renderPathways, type RenderPathwaysOptions } from '../../src/report/renderPathways.ts';
import type { PathwayWriter } from '../../src/report/pathwayListing.ts';
import { compileFile } from '../support/compile.ts';
import { expectGolden } from '../support/golden.ts';

const { graph } = await compileFile('models/city-uec.ts');

const render = (writer: PathwayWriter, options: RenderPathwaysOptions) => {
  let text = '';
  renderPathways(graph, options, writer, (chunk) => (text += chunk));
  return text;
};

describe('golden outputs for the default city model', () => {
  it('top 20 pathways as Markdown, CSV, JSON and text', () => {
    expectGolden('city-pathways-top20.md', render(markdownPathwayWriter, { top: 20 }));
    expectGolden('city-pathways-top20.csv', render(csvPathwayWriter, { top: 20 }));
    expectGolden('city-pathways-top20.json', render(jsonPathwayWriter, { top: 20 }));
    expectGolden('city-pathways-top20.txt', render(textPathwayWriter, { top: 20 }));
  });

  it('an enumeration cut short by the limit, with revisits, says so', () => {
    expectGolden('city-pathways-limit5-revisits1.json', render(jsonPathwayWriter, { limit: 5, maxRevisits: 1, maxWork: 100_000 }));
  });

  it('the functional analysis as JSON, Markdown and text', () => {
    const analysis = getFunctionalAnalysis(graph);
    expectGolden('city-analysis.json', toAnalysisJson(analysis));
    expectGolden('city-analysis.md', toAnalysisMarkdown(analysis));
    expectGolden('city-analysis.txt', toAnalysisText(analysis));
  });
});
