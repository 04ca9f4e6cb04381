import type { Command } from 'commander';
import { toDiagnosticsText } from '../report/toDiagnosticsText.ts';
import { exitCodes } from './errors.ts';
import { loadChecked, toChoice, toWholeNumber } from './loadChecked.ts';
import { defaultCompileOptions } from '../graph/compileCareGraph.ts';

/** `carepaths check [MODEL]`: the model checks, as text or JSON. */
export function addCheckCommand(program: Command): void {
  program
    .command('check')
    .description('Check a model and say in plain English what is wrong and how to fix it.')
    .argument('[model]', 'a .ts, .js or .json model (default: the city model that ships with carepaths)')
    .option('--format <format>', 'text or json', 'text')
    .option('--max-configurations <n>', 'stop compiling past this many configurations', String(defaultCompileOptions.maxConfigurations))
    .addHelpText(
      'after',
      '\nExit codes: 0 no errors (warnings allowed), 1 the model has errors, 2 the file cannot be loaded. MODEL may be - for a JSON model on standard input.\nJSON output: { ok, diagnostics: [{ code, severity, path, message, hint }] }.',
    )
    .action(async (model: string | undefined, options: { format: string; maxConfigurations: string }) => {
      const format = toChoice(options.format, '--format', ['text', 'json'] as const);
      const result = await loadChecked(model, toWholeNumber(options.maxConfigurations, '--max-configurations'));
      process.stdout.write(
        format === 'json'
          ? JSON.stringify({ ok: result.ok, diagnostics: result.diagnostics }, null, 2) + '\n'
          : toDiagnosticsText(result.file, result.diagnostics),
      );
      process.exitCode = result.ok ? exitCodes.ok : exitCodes.modelErrors;
    });
}
