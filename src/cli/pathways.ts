import type { Command } from 'commander';
import { createOutput } from '../io/createOutput.ts';
import { defaultPathwayOptions } from '../pathways/defaults.ts';
import type { PathwayWriter } from '../report/pathwayListing.ts';
import { renderPathwaysInSteps } from '../report/renderPathways.ts';
import { csvPathwayWriter, jsonPathwayWriter, markdownPathwayWriter, textPathwayWriter } from '../report/pathwayWriters.ts';
import { CliError, exitCodes } from './errors.ts';
import { loadGraph, toChoice, toWholeNumber } from './loadChecked.ts';

/** Pathways listed between pauses for the event loop. */
const STEP = 1 << 16;

const writers: Record<string, PathwayWriter> = { text: textPathwayWriter, json: jsonPathwayWriter, csv: csvPathwayWriter, md: markdownPathwayWriter };

interface PathwaysOptions {
  top?: string;
  maxRevisits: string;
  limit?: string;
  countSteps: string;
  format: string;
  out?: string;
}

/** `carepaths pathways [MODEL]`: the most likely pathways, or every pathway up to a limit, with the exact total. */
export function addPathwaysCommand(program: Command): void {
  program
    .command('pathways')
    .description('List the ways a request can travel through the system: the most likely first, with the exact number of pathways in all.')
    .argument('[model]', 'a .ts, .js or .json model (default: the city model that ships with carepaths)')
    .option('--top <K>', 'list the K most likely pathways (the default, with K = 20)')
    .option('--limit <N>', 'instead, list every pathway in the order found, stopping after N')
    .option('--max-revisits <k>', 'how many more times any state may recur in one pathway (0: no state twice)', '0')
    .option('--count-steps <N>', 'steps the exact count may take inside loops before it gives up', String(defaultPathwayOptions.maxWork))
    .option('--format <format>', 'text, json, csv or md', 'text')
    .option('--out <file>', 'write to this file (atomically) instead of the screen')
    .addHelpText(
      'after',
      '\nJSON: { model, title, total, maxRevisits, order, pathways: [{ rank, probability, expectedMinutes, states, contexts?, events,\n      agencies, handoffs, functions, outcome }], listed, coverage, complete }.\n`total` is the exact count as a decimal string (null, with totalNote, when a loop is too large to count).\nCSV: one row a pathway, lists joined by " > ". `states` are state paths; `contexts` (models with context) gives each step\'s values.\n--out FILE writes only over a regular file; --out - writes to the screen; Ctrl-C leaves no partial file.\nExit codes: 0 done, 1 model errors, 2 a file, option or output that cannot be used.',
    )
    .action(async (model: string | undefined, options: PathwaysOptions) => {
      if (options.top !== undefined && options.limit !== undefined) throw new CliError('Use --top or --limit, not both.', exitCodes.badInput);
      const format = toChoice(options.format, '--format', ['text', 'json', 'csv', 'md'] as const);
      const maxRevisits = toWholeNumber(options.maxRevisits, '--max-revisits');
      const top = options.top !== undefined ? toWholeNumber(options.top, '--top') : defaultPathwayOptions.top;
      const limit = options.limit !== undefined ? toWholeNumber(options.limit, '--limit') : undefined;
      const maxWork = toWholeNumber(options.countSteps, '--count-steps');
      const { graph } = await loadGraph(model);
      const output = createOutput(options.out);
      try {
        const steps = renderPathwaysInSteps(
          graph,
          { maxRevisits, maxWork, top, ...(limit !== undefined ? { limit } : {}) },
          writers[format]!,
          (text) => output.write(text),
          STEP,
        );
        // Between steps the event loop runs, so that Ctrl-C can remove the temporary file at once.
        for (const _ of steps) await new Promise(setImmediate);
        output.close();
      } catch (error) {
        output.abort();
        throw error;
      }
      if (options.out && options.out !== '-') process.stderr.write(`Wrote ${options.out}\n`);
    });
}
