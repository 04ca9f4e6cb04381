import { scaleLinear } from 'd3-scale';
import type { Comparison } from '../analysis/getComparison.ts';
import { toChangeText } from '../report/comparisonWriters.ts';
import { toBaseStyle } from './baseStyle.ts';
import { toAxis, toNameColumn, toRowLabel } from './chartParts.ts';
import { el, escapeXml, toSvg } from './svg.ts';
import type { Diagram, DiagramOptions, RenderContext } from './types.ts';

const ROW = 30;
const PLOT = 460;
const PANEL_HEAD = 56;
const PANEL_FOOT = 48;

/** What the axis of a change is counted in. */
const UNIT_WORDS = { share: 'change in percentage points', minutes: 'change in time', count: 'change' } as const;

/**
 * What each plan changes, objective by objective: for every objective a panel with one row per
 * plan, the change from the baseline as a dot and its 95% interval (where simulated) as a line, on
 * one axis for all the plans, centred on no change, with the side that is better marked. Each row
 * says its change and status in words, so colour is never needed.
 */
export function renderChangeChart(ctx: RenderContext, c: Comparison, options: DiagramOptions = {}): Diagram | undefined {
  const { id = 'changes' } = options;
  const plans = c.scenarios.slice(1);
  if (!plans.length || !c.objectives.length) return undefined;
  const { left, label } = toNameColumn(
    ctx,
    plans.map((p) => p.name),
    300,
  );
  const width = left + PLOT + 290;
  const panelHeight = PANEL_HEAD + plans.length * ROW + PANEL_FOOT;
  const height = 50 + c.objectives.length * panelHeight;
  const parts = [
    el('text', { x: 10, y: 22, class: 'bold', 'font-size': 15 }, 'What each plan changes'),
    el(
      'text',
      { x: 10, y: 40, class: 'muted', 'font-size': 12 },
      escapeXml(
        'Dot: the change from the baseline; line: its 95% confidence interval (simulated objectives). One axis per objective for every plan, centred on no change.',
      ),
    ),
  ];
  const rows: string[] = [];
  c.objectives.forEach((o, k) => {
    const y0 = 50 + k * panelHeight;
    const values = o.values.slice(1);
    const reach = Math.max(...values.flatMap((v) => [Math.abs(v.change ?? 0), ...(v.changeCi95 ?? []).map(Math.abs)]));
    const half = reach > 0 ? reach * 1.15 : Math.max(1e-6, Math.abs(o.values[0]!.value) * 0.01);
    const x = scaleLinear()
      .domain([-half, half])
      .range([left, left + PLOT])
      .nice(6);
    const top = y0 + PANEL_HEAD;
    const bottom = top + values.length * ROW;
    const better = o.direction === 'at-most' ? '← better' : 'better →';
    parts.push(
      el('text', { x: 10, y: y0 + 18, class: 'bold', 'font-size': 13 }, escapeXml(o.title)),
      el(
        'text',
        {
          x: o.direction === 'at-most' ? left : left + PLOT,
          y: y0 + 36,
          'text-anchor': o.direction === 'at-most' ? 'start' : 'end',
          'font-size': 11,
          class: 'muted',
        },
        escapeXml(better),
      ),
      el('text', { x: left + PLOT / 2, y: bottom + 32, 'text-anchor': 'middle', 'font-size': 11, class: 'muted' }, escapeXml(UNIT_WORDS[o.unit])),
      toAxis(x, x.ticks(5), top - 6, bottom, (t) => (t === 0 ? '0' : toChangeText(t, o.unit).replace(/ points$/, ''))),
      el('line', { x1: x(0), x2: x(0), y1: top - 8, y2: bottom, stroke: '#1a1a1a', 'stroke-width': 1.5 }),
    );
    values.forEach((v, i) => {
      const y = top + i * ROW + ROW / 2;
      const change = v.change ?? 0;
      const words = `${v.changeStatus === 'no change' ? 'no change' : toChangeText(change, o.unit)}, ${v.changeStatus === 'no change' ? 'exact' : v.changeStatus}${v.changeCi95 ? ` (95% CI ${toChangeText(v.changeCi95[0], o.unit)} to ${toChangeText(v.changeCi95[1], o.unit)})` : ''}`;
      const marks = [el('title', {}, escapeXml(`${plans[i]!.name}, ${o.title}: ${words}`))];
      if (v.changeCi95) marks.push(el('line', { x1: x(v.changeCi95[0]), x2: x(v.changeCi95[1]), y1: y, y2: y, stroke: '#1a1a1a', 'stroke-width': 2 }));
      marks.push(el('circle', { cx: x(change), cy: y, r: 5, fill: '#1a1a1a' }));
      marks.push(el('text', { x: left + PLOT + 14, y: y + 4, 'font-size': 11 }, escapeXml(words)));
      parts.push(toRowLabel(label(plans[i]!.name), y, left), el('g', { class: 'hoverable' }, ...marks));
      rows.push(
        `<tr><td>${escapeXml(o.title)}</td><td>${escapeXml(plans[i]!.name)}</td><td>${escapeXml(v.changeStatus === 'no change' ? 'no change' : toChangeText(change, o.unit))}</td><td>${v.changeCi95 ? escapeXml(`${toChangeText(v.changeCi95[0], o.unit)} to ${toChangeText(v.changeCi95[1], o.unit)}`) : 'exact'}</td><td>${escapeXml(v.changeStatus ?? '')}</td></tr>`,
      );
    });
  });
  const svg = toSvg({
    id,
    width,
    height,
    title: 'What each plan changes',
    description: c.objectives
      .map(
        (o) =>
          `${o.title}: ${o.values
            .slice(1)
            .map((v, i) => `${plans[i]!.name} ${v.change === undefined ? '' : toChangeText(v.change, o.unit)}, ${v.changeStatus}`)
            .join('; ')}`,
      )
      .join('. '),
    style: toBaseStyle(ctx, id),
    body: parts.join(''),
  });
  const table =
    '<table><thead><tr><th scope="col">Objective</th><th scope="col">Plan</th><th scope="col">Change</th><th scope="col">95% CI</th><th scope="col">Status</th></tr></thead><tbody>' +
    rows.join('') +
    '</tbody></table>';
  return { name: id, title: 'What each plan changes', svg, table };
}
