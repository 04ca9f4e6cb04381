import type { Command } from 'commander';
import { getModelSummary } from '../analysis/getModelSummary.ts';
import { toDiagnosticsText, toVerdict } from '../report/toDiagnosticsText.ts';
import { toSummaryText } from '../report/toSummaryText.ts';
import { exitCodes } from './errors.ts';
import { loadChecked } from './loadChecked.ts';

/** `carepaths summary [MODEL]`: checks a model and shows its agencies, functions and outcomes. */
export function addSummaryCommand(program: Command): void {
  program
    .command('summary')
    .description('Check a model and summarise it: agencies, functions, states, ways out and outcomes.')
    .argument('[model]', 'a .ts, .js or .json model (default: the city model that ships with carepaths)')
    .action(async (model: string | undefined) => {
      const result = await loadChecked(model);
      if (!result.ok || !result.graph) {
        process.stdout.write(toDiagnosticsText(result.file, result.diagnostics));
        process.exitCode = exitCodes.modelErrors;
        return;
      }
      process.stdout.write(toSummaryText(getModelSummary(result.graph), result.file, toVerdict(result.diagnostics)));
    });
}
