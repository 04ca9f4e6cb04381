import { scaleLinear } from 'd3-scale';
import type { DesResult } from '../simulate/types.ts';
import { getFlowPlan, toRatesByHour, toUnitsByHour } from '../simulate/getFlowPlan.ts';
import { toFixedTrim } from '../report/formatNumber.ts';
import { toBaseStyle } from './baseStyle.ts';
import { el, escapeXml, toSvg } from './svg.ts';
import type { Diagram, DiagramOptions, RenderContext } from './types.ts';

const PANEL_W = 470;
const PANEL_H = 190;
const PLOT = { left: 52, right: 14, top: 34, bottom: 40 };
const WEEK = 168;

/** The mean of a week of hourly values at each hour of the day. */
const byHourOfDay = (week: ArrayLike<number>) => Array.from({ length: 24 }, (_, h) => [0, 1, 2, 3, 4, 5, 6].reduce((a, d) => a + week[d * 24 + h]!, 0) / 7);

/**
 * The day hour by hour, from the discrete-event simulation: requests arriving (the model's rates),
 * and for each shared resource the units available (its schedule), the units in use (the mean over
 * days, and the 90th centile) and the requests queueing for it, each panel with its own labelled
 * scale, hours along the bottom.
 */
export function renderByHour(ctx: RenderContext, des: DesResult, options: DiagramOptions = {}): Diagram | undefined {
  const { id = 'by-hour' } = options;
  if (!des.resources.length) return undefined;
  const plan = getFlowPlan(ctx.graph);
  const arrivalsWeek = new Float64Array(WEEK);
  for (const s of plan.streams) toRatesByHour(s, WEEK).forEach((perMinute, h) => (arrivalsWeek[h]! += perMinute * 60));
  const arrivals = byHourOfDay(arrivalsWeek);
  const panels = [
    {
      title: 'Requests arriving an hour (the model’s rates)',
      unit: 'requests an hour',
      series: [{ name: 'arriving', values: arrivals, kind: 'bars' as const }],
    },
    ...des.resources.map((r) => {
      const res = plan.resources.find((x) => x.id === r.id)!;
      return {
        title: r.label,
        unit: 'units, or requests queueing',
        series: [
          { name: 'queueing', values: r.queueByHour, kind: 'bars' as const },
          { name: 'available', values: byHourOfDay(toUnitsByHour(res, WEEK)), kind: 'step' as const },
          { name: 'in use, 90th centile', values: r.unitsByHour.p90, kind: 'dashed' as const },
          { name: 'in use, mean', values: r.unitsByHour.mean, kind: 'line' as const },
        ],
      };
    }),
  ];
  const columns = 2;
  const width = columns * PANEL_W + 20;
  const height = 70 + Math.ceil(panels.length / columns) * PANEL_H;
  const parts = [
    el('text', { x: 10, y: 22, class: 'bold', 'font-size': 15 }, 'The day hour by hour (simulated)'),
    el(
      'text',
      { x: 10, y: 42, class: 'muted', 'font-size': 12 },
      escapeXml(
        `Hours of the day along the bottom. Units: solid line in use (mean), dashed its 90th centile, grey step available; grey bars requests queueing. ${des.replications} replications of ${des.days} days.`,
      ),
    ),
  ];
  panels.forEach((p, i) => {
    const ox = 10 + (i % columns) * PANEL_W;
    const oy = 60 + Math.floor(i / columns) * PANEL_H;
    const x = scaleLinear()
      .domain([0, 24])
      .range([ox + PLOT.left, ox + PANEL_W - PLOT.right]);
    const top = Math.max(1, ...p.series.flatMap((s) => s.values));
    const y = scaleLinear()
      .domain([0, top])
      .nice(4)
      .range([oy + PANEL_H - PLOT.bottom, oy + PLOT.top]);
    parts.push(el('text', { x: ox + PLOT.left, y: oy + 18, class: 'bold', 'font-size': 12 }, escapeXml(p.title)));
    for (const t of y.ticks(4))
      parts.push(
        el('line', { x1: x(0), x2: x(24), y1: y(t), y2: y(t), stroke: '#e3e3e3' }),
        el('text', { x: x(0) - 6, y: y(t) + 4, 'text-anchor': 'end', 'font-size': 10, class: 'muted' }, escapeXml(toFixedTrim(t))),
      );
    for (const h of [0, 6, 12, 18, 24])
      parts.push(
        el(
          'text',
          { x: x(h), y: oy + PANEL_H - PLOT.bottom + 14, 'text-anchor': 'middle', 'font-size': 10, class: 'muted' },
          `${String(h % 24).padStart(2, '0')}:00`,
        ),
      );
    parts.push(el('text', { x: x(12), y: oy + PANEL_H - PLOT.bottom + 28, 'text-anchor': 'middle', 'font-size': 10, class: 'muted' }, escapeXml(p.unit)));
    for (const s of p.series) {
      if (s.kind === 'bars') {
        s.values.forEach(
          (v, h) => v > 0 && parts.push(el('rect', { x: x(h) + 1, y: y(v), width: Math.max(1, x(h + 1) - x(h) - 2), height: y(0) - y(v), fill: '#bdbdbd' })),
        );
        continue;
      }
      const points =
        s.kind === 'step' ? s.values.flatMap((v, h) => [`${x(h)},${y(v)}`, `${x(h + 1)},${y(v)}`]) : s.values.map((v, h) => `${x(h + 0.5)},${y(v)}`);
      parts.push(
        el('polyline', {
          points: points.join(' '),
          fill: 'none',
          stroke: s.kind === 'step' ? '#8a8a8a' : '#1a1a1a',
          'stroke-width': s.kind === 'line' ? 2 : 1.5,
          'stroke-dasharray': s.kind === 'dashed' ? '5 3' : undefined,
        }),
      );
    }
  });
  const svg = toSvg({
    id,
    width,
    height,
    title: 'The day hour by hour',
    description: panels
      .map(
        (p) =>
          `${p.title}: ${p.series.map((s) => `${s.name} from ${toFixedTrim(Math.min(...s.values), 1)} to ${toFixedTrim(Math.max(...s.values), 1)}`).join(', ')}`,
      )
      .join('. '),
    style: toBaseStyle(ctx, id),
    body: parts.join(''),
  });
  const hours = Array.from({ length: 24 }, (_, h) => `<th scope="col">${String(h).padStart(2, '0')}</th>`).join('');
  const table =
    `<table><thead><tr><th scope="col">What</th>${hours}</tr></thead><tbody>` +
    panels
      .flatMap((p) =>
        p.series.map(
          (s) => `<tr><th scope="row">${escapeXml(`${p.title}: ${s.name}`)}</th>${s.values.map((v) => `<td>${toFixedTrim(v, 1)}</td>`).join('')}</tr>`,
        ),
      )
      .join('') +
    '</tbody></table>';
  return { name: 'simulated-by-hour', title: 'The day hour by hour (simulated)', svg, table };
}
