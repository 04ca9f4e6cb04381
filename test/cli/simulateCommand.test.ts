import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'carepaths-simulate-'));
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/carepaths.js'), 'simulate', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('carepaths simulate', () => {
  it('gives byte-identical Monte Carlo JSON with 1 and 2 workers, and other results for another seed', () => {
    const args = ['test/fixtures/small.json', '--requests', '20000', '--replications', '4', '--seed', '7', '--format', 'json'];
    const one = run(...args, '--workers', '1');
    const two = run(...args, '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const other = run(...args.slice(0, -3), '--seed', '8', '--format', 'json', '--workers', '2');
    expect(other.stdout).not.toBe(one.stdout);
    const json = JSON.parse(one.stdout);
    expect(json).toMatchObject({ model: 'small', mode: 'montecarlo', seed: 7, replications: 4 });
    expect(Object.keys(json.outcomes[0])).toEqual(['state', 'outcome', 'share', 'ci95', 'exact']);
    expect(Object.keys(json.timeToOutcome)).toEqual(['mean', 'ci95', 'p50', 'p90', 'p95', 'exactMean']);
  });

  it('gives byte-identical DES JSON with 1 and 2 workers, following the contract', () => {
    const args = ['--mode', 'des', '--days', '7', '--warmup', '2', '--replications', '3', '--seed', '5', '--format', 'json'];
    const one = run(...args, '--workers', '1');
    const two = run(...args, '--workers', '2');
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const json = JSON.parse(one.stdout);
    expect(json).toMatchObject({ model: 'city', mode: 'des', seed: 5, replications: 3 });
    for (const key of ['outcomes', 'timeToOutcome', 'services', 'responseTimes', 'stays', 'resources', 'waitingRooms', 'blocking', 'clocks'])
      expect(json).toHaveProperty(key);
    const majors = json.services.find((s: { state: string }) => s.state === 'city.ed.majors');
    for (const key of ['state', 'agency', 'waitMean', 'waitP90', 'utilisation']) expect(majors).toHaveProperty(key);
    // Category 1 calls have two dispatches: the first responder, then the ambulance.
    expect(json.responseTimes.map((r: { state: string }) => r.state)).toEqual([
      'city.ambulance.firstResponse.drive',
      'city.ambulance.crew.category2Response',
      'city.ambulance.crew.category3Response',
      'city.ambulance.crew.category4Response',
      'city.ambulance.crew.category1Response',
    ]);
    expect(json.clocks.map((c: { id: string }) => c.id)).toEqual([
      'category1Response',
      'category2Response',
      'category3Response',
      'category4Response',
      'handover',
      'edTime',
      'decisionToAdmit',
      'hospitalStay',
      'medicallyFit',
    ]);
    const crews = json.resources.find((r: { id: string }) => r.id === 'crews');
    for (const key of ['utilisation', 'serving', 'blocked', 'unitsByHour', 'heldBy']) expect(crews).toHaveProperty(key);
    const ed = json.stays.find((s: { agency: string }) => s.agency === 'ed');
    expect(ed.withinFourHours).toBeGreaterThan(0);
    expect(ed.withinFourHours).toBeLessThan(1);
  });

  it('writes the event log as CSV, one row a request a step', () => {
    const events = path.join(scratch, 'events.csv');
    const { code, stderr } = run('test/fixtures/small.ts', '--mode', 'des', '--days', '1', '--warmup', '0', '--replications', '1', '--events', events);
    // The small model has demand but no capacity.
    expect(code).toBe(1);
    expect(stderr).toContain('des-no-capacity');
    const model = JSON.parse(readFileSync(path.join(root, 'test/fixtures/small.json'), 'utf8'));
    model.states.gp.states.appointment.meta.capacity = { servers: 2 };
    writeFileSync(path.join(scratch, 'with-capacity.json'), JSON.stringify(model));
    const ok = run(path.join(scratch, 'with-capacity.json'), '--mode', 'des', '--days', '1', '--warmup', '0', '--replications', '1', '--events', events);
    expect(ok.code).toBe(0);
    const rows = readFileSync(events, 'utf8').trim().split('\r\n');
    expect(rows[0]).toBe('case_id,activity,agency,start,complete,arrival_minute,start_minute,end_minute,wait_minutes');
    expect(rows.length).toBeGreaterThan(100);
    expect(rows[1]).toMatch(/^1-1,small\.home,person,2025-01-06T0\d:\d\d:\d\d\.\d{3}Z,/);
  });

  it('says what is missing when a model has no demand, naming where to add it', () => {
    const model = JSON.parse(readFileSync(path.join(root, 'test/fixtures/small.json'), 'utf8'));
    delete model.meta.demand;
    writeFileSync(path.join(scratch, 'no-demand.json'), JSON.stringify(model));
    const { code, stderr } = run(path.join(scratch, 'no-demand.json'), '--mode', 'des');
    expect(code).toBe(1);
    expect(stderr).toContain('Error at small (des-no-demand)');
    expect(stderr).toContain('demand: { perDay');
  });

  it.each([
    [['--replications', '0'], '--replications must be a whole number from 1 to 1,000 (you gave "0").'],
    [['--mode', 'agent'], '--mode must be montecarlo or des (you gave "agent").'],
    [['--events', 'x.csv'], '--events does not apply to Monte Carlo, which walks requests one at a time with no clock or capacity; add --mode des.'],
  ])('refuses impossible options %j with exit 2', (args, message) => {
    const { code, stderr } = run(...args);
    expect(code).toBe(2);
    expect(stderr).toBe(`carepaths: ${message}\n`);
  });
});
