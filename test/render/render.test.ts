import { describe, expect, it } from 'vitest';
import { getFunctionalAnalysis } from '../../src/analysis/getFunctionalAnalysis.ts';
import { loadFonts } from '../../src/io/loadFonts.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { countPathways } from '../../src/pathways/countPathways.ts';
import { getTopPathways } from '../../src/pathways/getTopPathways.ts';
import { createRenderContext } from '../../src/render/createRenderContext.ts';
import { getAgencyStyles } from '../../src/render/palette.ts';
import { renderAgencyOverview } from '../../src/render/renderAgencyOverview.ts';
import { renderReport } from '../../src/render/renderReport.ts';
import { toReportMarkdown } from '../../src/report/toReportMarkdown.ts';
import { compile, compileFile } from '../support/compile.ts';
import { expectGolden } from '../support/golden.ts';

/**
 * Golden files keep the structure exact but not the inlined font, and round numbers to one decimal.
 * Each tag starts a line (text stays with its element), so that a diff shows what changed.
 */
const normalise = (text: string) =>
  text
    .replace(/base64,[A-Za-z0-9+/=]+/g, 'base64,…')
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/></g, '>\n<')
    .concat('\n');

async function renderAll(graph: ReturnType<typeof compile>) {
  const analysis = getFunctionalAnalysis(graph);
  const ctx = createRenderContext(graph, analysis, loadFonts());
  const found = getTopPathways(graph, { top: 5 });
  const total = countPathways(graph);
  const report = await renderReport(ctx, { pathways: found.pathways, coverage: found.coverage, total, version: 'test', source: 'fixture' });
  return { report, markdown: toReportMarkdown(graph, analysis, found.pathways, found.coverage, total) };
}

describe('diagrams and the report', () => {
  it('match their golden files for a small model', async () => {
    const { graph } = await compileFile('test/fixtures/small.json');
    const { report, markdown } = await renderAll(graph);
    for (const d of report.diagrams) expectGolden(`small-${d.name}.svg`, normalise(d.svg));
    expectGolden('small-report.md', markdown);
  });

  it('are the same, byte for byte, each time', async () => {
    const { graph } = await compileFile('test/fixtures/small.json');
    const [a, b] = [await renderAll(graph), await renderAll(graph)];
    expect(b.report.html).toBe(a.report.html);
    expect(b.markdown).toBe(a.markdown);
  });

  it('give each diagram a title, a description, role="img" and ids prefixed by the diagram', async () => {
    const { graph } = await compileFile('test/fixtures/small.json');
    const { report } = await renderAll(graph);
    for (const d of report.diagrams) {
      const id = d.svg.match(/^<svg[^>]* id="([^"]+)"/)![1]!;
      expect(d.svg).toContain(`role="img"`);
      expect(d.svg).toContain(`<title id="${id}-title">`);
      expect(d.svg).toContain(`<desc id="${id}-desc">`);
      for (const other of d.svg.matchAll(/ id="([^"]+)"/g)) expect(other[1]!.startsWith(id)).toBe(true);
      expect(d.table).toMatch(/^<table( class="(matrix|compact)")?>/);
    }
  });

  it('render model text inert: scripts, quotes and ampersands are escaped everywhere', async () => {
    const hostile = compile(
      toCareMachine({
        id: 'x',
        meta: {
          title: 'Tom & Jerry\'s "<script>alert(1)</script>" model',
          description: '<img src=x onerror=alert(1)>',
          agencies: [
            { id: 'a', label: 'A & "B" <i>', band: 'front' },
            { id: 'b', label: "O'Brien's <b>team</b>", band: 'back' },
          ],
          bands: [
            { id: 'front', label: 'Front <u>door</u>' },
            { id: 'back', label: 'Back & "<s>office</s>"' },
          ],
        },
        initial: 's',
        states: {
          s: {
            description: 'Says <script>alert("hi")</script> & more',
            meta: { agency: 'a', function: 'assess' },
            on: { GO: { target: 't', meta: { p: 0.5 } }, STOP: { target: 'out', meta: { p: 0.5 } } },
          },
          t: { description: '"Quoted" & <b>bold</b>', meta: { agency: 'b', function: 'treat' }, on: { DONE: 'out' } },
          out: { type: 'final', description: 'Done </svg> <!-- -->', meta: { agency: 'b', outcome: 'home & "happy"' } },
        },
      }),
    );
    const { report, markdown } = await renderAll(hostile);
    for (const text of [report.html, ...report.diagrams.map((d) => d.svg), ...report.diagrams.map((d) => d.table)]) {
      expect(text).not.toMatch(/<script>alert|<img src=x|<b>bold|<i>|<b>team|<\/svg> <!--|<u>door|<s>office/);
    }
    // The page has exactly one script: its own.
    expect(report.html.match(/<script/g)).toHaveLength(1);
    expect(report.html).toContain('Says &lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; more');
    // In Markdown a backslash makes < literal text: no < may stand without one.
    expect(markdown).not.toMatch(/(^|[^\\])</m);
    expect(markdown).toContain('\\<script\\>');
  });

  it('draw the system map’s ways out as wide as the requests taking them a day, labelled at decisions', async () => {
    const { graph } = await compileFile('test/fixtures/small.json');
    const { report } = await renderAll(graph);
    const map = report.diagrams.find((d) => d.name === 'system-map')!.svg;
    // Each way out's title gives its requests a day; its path's width grows with them.
    const ways = [...map.matchAll(/<title>[^<]*: ([\d.,]+) a day, [^<]*<\/title><path class="link"[^>]*stroke-width="([\d.]+)"/g)].map((m) => ({
      perDay: Number(m[1]!.replace(/,/g, '')),
      width: Number(m[2]),
    }));
    expect(ways.length).toBe(graph.edges.length);
    const sorted = [...ways].sort((a, b) => a.perDay - b.perDay);
    // (Requests a day are rounded in the title, so ways that round alike are not compared.)
    for (let i = 1; i < sorted.length; i++) if (sorted[i]!.perDay > sorted[i - 1]!.perDay) expect(sorted[i]!.width).toBeGreaterThan(sorted[i - 1]!.width);
    expect(Math.max(...ways.map((w) => w.width))).toBeCloseTo(6, 1);
    // The busiest way out carries no more than the model's demand a day.
    expect(Math.max(...ways.map((w) => w.perDay))).toBeLessThanOrEqual(graph.meta.demand!.perDay);
    expect(map).toMatch(/>[\d.,]+ a day · [\d.]+%</);
  });

  it('draw the agency overview with every flow of 10 or more per 1,000 labelled, no two labels overlapping', async () => {
    const { graph } = await compileFile('models/city-uec.ts');
    const analysis = getFunctionalAnalysis(graph);
    const ctx = createRenderContext(graph, analysis, loadFonts());
    const svg = renderAgencyOverview(ctx).svg;
    const labels = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" text-anchor="middle" font-size="11" class="bold"[^>]*>([\d.]+)<\/text>/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]) - 4,
      w: ctx.measure.width(m[3]!, 11, true) / 2 + 3,
      text: m[3]!,
    }));
    const drawn = analysis.handoffs.filter((h) => h.expectedPer1000 >= 10);
    expect(drawn.length).toBe(24);
    expect(labels.map((l) => l.text).sort()).toEqual(drawn.map((h) => String(Math.round(h.expectedPer1000 * 10) / 10)).sort());
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i]!, labels[j]!];
        expect(Math.abs(a.x - b.x) < a.w + b.w && Math.abs(a.y - b.y) < 16, `${a.text} and ${b.text}`).toBe(false);
      }
  });

  it('give agencies distinct colours, patterns and badges: colour is never the only cue', () => {
    const styles = getAgencyStyles([
      'The person and their carers',
      'NHS 111',
      'Ambulance service (999)',
      'GP practice',
      'Out-of-hours GP service',
      'Community pharmacy',
      'Urgent treatment centre',
      'Emergency department',
      'Acute hospital wards',
      'Community health services',
      'Adult social care',
      'Mental health crisis service',
    ]);
    expect(styles.map((s) => s.badge)).toEqual(['PC', '111', '999', 'GP', 'OHG', 'CP', 'UTC', 'ED', 'AHW', 'CHS', 'ASC', 'MHC']);
    expect(new Set(styles.map((s) => `${s.stroke}|${s.dash}`)).size).toBe(12);
  });
});
