import { Command, CommanderError } from 'commander';
import { addAnalyseCommand } from './analyse.ts';
import { addCheckCommand } from './check.ts';
import { addCompareCommand } from './compare.ts';
import { addFitCommand } from './fit.ts';
import { ClosedPipe, OutputProblem } from '../io/OutputProblem.ts';
import { removeTemporaryFiles } from '../io/temporaryFiles.ts';
import { CliError, exitCodes } from './errors.ts';
import { version } from './version.ts';
import { addPathwaysCommand } from './pathways.ts';
import { addReportCommand } from './report.ts';
import { addSimulateCommand } from './simulate.ts';
import { addSummaryCommand } from './summary.ts';
import { addVerifyCommand } from './verify.ts';
import { addWatchCommand } from './watch.ts';

/** The carepaths command line: one file a command, one place that turns failures into messages. */
export function createProgram(): Command {
  const program = new Command('carepaths')
    .description('Functional analysis of urgent and emergency care systems written as xstate statecharts.')
    .version(version, '-V, --version', 'show the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError()
    // Commander's own usage messages speak like every other carepaths message, with a way on.
    .configureOutput({ outputError: (text, write) => write(`carepaths: ${text.replace(/^error: /, '')}`) })
    .showHelpAfterError('Run "carepaths --help" for the commands, or "carepaths COMMAND --help" for what a command takes.')
    .exitOverride();
  addCheckCommand(program);
  addVerifyCommand(program);
  addSummaryCommand(program);
  addPathwaysCommand(program);
  addAnalyseCommand(program);
  addReportCommand(program);
  addSimulateCommand(program);
  addCompareCommand(program);
  addFitCommand(program);
  addWatchCommand(program);
  return program;
}

/** Runs the command line and maps every failure to a message and an exit code, never a stack trace. */
export async function main(argv: string[]): Promise<void> {
  // A reader that stops early (`carepaths … | head -1`) closes the pipe: the run ends quietly, exit 0.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      removeTemporaryFiles();
      process.exit(exitCodes.ok);
    });
  }
  try {
    await createProgram().parseAsync(argv);
  } catch (error) {
    removeTemporaryFiles();
    if (error instanceof ClosedPipe) {
      process.exitCode = exitCodes.ok;
    } else if (error instanceof OutputProblem) {
      process.stderr.write(`carepaths: ${error.message}\n`);
      process.exitCode = exitCodes.badInput;
    } else if (error instanceof CommanderError) {
      // Commander has already printed help, the version or its own usage message.
      process.exitCode = error.exitCode === 0 ? exitCodes.ok : exitCodes.badInput;
    } else if (error instanceof CliError) {
      process.stderr.write(`carepaths: ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(
        `carepaths: something went wrong inside carepaths: ${(error as Error)?.message ?? String(error)}\nPlease report this, with the command you ran.\n`,
      );
      if (process.env.CAREPATHS_DEBUG) process.stderr.write(`${(error as Error)?.stack}\n`);
      process.exitCode = exitCodes.internal;
    }
    // Nothing more is to be done after a failure; a model's own timers or a load that never
    // settled must not keep the process alive.
    process.exit();
  }
}
