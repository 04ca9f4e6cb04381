import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/io/loadDocument.ts';
import { checkModel } from '../../src/model/checkModel.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { applyPlans, type MachineConfig } from '../../src/strategy/applyPlans.ts';
import { readPlan } from '../../src/strategy/readPlan.ts';
import { readStrategy } from '../../src/strategy/readStrategy.ts';
import { compileFile } from '../support/compile.ts';
import { expectGolden } from '../support/golden.ts';
import { createScratch, expectNoStack, runCli } from '../support/runCli.ts';

const root = path.resolve(import.meta.dirname, '../..');
const scratch = createScratch('compare');
const run = runCli;
const scratchFile = scratch.file;
const noStack = expectNoStack;
const small = [
  'compare',
  'test/fixtures/small.json',
  '--strategy',
  'test/fixtures/small.strategy.yaml',
  '--plan',
  'test/fixtures/plans/gp-first.yaml',
  '--plan',
  'test/fixtures/plans/treat-at-scene.yaml',
];

describe('carepaths compare', () => {
  it('prints the objective table with statuses and side effects (golden text, Markdown and JSON)', () => {
    const html = path.join(scratch.dir, 'small.html');
    const text = run(...small, '--html', html);
    expect(text.stderr).toBe(`Wrote the comparison page to ${html}\n`);
    expect(text.code).toBe(0);
    expectGolden('small-compare.txt', text.stdout);
    const md = run(...small, '--format', 'md', '--no-html');
    expect(md.code).toBe(0);
    expectGolden('small-compare.md', md.stdout);
    const json = run(...small, '--format', 'json', '--no-html');
    expectGolden('small-compare.json', json.stdout);
    const parsed = JSON.parse(json.stdout);
    // Hand-worked: the ED is reached by 0.244 of requests today; 0.218667 with fewer ambulances
    // from 111 (0.14 + 0.8 × 0.6333 × 0.1 + 0.8 × 0.05 × 0.7); 0.188 with half treated at the scene.
    const ed = parsed.objectives.find((o: { id: string }) => o.id === 'fewer-ed');
    expect(ed.values.map((v: { value: number }) => Number(v.value.toFixed(6)))).toEqual([0.244, 0.218667, 0.188]);
    expect(ed.values.map((v: { status: string }) => v.status)).toEqual(['not met', 'not met', 'met']);
    expect(ed.values[2].changeStatus).toBe('better');
  });

  it('writes a self-contained comparison page with every section, escaping text from the files', () => {
    const plan = scratchFile(
      'hostile.yaml',
      readFileSync(path.join(root, 'test/fixtures/plans/gp-first.yaml'), 'utf8').replace(
        'name: Fewer ambulances from NHS 111',
        'name: "<script>alert(1)</script> & co"',
      ),
    );
    const html = path.join(scratch.dir, 'hostile.html');
    const { code } = run('compare', 'test/fixtures/small.json', '--strategy', 'test/fixtures/small.strategy.yaml', '--plan', plan, '--html', html);
    expect(code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain("default-src 'none'");
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    for (const id of ['objectives-table', 'plans', 'charts', 'flows']) expect(page).toContain(`<section id="${id}"`);
    // One chart per objective, a Sankey before and after, a workload chart per plan.
    expect(page.match(/<svg [^>]*id="objective-\d+"/g)).toHaveLength(4);
    expect(page.match(/<svg [^>]*id="sankey-\d+"/g)).toHaveLength(2);
    expect(page.match(/<svg [^>]*id="workload-\d+"/g)).toHaveLength(1);
    expect(page).not.toMatch(/(src|href)="https?:/);
  });

  it('flags claims that do not move, and shows which agencies take on work', () => {
    const { stdout } = run(...small, '--no-html');
    // treat-at-scene claims "quicker": 50% treated at the scene instead of 30% is quicker, so it is not flagged;
    // gp-first claims fewer handoffs, which it gives.
    // The small model declares no agency labels, so its agencies go by their ids.
    expect(stdout).toContain('Plan treat-at-scene: More treatment at the scene (owner: ambulance)');
    // 100 requests a day × (0.8 × 0.6333 − 0.48) more GP visits, and 100 × (0.2187 − 0.244) fewer reaching the ED.
    expect(stdout).toMatch(
      /Plan gp-first[^\n]*\n  Workload rises: gp \+2\.7 requests a day \(\+5\.6%\), \+40 min a day \(\+5\.6%\)\n  Workload falls: ed −2\.5 requests a day \(−10\.4%\), −583 min a day/,
    );
  });

  it('flags a plan whose claimed objective does not move', () => {
    const plan = scratchFile(
      'no-effect.yaml',
      'name: Longer GP slots\nowner: gp\ndescription: GP appointments take longer.\nsupports: [fewer-ed]\nchanges:\n  - { duration: small.gp.appointment, scale: 1.5 }\n',
    );
    const { stdout, code } = run('compare', 'test/fixtures/small.json', '--strategy', 'test/fixtures/small.strategy.yaml', '--plan', plan, '--no-html');
    expect(code).toBe(0);
    expect(stdout).toContain('! Claims to support "fewer-ed", but the change is no change.');
    // 100 requests a day × 0.48 visits × 15 minutes × 0.5 more
    expect(stdout).toContain('Workload rises: gp +360 min a day (+50%)\n');
  });

  it('gives byte-identical simulated results with 1 and 2 worker threads', () => {
    const strategy = scratchFile(
      'des.yaml',
      'title: S\nobjectives:\n  - { id: fewer-ed, title: Four hours, measure: { kind: four-hour-share, agency: ed }, direction: at-least, target: 80% }\n  - { id: quicker, title: Quicker, measure: { kind: time-to-outcome, statistic: p90 }, direction: at-most, target: 5 hours }\nsimulation: { requests: 2000, days: 5, warmup: 1, replications: 3 }\n',
    );
    const args = [
      'compare',
      'test/fixtures/small.json',
      '--strategy',
      strategy,
      '--plan',
      'test/fixtures/plans/treat-at-scene.yaml',
      '--format',
      'json',
      '--no-html',
    ];
    const one = run(...args, '--workers', '1');
    const two = run(...args, '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const values = JSON.parse(one.stdout).objectives[0].values;
    expect(values[0].ci95).toHaveLength(2);
    expect(values[1].changeCi95).toHaveLength(2);
    // --exact-only leaves the simulated objectives out, and says which.
    const exact = run(
      'compare',
      'test/fixtures/small.json',
      '--strategy',
      strategy,
      '--plan',
      'test/fixtures/plans/treat-at-scene.yaml',
      '--exact-only',
      '--no-html',
    );
    expect(exact.code).toBe(0);
    expect(exact.stdout).toContain('Left out, because only the exact objectives were asked for: Four hours; Quicker.');
    expect(exact.stdout).toContain('  Not tested here (left out): fewer-ed, quicker.\n');
    expect(exact.stdout).not.toContain('Every objective it claims');
  });

  it('also tests every plan together with --together', () => {
    const { stdout, code } = run(...small, '--together', '--no-html');
    expect(code).toBe(0);
    expect(stdout).toContain('Plan all-plans: All plans together');
  });

  it.each([
    [
      'a state that does not exist',
      'changes:\n  - { reweight: small.nhs111.triag, ways: { SELF_CARE: 0.4 }, rebalance: true }\n',
      2,
      ['cannot be used:', 'changes[1]: there is no state small.nhs111.triag in the model.', 'Did you mean small.nhs111.triage?'],
    ],
    [
      'an event that does not exist',
      'changes:\n  - { redirect: small.nhs111.triage, way: BOOK_UTC, to: small.gp.appointment }\n',
      2,
      ['changes[1]: small.nhs111.triage has no way out called BOOK_UTC.', 'Its ways out are: SELF_CARE, BOOK_GP, SEND_AMBULANCE.'],
    ],
    [
      'conflicting changes',
      'changes:\n  - { duration: small.ed, scale: 0.5 }\n  - { duration: small.ed, scale: 0.9 }\n',
      2,
      ['changes[2]: Changing the duration of small.ed conflicts with changes[1], which changes the same thing.'],
    ],
    [
      'probabilities that no longer sum to 1',
      'changes:\n  - { reweight: small.nhs111.triage, ways: { SELF_CARE: 0.4 } }\n',
      1,
      ['leaves the model', 'Error at small.nhs111.triage (probability-sum)', 'sum to 1.1, not 1', 'add "rebalance: true"'],
    ],
    [
      'an objective the strategy does not have',
      'changes:\n  - { duration: small.ed, scale: 0.5 }\n',
      2,
      [
        'supports[1]: "fewer-deaths" is not an objective of the strategy.',
        "The strategy's objectives are: fewer-ed, fewer-admissions, fewer-handoffs, quicker.",
      ],
      'fewer-deaths',
    ],
    ['a YAML syntax error', 'changes:\n  - { duration: small.ed, scale: 0.5 }\n   bad: indent\n', 2, ['is not valid YAML']],
  ])('refuses a plan with %s, naming it (exit %i)', (what, changes, exitCode, messages, supports = 'fewer-ed') => {
    const plan = scratchFile(
      `${String(what).replace(/\W+/g, '-')}.yaml`,
      `name: Bad\nowner: nhs111\ndescription: A bad plan.\nsupports: [${supports}]\n${changes}`,
    );
    const { code, stdout, stderr } = run('compare', 'test/fixtures/small.json', '--strategy', 'test/fixtures/small.strategy.yaml', '--plan', plan, '--no-html');
    expect(stdout).toBe('');
    for (const m of messages as string[]) expect(stderr).toContain(m);
    noStack(stderr);
    expect(code).toBe(exitCode);
  });

  it('refuses plans that conflict with each other only when they are applied together', () => {
    const a = scratchFile('a.yaml', 'name: A\nowner: ed\ndescription: A.\nsupports: [quicker]\nchanges:\n  - { duration: small.ed, scale: 0.5 }\n');
    const b = scratchFile('b.yaml', 'name: B\nowner: ed\ndescription: B.\nsupports: [quicker]\nchanges:\n  - { duration: small.ed, scale: 0.8 }\n');
    const args = ['compare', 'test/fixtures/small.json', '--strategy', 'test/fixtures/small.strategy.yaml', '--plan', a, '--plan', b, '--no-html'];
    expect(run(...args).code).toBe(0);
    const together = run(...args, '--together');
    expect(together.code).toBe(2);
    expect(together.stderr).toContain('b changes[1]: Changing the duration of small.ed conflicts with plan a changes[1], which changes the same thing.');
  });

  it('refuses a strategy with a measure the model cannot give, naming the objective', () => {
    const strategy = scratchFile(
      's.yaml',
      'title: S\nobjectives:\n  - { id: w, title: W, measure: { kind: wait, state: small.gp.appointment, statistic: mean }, direction: at-most, target: 5 min }\n',
    );
    const { code, stderr } = run('compare', 'test/fixtures/small.json', '--strategy', strategy, '--no-html');
    expect(code).toBe(2);
    expect(stderr).toContain('objectives[1].measure (w): small.gp.appointment uses no resource, so no one queues there.');
  });

  it('refuses a missing strategy file and an impossible format', () => {
    expect(run('compare', '--strategy', 'nowhere.yaml', '--no-html').stderr).toContain(
      'The strategy nowhere.yaml cannot be used:\n  the file: does not exist.',
    );
    expect(run(...small, '--format', 'xml').code).toBe(2);
  });

  it('leaves the previous page when a run fails', () => {
    const html = path.join(scratch.dir, 'kept.html');
    writeFileSync(html, 'previous');
    const { code } = run('compare', 'test/fixtures/small.json', '--strategy', 'test/fixtures/small.strategy.yaml', '--plan', 'nowhere.yaml', '--html', html);
    expect(code).toBe(2);
    expect(readFileSync(html, 'utf8')).toBe('previous');
  });
});

describe('the city strategy and plans in models/', async () => {
  const { machine } = await compileFile('models/city-uec.ts');
  const strategyDoc = await loadDocument(path.join(root, 'models/city-uec.strategy.yaml'));
  const { strategy } = readStrategy(strategyDoc.ok ? strategyDoc.value : undefined);
  const planFiles = readdirSync(path.join(root, 'models/plans')).filter((f) => f.endsWith('.yaml'));

  it('has a strategy and at least three plans', () => {
    expect(strategy?.objectives.length).toBeGreaterThanOrEqual(5);
    expect(planFiles.length).toBeGreaterThanOrEqual(3);
  });

  it.each(planFiles)('%s applies to the city, passes the check, names the strategy’s objectives and gives evidence', async (file) => {
    const doc = await loadDocument(path.join(root, 'models/plans', file));
    const { plan, problems } = readPlan(doc.ok ? doc.value : undefined, file.replace('.yaml', ''));
    expect(problems).toEqual([]);
    expect(plan!.evidence.length).toBeGreaterThan(0);
    for (const id of plan!.supports) expect(strategy!.objectives.map((o) => o.id)).toContain(id);
    const applied = applyPlans(machine.config as MachineConfig, [plan!]);
    expect(applied.problems).toEqual([]);
    const checked = checkModel(toCareMachine(applied.config));
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('runs end to end: every plan and all together, with statuses, side effects and the HTML page', () => {
    const html = path.join(scratch.dir, 'city.html');
    const { code, stdout, stderr } = run(
      'compare',
      'models/city-uec.ts',
      '--strategy',
      'models/city-uec.strategy.yaml',
      ...planFiles.flatMap((f) => ['--plan', `models/plans/${f}`]),
      '--together',
      '--html',
      html,
    );
    expect(stderr).toBe(`Wrote the comparison page to ${html}\n`);
    expect(code).toBe(0);
    expect(stdout).toMatch(/ met /);
    expect(stdout).toMatch(/ not met /);
    expect(stdout).toContain('within the noise');
    expect(stdout).toContain('Workload rises:');
    expect(stdout).toContain('Plan all-plans: All plans together');
    expect(existsSync(html)).toBe(true);
  }, 180_000); // Every plan and all together, simulated: about 53 s alone on two cores, more beside other work.
});
