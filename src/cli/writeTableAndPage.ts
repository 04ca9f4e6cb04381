import type { Command } from 'commander';
import { createOutput } from '../io/createOutput.ts';
import { writeFileAtomic } from '../io/writeFileAtomic.ts';

/** The options of a command that writes a table and a page: `--format`, `--out`, `--html FILE` and `--no-html`. */
export function addTableAndPageOptions(command: Command, page: string, file: string): Command {
  return command
    .option('--format <format>', 'text, json or md', 'text')
    .option('--out <file>', 'write the table to this file (atomically) instead of the screen')
    .option('--html <file>', `write the ${page} here`, file)
    .option('--no-html', `do not write the ${page}`);
}

/** Writes a command's table (to `--out`, or the screen) and its HTML page (to `--html`, unless `--no-html`), saying what it wrote. */
export function writeTableAndPage(table: string, out: string | undefined, page: { html: string | undefined; file: string | false; what: string }): void {
  const output = createOutput(out);
  output.write(table);
  output.close();
  if (page.file && page.html !== undefined) {
    writeFileAtomic(page.file, page.html);
    process.stderr.write(`Wrote the ${page.what} to ${page.file}\n`);
  }
  if (out && out !== '-') process.stderr.write(`Wrote ${out}\n`);
}
