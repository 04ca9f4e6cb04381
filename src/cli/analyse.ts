import type { Command } from 'commander';
import { getFunctionalAnalysis } from '../analysis/getFunctionalAnalysis.ts';
import { createOutput } from '../io/createOutput.ts';
import { toAnalysisJson, toAnalysisMarkdown, toAnalysisText } from '../report/analysisWriters.ts';
import { collectOption, loadGraph, toChoice, applyHelp } from './loadChecked.ts';

const writers = { text: toAnalysisText, json: toAnalysisJson, md: toAnalysisMarkdown };

/** `carepaths analyse [MODEL]`: exact outcomes, times, handoffs and the functional analysis. */
export function addAnalyseCommand(program: Command): void {
  program
    .command('analyse')
    .alias('analyze')
    .description('Exact analysis of the whole system, loops included: outcomes, expected time and handoffs, and which agency performs each function how often.')
    .argument('[model]', 'a .ts, .js or .json model (default: the city model that ships with carepaths)')
    .option('--format <format>', 'text, json or md', 'text')
    .option('--out <file>', 'write to this file (atomically) instead of the screen')
    .option('--apply <plan>', applyHelp, collectOption)
    .addHelpText(
      'after',
      '\nJSON: { model, title, outcomes: [{ state, outcome, probability, configurations? }], outcomeCategories: [{ outcome, label, definition?, probability }],\n      milestones: [{ id, label, definition, share }], expectedMinutes, expectedHandoffs,\n      states: [{ state, agency, function, expectedVisits, configurations? }], functions: [{ function, label, agencies, expectedVisitsPer1000,\n      shareOfRequests, shareMoreThanOnce, summary }], agencies, handoffs: [{ from, to, expectedPer1000 }] }.\n`state` is a state path; `configurations` (where context values or parallel regions make several) gives each one.\n--out FILE writes only over a regular file; --out - writes to the screen. Exit codes: 0 done, 1 model errors, 2 a file, option or output that cannot be used.',
    )
    .action(async (model: string | undefined, options: { format: string; out?: string; apply?: string[] }) => {
      const format = toChoice(options.format, '--format', ['text', 'json', 'md'] as const);
      const { graph } = await loadGraph(model, undefined, options.apply ?? []);
      const text = writers[format](getFunctionalAnalysis(graph));
      const output = createOutput(options.out);
      output.write(text);
      output.close();
      if (options.out && options.out !== '-') process.stderr.write(`Wrote ${options.out}\n`);
    });
}
