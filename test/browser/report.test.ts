import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getAxeViolations, getLowContrastText, getSmallestText, showEverything } from '../support/accessibility.ts';
import { startWatch } from '../support/startWatch.ts';

const root = path.resolve(import.meta.dirname, '../..');
const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const present = existsSync(executable);
// CI sets CAREPATHS_REQUIRE_BROWSER=1 after installing chromium, so a missing browser fails there.
if (!present && process.env.CAREPATHS_REQUIRE_BROWSER === '1') {
  throw new Error(`Chromium is required (CAREPATHS_REQUIRE_BROWSER=1) but ${executable} does not exist. Install it with: apt-get install -y chromium`);
}
/** Chromium with a fresh profile, headless, with every background network feature off. */
const launch = () =>
  chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'carepaths-chromium-')), {
    executablePath: executable,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 1000 },
  });
/** Opens a page from a file, recording console errors and any request for something other than the page itself. */
async function openFile(context: Awaited<ReturnType<typeof launch>>, file: string) {
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  const url = pathToFileURL(file).href;
  page.on('request', (r) => r.url() !== url && requests.push(r.url()));
  await page.goto(url);
  return { page, problems, requests };
}
const reason = `Chromium not found at ${executable}: install it with apt-get install -y chromium, or set CHROMIUM_PATH`;

describe.skipIf(!present)(`the report in a browser${present ? '' : ` (skipped: ${reason})`}`, () => {
  it('opens from file:// with no console error and no network request, shows every section and diagram, and opens swimlanes', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'carepaths-report-'));
    const run = spawnSync(process.execPath, [path.join(root, 'bin/carepaths.js'), 'report', 'models/city-uec.ts', '--out', out], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const context = await launch();
    try {
      const { page, problems, requests } = await openFile(context, path.join(out, 'report.html'));
      await page.waitForLoadState('load');
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      expect(await getAxeViolations(page)).toEqual([]);
      for (const id of ['summary', 'overview', 'map', 'pathways', 'functions', 'flow', 'handoffs']) {
        expect(await page.locator(`#${id} h2`).isVisible(), `section ${id}`).toBe(true);
      }
      // Every visible diagram has a real size; hidden swimlanes are checked when opened.
      const boxes = await page.$$eval('svg.carepaths-diagram', (svgs) =>
        svgs
          .filter((s) => s.closest('[hidden]') === null)
          .map((s) => {
            const b = s.getBoundingClientRect();
            return { id: s.id, w: b.width, h: b.height };
          }),
      );
      expect(boxes.length).toBeGreaterThanOrEqual(5);
      for (const b of boxes) expect(b.w * b.h, b.id).toBeGreaterThan(1000);
      // The font is the embedded one, not a fallback.
      expect(await page.evaluate(() => document.fonts.check('16px "Atkinson Hyperlegible"'))).toBe(true);
      // Clicking the third pathway shows its swimlane and hides the first.
      await page.click('#pathway-list li[data-rank="3"] button');
      expect(await page.locator('#swimlane-figure-3').isVisible()).toBe(true);
      expect(await page.locator('#swimlane-figure-1').isVisible()).toBe(false);
      const lane = await page.locator('#swimlane-figure-3 svg').boundingBox();
      expect((lane?.width ?? 0) * (lane?.height ?? 0)).toBeGreaterThan(1000);
      // Search looks through the 200 most likely pathways: every word must start a word of the
      // pathway (agencies, aliases, outcome, milestones, steps), and it says when nothing matches.
      const search = async (q: string) => {
        await page.fill('#pathway-search', q);
        const shown = await page.$$eval('#pathway-list li', (lis) =>
          lis.filter((li) => !(li as HTMLElement).hidden).map((li) => li.getAttribute('data-text')!),
        );
        return { shown, said: await page.textContent('#pathway-count') };
      };
      const ambulanceAdmitted = await search('ambulance admitted');
      expect(ambulanceAdmitted.shown.length).toBeGreaterThan(0);
      for (const text of ambulanceAdmitted.shown) expect(text).toMatch(/ ambulance .* admitted/);
      expect(ambulanceAdmitted.said).toBe(`${ambulanceAdmitted.shown.length} of the 200 most likely pathways match`);
      for (const q of ['died', 'admitted', 'UTC', 'A&E']) expect((await search(q)).shown.length, q).toBeGreaterThan(0);
      // "ED" is the department (its id and alias), not any word with "ed" inside it.
      const ed = await search('ED');
      expect(ed.shown.length).toBeLessThan(200);
      for (const text of ed.shown) expect(text).toMatch(/ ed /);
      expect((await search('zzzz')).said).toMatch(/^No pathway among the 200 most likely matches “zzzz”\./);
      expect((await search('')).shown.length).toBe(20);
      // The map opens on the whole system: every agency's box in the frame, each with its name (or
      // badge) and no text on show under 11 px; selecting an agency zooms in to its detail.
      const mapText = () =>
        page.$eval('#system-map', (svg) => {
          const frame = svg.parentElement!.getBoundingClientRect();
          const shown = Array.from(svg.querySelectorAll('text')).filter((t) => {
            const box = t.getBoundingClientRect();
            return (
              getComputedStyle(t).visibility === 'visible' &&
              box.width > 0 &&
              box.right > frame.left &&
              box.left < frame.right &&
              box.bottom > frame.top &&
              box.top < frame.bottom
            );
          });
          const agencies = Array.from(svg.querySelectorAll('.ov-agency')).map((g) => {
            const box = g.querySelector('rect')!.getBoundingClientRect();
            const inFrame = box.left >= frame.left - 1 && box.right <= frame.right + 1 && box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1;
            const named = Array.from(g.querySelectorAll('text')).some((t) => getComputedStyle(t).display !== 'none' && t.getBoundingClientRect().width > 0);
            return { agency: g.getAttribute('data-agency'), inFrame, named };
          });
          return {
            zoomedOut: svg.classList.contains('zoomed-out'),
            smallest: Math.min(...shown.map((t) => parseFloat(getComputedStyle(t).fontSize) * (t as SVGTextElement).getScreenCTM()!.a)),
            shown: shown.length,
            agencies,
          };
        });
      const opening = await mapText();
      expect(opening.zoomedOut).toBe(true);
      expect(opening.agencies).toHaveLength(12);
      for (const a of opening.agencies) expect(a, a.agency!).toEqual({ agency: a.agency, inFrame: true, named: true });
      expect(opening.smallest).toBeGreaterThanOrEqual(11);
      expect(await getLowContrastText(page)).toEqual([]);
      await page.locator('#map-frame').scrollIntoViewIfNeeded();
      const edBox = (await page.locator('#system-map .ov-agency[data-agency="ed"] rect').boundingBox())!;
      await page.mouse.click(edBox.x + edBox.width / 2, edBox.y + edBox.height / 2);
      const zoomedIn = await mapText();
      expect(zoomedIn.zoomedOut).toBe(false);
      expect(zoomedIn.shown).toBeGreaterThan(20);
      expect(zoomedIn.smallest).toBeGreaterThanOrEqual(10.99);
      expect(
        await page.$eval(
          '#system-map',
          (svg) => svg.querySelector('[data-agency="ed"]')!.getBoundingClientRect().left >= svg.getBoundingClientRect().left - 30,
        ),
      ).toBe(true);
      // From the keyboard: back to the whole system, then Enter zooms in to the agency in the middle.
      await page.click('[data-zoom="reset"]');
      expect((await mapText()).zoomedOut).toBe(true);
      await page.focus('#map-frame');
      await page.keyboard.press('Enter');
      expect((await mapText()).zoomedOut).toBe(false);
      // Zooming the map changes its view box.
      const before = await page.getAttribute('#map-frame svg', 'viewBox');
      await page.click('[data-zoom="in"]');
      expect(await page.getAttribute('#map-frame svg', 'viewBox')).not.toBe(before);
      expect(problems).toEqual([]);
      const shots = path.join(root, 'test/output');
      mkdirSync(shots, { recursive: true });
      await page.fill('#pathway-search', '');
      await page.screenshot({ path: path.join(shots, 'report-top.png') });
      await page.locator('#pathways').screenshot({ path: path.join(shots, 'report-pathways.png') });
      // Every table, swimlane and the whole map shown: no diagram text below WCAG AA contrast, and still nothing for axe.
      await showEverything(page);
      expect(await getLowContrastText(page)).toEqual([]);
      expect(await getAxeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe.skipIf(!present)(`the comparison page and the live view in a browser${present ? '' : ` (skipped: ${reason})`}`, () => {
  it('reads on a phone and prints whole: readable diagrams, the page scrolls past the map, every table and the whole map on paper', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'carepaths-report-'));
    const run = spawnSync(process.execPath, [path.join(root, 'bin/carepaths.js'), 'report', 'models/city-uec.ts', '--out', out], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const context = await launch();
    try {
      const { page, problems } = await openFile(context, path.join(out, 'report.html'));
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await getAxeViolations(page)).toEqual([]);
      // As first shown on a phone, no text of any diagram on show is under 11 px (rotated text measured along its line).
      const smallest = await getSmallestText(page);
      expect(smallest.length).toBeGreaterThanOrEqual(5);
      for (const d of smallest) expect(d.px, d.id).toBeGreaterThanOrEqual(11);
      // On a phone the Sankey keeps its size (its figure scrolls sideways), so its 12-unit text stays 12 px.
      const scale = await page.$eval('#sankey', (svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width);
      expect(scale).toBeGreaterThan(0.99);
      // A finger over the map scrolls the page (the browser's own panning) and does not move the map,
      // until a tap on the map: then the finger moves it, until a tap outside.
      expect(await page.$eval('#map-frame', (f) => getComputedStyle(f).touchAction)).toBe('manipulation');
      const touch = async (type: string, x: number, y: number, selector = '#map-frame') =>
        page.dispatchEvent(selector, type, { pointerType: 'touch', pointerId: 7, isPrimary: true, clientX: x, clientY: y, bubbles: true });
      const untouched = await page.getAttribute('#map-frame svg', 'viewBox');
      await touch('pointerdown', 100, 300);
      await touch('pointermove', 160, 340);
      await touch('pointerup', 160, 340);
      expect(await page.getAttribute('#map-frame svg', 'viewBox')).toBe(untouched);
      await touch('pointerdown', 100, 300);
      await touch('pointerup', 100, 300);
      expect(await page.$eval('#map-frame', (f) => getComputedStyle(f).touchAction)).toBe('none');
      await touch('pointerdown', 100, 300);
      await touch('pointermove', 160, 340);
      await touch('pointerup', 160, 340);
      expect(await page.getAttribute('#map-frame svg', 'viewBox')).not.toBe(untouched);
      await touch('pointerdown', 10, 10, 'h1');
      expect(await page.$eval('#map-frame', (f) => getComputedStyle(f).touchAction)).toBe('manipulation');
      expect(await page.$eval('#map-frame', (f) => f.getBoundingClientRect().height / innerHeight)).toBeLessThan(0.6);
      // The map opens on the whole system on a phone too, its text at 11 px or more (badges where names do not fit).
      await page.reload();
      const phoneMap = await page.$eval('#system-map', (svg) => {
        const frame = svg.parentElement!.getBoundingClientRect();
        const shown = Array.from(svg.querySelectorAll('text')).filter(
          (t) => getComputedStyle(t).visibility === 'visible' && t.getBoundingClientRect().width > 0,
        );
        const boxes = Array.from(svg.querySelectorAll('.ov-agency rect')).map((r) => r.getBoundingClientRect());
        return {
          zoomedOut: svg.classList.contains('zoomed-out'),
          smallest: Math.min(...shown.map((t) => parseFloat(getComputedStyle(t).fontSize) * (t as SVGTextElement).getScreenCTM()!.a)),
          shown: shown.length,
          inFrame: boxes.every((b) => b.left >= frame.left - 1 && b.right <= frame.right + 1 && b.top >= frame.top - 1 && b.bottom <= frame.bottom + 1),
        };
      });
      expect(phoneMap.zoomedOut).toBe(true);
      expect(phoneMap.inFrame).toBe(true);
      expect(phoneMap.shown).toBeGreaterThanOrEqual(10);
      expect(phoneMap.smallest).toBeGreaterThanOrEqual(11);
      // The wheel alone scrolls the page; with Ctrl held it zooms the map.
      await page.setViewportSize({ width: 1400, height: 1000 });
      const before = await page.getAttribute('#map-frame svg', 'viewBox');
      await page.locator('#map-frame').scrollIntoViewIfNeeded();
      const box = (await page.locator('#map-frame').boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const scrolled = await page.evaluate(() => scrollY);
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(200);
      expect(await page.getAttribute('#map-frame svg', 'viewBox')).toBe(before);
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(scrolled);
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -300);
      await page.keyboard.up('Control');
      const zoomed = await page.getAttribute('#map-frame svg', 'viewBox');
      expect(zoomed).not.toBe(before);
      // Before printing, every table alternative opens and the map shows the whole system; after, both go back.
      const closed = await page.$$eval('details:not([open])', (ds) => ds.length);
      expect(closed).toBeGreaterThan(20);
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      expect(await page.$$eval('details:not([open])', (ds) => ds.length)).toBe(0);
      const whole = readFileSync(path.join(out, 'diagrams/system-map.svg'), 'utf8')
        .match(/viewBox="([^"]+)"/)![1]!
        .split(' ')
        .map(Number);
      const printed = (await page.getAttribute('#map-frame svg', 'viewBox'))!.split(' ').map(Number);
      printed.forEach((v, i) => expect(v).toBeCloseTo(whole[i]!, 2));
      // Each agency is printed on a page of its own, its box filling the figure (turned where wider than tall).
      const agencyPages = await page.$$eval('#map-print figure', (figures) =>
        figures.map((f) => ({ caption: f.querySelector('figcaption')!.textContent, box: f.querySelector('svg svg')!.getAttribute('viewBox') })),
      );
      expect(agencyPages).toHaveLength(12);
      expect(agencyPages[7]!.caption).toBe('System map: Emergency department (turned to lie along the page)');
      const edOnMap = await page.$eval('#system-map .ov-agency[data-agency="ed"]', (g) => g.getAttribute('data-box')!.split(' ').map(Number));
      expect(agencyPages[7]!.box!.split(' ').map(Number).slice(2)).toEqual([edOnMap[2]! + 24, edOnMap[3]! + 24]);
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      expect(await page.$$eval('details:not([open])', (ds) => ds.length)).toBe(closed);
      expect(await page.getAttribute('#map-frame svg', 'viewBox')).toBe(zoomed);
      expect(await page.locator('#map-print figure').count()).toBe(0);
      // On A4 (794 px less 1 cm margins) nothing is wider than the page, so the browser does not shrink
      // the whole report to fit; the agency matrices write their column headings upwards to fit.
      await page.setViewportSize({ width: 718, height: 1000 });
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await page.emulateMedia({ media: null });
      // Printed as a user's Print does (beforeprint and afterprint fire): the whole map, then a page for each agency.
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' } });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)!.length;
      // (Printed without them, the table alternatives and the agency pages, it is 26 pages; with them, 73.)
      expect(pages).toBeGreaterThan(40);
      expect(await page.locator('#map-print figure').count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens the comparison from file:// with no console error or network request, and draws every chart', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'carepaths-compare-'));
    const html = path.join(out, 'comparison.html');
    const run = spawnSync(
      process.execPath,
      [
        path.join(root, 'bin/carepaths.js'),
        'compare',
        'test/fixtures/small.json',
        '--strategy',
        'test/fixtures/small.strategy.yaml',
        '--plan',
        'test/fixtures/plans/gp-first.yaml',
        '--plan',
        'test/fixtures/plans/treat-at-scene.yaml',
        '--html',
        html,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    const context = await launch();
    try {
      const { page, problems, requests } = await openFile(context, html);
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      for (const id of ['changes', 'objectives-table', 'plans', 'charts', 'flows']) expect(await page.locator(`#${id} h2`).isVisible(), id).toBe(true);
      // The page leads with what each plan changes.
      expect(await page.$eval('main section', (s) => s.id)).toBe('changes');
      const boxes = await page.$$eval('svg.carepaths-diagram', (svgs) =>
        svgs.map((s) => {
          const b = s.getBoundingClientRect();
          return { id: s.id, area: b.width * b.height };
        }),
      );
      // The change chart, 4 objective charts, 2 workload charts, 2 maps of what each plan changes, 3 Sankey diagrams (before, and after each plan).
      expect(boxes).toHaveLength(12);
      expect(boxes.filter((b) => /^changes-\d$/.test(b.id)).map((b) => b.id)).toEqual(['changes-1', 'changes-2']);
      expect(boxes[0]!.id).toBe('changes');
      for (const b of boxes) expect(b.area, b.id).toBeGreaterThan(1000);
      expect(await getAxeViolations(page)).toEqual([]);
      // On a phone, no text of any diagram on show is under 11 px.
      await page.setViewportSize({ width: 390, height: 844 });
      for (const d of await getSmallestText(page)) expect(d.px, d.id).toBeGreaterThanOrEqual(11);
      await page.setViewportSize({ width: 1400, height: 1000 });
      expect(await page.locator('td.met').count()).toBeGreaterThan(0);
      expect(await page.locator('td.notmet').count()).toBeGreaterThan(0);
      mkdirSync(path.join(root, 'test/output'), { recursive: true });
      await page.locator('#objectives-table').screenshot({ path: path.join(root, 'test/output/comparison-objectives.png') });
      // On A4 (794 px less 1 cm margins) the objective table fits the page's width.
      await page.setViewportSize({ width: 718, height: 1000 });
      await page.emulateMedia({ media: 'print' });
      const fit = await page.$eval('#objectives-table table', (t) => t.getBoundingClientRect().right - document.documentElement.clientWidth);
      expect(fit).toBeLessThanOrEqual(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1400, height: 1000 });
      await showEverything(page);
      expect(await getLowContrastText(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the simulated report (the map shaded by waits and blocking) and the fit page pass axe-core, and their diagram text WCAG AA contrast', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'carepaths-report-'));
    const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin/carepaths.js'), ...args], { cwd: root, encoding: 'utf8' });
    expect(cli('report', 'models/city-uec.ts', '--simulate', '--days', '7', '--replications', '2', '--out', out).status).toBe(0);
    const fit = path.join(out, 'fit.html');
    const fitted = path.join(out, 'fitted.yaml');
    const observed = ['test/fixtures/fit-town.json', '--observed', 'test/fixtures/fit-town.observed.yaml'];
    const strategy = ['--strategy', 'test/fixtures/fit-town.strategy.yaml', '--sensitivity'];
    // fit exits 1 here (the small town has figures outside their tolerance, which the page shows); 2 would be an error.
    expect(cli('fit', ...observed, ...strategy, '--calibrate', '--write', fitted, '--html', fit).status).toBe(1);
    const context = await launch();
    try {
      for (const file of [path.join(out, 'report.html'), fit]) {
        const { page, problems } = await openFile(context, file);
        expect(await getAxeViolations(page), file).toEqual([]);
        await showEverything(page);
        expect(await getLowContrastText(page), file).toEqual([]);
        expect(await getAxeViolations(page), file).toEqual([]);
        expect(problems).toEqual([]);
      }
      // The map really is shaded (so its text was read on the bands), in the darkest band too.
      const page = (await openFile(context, path.join(out, 'report.html'))).page;
      expect(await page.locator('#system-map g.state rect[fill="#fd8d3c"]').count()).toBeGreaterThan(0);
      // Printed on A4, nothing is wider than the page (the day hour by hour is two tables of 12 hours).
      await page.setViewportSize({ width: 718, height: 1000 });
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });

  it('reloads an open page by itself when the model is saved, and shows what is wrong after a bad save', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'carepaths-live-'));
    const model = path.join(dir, 'model.json');
    copyFileSync(path.join(root, 'test/fixtures/small.json'), model);
    const watch = await startWatch(model);
    const context = await launch();
    try {
      await watch.waitFor(/Updated the report/);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      await page.goto(watch.url);
      expect(await page.locator('h1').textContent()).toBe('A small test system');
      // Give the page a moment to connect to /events, then save a change.
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(model, readFileSync(model, 'utf8').replace('A small test system', 'Saved a moment ago'));
      await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Saved a moment ago', undefined, { timeout: 15_000 });
      writeFileSync(model, '{ "id": "small", ');
      await page.waitForSelector('.live-problem', { timeout: 15_000 });
      expect(await page.locator('.live-problem').textContent()).toContain('it is not valid JSON');
      expect(await page.locator('h1').textContent()).toBe('Saved a moment ago');
      expect(problems).toEqual([]);
      await page.screenshot({ path: path.join(root, 'test/output/live-problem.png') });
    } finally {
      await context.close();
      await watch.stop();
    }
  }, 60_000);
});
