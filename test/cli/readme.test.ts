import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureCatalogue } from '../../src/strategy/measureCatalogue.ts';
import { changeKinds } from '../../src/strategy/readPlan.ts';

const root = path.resolve(import.meta.dirname, '../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

describe('the README', () => {
  it('has a complete small model that passes check', () => {
    const section = readme.slice(readme.indexOf('## Writing a model'));
    const example = section.match(/```ts\n([\s\S]*?)```/)![1]!;
    expect(example).toContain("from 'carepaths'");
    // Inside the repository, so that `import … from 'carepaths'` resolves to this package.
    const dir = path.join(root, 'test/output');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'readme-town.ts');
    writeFileSync(file, example);
    const result = spawnSync(process.execPath, [path.join(root, 'bin/carepaths.js'), 'check', file], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('test/output/readme-town.ts: no errors, 0 warnings\n');
    expect(result.status).toBe(0);
  });

  it('shows flow examples that are all part of one model, which passes check and simulates every clock', () => {
    const section = readme.slice(readme.indexOf('### Flow: resources'), readme.indexOf('## Testing action plans'));
    const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    const fixture = readFileSync(path.join(root, 'test/fixtures/town-flow.ts'), 'utf8').replace(/description: '[^']*', /g, '');
    for (const line of blocks.flatMap((b) => b.split('\n')).map((l) => l.trim())) if (line && !line.includes('…')) expect(fixture, line).toContain(line);
    const checked = spawnSync(process.execPath, [path.join(root, 'bin/carepaths.js'), 'check', 'test/fixtures/town-flow.ts'], { cwd: root, encoding: 'utf8' });
    expect(checked.stdout).toBe('test/fixtures/town-flow.ts: no errors, 0 warnings\n');
    const simulated = spawnSync(
      process.execPath,
      [
        path.join(root, 'bin/carepaths.js'),
        'simulate',
        'test/fixtures/town-flow.ts',
        '--mode',
        'des',
        '--days',
        '14',
        '--warmup',
        '7',
        '--replications',
        '2',
        '--format',
        'json',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(simulated.status, simulated.stderr).toBe(0);
    const result = JSON.parse(simulated.stdout) as { clocks: { id: string; count: number }[]; waitingRooms: { state: string; abandoned: number }[] };
    expect(result.clocks.map((c) => c.id)).toEqual(['category2Response', 'handover', 'edTime']);
    for (const c of result.clocks) expect(c.count, c.id).toBeGreaterThan(100);
    expect(result.waitingRooms.find((w) => w.state === 'town.nhs111.call')!.abandoned).toBeGreaterThan(0);
  });

  it('lists every measure a strategy can use, and every kind of plan change, in the catalogue’s order', () => {
    const section = readme.slice(readme.indexOf('### The strategy file'), readme.indexOf('### Live, in a workshop'));
    const rows = (re: RegExp) => [...section.matchAll(re)].map((m) => m[1]);
    expect(rows(/^\| `([a-z-]+)` \|/gm)).toEqual(measureCatalogue.map((m) => m.kind));
    expect(rows(/^\| `([a-z-]+):/gm)).toEqual([...changeKinds]);
  });

  it('gives the quick start as exactly the two commands', () => {
    const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## The default model'));
    expect(quick.match(/```sh\n([\s\S]*?)```/)![1]).toBe('npm ci && npm start\nnpm test\n');
  });
});
