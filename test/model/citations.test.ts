import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/compile.ts';

/** The rows of models/SOURCES.md: for each kind (`figures`, `flow`), each section's row names. */
function readSources(): Map<string, Map<string, string[]>> {
  const kinds = new Map<string, Map<string, string[]>>();
  let kind = '';
  let section = '';
  for (const line of readFileSync(path.join(root, 'models/SOURCES.md'), 'utf8').split('\n')) {
    const part = /^# .*`\[(figures|flow): …\]`/.exec(line);
    if (part) kinds.set((kind = part[1]!), new Map());
    else if (line.startsWith('## ') && kind) kinds.get(kind)!.set((section = line.slice(3).trim()), []);
    else if (line.startsWith('| ') && section && !/^\| (row|---)/.test(line)) kinds.get(kind)!.get(section)!.push(line.split(' | ')[0]!.slice(2).trim());
  }
  return kinds;
}

const files = [
  'models/city-uec.ts',
  'models/city-uec.strategy.yaml',
  'models/city-uec.observed.yaml',
  ...readdirSync(path.join(root, 'models/plans')).map((f) => `models/plans/${f}`),
];

describe('the default city carries its own sources', () => {
  const sources = readSources();

  it('has a figures part and a flow part, each with rows', () => {
    expect([...sources.keys()]).toEqual(['figures', 'flow']);
    for (const sections of sources.values()) expect([...sections.values()].flat().length).toBeGreaterThan(10);
  });

  it('every [figures: …] and [flow: …] citation in the model, strategy, plans and observed figures names a row of models/SOURCES.md', () => {
    const unresolved: string[] = [];
    let count = 0;
    for (const file of files) {
      // Citations may run over a comment's line break.
      const text = readFileSync(path.join(root, file), 'utf8').replace(/\n\s*(\/\/|#|\*)\s*/g, ' ');
      for (const m of text.matchAll(/\[(figures|flow): ([^\]]+)\]/g)) {
        const [, kind, body] = m;
        if (body!.includes('…') || body === 'section › row') continue;
        count++;
        const [section, rest] = body!.split(' › ').map((x) => x.trim());
        const rows = sources.get(kind!)?.get(section!);
        const ok = rows !== undefined && (rest === undefined || rows.some((row) => rest.startsWith(row)));
        if (!ok) unresolved.push(`${file}: [${kind}: ${body}]`);
      }
    }
    expect(unresolved).toEqual([]);
    expect(count).toBeGreaterThan(60);
  });

  it('marks no number with a bare ASSUMPTION tag: assumptions are meta.assumptions with a range and a reason', () => {
    expect(readFileSync(path.join(root, 'models/city-uec.ts'), 'utf8')).not.toMatch(/ASSUMPTION/);
  });
});
