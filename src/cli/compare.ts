import path from 'node:path';
import type { Command } from 'commander';
import { checkOutputFile } from '../io/OutputProblem.ts';
import { toComparisonJson, toComparisonMarkdown, toComparisonText } from '../report/comparisonWriters.ts';
import { measureCatalogue } from '../strategy/measureCatalogue.ts';
import { collectOption, defaultWorkers, toChoice, toWorkers } from './loadChecked.ts';
import { prepareComparison } from './prepareComparison.ts';
import { renderComparisonPage, withSensitivity } from './renderComparisonPage.ts';
import { addTableAndPageOptions, writeTableAndPage } from './writeTableAndPage.ts';

const writers = { text: toComparisonText, json: toComparisonJson, md: toComparisonMarkdown };

/** `carepaths compare MODEL --strategy S --plan P …`: each plan tested against the strategy's objectives. */
export function addCompareCommand(program: Command): void {
  const command = program
    .command('compare')
    .description(
      'Test action plans against the whole-system strategy: each objective on the baseline and with each plan, its change and whether it is met, and which agencies take on more work (staff time, and bed-days where the model marks its beds). The page also draws what each plan changes on the system map.',
    )
    .argument('[model]', 'a .ts, .js or .json model (default: the city model that ships with carepaths)')
    .requiredOption('--strategy <file>', 'the strategy: objectives with measures and targets (YAML or JSON)')
    .option('--plan <file>', 'an action plan (YAML or JSON); give --plan once for each plan', collectOption)
    .option(
      '--apply <plan>',
      'apply a plan to the model first (the baseline, and under every plan), such as the fitted values from carepaths fit --calibrate; give --apply once for each',
      collectOption,
    )
    .option('--together', 'also test every plan applied at once (plans that change the same thing are refused)')
    .option('--exact-only', 'leave out the objectives that need a simulation: a quick first look, in about a second')
    .option('--workers <W>', 'worker threads for the discrete-event simulation (results do not depend on it)', defaultWorkers);
  addTableAndPageOptions(command, 'comparison page', path.join('out', 'comparison.html'))
    .addHelpText(
      'after',
      `\nMeasures a strategy can use (details in the README):\n${measureCatalogue.map((m) => `  ${m.kind.padEnd(16)} ${m.summary}`).join('\n')}\n\nJSON: { model, strategy, simulation, workloadBasis, leftOut, scenarios: [{ id, name, owner, description, supports, evidence, changes }],\n      objectives: [{ id, title, measure, source, unit, direction, target, values: [{ scenario, value, ci95?, status,\n      uncertain, change?, changeCi95?, changeStatus? }] }], workload: [{ agency, label, requestsPerDay, minutesPerDay, bedMinutesPerDay }],\n      findings: [{ plan, rises, falls, netMinutesPerDay, netStaffMinutesPerDay, netBedDaysPerDay, unsupportedClaims, untestedClaims, unclaimedGains }] }.\nExit codes: 0 done; 1 the model, or the model with a plan applied, has errors; 2 a file or option cannot be used.`,
    )
    .action(
      async (
        model: string | undefined,
        options: {
          strategy: string;
          plan?: string[];
          together?: boolean;
          exactOnly?: boolean;
          workers: string;
          format: string;
          out?: string;
          html: string | false;
          apply?: string[];
        },
      ) => {
        const format = toChoice(options.format, '--format', ['text', 'json', 'md'] as const);
        const workers = toWorkers(options.workers);
        if (options.html) checkOutputFile(options.html);
        if (options.out && options.out !== '-') checkOutputFile(options.out);
        const prepared = await prepareComparison({
          ...(model !== undefined ? { model } : {}),
          strategy: options.strategy,
          plans: options.plan ?? [],
          together: options.together ?? false,
          exactOnly: options.exactOnly ?? false,
          workers,
          applied: options.apply ?? [],
        });
        const html = options.html ? await renderComparisonPage(prepared, await withSensitivity(prepared)) : undefined;
        writeTableAndPage(writers[format](prepared), options.out, { html, file: options.html, what: 'comparison page' });
      },
    );
}
