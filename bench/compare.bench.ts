import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { toCareMachine } from '../src/model/defineCareModel.ts';
import { checkModel } from '../src/model/checkModel.ts';
import { loadDocument } from '../src/io/loadDocument.ts';
import { loadModel } from '../src/io/loadModel.ts';
import { createRandom } from '../src/simulate/createRandom.ts';
import { walkWithXstate } from '../src/simulate/walkWithXstate.ts';
import { applyPlans, type MachineConfig } from '../src/strategy/applyPlans.ts';
import { readPlan } from '../src/strategy/readPlan.ts';
import { createSection, n } from './measure.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/carepaths.js');
const PLANS = ['nhs111-clinical-assessment', 'urgent-community-response-falls', 'utc-direct-booking'];
const planFiles = PLANS.map((p) => path.join(root, 'models/plans', `${p}.yaml`));

/** Whole-process seconds for a command, best of 3. */
function timeCommand(args: string[]): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    best = Math.min(best, performance.now() - started);
  }
  return best / 1000;
}

/**
 * `compare` against the way to answer the same question without it: estimating the share of
 * requests that reach the ED, handoffs and time, for the baseline and each plan, by driving
 * xstate actors through the models (here 28,000 requests each, enough for ±0.5 points at 95%).
 * And `watch`: seconds from a save to the open page being told to reload.
 */
export async function benchCompare(): Promise<string[]> {
  const { lines, say } = createSection();
  const dir = mkdtempSync(path.join(tmpdir(), 'carepaths-bench-compare-'));
  const strategy = path.join(root, 'models/city-uec.strategy.yaml');
  say('## Testing plans against the strategy');
  say('');
  say(
    `The default city, the example strategy's exact objectives (\`--exact-only\`) and three plans (${PLANS.join(', ')}). Ours is the whole \`carepaths compare\` process (start, four models checked and solved, output), best of 3. The baseline estimates the same figures by driving a real xstate actor through each of the four models with seeded random choices, in this process.`,
  );
  say('');
  const plans = planFiles.flatMap((f) => ['--plan', f]);
  const ours = timeCommand(['compare', 'models/city-uec.ts', '--strategy', strategy, ...plans, '--exact-only', '--no-html']);
  const oursHtml = timeCommand(['compare', 'models/city-uec.ts', '--strategy', strategy, ...plans, '--exact-only', '--html', path.join(dir, 'c.html')]);
  const full = timeCommand(['compare', 'models/city-uec.ts', '--strategy', strategy, ...plans, '--html', path.join(dir, 'f.html')]);
  const loaded = await loadModel(path.join(root, 'models/city-uec.ts'));
  if (!loaded.ok) throw new Error(loaded.reason);
  const machines = [loaded.machine];
  for (const file of planFiles) {
    const doc = await loadDocument(file);
    const { plan } = readPlan(doc.ok ? doc.value : undefined, path.basename(file, '.yaml'));
    machines.push(
      toCareMachine(applyPlans(loaded.machine.config as MachineConfig, [plan!]).config).provide(
        loaded.machine.implementations as never,
      ) as typeof loaded.machine,
    );
  }
  const REQUESTS = 28_000;
  const started = performance.now();
  let halfWidth = 0;
  for (const machine of machines) {
    const graph = checkModel(machine).graph!;
    const random = createRandom(1);
    let ed = 0;
    for (let r = 0; r < REQUESTS; r++) if (walkWithXstate(machine, graph, random).path.some((v) => graph.nodes[v]!.agency === 'ed')) ed++;
    const p = ed / REQUESTS;
    halfWidth = Math.max(halfWidth, 1.96 * Math.sqrt((p * (1 - p)) / REQUESTS));
  }
  const baseline = (performance.now() - started) / 1000;
  say('| method | seconds | precision of the ED share | ratio |');
  say('|---|---:|---|---:|');
  say(`| xstate actor, ${n(REQUESTS)} requests × 4 models (baseline) | ${baseline.toFixed(2)} | ±${(halfWidth * 100).toFixed(2)} points (95%) | 1× |`);
  say(`| \`carepaths compare\`, table only | ${ours.toFixed(2)} | exact | ${n(baseline / ours)}× |`);
  say(
    `| \`carepaths compare\`, with the HTML page (4 Sankey diagrams, charts, the tornado charts of the objectives) | ${oursHtml.toFixed(2)} | exact | ${n(baseline / oursHtml)}× |`,
  );
  say(
    `| \`carepaths compare\` with every objective, the simulated ones too (Monte Carlo and ${'discrete-event'} on ${availableParallelism()} worker threads) | ${full.toFixed(2)} | exact and 95% intervals | |`,
  );
  say('');
  say('Target: under 2 s (with exact analysis).');
  say('');

  say('## Live view: from a save to the page');
  say('');
  say(
    '`carepaths watch` on a copy of the default city with the example strategy and the three plans; the model file is saved (a comment changed) and the time is taken until the open page is told to reload (server-sent event), median of 5 saves. The comparison page first shows the exact objectives; the simulated ones follow in the background. The baseline is running the two commands again by hand (`carepaths compare --exact-only` with its page, then `carepaths report`).',
  );
  say('');
  // Inside the repository, so that the model's relative imports resolve.
  const copyDir = mkdtempSync(path.join(root, 'bench', 'tmp_watch_'));
  const model = path.join(copyDir, 'city-uec.ts');
  try {
    copyFileSync(path.join(root, 'models/city-uec.ts'), model);
    writeFileSync(model, readFileSync(model, 'utf8').replace("from '../src/", "from '../../src/"));
    const saves = await timeSaves(model, strategy);
    const cold =
      timeCommand(['compare', model, '--strategy', strategy, ...planFiles.flatMap((f) => ['--plan', f]), '--exact-only', '--html', path.join(dir, 'w.html')]) +
      timeCommand(['report', model, '--out', path.join(dir, 'r')]);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    say('| page | seconds from save (median of 5) | ratio to running the commands again |');
    say('|---|---:|---:|');
    say(`| the comparison (exact objectives) | ${median(saves.compare).toFixed(2)} | ${n(cold / median(saves.compare))}× |`);
    say(`| the report | ${median(saves.report).toFixed(2)} | ${n(cold / median(saves.report))}× |`);
    say(`| running \`compare\` and \`report\` again by hand (baseline) | ${cold.toFixed(2)} | 1× |`);
    say('');
    say('Target: within 1 s of a save.');
    say('');
  } finally {
    rmSync(copyDir, { recursive: true, force: true });
  }
  return lines;
}

/** Starts watch, saves the model five times, and times each save to the reload messages for "/" and "/report". */
async function timeSaves(model: string, strategy: string): Promise<{ compare: number[]; report: number[] }> {
  const child = spawn(process.execPath, [bin, 'watch', model, '--strategy', strategy, ...planFiles.flatMap((f) => ['--plan', f]), '--port', '0'], {
    cwd: root,
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`watch did not start: ${err}`)), 30_000);
      child.stdout.on('data', () => {
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) (clearTimeout(timer), resolve(m[1]!));
      });
    });
    const messages: { at: number; data: string }[] = [];
    const req = http.get(`${url}events`, (res) =>
      res.on('data', (d: Buffer) => {
        for (const m of d.toString().matchAll(/^data: (.*)$/gm)) messages.push({ at: performance.now(), data: m[1]! });
      }),
    );
    const waitFor = (data: string, after: number) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no reload of ${data}: ${err}`)), 60_000);
        const poll = setInterval(() => {
          const hit = messages.find((m) => m.data === data && m.at > after);
          if (hit) (clearInterval(poll), clearTimeout(timer), resolve(hit.at));
        }, 2);
      });
    await waitFor('/report', 0);
    const compare: number[] = [];
    const report: number[] = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const text = readFileSync(model, 'utf8');
      const saved = performance.now();
      writeFileSync(model, `${text.replace(/\n\/\/ save \d+\n$/, '\n')}// save ${i}\n`);
      compare.push(((await waitFor('/', saved)) - saved) / 1000);
      report.push(((await waitFor('/report', saved)) - saved) / 1000);
    }
    req.destroy();
    return { compare, report };
  } finally {
    child.kill('SIGINT');
  }
}
