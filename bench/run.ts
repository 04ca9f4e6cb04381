/**
 * The benchmarks: `npm run bench`. Each runs the baseline (xstate's graph utilities or
 * interpreter) and ours on the same model in the same run, prints the ratio, and the whole
 * report is written to bench/RESULTS.md with the machine it ran on.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchCompare } from './compare.bench.ts';
import { benchFit } from './fit.bench.ts';
import { benchPathways } from './pathways.bench.ts';
import { benchReport } from './report.bench.ts';
import { benchSimulate } from './simulate.bench.ts';

// The command line and the engine timings run the compiled code: build it from the source first.
const build = spawnSync('npm', ['run', 'build'], { cwd: path.resolve(import.meta.dirname, '..'), encoding: 'utf8' });
if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);

const machine = [
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  `- CPU: ${os.cpus()[0]?.model ?? 'unknown'} (${os.cpus().length} cores; benchmarks use one)`,
  `- Memory: ${Math.round(os.totalmem() / 2 ** 30)} GB`,
  `- Node ${process.version} on ${os.platform()} ${os.release()}`,
];
console.log(machine.join('\n') + '\n');
const sections = [...(await benchPathways()), ...(await benchReport()), ...(await benchSimulate()), ...(await benchCompare()), ...(await benchFit())];
writeFileSync(
  path.join(import.meta.dirname, 'RESULTS.md'),
  [
    '# Benchmark results',
    '',
    'Written by `npm run bench`; each table puts the baseline and ours side by side from the same run.',
    '',
    ...machine,
    '',
    ...sections,
  ].join('\n') + '\n',
);
console.log('Wrote bench/RESULTS.md');
