import { describe, expect, it } from 'vitest';
import { getFunctionalAnalysis } from '../../src/analysis/getFunctionalAnalysis.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { toAnalysisMarkdown } from '../../src/report/analysisWriters.ts';
import { escapeMarkdown } from '../../src/report/escapeMarkdown.ts';
import { csvPathwayWriter, markdownPathwayWriter } from '../../src/report/pathwayWriters.ts';
import { renderPathways } from '../../src/report/renderPathways.ts';
import { toCsvField } from '../../src/report/toCsv.ts';
import { compile } from '../support/compile.ts';

const hostile = compile(
  toCareMachine({
    id: 'x',
    meta: { title: 'A <script>alert(1)</script> & "quoted" model', description: 'd', agencies: [{ id: 'a', label: 'A & B | <b>' }] },
    initial: 's',
    states: {
      s: { description: 'Says <script>alert("hi")</script>, & *shouts* | pipes.', meta: { agency: 'a', function: 'assess' }, on: { GO: 'out' } },
      out: { type: 'final', description: 'Done, "finally".', meta: { agency: 'a', outcome: 'home, "happy"' } },
    },
  }),
);

describe('model text in outputs', () => {
  it('is inert in Markdown: no raw HTML, no markup, no broken tables', () => {
    let md = '';
    renderPathways(hostile, {}, markdownPathwayWriter, (t) => (md += t));
    md += toAnalysisMarkdown(getFunctionalAnalysis(hostile));
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<b>');
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('A & B \\| \\<b\\>');
    expect(escapeMarkdown('a*b_c`d[e]|f#g')).toBe('a\\*b\\_c\\`d\\[e\\]\\|f\\#g');
    // An ampersand stays readable (A&E), unless it would start a character reference.
    expect(escapeMarkdown('A&E, fish & chips')).toBe('A&E, fish & chips');
    expect(escapeMarkdown('&amp; and &#60; and &lt;x')).toBe('\\&amp; and \\&\\#60; and \\&lt;x');
  });

  it('is quoted in CSV as RFC 4180 asks', () => {
    expect(toCsvField('plain')).toBe('plain');
    expect(toCsvField('a, b')).toBe('"a, b"');
    expect(toCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(toCsvField('two\nlines')).toBe('"two\nlines"');
    let csv = '';
    renderPathways(hostile, {}, csvPathwayWriter, (t) => (csv += t));
    expect(csv.split('\r\n')[1]).toBe('1,1,0,0,"home, ""happy""",a,assess,GO,x.s > x.out');
  });
});
