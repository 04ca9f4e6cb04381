import { createOutput } from '../io/createOutput.ts';
import { writeFileAtomic } from '../io/writeFileAtomic.ts';

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
