import type { Command } from 'commander';
import { defaultVerificationOptions, getVerification } from '../analysis/getVerification.ts';
import { createOutput } from '../io/createOutput.ts';
import { toVerificationText } from '../report/toVerificationText.ts';
import { exitCodes } from './errors.ts';
import { loadChecked, toChoice, toWholeNumber } from './loadChecked.ts';

/** `carepaths verify [MODEL]`: the care graph cross-checked against @xstate/graph. */
export function addVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description(
      "Cross-check the compiled care graph of a model against xstate's own graph utilities (@xstate/graph), to show that carepaths follows xstate's semantics for it.",
    )
    .argument('[model]', 'a .ts, .js or .json model, or - for JSON on standard input (default: the city model that ships with carepaths)')
    .option(
      '--max-pathways <N>',
      'compare simple pathways with getSimplePaths when the model has at most N (the reference lists every one)',
      String(defaultVerificationOptions.maxPathways),
    )
    .option('--format <format>', 'text or json', 'text')
    .option('--out <file>', 'write to this file (atomically) instead of the screen; - for the screen')
    .addHelpText(
      'after',
      '\nCompares configurations and ways out with getAdjacencyMap, and simple pathways with getSimplePaths where there are few enough.\nJSON: { model, configurations, ways, pathways?, pathwaysNote?, agree }, each part { ours, reference, missing, extra, agree }.\nExit codes: 0 they agree, 1 they differ or the model has errors, 2 a file or option cannot be used.',
    )
    .action(async (model: string | undefined, options: { maxPathways: string; format: string; out?: string }) => {
      const format = toChoice(options.format, '--format', ['text', 'json'] as const);
      const maxPathways = toWholeNumber(options.maxPathways, '--max-pathways');
      const checked = await loadChecked(model);
      if (!checked.graph) {
        process.stderr.write(
          `carepaths: ${checked.file} could not be compiled, so there is nothing to compare: run carepaths check${model ? ` ${model}` : ''} to see why.\n`,
        );
        process.exitCode = exitCodes.modelErrors;
        return;
      }
      const verification = getVerification(checked.machine, checked.graph, { maxPathways });
      const output = createOutput(options.out);
      output.write(format === 'json' ? JSON.stringify(verification, null, 2) + '\n' : toVerificationText(verification, checked.file));
      output.close();
      process.exitCode = verification.agree ? exitCodes.ok : exitCodes.modelErrors;
    });
}
