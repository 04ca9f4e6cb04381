import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoStack } from '../support/runCli.ts';

/**
 * The bad-input catalogue: every command given what a new user might give it. Each case states the
 * exit code and words the message must contain (the file or state path, the cause and a hint), and
 * every case also checks that no stack trace is shown and that nothing in its folder was lost,
 * replaced or left behind (no temporary files; what was there before is there, unchanged).
 */

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/carepaths.js');
const small = JSON.parse(readFileSync(path.join(root, 'test/fixtures/small.json'), 'utf8')) as Record<string, any>;

interface Case {
  name: string;
  /** Files to put in the case's folder first: name → content (a function may make special files). */
  files?: Record<string, string | ((file: string) => void)>;
  args: string[];
  input?: string;
  env?: Record<string, string>;
  code: number;
  /** Each must appear in standard error (or standard output, for `out`). */
  says?: (string | RegExp)[];
  out?: (string | RegExp)[];
  /** Extra checks on the folder afterwards. */
  after?: (dir: string) => void;
}

/** The small model, changed by `change`, as JSON text. */
const smallWith = (change: (m: Record<string, any>) => void) => {
  const m = structuredClone(small);
  change(m);
  return JSON.stringify(m, null, 2);
};

const tinyTs = (body: string) => `import { defineCareModel } from 'carepaths';\n${body}\n`;
const tinyMachine = `defineCareModel({ id: 'tiny', meta: { title: 'Tiny', description: 'Tiny.' }, initial: 'a', states: { a: { description: 'A.', meta: { agency: 'gp', function: 'assess' }, on: { GO: 'b' } }, b: { type: 'final', description: 'B.', meta: { agency: 'gp', outcome: 'home' } } } })`;
const strategyText = readFileSync(path.join(root, 'test/fixtures/small.strategy.yaml'), 'utf8');
const planText = readFileSync(path.join(root, 'test/fixtures/plans/gp-first.yaml'), 'utf8');
const chain = (n: number) =>
  JSON.stringify({
    id: 'chain',
    meta: { title: 'A long chain', description: 'Generated.' },
    initial: 's0',
    states: Object.fromEntries([
      ...Array.from({ length: n }, (_, i) => [
        `s${i}`,
        { description: 'A step.', meta: { agency: 'gp', function: 'assess' }, on: { NEXT: i + 1 < n ? `s${i + 1}` : 'end' } },
      ]),
      ['end', { type: 'final', description: 'End.', meta: { agency: 'gp', outcome: 'home' } }],
    ]),
  });
const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(path.join(tmpdir(), 'carepaths-mount-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  return ok;
})();

const cases: Case[] = [
  // Model files
  { name: 'a model file that does not exist', args: ['check', 'nope.json'], code: 2, says: ['nope.json', 'there is no such file', 'Check the path'] },
  {
    name: 'a folder as the model',
    files: { 'models/': '' },
    args: ['check', 'models'],
    code: 2,
    says: ['models', 'it is a folder', 'Name the .ts, .js or .json file'],
  },
  {
    name: 'an empty JSON file',
    files: { 'empty.json': '' },
    args: ['check', 'empty.json'],
    code: 2,
    says: ['empty.json', 'it is empty', 'id, initial and states'],
  },
  {
    name: 'a binary file',
    files: { 'bin.json': '\u0000\u0001\u00ff\u00fe garbage' },
    args: ['check', 'bin.json'],
    code: 2,
    says: ['bin.json', 'not valid JSON'],
  },
  {
    name: 'JSON with a byte-order mark (loads)',
    files: { 'bom.json': `\uFEFF${JSON.stringify(small)}` },
    args: ['check', 'bom.json'],
    code: 0,
    out: ['bom.json: no errors'],
  },
  {
    name: 'a JSON array',
    files: { 'list.json': '[1, 2]' },
    args: ['check', 'list.json'],
    code: 2,
    says: ['list.json', 'a list, not a machine config', 'id, initial and states'],
  },
  { name: 'JSON null', files: { 'null.json': 'null' }, args: ['check', 'null.json'], code: 2, says: ['null.json', 'null, not a machine config'] },
  {
    name: 'JSON with no states',
    files: { 'nostates.json': '{ "id": "x", "initial": "a" }' },
    args: ['check', 'nostates.json'],
    code: 2,
    says: ['nostates.json', 'no "states"', 'A model needs id, initial and states'],
  },
  {
    name: 'JSON with no id',
    files: { 'noid.json': '{ "initial": "a", "states": { "a": {} } }' },
    args: ['check', 'noid.json'],
    code: 2,
    says: ['noid.json', 'no "id"', 'Give the model an id'],
  },
  {
    name: 'the output of machine.toJSON()',
    files: {
      'tojson.json': JSON.stringify({ id: 'x', key: 'x', type: 'compound', initial: { target: ['#x.a'] }, order: -1, transitions: [], states: { a: {} } }),
    },
    args: ['check', 'tojson.json'],
    code: 2,
    says: ['tojson.json', 'machine.toJSON()', 'Save the machine config instead'],
  },
  {
    name: 'a model with an unknown extension',
    files: { 'model.txt': 'hello' },
    args: ['check', 'model.txt'],
    code: 2,
    says: ['model.txt', 'not ".txt"', '.ts, .mts, .js and .json'],
  },
  {
    name: 'a TypeScript model that throws',
    files: { 'throws.ts': "throw new Error('the model broke');\n" },
    args: ['check', 'throws.ts'],
    code: 2,
    says: ['throws.ts', 'could not be run', 'the model broke'],
  },
  {
    name: 'a TypeScript model with a syntax error',
    files: { 'broken.ts': readFileSync(path.join(root, 'test/fixtures/broken-syntax.ts.txt'), 'utf8') },
    args: ['check', 'broken.ts'],
    code: 2,
    says: ['broken.ts', 'could not be run'],
  },
  {
    name: 'a TypeScript model with no machine exported',
    files: { 'none.ts': 'export const x = 1;\n' },
    args: ['check', 'none.ts'],
    code: 2,
    says: ['none.ts', 'does not export an xstate machine', 'default export'],
  },
  {
    name: 'a model that calls process.exit',
    files: { 'exits.ts': 'process.exit(0);\n' },
    args: ['check', 'exits.ts'],
    code: 2,
    says: ['exits.ts', 'called process.exit(0) while loading', 'should only export its machine'],
  },
  {
    name: 'a model that never finishes loading',
    files: { 'hangs.ts': 'setInterval(() => {}, 1000);\nawait new Promise(() => {});\nexport default 1;\n' },
    args: ['check', 'hangs.ts'],
    env: { CAREPATHS_LOAD_SECONDS: '2' },
    code: 2,
    says: ['hangs.ts', 'did not finish loading within 2 seconds', 'should only export its machine'],
  },
  {
    name: 'a .ts model outside the repository importing carepaths (loads)',
    files: { 'tiny.ts': tinyTs(`export default ${tinyMachine};`) },
    args: ['check', 'tiny.ts'],
    code: 0,
    out: ['tiny.ts: no errors'],
  },
  {
    name: 'a .js model in a folder without package.json (loads)',
    files: { 'tiny.js': tinyTs(`export default ${tinyMachine};`) },
    args: ['check', 'tiny.js'],
    code: 0,
    out: ['tiny.js: no errors'],
  },
  { name: 'a JSON model on standard input (loads)', args: ['check', '-'], input: JSON.stringify(small), code: 0, out: ['standard input: no errors'] },
  {
    name: 'code on standard input',
    args: ['check', '-'],
    input: tinyTs(`export default ${tinyMachine};`),
    code: 2,
    says: ['standard input', 'not valid JSON', 'carepaths runs no code from it'],
  },
  {
    name: 'something piped in with no model named',
    args: ['check'],
    input: JSON.stringify(small),
    code: 2,
    says: ['no model was named', 'name it as -', 'carepaths check -'],
  },
  // Model checks
  {
    name: 'a negative probability',
    files: { 'neg.json': smallWith((m) => (m.states.home.on.CALL_999.meta.p = -0.2)) },
    args: ['check', 'neg.json'],
    code: 1,
    says: [],
    out: ['small.home', 'probability-invalid', 'from 0 to 1', 'How to fix'],
  },
  {
    name: 'a probability that is not a number',
    files: { 'nan.json': smallWith((m) => (m.states.home.on.CALL_999.meta.p = 'abc')) },
    args: ['check', 'nan.json'],
    code: 1,
    out: ['small.home', 'probability-invalid', '"abc"'],
  },
  {
    name: 'a probability written as a string',
    files: { 'str.json': smallWith((m) => (m.states.home.on.CALL_999.meta.p = '0.2')) },
    args: ['check', 'str.json'],
    code: 1,
    out: ['small.home', 'probability-invalid', '"0.2"'],
  },
  {
    name: 'probabilities that do not sum to 1',
    files: { 'sum.json': smallWith((m) => (m.states.home.on.CALL_999.meta.p = 0.1)) },
    args: ['check', 'sum.json'],
    code: 1,
    out: ['small.home', 'probability-sum', 'sum to 0.9', 'unaccounted for'],
  },
  {
    name: 'a way out with no probability',
    files: { 'miss.json': smallWith((m) => delete m.states.home.on.CALL_999.meta) },
    args: ['check', 'miss.json'],
    code: 1,
    out: ['small.home', 'probability-missing', 'Give each way out a meta.p'],
  },
  {
    name: 'an unknown distribution',
    files: { 'dist.json': smallWith((m) => (m.states.nhs111.states.triage.meta.duration = { dist: 'weibull', shape: 2 })) },
    args: ['check', 'dist.json'],
    code: 1,
    out: ['small.nhs111.triage', 'invalid-duration', 'weibull'],
  },
  {
    name: 'a trap (ways out that only loop)',
    files: { 'trap.json': smallWith((m) => (m.states.gp.states.appointment.on = { AGAIN: { target: '#small.gp.appointment', meta: { p: 1 } } })) },
    args: ['check', 'trap.json'],
    code: 1,
    out: ['small.gp.appointment', 'trap', 'leads round in a loop', 'How to fix'],
  },
  {
    name: 'a dead end (said once)',
    files: { 'dead.json': smallWith((m) => delete m.states.gp.states.appointment.on) },
    args: ['check', 'dead.json'],
    code: 1,
    out: ['Error at small.gp.appointment (dead-end)', 'has no way out'],
    after: () => {},
  },
  {
    name: 'an unreachable state (a warning)',
    files: {
      'unreach.json': smallWith(
        (m) => (m.states.orphan = { description: 'Never reached.', meta: { agency: 'gp', function: 'treat' }, on: { HOME: '#small.home_' } }),
      ),
    },
    args: ['check', 'unreach.json'],
    code: 0,
    out: ['small.orphan', 'unreachable-state', 'No request can reach'],
  },
  {
    name: 'a state with no agency',
    files: { 'noagency.json': smallWith((m) => delete m.states.home.meta.agency) },
    args: ['check', 'noagency.json'],
    code: 1,
    out: ['small.home', 'missing-agency'],
  },
  {
    name: 'a context that grows without end',
    files: {
      'unbounded.json': smallWith((m) => {
        m.context = { contacts: 0 };
        m.states.gp.states.appointment.on.HOME = { target: '#small.home', actions: { type: 'increment', params: { key: 'contacts' } }, meta: { p: 0.9 } };
      }),
    },
    args: ['check', 'unbounded.json', '--max-configurations', '2000'],
    code: 1,
    out: ['configuration-limit', 'more than 2,000 configurations', "type: 'below'"],
  },
  {
    name: "xstate v4's cond",
    files: { 'cond.json': smallWith((m) => (m.states.home.on.CALL_999.cond = 'isUrgent')) },
    args: ['check', 'cond.json'],
    code: 1,
    out: ['small.home', 'xstate-v4-cond', 'cond: isUrgent', "guard: 'isUrgent'"],
  },
  {
    name: 'a capacity inside parallel regions',
    files: {
      'region.json': JSON.stringify({
        id: 'r',
        meta: { title: 'R', description: 'R.' },
        initial: 'both',
        states: {
          both: {
            type: 'parallel',
            meta: { agency: 'ed' },
            onDone: 'home',
            states: {
              a: {
                initial: 'x',
                states: {
                  x: { description: 'X.', meta: { function: 'assess', capacity: { servers: 2 } }, on: { A: 'y' } },
                  y: { type: 'final', description: 'Y.' },
                },
              },
              b: { initial: 'x', states: { x: { description: 'X.', meta: { function: 'assess' }, on: { B: 'y' } }, y: { type: 'final', description: 'Y.' } } },
            },
          },
          home: { type: 'final', description: 'Home.', meta: { agency: 'person', outcome: 'home' } },
        },
      }),
    },
    args: ['check', 'region.json'],
    code: 1,
    out: ['r.both.a.x', 'capacity-in-region', 'r.both'],
  },
  {
    name: 'hostile text in a model (escaped in the report)',
    files: { 'hostile.json': smallWith((m) => (m.states.home.description = '<script>alert("x")</script> & <img src=x onerror=alert(1)>')) },
    args: ['report', 'hostile.json', '--out', 'rep'],
    code: 0,
    out: ['Wrote the report'],
    after: (dir) => {
      const html = readFileSync(path.join(dir, 'rep/report.html'), 'utf8');
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('&lt;script&gt;alert');
    },
  },
  {
    name: 'a generated model of 10,000 states (checks)',
    files: { 'chain.json': chain(10_000) },
    args: ['check', 'chain.json'],
    code: 0,
    out: ['chain.json: no errors'],
  },
  // Strategies and plans
  {
    name: 'a strategy file that does not exist',
    args: ['compare', smallPath(), '--strategy', 'nope.yaml', '--no-html'],
    code: 2,
    says: ['nope.yaml', 'does not exist', 'Check the path'],
  },
  {
    name: 'a strategy with a YAML syntax error',
    files: { 's.yaml': 'title: x\nobjectives:\n  - id: [unclosed\n' },
    args: ['compare', smallPath(), '--strategy', 's.yaml', '--no-html'],
    code: 2,
    says: ['s.yaml', /line \d+/, /column \d+/],
  },
  {
    name: 'a strategy naming a state the model does not have',
    files: { 's.yaml': strategyText.replace('{ kind: reach-share, agency: ed }', '{ kind: reach-share, state: small.nowhere }') },
    args: ['compare', smallPath(), '--strategy', 's.yaml', '--no-html'],
    code: 2,
    says: ['s.yaml', 'fewer-ed', 'small.nowhere'],
  },
  {
    name: 'a strategy with an unknown measure',
    files: { 's.yaml': strategyText.replace('{ kind: handoffs }', '{ kind: happiness }') },
    args: ['compare', smallPath(), '--strategy', 's.yaml', '--no-html'],
    code: 2,
    says: ['s.yaml', 'happiness', 'objectives[3]'],
  },
  {
    name: 'a strategy asking for a part of a workload that is not staff or beds',
    files: { 's.yaml': strategyText.replace('{ kind: handoffs }', '{ kind: workload, agency: ed, part: bed-days }') },
    args: ['compare', smallPath(), '--strategy', 's.yaml', '--no-html'],
    code: 2,
    says: ['s.yaml', 'objectives[3]', 'part must be staff or beds (it is "bed-days")'],
  },
  {
    name: 'a plan naming a state the model does not have',
    files: { 's.yaml': strategyText, 'p.yaml': planText.replace('small.nhs111.triage', 'small.nhs111.triaj') },
    args: ['compare', smallPath(), '--strategy', 's.yaml', '--plan', 'p.yaml', '--no-html'],
    code: 2,
    says: ['p.yaml', 'small.nhs111.triaj', 'small.nhs111.triage'],
  },
  {
    name: 'a plan whose changes conflict',
    files: { 's.yaml': strategyText, 'p.yaml': `${planText}  - reweight: small.nhs111.triage\n    ways: { SEND_AMBULANCE: 0.2 }\n    rebalance: true\n` },
    args: ['compare', smallPath(), '--strategy', 's.yaml', '--plan', 'p.yaml', '--no-html'],
    code: 2,
    says: ['p.yaml', 'small.nhs111.triage'],
  },
  {
    name: 'a strategy naming a clock the model does not have',
    files: { 's.yaml': strategyText.replace('{ kind: handoffs }', '{ kind: clock, clock: handover, statistic: mean }') },
    args: ['compare', smallPath(), '--strategy', 's.yaml', '--no-html'],
    code: 2,
    says: ['s.yaml', 'objectives[3]', 'no clock "handover"', 'meta: { clocks'],
  },
  {
    name: 'a plan changing a resource the model does not have',
    files: { 's.yaml': strategyText, 'p.yaml': `${planText}  - resource: crews\n    units: 3\n` },
    args: ['compare', smallPath(), '--strategy', 's.yaml', '--plan', 'p.yaml', '--no-html'],
    code: 2,
    says: ['p.yaml', 'no resource "crews"', 'label and units'],
  },
  {
    name: 'a plan whose waiting-room change changes nothing',
    files: { 's.yaml': strategyText, 'p.yaml': `${planText}  - waiting-room: small.nhs111.triage\n` },
    args: ['compare', smallPath(), '--strategy', 's.yaml', '--plan', 'p.yaml', '--no-html'],
    code: 2,
    says: ['p.yaml', 'changes nothing', 'places'],
  },
  {
    name: 'a model using a resource it does not declare',
    files: {
      'flow.json': JSON.stringify({
        id: 'flow',
        meta: { title: 'Flow', description: 'd', resources: { beds: { label: 'Beds', units: 2 } } },
        initial: 'a',
        states: {
          a: { description: 'A.', meta: { agency: 'x', function: 'assess', uses: 'bedz' }, on: { GO: 'b' } },
          b: { type: 'final', description: 'B.', meta: { agency: 'x', outcome: 'home' } },
        },
      }),
    },
    args: ['check', 'flow.json'],
    code: 1,
    out: ['flow.a', 'not declared in meta.resources', 'use one of: beds'],
  },
  {
    name: 'a resource of a kind carepaths does not know',
    files: {
      'flow.json': JSON.stringify({
        id: 'flow',
        meta: { title: 'Flow', description: 'd', resources: { beds: { label: 'Beds', units: 2, kind: 'bed' } } },
        initial: 'a',
        states: {
          a: { description: 'A.', meta: { agency: 'x', function: 'assess', uses: 'beds' }, on: { GO: 'b' } },
          b: { type: 'final', description: 'B.', meta: { agency: 'x', outcome: 'home' } },
        },
      }),
    },
    args: ['check', 'flow.json'],
    code: 1,
    out: ['invalid-resource', "kind must be 'beds' or 'staff' (it is \"bed\")", "kind?: 'beds' | 'staff'"],
  },
  {
    name: 'an agency in a band the map does not have',
    files: {
      'banded.json': JSON.stringify({
        id: 'banded',
        meta: { title: 'Banded', description: 'd', agencies: [{ id: 'x', label: 'The ward', band: 'wards' }] },
        initial: 'a',
        states: {
          a: { description: 'A.', meta: { agency: 'x', function: 'assess' }, on: { GO: 'b' } },
          b: { type: 'final', description: 'B.', meta: { agency: 'x', outcome: 'home' } },
        },
      }),
    },
    args: ['check', 'banded.json'],
    code: 1,
    out: [
      'invalid-bands',
      'the band of "x" is "wards", which is not one of the map\'s bands',
      'Use one of entry, community, hospital, discharge, or declare your own in meta.bands.',
    ],
  },
  {
    name: 'a plan file that does not exist',
    files: { 's.yaml': strategyText },
    args: ['compare', smallPath(), '--strategy', 's.yaml', '--plan', 'gone.yaml', '--no-html'],
    code: 2,
    says: ['gone.yaml', 'does not exist'],
  },
  {
    name: 'a plan that is not YAML',
    files: { 's.yaml': strategyText, 'p.yaml': 'changes: [\n' },
    args: ['compare', smallPath(), '--strategy', 's.yaml', '--plan', 'p.yaml', '--no-html'],
    code: 2,
    says: ['p.yaml', /line \d+/],
  },
  // Options
  { name: 'an unknown option', args: ['check', '--colour'], code: 2, says: ["unknown option '--colour'"] },
  { name: 'an unknown command', args: ['analyze-all'], code: 2, says: ["unknown command 'analyze-all'"] },
  {
    name: 'a negative number of days',
    args: ['simulate', smallPath(), '--mode', 'des', '--days', '-1'],
    code: 2,
    says: ['--days', 'from 1 to 3,650', '"-1"', 'negative'],
  },
  { name: 'no replications', args: ['simulate', smallPath(), '--replications', '0'], code: 2, says: ['--replications', 'from 1 to 1,000', '"0"'] },
  { name: 'a seed that is not a number', args: ['simulate', smallPath(), '--seed', 'abc'], code: 2, says: ['--seed', 'from 0 to 4,294,967,295', '"abc"'] },
  { name: 'a fractional number of requests', args: ['simulate', smallPath(), '--requests', '2.5'], code: 2, says: ['--requests', 'must be whole'] },
  {
    name: 'requests in exponent form (accepted)',
    args: ['simulate', smallPath(), '--requests', '1e3', '--replications', '1', '--format', 'json'],
    code: 0,
    out: ['"requests": 1000'],
  },
  {
    name: 'more workers than processors (capped, with a note)',
    args: ['simulate', smallPath(), '--requests', '100', '--replications', '2', '--workers', '100'],
    code: 0,
    says: ['--workers 100 is more than', 'using'],
  },
  { name: 'an unknown format', args: ['analyse', smallPath(), '--format', 'xml'], code: 2, says: ['--format must be text, json or md', '"xml"'] },
  { name: 'CSV asked of Monte Carlo', args: ['simulate', smallPath(), '--format', 'csv'], code: 2, says: ['--format csv', '--mode des'] },
  { name: 'no pathways asked for', args: ['pathways', smallPath(), '--top', '0'], code: 2, says: ['--top', 'from 1 to 100,000'] },
  { name: 'a limit that is a word', args: ['pathways', smallPath(), '--limit', 'all'], code: 2, says: ['--limit', '"all"'] },
  { name: 'both --top and --limit', args: ['pathways', smallPath(), '--top', '3', '--limit', '3'], code: 2, says: ['Use --top or --limit, not both'] },
  { name: 'a configuration limit of 0', args: ['check', smallPath(), '--max-configurations', '0'], code: 2, says: ['--max-configurations', 'from 1 to'] },
  {
    name: 'simulation options without --simulate',
    args: ['report', smallPath(), '--days', '3', '--out', 'rep'],
    code: 2,
    says: ['--days does not apply without --simulate'],
    after: (dir) => expect(existsSync(path.join(dir, 'rep'))).toBe(false),
  },
  {
    name: 'a DES option in Monte Carlo',
    args: ['simulate', smallPath(), '--warmup', '3'],
    code: 2,
    says: ['--warmup does not apply to Monte Carlo', 'add --mode des'],
  },
  {
    name: 'a Monte Carlo option in the DES',
    args: ['simulate', smallPath(), '--mode', 'des', '--requests', '5'],
    code: 2,
    says: ['--requests does not apply to the discrete-event simulation'],
  },
  { name: 'verify with a bad --max-pathways', args: ['verify', smallPath(), '--max-pathways', 'all'], code: 2, says: ['--max-pathways', 'from 1 to', '"all"'] },
  { name: 'verify of a model that does not exist', args: ['verify', 'gone.ts'], code: 2, says: ['gone.ts', 'there is no such file'] },
  { name: 'a port out of range', args: ['watch', smallPath(), '--port', '70000'], code: 2, says: ['--port', 'from 0 to 65,535'] },
  // Outputs
  {
    name: '--out at a symbolic link',
    files: { 'target.txt': 'keep me', 'link.txt': (file) => symlinkSync('target.txt', file) },
    args: ['analyse', smallPath(), '--out', 'link.txt'],
    code: 2,
    says: ['link.txt', 'symbolic link', 'writes only over regular files'],
    after: (dir) => expect(lstatSync(path.join(dir, 'link.txt')).isSymbolicLink()).toBe(true),
  },
  {
    name: '--out at a named pipe',
    files: { fifo: (file) => spawnSync('mkfifo', [file]) },
    args: ['analyse', smallPath(), '--out', 'fifo'],
    code: 2,
    says: ['fifo', 'named pipe', 'writes only over regular files'],
    after: (dir) => expect(lstatSync(path.join(dir, 'fifo')).isFIFO()).toBe(true),
  },
  {
    name: '--out at a folder',
    files: { 'folder/': '' },
    args: ['analyse', smallPath(), '--out', 'folder'],
    code: 2,
    says: ['folder', 'it is a folder', 'Give the name of a file'],
  },
  {
    name: '--out in a folder that does not exist',
    args: ['pathways', smallPath(), '--out', 'missing/p.csv', '--format', 'csv'],
    code: 2,
    says: ['missing/p.csv', 'does not exist', 'Create it first'],
    after: (dir) => expect(existsSync(path.join(dir, 'missing'))).toBe(false),
  },
  {
    name: 'report --out at a file',
    files: { 'notes.txt': 'my notes' },
    args: ['report', smallPath(), '--out', 'notes.txt'],
    code: 2,
    says: ['notes.txt', 'it is a file, not a folder'],
  },
  // Fitting to observed figures
  {
    name: 'an observed-figures file with a measure that does not exist and a tolerance that cannot be read',
    files: {
      'obs.yaml':
        'title: Obs\nfigures:\n  - id: a\n    title: A\n    measure: { kind: arrivals-a-day, state: small.x }\n    observed: 3\n    tolerance: 1\n    period: 2024\n    source: s\n  - id: b\n    title: B\n    measure: { kind: reach-share, agency: ed }\n    observed: 20%\n    tolerance: lots\n    period: 2024\n    source: s\n',
    },
    args: ['fit', path.join(root, 'test/fixtures/fit-town.json'), '--observed', 'obs.yaml', '--no-html'],
    code: 2,
    says: [
      'obs.yaml cannot be used',
      'figures[1].measure.kind: "arrivals-a-day" is not a measure carepaths knows',
      'figures[2].tolerance: "lots" is not a target carepaths can read',
    ],
  },
  {
    name: 'fit --only without --calibrate or --sensitivity',
    args: [
      'fit',
      path.join(root, 'test/fixtures/fit-town.json'),
      '--observed',
      path.join(root, 'test/fixtures/fit-town.observed.yaml'),
      '--only',
      'ed',
      '--no-html',
    ],
    code: 2,
    says: ['--only chooses the assumptions that --calibrate and --sensitivity vary'],
  },
  {
    name: '--apply naming a plan that changes a number the model does not have',
    files: { 'fitted.yaml': 'name: Fitted\ndescription: d\nchanges:\n  - set: fitTown.ward\n    field: duration.mean\n    value: 5\n' },
    args: ['analyse', path.join(root, 'test/fixtures/fit-town.json'), '--apply', 'fitted.yaml'],
    code: 2,
    says: ['--apply', 'changes[1]: fitTown.ward has no duration.mean to set.', 'Name a number the model already has.'],
  },
  { name: '--out - writes to standard output', args: ['analyse', smallPath(), '--out', '-'], code: 0, out: ['Functional analysis of "A small test system"'] },
  {
    name: 'a report folder with an earlier report and the user’s own file',
    files: { 'rep/simulation.json': '{ "model": "another" }', 'rep/notes.txt': 'mine' },
    args: ['report', smallPath(), '--out', 'rep'],
    code: 0,
    out: ['Wrote the report'],
    after: (dir) => {
      expect(existsSync(path.join(dir, 'rep/simulation.json'))).toBe(false);
      expect(readFileSync(path.join(dir, 'rep/notes.txt'), 'utf8')).toBe('mine');
    },
  },
];

function smallPath(): string {
  return path.join(root, 'test/fixtures/small.json');
}

/** Every file below `dir` with its content (or kind, for what is not a regular file). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, name);
    const stats = lstatSync(file);
    out.set(
      name,
      stats.isFile() ? readFileSync(file, 'utf8') : stats.isSymbolicLink() ? 'link' : stats.isFIFO() ? 'fifo' : stats.isDirectory() ? 'folder' : 'other',
    );
  }
  return out;
}

function prepare(c: Case): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'carepaths-bad-'));
  for (const [name, content] of Object.entries(c.files ?? {})) {
    const file = path.join(dir, name);
    if (name.endsWith('/')) {
      mkdirSync(file, { recursive: true });
      continue;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    if (typeof content === 'function') content(file);
    else writeFileSync(file, content);
  }
  return dir;
}

describe('the bad-input catalogue', () => {
  it('has at least 60 cases', () => expect(cases.length).toBeGreaterThanOrEqual(60));

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const dir = prepare(c);
    const before = snapshot(dir);
    const result = spawnSync(process.execPath, [bin, ...c.args], {
      cwd: dir,
      encoding: 'utf8',
      input: c.input ?? '',
      env: { ...process.env, ...c.env },
      timeout: 60_000,
    });
    const said = `${result.stderr}`;
    expect(result.status, `${said}\n${result.stdout}`).toBe(c.code);
    for (const words of c.says ?? []) expect(said).toMatch(typeof words === 'string' ? new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : words);
    for (const words of c.out ?? [])
      expect(result.stdout).toMatch(typeof words === 'string' ? new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : words);
    if (c.code === 2) expect(said).toMatch(/^carepaths: /);
    expectNoStack(said);
    expectNoStack(result.stdout);
    // Nothing lost or replaced: what was there before is there, unchanged (an earlier report's own stale files aside).
    const now = snapshot(dir);
    for (const [name, content] of before) if (!(c.after && name.startsWith('rep'))) expect(now.get(name), name).toBe(content);
    // Nothing left behind: no temporary files.
    expect([...now.keys()].filter((name) => name.endsWith('.tmp'))).toEqual([]);
    c.after?.(dir);
  });

  it('refuses a device at --out and leaves the device as it was', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'carepaths-bad-'));
    const device = path.join(dir, 'full');
    const made = spawnSync('mknod', [device, 'c', '1', '7']).status === 0;
    const target = made ? device : '/dev/full';
    const result = spawnSync(process.execPath, [bin, 'analyse', smallPath(), '--out', target], { cwd: dir, encoding: 'utf8', input: '' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`Could not write ${target}: it is a device`);
    expect(lstatSync(target).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('ends quietly with exit 0 when the reader closes the pipe (a listing, and --help)', () => {
    for (const command of [
      `"${process.execPath}" "${bin}" pathways "${smallPath()}" --format csv --limit 100000 | head -1`,
      `"${process.execPath}" "${bin}" simulate --help | head -1`,
    ]) {
      const result = spawnSync('bash', ['-c', `${command}; echo "exit \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
      expect(result.stderr.trim()).toBe('exit 0');
      expect(result.stdout.split('\n').length).toBe(2);
    }
  });

  it('removes the temporary file when a long listing is interrupted with Ctrl-C', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'carepaths-bad-'));
    const child = spawn(process.execPath, [bin, 'pathways', '--limit', '50000000', '--format', 'csv', '--out', 'p.csv'], { cwd: dir, stdio: 'ignore' });
    // Wait until the listing is being written, then interrupt it.
    for (let i = 0; i < 200 && !readdirSync(dir).some((f) => f.endsWith('.tmp')); i++) await new Promise((r) => setTimeout(r, 100));
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(true);
    child.kill('SIGINT');
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_, s) => resolve(s)));
    expect(signal).toBe('SIGINT');
    expect(readdirSync(dir)).toEqual([]);
  });

  it.skipIf(!canMount)('exits 2 on a full disk and a read-only file system, leaving nothing behind', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'carepaths-bad-'));
    const full = path.join(dir, 'full');
    const readOnly = path.join(dir, 'ro');
    mkdirSync(full);
    mkdirSync(readOnly);
    try {
      expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', full]).status).toBe(0);
      expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', readOnly]).status).toBe(0);
      const listing = spawnSync(process.execPath, [bin, 'pathways', '--limit', '100000', '--format', 'csv', '--out', path.join(full, 'p.csv')], {
        encoding: 'utf8',
        input: '',
      });
      expect(listing.status).toBe(2);
      expect(listing.stderr).toContain('p.csv: the disk is full. Free some space');
      const report = spawnSync(process.execPath, [bin, 'report', '--out', path.join(full, 'rep')], { encoding: 'utf8', input: '' });
      expect(report.status).toBe(2);
      expect(report.stderr).toContain('the disk is full');
      expect(readdirSync(full)).toEqual([]);
      const analysis = spawnSync(process.execPath, [bin, 'analyse', smallPath(), '--out', path.join(readOnly, 'a.txt')], { encoding: 'utf8', input: '' });
      expect(analysis.status).toBe(2);
      expect(analysis.stderr).toContain('a.txt: the file system is read-only');
    } finally {
      spawnSync('umount', [full]);
      spawnSync('umount', [readOnly]);
    }
  });

  it('reads --requests 1e9 as a billion (parsed, not run)', async () => {
    const { toWholeNumber } = await import('../../src/cli/loadChecked.ts');
    expect(toWholeNumber('1e9', '--requests')).toBe(1_000_000_000);
    expect(() => toWholeNumber('1e10', '--requests')).toThrow('from 1 to 1,000,000,000');
  });
});
