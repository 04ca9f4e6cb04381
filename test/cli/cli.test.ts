import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScratch, expectNoStack, runCli } from '../support/runCli.ts';

const root = path.resolve(import.meta.dirname, '../..');
const scratch = createScratch('cli');
const run = runCli;
const scratchFile = scratch.file;
const noStack = expectNoStack;

describe('carepaths check', () => {
  it('exits 0 for the default city model, and says so', () => {
    const { code, stdout, stderr } = run('check', 'models/city-uec.ts');
    expect(stderr).toBe('');
    expect(stdout).toBe('models/city-uec.ts: no errors, 0 warnings\n');
    expect(code).toBe(0);
  });

  it('exits 1 for probabilities summing to 0.9, naming the state and the sum', () => {
    const model = JSON.parse(readFileSync(path.join(root, 'test/fixtures/small.json'), 'utf8'));
    model.states.nhs111.states.triage.on.BOOK_GP.meta.p = 0.5;
    const { code, stdout } = run('check', scratchFile('bad-p.json', JSON.stringify(model)));
    expect(code).toBe(1);
    expect(stdout).toContain('Error at small.nhs111.triage (probability-sum)');
    expect(stdout).toContain('sum to 0.9, not 1');
  });

  it('gives { ok, diagnostics } with --format json', () => {
    const model = JSON.parse(readFileSync(path.join(root, 'test/fixtures/small.json'), 'utf8'));
    model.states.nhs111.states.triage.on.BOOK_GP.meta.p = 0.5;
    const { code, stdout } = run('check', scratchFile('bad-p2.json', JSON.stringify(model)), '--format', 'json');
    expect(code).toBe(1);
    const parsed = JSON.parse(stdout);
    expect(parsed.ok).toBe(false);
    expect(parsed.diagnostics).toHaveLength(1);
    expect(Object.keys(parsed.diagnostics[0]).sort()).toEqual(['code', 'hint', 'message', 'path', 'severity']);
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'probability-sum', path: 'small.nhs111.triage', severity: 'error' });
  });

  it('exits 2 for a JSON syntax error, naming the file and the reason in one line', () => {
    const file = scratchFile('syntax.json', '{ "id": "x", "states": { ');
    const { code, stdout, stderr } = run('check', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`Could not load the model ${file}: it is not valid JSON`);
    noStack(stderr);
  });

  it('exits 2 for a TypeScript syntax error', () => {
    const file = path.join(root, 'test/fixtures/broken-syntax.ts.txt');
    const copy = scratchFile('package.json', '{"type":"module"}') && scratchFile('broken.ts', readFileSync(file, 'utf8'));
    const { code, stderr } = run('check', copy);
    expect(code).toBe(2);
    expect(stderr).toContain('the file could not be run');
    expect(stderr).toContain('broken.ts:');
    noStack(stderr);
  });

  it('exits 2 for a missing file', () => {
    const { code, stderr } = run('check', 'models/no-such-model.ts');
    expect(code).toBe(2);
    expect(stderr).toBe(
      'carepaths: Could not load the model models/no-such-model.ts: there is no such file. Check the path, or leave it out to use the default city model.\n',
    );
  });

  it('exits 2 for JSON that is not a machine', () => {
    const { code, stderr } = run('check', scratchFile('not-machine.json', '{ "name": "a list of things", "items": [1, 2, 3] }'));
    expect(code).toBe(2);
    expect(stderr).toContain('the JSON is not a machine config: it has no "states"');
    noStack(stderr);
  });

  it('exits 2 for a module that exports no machine', () => {
    scratchFile('package.json', '{"type":"module"}');
    const { code, stderr } = run('check', scratchFile('nothing.mjs', 'export default { hello: 1 };\n'));
    expect(code).toBe(2);
    expect(stderr).toContain('does not export an xstate machine');
  });

  it('exits 2 for an impossible option, naming it', () => {
    const { code, stderr } = run('check', '--format', 'xml');
    expect(code).toBe(2);
    expect(stderr).toBe('carepaths: --format must be text or json (you gave "xml").\n');
  });

  it('exits 2 for an unknown command', () => {
    const { code, stderr } = run('chek');
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command 'chek'");
    expect(stderr).toContain('check');
  });
});

describe('carepaths summary and --help', () => {
  it('summarises the default model when none is given', () => {
    const { code, stdout } = run('summary');
    expect(code).toBe(0);
    expect(stdout).toContain('Urgent and emergency care in a mid-sized English city');
    expect(stdout).toContain('Check: no errors, 0 warnings');
    expect(stdout).toMatch(/Agencies \(12\):/);
    expect(stdout).toContain('Ambulance service (999)');
  });

  it('lists the commands in --help and prints the version', () => {
    const help = run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('check [options] [model]');
    expect(help.stdout).toContain('summary [model]');
    const version = run('--version');
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });
});
