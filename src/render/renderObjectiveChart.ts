import { scaleLinear } from 'd3-scale';
import type { Comparison, ObjectiveComparison } from '../analysis/getComparison.ts';
import { toMeasureValueText, toStatusText, toTargetText, toValueChangeText } from '../report/comparisonWriters.ts';
import { toBaseStyle } from './baseStyle.ts';
import { toAxis, toNameColumn, toRowLabel } from './chartParts.ts';
import { el, escapeXml, toSvg } from './svg.ts';
import type { Diagram, DiagramOptions, RenderContext } from './types.ts';

const ROW = 30;
const MET = { fill: '#009E73', stroke: '#00523c', text: 'met' };
const NOT_MET = { fill: '#D55E00', stroke: '#7a3600', text: 'not met' };

/**
 * One objective across the baseline and the plans: each value as a dot (green and "met", or
 * orange and "not met", so the colour is never the only sign), its 95% interval where simulated,
 * and the target as a dashed line, on an axis that spans the values rather than starting at zero.
 */
export function renderObjectiveChart(
  ctx: RenderContext,
  /** `measure` is the objective's measure in words (toComparisonWords in carepaths/report). */
  data: { comparison: Comparison; objective: ObjectiveComparison; measure: string },
  options: DiagramOptions = {},
): Diagram {
  const { comparison: c, objective: o } = data;
  const { id = `objective-${o.id}` } = options;
  const names = o.values.map((v) => c.scenarios.find((s) => s.id === v.scenario)!.name);
  const { left, label } = toNameColumn(ctx, names, 320);
  const top = 64;
  const plot = 520;
  const width = left + plot + 150;
  const height = top + o.values.length * ROW + 46;
  // The axis spans the values, their intervals and the target, not from zero: 24.5% and 23.8% must look different.
  const all = [o.target, ...o.values.flatMap((v) => [v.value, ...(v.ci95 ?? [])])];
  const [low, high] = [Math.min(...all), Math.max(...all)];
  const pad = (high - low) * 0.15 || Math.abs(high) * 0.05 || 1;
  const floor = o.unit === 'share' || o.unit === 'count' || o.unit === 'minutes' ? Math.max(0, low - pad) : low - pad;
  const x = scaleLinear()
    .domain([floor, o.unit === 'share' ? Math.min(1, high + pad) : high + pad])
    .range([left, left + plot])
    .nice(5);
  const ticks = x.ticks(5);
  const format = (v: number) => toMeasureValueText(v, o.unit);
  const parts = [
    el('text', { x: 10, y: 22, class: 'bold', 'font-size': 15 }, escapeXml(o.title)),
    el(
      'text',
      { x: 10, y: 42, class: 'muted', 'font-size': 12 },
      escapeXml(`${data.measure}; target ${toTargetText(o)} (dashed line)${o.source === 'exact' ? '' : '; whiskers: 95% confidence interval'}.`),
    ),
    toAxis(x, ticks, top - 6, top + o.values.length * ROW, format),
  ];
  o.values.forEach((v, i) => {
    const y = top + i * ROW + ROW / 2;
    const style = v.met ? MET : NOT_MET;
    const at = x(v.value);
    const marks = [
      el('title', {}, escapeXml(`${names[i]}: ${format(v.value)}, ${toStatusText(v)}${v.change !== undefined ? `; ${toValueChangeText(v, o.unit)}` : ''}`)),
      el('line', { x1: left, x2: left + plot, y1: y, y2: y, stroke: '#eeeeee' }),
    ];
    if (v.ci95) marks.push(el('line', { x1: x(v.ci95[0]), x2: x(v.ci95[1]), y1: y, y2: y, stroke: '#1a1a1a', 'stroke-width': 1.5 }));
    marks.push(el('circle', { cx: at, cy: y, r: 6, fill: style.fill, stroke: style.stroke, 'stroke-width': 1.5 }));
    marks.push(el('text', { x: left + plot + 10, y: y + 4, 'font-size': 11 }, escapeXml(`${format(v.value)} · ${style.text}`)));
    parts.push(toRowLabel(label(names[i]!), y, left), el('g', { class: 'hoverable' }, ...marks));
  });
  parts.push(
    el('line', {
      x1: x(o.target),
      x2: x(o.target),
      y1: top - 10,
      y2: top + o.values.length * ROW,
      stroke: '#1a1a1a',
      'stroke-width': 2,
      'stroke-dasharray': '6 4',
    }),
  );
  parts.push(el('text', { x: x(o.target), y: top - 12, 'text-anchor': 'middle', 'font-size': 11, class: 'bold' }, escapeXml(`target ${format(o.target)}`)));
  const svg = toSvg({
    id,
    width,
    height,
    title: o.title,
    description: o.values.map((v, i) => `${names[i]}: ${format(v.value)}, ${toStatusText(v)}`).join('; '),
    style: toBaseStyle(ctx, id),
    body: parts.join(''),
  });
  const table =
    '<table><thead><tr><th scope="col">Scenario</th><th scope="col">Value</th><th scope="col">95% CI</th><th scope="col">Status</th><th scope="col">Change from baseline</th></tr></thead><tbody>' +
    o.values
      .map(
        (v, i) =>
          `<tr><td>${escapeXml(names[i]!)}</td><td>${escapeXml(format(v.value))}</td><td>${v.ci95 ? escapeXml(`${format(v.ci95[0])} to ${format(v.ci95[1])}`) : 'exact'}</td><td>${escapeXml(toStatusText(v))}</td><td>${escapeXml(toValueChangeText(v, o.unit) || '—')}</td></tr>`,
      )
      .join('') +
    '</tbody></table>';
  return { name: `objective-${o.id}`, title: o.title, svg, table };
}
