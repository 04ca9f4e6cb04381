import { scaleLinear } from 'd3-scale';
import type { ClockDeclaration } from '../model/types.ts';
import type { DesResult } from '../simulate/types.ts';
import { toFixedTrim } from '../report/formatNumber.ts';
import { toBaseStyle } from './baseStyle.ts';
import { toAxis, toRowLabel } from './chartParts.ts';
import { el, escapeXml, toSvg } from './svg.ts';
import type { Diagram, DiagramOptions, RenderContext } from './types.ts';

const ROW = 64;
const PLOT = 620;

/** A clock's name without its bracketed definition: "Category 2 response". */
const shortLabel = (label: string) => label.replace(/\s*\(.*\)\s*$/, '');

/**
 * The clocks that have a standard (`meta.clocks[].standard`), from the discrete-event simulation,
 * against that standard: the mean as a dot with its 95% confidence interval and the 90th centile
 * as a diamond, with the standard for each drawn as a dashed mark and written beside it, so that
 * the chart reads the same statistics the standards (and strategies) use.
 */
export function renderClockStandards(ctx: RenderContext, des: DesResult, options: DiagramOptions = {}): Diagram | undefined {
  const { id = 'clock-standards' } = options;
  const declared = new Map((ctx.graph.meta.clocks ?? []).map((c: ClockDeclaration) => [c.id, c]));
  const rows = des.clocks.flatMap((c) => {
    const standard = declared.get(c.id)?.standard;
    return standard && c.count > 0 ? [{ ...c, standard, name: shortLabel(c.label) }] : [];
  });
  if (!rows.length) return undefined;
  const left = Math.max(...rows.map((r) => ctx.measure.width(r.name, 12))) + 24;
  const top = 70;
  const width = left + PLOT;
  const height = top + rows.length * ROW + 50;
  const max = Math.max(...rows.flatMap((r) => [r.ci95[1], r.p90, r.standard.mean ?? 0, r.standard.p90 ?? 0])) * 1.08;
  const x = scaleLinear()
    .domain([0, max])
    .nice()
    .range([left, width - 30]);
  const minutes = (m: number) => `${toFixedTrim(m, 1)} min`;
  const words = (r: (typeof rows)[number]) =>
    [
      `mean ${minutes(r.mean)} (95% CI ${minutes(r.ci95[0])} to ${minutes(r.ci95[1])})${r.standard.mean !== undefined ? `, standard ${minutes(r.standard.mean)}` : ''}`,
      `90th centile ${minutes(r.p90)}${r.standard.p90 !== undefined ? `, standard ${minutes(r.standard.p90)}` : ''}`,
    ].join('; ');
  const mark = (value: number, y: number, text: string, below: boolean) =>
    el('line', { x1: x(value), x2: x(value), y1: y - 14, y2: y + 14, stroke: '#b3261e', 'stroke-width': 2, 'stroke-dasharray': '4 3' }) +
    el('text', { x: x(value), y: below ? y + 26 : y - 18, 'text-anchor': 'middle', 'font-size': 11, fill: '#b3261e' }, escapeXml(text));
  const body = rows.map((r, i) => {
    const y = top + i * ROW + ROW / 2;
    const diamond = `M${x(r.p90)},${y - 6}L${x(r.p90) + 6},${y}L${x(r.p90)},${y + 6}L${x(r.p90) - 6},${y}Z`;
    return (
      toRowLabel(r.name, y, left) +
      el(
        'g',
        { class: 'hoverable' },
        el('title', {}, escapeXml(`${r.name}: ${words(r)}`)),
        el('line', { x1: x(r.ci95[0]), x2: x(r.ci95[1]), y1: y, y2: y, stroke: '#1a1a1a', 'stroke-width': 2 }),
        el('circle', { cx: x(r.mean), cy: y, r: 5, fill: '#1a1a1a' }),
        el('path', { d: diamond, fill: '#fff', stroke: '#1a1a1a', 'stroke-width': 1.5 }),
        ...(r.standard.mean !== undefined ? [mark(r.standard.mean, y, `mean standard ${toFixedTrim(r.standard.mean, 1)}`, false)] : []),
        ...(r.standard.p90 !== undefined ? [mark(r.standard.p90, y, `90th standard ${toFixedTrim(r.standard.p90, 1)}`, true)] : []),
      )
    );
  });
  const svg = toSvg({
    id,
    width,
    height,
    title: 'Response times against the standards',
    description: rows.map((r) => `${r.name}: ${words(r)}`).join('. '),
    style: toBaseStyle(ctx, id),
    body: [
      el('text', { x: 10, y: 22, class: 'bold', 'font-size': 15 }, 'Response times against the standards (minutes)'),
      el(
        'text',
        { x: 10, y: 42, class: 'muted', 'font-size': 12 },
        escapeXml(
          `Dot: mean, line: its 95% confidence interval; diamond: 90th centile; dashed red: the standard. ${des.replications} replications of ${des.days} days.`,
        ),
      ),
      toAxis(x, x.ticks(8), top - 6, top + rows.length * ROW, (t) => `${t}`),
      ...body,
    ].join(''),
  });
  const cell = (v: number | undefined) => (v === undefined ? '<td>none</td>' : `<td>${toFixedTrim(v, 1)}</td>`);
  const table =
    '<table><thead><tr><th scope="col">Clock</th><th scope="col">Mean (min)</th><th scope="col">95% CI</th><th scope="col">Standard for the mean</th><th scope="col">90th centile (min)</th><th scope="col">Standard for the 90th centile</th></tr></thead><tbody>' +
    rows
      .map(
        (r) =>
          `<tr><td>${escapeXml(r.name)}</td><td>${toFixedTrim(r.mean, 1)}</td><td>${toFixedTrim(r.ci95[0], 1)} to ${toFixedTrim(r.ci95[1], 1)}</td>${cell(r.standard.mean)}<td>${toFixedTrim(r.p90, 1)}</td>${cell(r.standard.p90)}</tr>`,
      )
      .join('') +
    '</tbody></table>';
  return { name: 'simulated-response-standards', title: 'Response times against the standards (simulated)', svg, table };
}
