import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createScratch, runCli } from '../support/runCli.ts';

const root = path.resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const sha256 = (file: string) =>
  createHash('sha256')
    .update(readFileSync(path.join(root, file)))
    .digest('hex');
const provenance = (html: string) => /<p class="provenance">(.*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '');
const scratch = createScratch('provenance');

describe('every page says where it comes from', () => {
  afterEach(() => {
    delete process.env.SOURCE_DATE_EPOCH;
  });

  it('the report, comparison and fit pages name the carepaths version, the model file with its SHA-256, the model, and the day', () => {
    // 1,000,000,000 seconds after 1970 began: 9 September 2001 (UTC).
    process.env.SOURCE_DATE_EPOCH = '1000000000';
    const hash = sha256('test/fixtures/small.json');
    expect(runCli('report', 'test/fixtures/small.json', '--out', path.join(scratch.dir, 'report')).code).toBe(0);
    expect(provenance(readFileSync(path.join(scratch.dir, 'report/report.html'), 'utf8'))).toBe(
      `Made by carepaths ${version} on 9 September 2001 from test/fixtures/small.json (SHA-256 ${hash.slice(0, 12)}), the model “A small test system” (small).`,
    );
    // The whole hash is there too, for a reader who checks the file.
    expect(readFileSync(path.join(scratch.dir, 'report/report.html'), 'utf8')).toContain(`in full: ${hash}`);
    const compare = path.join(scratch.dir, 'comparison.html');
    const plan = ['--plan', 'test/fixtures/plans/gp-first.yaml'];
    expect(runCli('compare', 'test/fixtures/small.json', '--strategy', 'test/fixtures/small.strategy.yaml', ...plan, '--html', compare).code).toBe(0);
    expect(provenance(readFileSync(compare, 'utf8'))).toMatch(
      new RegExp(
        `^Made by carepaths ${version} on 9 September 2001 from test/fixtures/small\\.json \\(SHA-256 ${hash.slice(0, 12)}\\), the model “A small test system” \\(small\\) and the strategy “.+”\\.$`,
      ),
    );
    const fit = path.join(scratch.dir, 'fit.html');
    const town = sha256('test/fixtures/fit-town.json');
    runCli('fit', 'test/fixtures/fit-town.json', '--observed', 'test/fixtures/fit-town.observed.yaml', '--html', fit);
    expect(provenance(readFileSync(fit, 'utf8'))).toMatch(
      new RegExp(
        `^Made by carepaths ${version} on 9 September 2001 from test/fixtures/fit-town\\.json \\(SHA-256 ${town.slice(0, 12)}\\), the model “.+” \\(fitTown\\) and the observed figures test/fixtures/fit-town\\.observed\\.yaml\\.$`,
      ),
    );
  });

  it('says today (UTC) when SOURCE_DATE_EPOCH does not fix the day', () => {
    expect(runCli('report', 'test/fixtures/small.json', '--out', path.join(scratch.dir, 'today')).code).toBe(0);
    const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(provenance(readFileSync(path.join(scratch.dir, 'today/report.html'), 'utf8'))).toContain(` on ${today} from `);
  });
});
