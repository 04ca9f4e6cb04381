import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScratch, runCli } from '../support/runCli.ts';

const root = path.resolve(import.meta.dirname, '../..');
const scratch = createScratch('analysis').dir;
const run = runCli;

describe('carepaths pathways', () => {
  it('lists the 20 most likely pathways in plain English, with coverage and the exact total', () => {
    const { code, stdout } = run('pathways', 'models/city-uec.ts', '--top', '20');
    expect(code).toBe(0);
    expect(stdout).toContain('8,420,309 pathways in which no state is visited twice.');
    expect(stdout).toMatch(/^ {2}1\. 22\.7% of requests · about 25 minutes without waits · The person and their carers → GP practice$/m);
    expect(stdout).toMatch(/^ 20\. /m);
    expect(stdout).toMatch(/These 20 pathways account for \d+\.\d% of requests\.\n$/);
  });

  it('follows the JSON contract', () => {
    const { code, stdout } = run('pathways', '--top', '3', '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ model: 'city', total: '8420309', maxRevisits: 0, listed: 3, complete: true });
    expect(Object.keys(json.pathways[0])).toEqual([
      'rank',
      'probability',
      'expectedMinutes',
      'states',
      'events',
      'agencies',
      'handoffs',
      'functions',
      'outcome',
    ]);
    expect(json.coverage).toBeCloseTo(
      json.pathways.reduce((s: number, p: { probability: number }) => s + p.probability, 0),
      12,
    );
  });

  it('says when --limit cut the enumeration short', () => {
    const { code, stdout } = run('pathways', '--limit', '4');
    expect(code).toBe(0);
    expect(stdout).toContain('Stopped after 4 pathways (--limit): there are more.');
  });

  it.each([
    [['--top', '0'], '--top must be a whole number from 1 to 100,000 (you gave "0").'],
    [['--top', 'ten'], '--top must be a whole number from 1 to 100,000 (you gave "ten").'],
    [['--max-revisits', '-1'], '--max-revisits must be a whole number from 0 to 20 (you gave "-1"). A negative number is not allowed.'],
    [['--top', '5', '--limit', '5'], 'Use --top or --limit, not both.'],
    [['--format', 'pdf'], '--format must be text, json, csv or md (you gave "pdf").'],
  ])('refuses impossible options %j with exit 2', (args, message) => {
    const { code, stderr, stdout } = run('pathways', ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`carepaths: ${message}\n`);
  });

  it('refuses a model that fails the check, with its errors, exit 1', () => {
    const model = JSON.parse(readFileSync(path.join(root, 'test/fixtures/small.json'), 'utf8'));
    model.states.ed.on.ADMIT.meta.p = 0.5;
    const file = path.join(scratch, 'bad.json');
    writeFileSync(file, JSON.stringify(model));
    const { code, stderr } = run('pathways', file);
    expect(code).toBe(1);
    expect(stderr).toContain('The model has errors, so it cannot be analysed yet.');
    expect(stderr).toContain('Error at small.ed (probability-sum)');
    expect(stderr).toContain('sum to 1.25, not 1');
  });

  it('writes --out atomically, and a failed run leaves the previous file as it was', () => {
    const out = path.join(scratch, 'pathways.csv');
    expect(run('pathways', '--top', '2', '--format', 'csv', '--out', out).code).toBe(0);
    const first = readFileSync(out, 'utf8');
    expect(first.split('\r\n')[0]).toBe('rank,probability,expectedMinutes,handoffs,outcome,agencies,functions,events,states');
    expect(run('pathways', path.join(scratch, 'missing.json'), '--format', 'csv', '--out', out).code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe(first);
    expect(readdirSync(scratch).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('carepaths analyse', () => {
  it('prints the functional analysis', () => {
    const { code, stdout } = run('analyse', 'models/city-uec.ts');
    expect(code).toBe(0);
    expect(stdout).toContain('Functional analysis of "Urgent and emergency care in a mid-sized English city"');
    expect(stdout).toMatch(/Assess or triage is done by GP practice \(37 in every 100 requests\), NHS 111/);
    expect(stdout).toContain('Handoffs between agencies, per 1,000 requests:');
  });

  it('follows the JSON contract, and writes to --out', () => {
    const out = path.join(scratch, 'analysis.json');
    const { code, stderr } = run('analyse', '--format', 'json', '--out', out);
    expect(code).toBe(0);
    expect(stderr).toBe(`Wrote ${out}\n`);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    for (const key of ['model', 'outcomes', 'expectedMinutes', 'expectedHandoffs', 'states', 'functions', 'handoffs']) expect(json).toHaveProperty(key);
    expect(Object.keys(json.outcomes[0])).toEqual(['state', 'outcome', 'probability']);
    expect(Object.keys(json.states[0])).toEqual(['state', 'agency', 'function', 'expectedVisits']);
    expect(json.functions[0]).toHaveProperty('agencies');
    expect(json.functions[0]).toHaveProperty('expectedVisitsPer1000');
    expect(json.functions[0]).toHaveProperty('shareOfRequests');
    expect(Object.keys(json.handoffs[0])).toEqual(['from', 'to', 'expectedPer1000']);
    expect(json.outcomes.reduce((s: number, o: { probability: number }) => s + o.probability, 0)).toBeCloseTo(1, 12);
    expect(existsSync(`${out}.tmp`)).toBe(false);
  });
});

describe('carepaths report', () => {
  it('writes the report, its Markdown, diagrams, CSV and JSON, and PNGs with --png', () => {
    const out = path.join(scratch, 'report');
    const { code, stdout, stderr } = run('report', 'test/fixtures/small.json', '--out', out, '--top', '3', '--png');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`to ${path.join(out, 'report.html')}`);
    expect(readdirSync(out).sort()).toEqual(['.carepaths-files', 'analysis.json', 'diagrams', 'pathways.csv', 'report.html', 'report.md']);
    const diagrams = readdirSync(path.join(out, 'diagrams')).sort();
    expect(diagrams).toEqual(
      ['agency-overview', 'handoff-matrix', 'pathway-1', 'pathway-2', 'pathway-3', 'sankey', 'system-map'].flatMap((d) => [`${d}.png`, `${d}.svg`]),
    );
    const png = readFileSync(path.join(out, 'diagrams/system-map.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBeGreaterThan(200);
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('leaves the previous report as it was when a run fails', () => {
    const out = path.join(scratch, 'kept');
    expect(run('report', 'test/fixtures/small.json', '--out', out, '--top', '2').code).toBe(0);
    const before = readFileSync(path.join(out, 'report.html'), 'utf8');
    const model = JSON.parse(readFileSync(path.join(root, 'test/fixtures/small.json'), 'utf8'));
    model.states.ed.on.ADMIT.meta.p = 0.5;
    writeFileSync(path.join(scratch, 'broken.json'), JSON.stringify(model));
    expect(run('report', path.join(scratch, 'broken.json'), '--out', out).code).toBe(1);
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toBe(before);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses --top 0', () => {
    const { code, stderr } = run('report', '--top', '0');
    expect(code).toBe(2);
    expect(stderr).toBe('carepaths: --top must be a whole number from 1 to 100,000 (you gave "0").\n');
  });
});

describe('carepaths report --simulate', () => {
  it('adds the simulated Sankey, waits, utilisation and response times, and simulation.json', () => {
    const out = path.join(scratch, 'simulated');
    const { code, stderr } = run('report', '--simulate', '--days', '3', '--replications', '2', '--workers', '1', '--out', out, '--top', '2');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const diagrams = readdirSync(path.join(out, 'diagrams'));
    for (const d of ['sankey-simulated', 'simulated-waits', 'simulated-utilisation', 'simulated-by-hour', 'simulated-response-standards'])
      expect(diagrams).toContain(`${d}.svg`);
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('<section id="simulation"');
    expect(html).toContain('Stays within four hours');
    // The day hour by hour: the arrivals row adds up to the city's 1,982 requests a day, and every resource has a panel.
    // (In two tables of 12 hours, so that each fits a printed page.)
    const arriving = [...html.matchAll(/<th scope="row">Requests arriving an hour \(the model’s rates\): arriving<\/th>((?:<td>[\d.]+<\/td>){12})<\/tr>/g)];
    expect(arriving).toHaveLength(2);
    const perHour = arriving.flatMap((row) => [...row[1]!.matchAll(/<td>([\d.]+)<\/td>/g)].map((m) => Number(m[1])));
    expect(perHour).toHaveLength(24);
    expect(perHour.reduce((a, b) => a + b, 0)).toBeCloseTo(1982, -1);
    expect(Math.max(...perHour) / Math.min(...perHour)).toBeGreaterThan(3);
    for (const resource of ['Staffed ambulances', 'Majors cubicles', 'General and acute beds'])
      expect(html).toContain(`<th scope="row">${resource}: in use, mean</th>`);
    // The city's response clocks are drawn against their standards, in the standards' statistics.
    expect(html).toContain('Response times against the standards');
    for (const mark of ['mean standard 7', '90th standard 15', 'mean standard 18', '90th standard 40', '90th standard 120', '90th standard 180'])
      expect(html).toContain(mark);
    expect(JSON.parse(readFileSync(path.join(out, 'simulation.json'), 'utf8'))).toMatchObject({ mode: 'des', days: 3, replications: 2 });
  });

  it('says why there is no discrete-event simulation for a model without capacity, and still simulates flows', () => {
    const out = path.join(scratch, 'simulated-small');
    const { code } = run('report', 'test/fixtures/small.json', '--simulate', '--out', out);
    expect(code).toBe(0);
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('There is no discrete-event simulation: No state has a capacity');
    expect(readdirSync(path.join(out, 'diagrams'))).toContain('sankey-simulated.svg');
  });
});
