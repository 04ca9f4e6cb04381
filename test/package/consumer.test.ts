import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * carepaths as a new project gets it: the packed tarball installed into an empty project (npm run
 * build has made dist/ first, as npm test does). Nothing here reaches into the repository's
 * sources: the consumer sees only what the tarball holds.
 */
const root = path.resolve(import.meta.dirname, '../..');
const project = mkdtempSync(path.join(tmpdir(), 'carepaths-consumer-'));
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const typescript = JSON.parse(readFileSync(path.join(root, 'node_modules/typescript/package.json'), 'utf8')).version as string;
let packed: string[] = [];

beforeAll(() => {
  const [info] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', project], root)) as {
    filename: string;
    files: { path: string }[];
  }[];
  packed = info!.files.map((f) => f.path);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(project, info!.filename), `typescript@${typescript}`, '@types/node@20'], project);
}, 240_000);

describe('the packed package', () => {
  it('holds the library, the command line, the default model with its plans and sources, README and LICENSE, and nothing else', () => {
    expect(
      packed.filter(
        (f) => !/^(dist\/.+\.(js|d\.ts)|bin\/[\w.]+\.(js|mjs)|models\/.+\.(ts|yaml)|models\/SOURCES\.md|README\.md|LICENSE|package\.json)$/.test(f),
      ),
    ).toEqual([]);
    for (const needed of [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'dist/simulate/replicationWorker.js',
      'bin/carepaths.js',
      'models/city-uec.ts',
      'models/SOURCES.md',
      'LICENSE',
    ]) {
      expect(packed).toContain(needed);
    }
    expect(packed.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('bench/'))).toBe(false);
  });

  it("runs the README's script with plain Node, using every stage", () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const script = /<!-- consumer-script -->\n```js\n([\s\S]*?)```/.exec(readme)![1]!;
    writeFileSync(path.join(project, 'script.mjs'), script);
    const result = spawnSync(process.execPath, ['script.mjs'], { cwd: project, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('8420309 pathways; the top 5 cover');
    expect(result.stdout).toMatch(/Monte Carlo mean \d+ min; DES: \d+ services with capacity/);
    expect(result.stdout).toMatch(/\d+\.\d% → \d+\.\d%/);
    // Four system diagrams and one swimlane for each of the five pathways.
    expect(result.stdout).toContain('9 diagrams; # Functional analysis of Urgent and emergency care in a mid-sized English city');
    expect(result.stdout).toContain('Fewer requests reach the emergency department: 22.5% → 21.9%');
    expect(result.stdout).toContain('Fewer requests reach the emergency department: baseline, better');
    expect(result.stdout).toContain('1 plan tested against the strategy on model "city"');
    expect(readFileSync(path.join(project, 'report.html'), 'utf8')).toContain('<h1>Urgent and emergency care in a mid-sized English city</h1>');
    expect(existsSync(path.join(project, 'analysis.json'))).toBe(true);
  });

  it('type-checks a TypeScript consumer with a default strict configuration and no special flags', () => {
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true },
        include: ['consumer.ts'],
      }),
    );
    writeFileSync(
      path.join(project, 'consumer.ts'),
      [
        "import { loadModel, checkModel, type CareGraph, type MonteCarloResult, type Pathway } from 'carepaths';",
        "import { getMarkovAnalysis } from 'carepaths/markov';",
        "import { runMonteCarlo, runReplications, type ReplicationPlan } from 'carepaths/simulate';",
        "import { getTopPathways } from 'carepaths/pathways';",
        "import { readStrategy, type Strategy } from 'carepaths/strategy';",
        "import { renderSankey, type RenderContext } from 'carepaths/render';",
        "import { toAnalysisJson } from 'carepaths/report';",
        "import { writeFileAtomic } from 'carepaths/io';",
        'const loaded = await loadModel();',
        'if (!loaded.ok) throw new Error(loaded.reason);',
        'const graph: CareGraph | undefined = checkModel(loaded.machine).graph;',
        'if (graph) {',
        '  const minutes: number = getMarkovAnalysis(graph).expectedMinutes;',
        '  const result: MonteCarloResult = runMonteCarlo(graph, { requests: 10 });',
        '  const first: Pathway | undefined = getTopPathways(graph, { top: 1 }).pathways[0];',
        '  console.log(minutes, result.outcomes.length, first?.states.length);',
        '}',
        'const strategy: Strategy | undefined = readStrategy({}).strategy;',
        'type Uses = [typeof runReplications, ReplicationPlan, typeof renderSankey, RenderContext, typeof toAnalysisJson, typeof writeFileAtomic, typeof strategy];',
        'export type { Uses };',
      ].join('\n'),
    );
    const result = spawnSync(path.join(project, 'node_modules/.bin/tsc'), ['-p', '.'], { cwd: project, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs npx carepaths from the installed package, with models that import carepaths by name', () => {
    const version = spawnSync('npx', ['--no-install', 'carepaths', '--version'], { cwd: project, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
    const check = spawnSync('npx', ['--no-install', 'carepaths', 'check'], { cwd: project, encoding: 'utf8', input: '' });
    expect(check.stdout).toContain('city-uec.ts: no errors, 0 warnings');
    writeFileSync(
      path.join(project, 'town.ts'),
      "import { defineCareModel } from 'carepaths/model';\nexport default defineCareModel({ id: 'town', meta: { title: 'Town', description: 'A town.' }, initial: 'a', states: { a: { description: 'A.', meta: { agency: 'gp', function: 'assess' }, on: { GO: 'b' } }, b: { type: 'final', description: 'B.', meta: { agency: 'gp', outcome: 'home' } } } });\n",
    );
    const own = spawnSync('npx', ['--no-install', 'carepaths', 'analyse', 'town.ts', '--format', 'json'], { cwd: project, encoding: 'utf8', input: '' });
    expect(own.status, own.stderr).toBe(0);
    expect(JSON.parse(own.stdout).model).toBe('town');
    // The compiled command line needs no TypeScript of its own: only models are loaded through tsx.
    expect(readdirSync(path.join(project, 'node_modules/carepaths')).sort()).toEqual(['LICENSE', 'README.md', 'bin', 'dist', 'models', 'package.json']);
  });
});
