import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('scripts/analyse-all.ts', () => {
  it('writes the analysis and top pathways of every model in models/', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'carepaths-script-'));
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/analyse-all.ts'), out], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('city-uec.ts: 9 outcome categories, 1.71 handoffs per request');
    expect(readdirSync(out).sort()).toEqual(['city.analysis.json', 'city.analysis.md', 'city.pathways.csv']);
    expect(JSON.parse(readFileSync(path.join(out, 'city.analysis.json'), 'utf8')).model).toBe('city');
    expect(readFileSync(path.join(out, 'city.pathways.csv'), 'utf8').split('\r\n')).toHaveLength(22);
  });
});
