import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createScratch, runCli } from '../support/runCli.ts';
import { startWatch, type RunningWatch } from '../support/startWatch.ts';

const root = path.resolve(import.meta.dirname, '../..');
const scratch = createScratch('watch');
const model = path.join(scratch.dir, 'model.json');
const strategy = path.join(scratch.dir, 'strategy.yaml');
const plan = path.join(scratch.dir, 'plan.yaml');
copyFileSync(path.join(root, 'test/fixtures/small.json'), model);
copyFileSync(path.join(root, 'test/fixtures/small.strategy.yaml'), strategy);
copyFileSync(path.join(root, 'test/fixtures/plans/gp-first.yaml'), plan);

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
};

/** Listens on /events and collects the messages. */
function listen(url: string): { messages: string[]; close: () => void } {
  const messages: string[] = [];
  const req = http.get(`${url}events`, (res) =>
    res.on('data', (d: Buffer) => messages.push(...[...d.toString().matchAll(/^data: (.*)$/gm)].map((m) => m[1]!))),
  );
  return { messages, close: () => req.destroy() };
}

const edit = (file: string, from: string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

describe('carepaths watch', () => {
  let watch: RunningWatch;
  afterAll(() => watch?.stop());

  it('serves the comparison and the report on 127.0.0.1, and tells open pages to reload when a file is saved', async () => {
    watch = await startWatch(model, '--strategy', strategy, '--plan', plan);
    expect(watch.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await watch.waitFor(/Updated the report/);
    const front = await get(watch.url);
    expect(front.status).toBe(200);
    expect(front.type).toBe('text/html; charset=utf-8');
    expect(front.text).toContain('<h1>Small test strategy</h1>');
    // The page may connect back to this server, and nowhere else.
    expect(front.text).toContain("default-src 'none'; connect-src 'self';");
    expect(front.text).toContain("new EventSource('/events')");
    const report = await get(`${watch.url}report`);
    expect(report.text).toContain('<h1>A small test system</h1>');
    // The policy goes as a header too, and only requests addressed to this server are answered (no DNS rebinding).
    expect((await fetch(watch.url)).headers.get('content-security-policy')).toContain("default-src 'none'; connect-src 'self'");
    const port = new URL(watch.url).port;
    const asked = (host: string) =>
      new Promise<number>((resolve, reject) =>
        http.get({ host: '127.0.0.1', port, path: '/', headers: { host } }, (res) => (res.resume(), resolve(res.statusCode!))).on('error', reject),
      );
    expect(await asked('evil.example')).toBe(403);
    expect(await asked(`evil.example:${port}`)).toBe(403);
    expect(await asked(`localhost:${port}`)).toBe(200);
    expect(await asked(`127.0.0.1:${port}`)).toBe(200);
    const missing = await get(`${watch.url}nothing`);
    expect(missing.status).toBe(404);
    expect(missing.text).toBe('There is no page /nothing here. Open / or /report.');

    const events = listen(watch.url);
    await new Promise((r) => setTimeout(r, 200));
    let updated = watch.next(/Updated the report/);
    edit(model, 'A small test system', 'A renamed test system');
    await updated;
    expect((await get(`${watch.url}report`)).text).toContain('<h1>A renamed test system</h1>');
    expect(events.messages).toEqual(expect.arrayContaining(['/', '/report']));

    updated = watch.next(/Updated the report/);
    edit(strategy, 'title: Small test strategy', 'title: Redrafted overnight');
    await updated;
    expect((await get(watch.url)).text).toContain('<h1>Redrafted overnight</h1>');
    events.close();
  }, 60_000);

  it('shows the diagnostics on the page after a save that breaks the model, and keeps the last good version', async () => {
    const good = readFileSync(model, 'utf8');
    let failed = watch.next(/The last save could not be used/);
    edit(
      model,
      '"BOOK_GP": { "target": "#small.gp.appointment", "meta": { "p": 0.6 } }',
      '"BOOK_GP": { "target": "#small.gp.appointment", "meta": { "p": 0.5 } }',
    );
    await failed;
    const page = (await get(`${watch.url}report`)).text;
    expect(page).toContain('class="live-problem" role="alert"');
    expect(page).toContain('Error at small.nhs111.triage (probability-sum)');
    expect(page).toContain('<h1>A renamed test system</h1>');
    // A broken plan leaves the report updating, and shows the plan's problem.
    failed = watch.next(/there is no state small.nhs111.triag/);
    writeFileSync(model, good);
    edit(plan, 'small.nhs111.triage', 'small.nhs111.triag');
    await failed;
    const front = (await get(watch.url)).text;
    expect(front).toContain('there is no state small.nhs111.triag in the model.');
    // Fixing it clears the message.
    const fixed = Promise.all([watch.next(/Updated the comparison/), watch.next(/Updated the report/)]);
    edit(plan, 'small.nhs111.triag', 'small.nhs111.triage');
    await fixed;
    expect((await get(watch.url)).text).not.toContain('class="live-problem"');
  }, 60_000);

  it('refuses a port in use, and plans without a strategy', async () => {
    const busy = runCli('watch', model, '--port', new URL(watch.url).port);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain('is in use on this computer. Choose another with --port');
    const noStrategy = runCli('watch', model, '--plan', plan, '--port', '0');
    expect(noStrategy.code).toBe(2);
    expect(noStrategy.stderr).toBe('carepaths: --plan needs --strategy: plans are tested against a strategy.\n');
  });

  it('stops cleanly on Ctrl+C', async () => {
    await watch.stop();
    expect(watch.child.exitCode).toBe(0);
  });
});
