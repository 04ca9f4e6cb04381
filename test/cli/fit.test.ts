import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../support/golden.ts';
import { createScratch, expectNoStack, runCli } from '../support/runCli.ts';

const scratch = createScratch('fit');
const model = 'test/fixtures/fit-town.json';
const observed = 'test/fixtures/fit-town.observed.yaml';

describe('carepaths fit', () => {
  it('prints each figure against the model, writes the page, and exits 1 while a figure is outside tolerance', () => {
    const html = `${scratch.dir}/fit.html`;
    const r = runCli('fit', model, '--observed', observed, '--html', html);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1 of 4 figures within tolerance.');
    expect(r.stdout).toMatch(/ED attendances a day\s+400\s+300\s+−100\s+±20\s+OUTSIDE/);
    expect(r.stdout).toContain('Emergency department: ED: share taking “admit”: 25% (10% to 40%). Local audit of a month of attendances.');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('1 of 4 figures within tolerance');
    expect(page).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('calibrates, writes the fitted values as a plan, and the plan applied brings every figure within tolerance (exit 0)', () => {
    const fitted = `${scratch.dir}/fitted.yaml`;
    const r = runCli('fit', model, '--observed', observed, '--calibrate', '--write', fitted, '--no-html');
    expect(r.stdout).toContain('4 of 4 figures within tolerance after, against 1 before.');
    expect(r.stderr).toContain(`Wrote the fitted values to ${fitted}`);
    expect(readFileSync(fitted, 'utf8')).toMatch(/- set: fitTown\.ed\n {4}field: duration\.mean\n {4}value: 240/);
    const again = runCli('fit', model, '--observed', observed, '--apply', fitted, '--format', 'json', '--no-html');
    expect(again.code).toBe(0);
    const json = JSON.parse(again.stdout) as { within: number; figures: { id: string; model: number; within: boolean }[] };
    expect(json.within).toBe(4);
    expect(json.figures.find((f) => f.id === 'ed-los')!.model).toBe(240);
    // The same plan applies to the other commands, and they give the fitted figures: the time in ED is 240 min.
    const analysed = JSON.parse(runCli('analyse', model, '--apply', fitted, '--format', 'json').stdout) as { expectedMinutes: number };
    const before = JSON.parse(runCli('analyse', model, '--format', 'json').stdout) as { expectedMinutes: number };
    expect(analysed.expectedMinutes).toBeGreaterThan(before.expectedMinutes);
    const out = `${scratch.dir}/fitted-report`;
    expect(runCli('report', model, '--apply', fitted, '--out', out).code).toBe(0);
    expect(JSON.parse(readFileSync(`${out}/analysis.json`, 'utf8'))).toEqual(analysed);
    // The share reaching ED in the fitted model, as analyse gives it, is the share compare's objective gives.
    const fittedShare = (analysed as unknown as { agencies: { agency: string; shareOfRequests: number }[] }).agencies.find(
      (a) => a.agency === 'b',
    )!.shareOfRequests;
    expect(fittedShare).not.toBeCloseTo(0.3, 3);
    const strategy = 'test/fixtures/fit-town.strategy.yaml';
    const compared = JSON.parse(runCli('compare', model, '--strategy', strategy, '--apply', fitted, '--format', 'json', '--no-html').stdout) as {
      objectives: { id: string; values: { value: number }[] }[];
    };
    expect(compared.objectives.find((o) => o.id === 'fewer-ed')!.values[0]!.value).toBeCloseTo(fittedShare, 12);
    // And the simulation runs the fitted model: its exact mean time is analyse's, inside the simulated interval.
    const simulated = JSON.parse(runCli('simulate', model, '--apply', fitted, '--requests', '20000', '--format', 'json').stdout) as {
      timeToOutcome: { mean: number; ci95: [number, number]; exactMean: number };
    };
    expect(simulated.timeToOutcome.exactMean).toBeCloseTo(analysed.expectedMinutes, 9);
    expect(simulated.timeToOutcome.ci95[0]).toBeLessThanOrEqual(analysed.expectedMinutes);
    expect(simulated.timeToOutcome.ci95[1]).toBeGreaterThanOrEqual(analysed.expectedMinutes);
  });

  it("the city's fit table (golden Markdown), the same from one worker and from two", () => {
    const one = runCli('fit', '--observed', 'models/city-uec.observed.yaml', '--format', 'md', '--no-html', '--workers', '1');
    expect(one.code).toBe(1);
    expectGolden('city-fit.md', one.stdout);
    expect(runCli('fit', '--observed', 'models/city-uec.observed.yaml', '--format', 'md', '--no-html', '--workers', '2').stdout).toBe(one.stdout);
  });

  it('the sensitivity names what each figure depends on most, in Markdown too', () => {
    const r = runCli('fit', model, '--observed', observed, '--sensitivity', '--samples', '20', '--format', 'md', '--no-html');
    expect(r.stdout).toContain('### Time in ED (3 h 20 min; all assumptions together');
    expect(r.stdout).toContain('It depends most on Emergency department: ED: mean time (min).');
    expect(r.stdout).toContain('| Emergency department: ED: mean time (min) | 100 to 300 | 100 min | 5 h | 3 h 20 min |');
  });

  it("the report and the comparison page show which assumptions the strategy's objectives depend on, worked by hand", () => {
    // The share reaching ED is p (0.3, range 0.1 to 0.5); the share admitted p·q (q 0.25, range 0.1 to 0.4).
    const strategy = 'test/fixtures/fit-town.strategy.yaml';
    const out = `${scratch.dir}/report`;
    const r = runCli('report', model, '--strategy', strategy, '--out', out);
    expect(r.code).toBe(0);
    const md = readFileSync(`${out}/report.md`, 'utf8');
    expect(md).toContain("## What the strategy's objectives depend on");
    expect(md).toContain('| Phone line: start: share taking “to ED” | 10% to 50% | 10% | 50% | 40 points |');
    expect(md).toContain('| Phone line: start: share taking “to ED” | 10% to 50% | 2.5% | 12.5% | 10 points |');
    expect(md).toContain('| Emergency department: ED: share taking “admit” | 10% to 40% | 3% | 12% | 9 points |');
    const page = readFileSync(`${out}/report.html`, 'utf8');
    expect(page).toContain('“Fewer requests are admitted” depends most on Phone line: start: share taking “to ED”.');
    expect(existsSync(`${out}/diagrams/tornado-2.svg`)).toBe(true);
    const html = `${scratch.dir}/compare.html`;
    expect(runCli('compare', model, '--strategy', strategy, '--html', html, '--format', 'json').code).toBe(0);
    const compared = readFileSync(html, 'utf8');
    expect(compared).toContain('<h2 id="sensitivity-h">What the objectives depend on</h2>');
    expect(compared).toContain('“Fewer requests reach the emergency department” depends most on Phone line: start: share taking “to ED”.');
    // A strategy whose measures do not fit the model stops the report, and leaves nothing.
    const bad = scratch.file('bad.strategy.yaml', readFileSync(strategy, 'utf8').replace('agency: c', 'agency: nowhere'));
    const refused = runCli('report', model, '--strategy', bad, '--out', `${scratch.dir}/refused`);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('objectives[2].measure (fewer-admissions)');
    expectNoStack(refused.stderr);
    expect(existsSync(`${scratch.dir}/refused`)).toBe(false);
  });

  it('exits 0 when the only figures outside tolerance are ones the model is not held to, and says why', () => {
    const outside = ['ed-a-day', 'admissions-a-day', 'ed-los'];
    // Each figure's block starts at "  - id: "; the outside ones get held: false and a reason.
    const marked = readFileSync(observed, 'utf8')
      .split(/(?=^ {2}- id: )/m)
      .map((block) =>
        outside.some((id) => block.startsWith(`  - id: ${id}\n`)) ? block.replace(/\n?$/, '\n    held: false\n    why: a count from another year\n') : block,
      )
      .join('');
    const file = scratch.file('not-held.observed.yaml', marked);
    const r = runCli('fit', model, '--observed', file, '--format', 'md', '--no-html');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('**1 of 4 figures within tolerance; the 3 outside are figures the model is not held to.**');
    expect(r.stdout).toContain('| outside, not held |');
    expect(r.stdout).toContain('- Time in ED: a count from another year');
  });

  it('refuses a bad observed-figures file with every problem by place, and options that need another', () => {
    const bad = scratch.file(
      'bad.observed.yaml',
      'title: Bad\nfigures:\n  - id: x\n    title: X\n    measure: { kind: per-day, state: fitTown.nowhere }\n    observed: 3\n    tolerance: 1\n    period: p\n    source: s\n',
    );
    const r = runCli('fit', model, '--observed', bad, '--no-html');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('figures[1].measure (x): there is no state fitTown.nowhere in the model.');
    expectNoStack(r.stderr);
    const missing = runCli('fit', model, '--observed', scratch.file('empty.yaml', 'title: T\nfigures: []\n'), '--no-html');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('figures: is empty.');
    const write = runCli('fit', model, '--observed', observed, '--write', `${scratch.dir}/w.yaml`, '--no-html');
    expect(write.code).toBe(2);
    expect(write.stderr).toContain('--write is where --calibrate writes the fitted values; add --calibrate.');
    expect(existsSync(`${scratch.dir}/w.yaml`)).toBe(false);
  });
});
