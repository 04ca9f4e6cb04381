import { scaleLinear } from 'd3-scale';
import type { DesResult } from '../simulate/types.ts';
import { getFlowPlan, toRatesByHour, toUnitsByHour } from '../simulate/getFlowPlan.ts';
import { toFixedTrim } from '../report/formatNumber.ts';
import { toBaseStyle } from './baseStyle.ts';
import { el, escapeXml, textLines, toSvg } from './svg.ts';
import type { Diagram, DiagramOptions, RenderContext } from './types.ts';

const PANEL_W = 470;
const PANEL_H = 190;
const PLOT = { left: 52, right: 14, top: 34, bottom: 40 };
const WEEK = 168;

/** The mean of a week of hourly values at each hour of the day. */
const byHourOfDay = (week: ArrayLike<number>) => Array.from({ length: 24 }, (_, h) => [0, 1, 2, 3, 4, 5, 6].reduce((a, d) => a + week[d * 24 + h]!, 0) / 7);
/** The mean of a week of hourly values on each day, Monday first. */
const byDayOfWeek = (week: ArrayLike<number>) =>
  Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => week[d * 24 + h]!).reduce((a, b) => a + b, 0) / 24);
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const BLOCKED = '#b2182b';

interface Panel {
  title: string;
  unit: string;
  series: { name: string; values: number[]; kind: 'bars' | 'step' | 'dashed' | 'line' | 'blocked' }[];
}

/** One panel: its title, a labelled scale of its own, `slots` along the bottom (hours or days) and its series. */
function drawPanel(p: Panel, ox: number, oy: number, slots: number, ticks: { at: number; label: string }[], parts: string[]): void {
  const x = scaleLinear()
    .domain([0, slots])
    .range([ox + PLOT.left, ox + PANEL_W - PLOT.right]);
  const top = Math.max(1, ...p.series.flatMap((s) => s.values));
  const y = scaleLinear()
    .domain([0, top])
    .nice(4)
    .range([oy + PANEL_H - PLOT.bottom, oy + PLOT.top]);
  parts.push(el('text', { x: ox + PLOT.left, y: oy + 18, class: 'bold', 'font-size': 12 }, escapeXml(p.title)));
  for (const t of y.ticks(4))
    parts.push(
      el('line', { x1: x(0), x2: x(slots), y1: y(t), y2: y(t), stroke: '#e3e3e3' }),
      el('text', { x: x(0) - 6, y: y(t) + 4, 'text-anchor': 'end', 'font-size': 11, class: 'muted' }, escapeXml(toFixedTrim(t))),
    );
  for (const t of ticks)
    parts.push(el('text', { x: x(t.at), y: oy + PANEL_H - PLOT.bottom + 14, 'text-anchor': 'middle', 'font-size': 11, class: 'muted' }, escapeXml(t.label)));
  parts.push(el('text', { x: x(slots / 2), y: oy + PANEL_H - PLOT.bottom + 28, 'text-anchor': 'middle', 'font-size': 11, class: 'muted' }, escapeXml(p.unit)));
  for (const s of p.series) {
    if (s.kind === 'bars') {
      s.values.forEach(
        (v, h) => v > 0 && parts.push(el('rect', { x: x(h) + 1, y: y(v), width: Math.max(1, x(h + 1) - x(h) - 2), height: y(0) - y(v), fill: '#bdbdbd' })),
      );
      continue;
    }
    const points = s.kind === 'step' ? s.values.flatMap((v, h) => [`${x(h)},${y(v)}`, `${x(h + 1)},${y(v)}`]) : s.values.map((v, h) => `${x(h + 0.5)},${y(v)}`);
    parts.push(
      el('polyline', {
        points: points.join(' '),
        fill: 'none',
        stroke: s.kind === 'step' ? '#8a8a8a' : s.kind === 'blocked' ? BLOCKED : '#1a1a1a',
        'stroke-width': s.kind === 'line' || s.kind === 'blocked' ? 2 : 1.5,
        'stroke-dasharray': s.kind === 'dashed' ? '5 3' : s.kind === 'blocked' ? '2 2' : undefined,
      }),
    );
  }
}

/** The figure around the panels: heading, a line on how to read it, the panels in two columns, its description and table. */
function toPanelsDiagram(
  ctx: RenderContext,
  d: {
    id: string;
    name: string;
    title: string;
    subtitle: string;
    panels: Panel[];
    slots: number;
    ticks: { at: number; label: string }[];
    columnHeads: string[];
  },
): Diagram {
  const columns = 2;
  const width = columns * PANEL_W + 20;
  const subtitle = ctx.measure.wrap(d.subtitle, width - 20, 12);
  const top = 60 + (subtitle.length - 1) * 15;
  const height = top + 10 + Math.ceil(d.panels.length / columns) * PANEL_H;
  const parts = [
    el('text', { x: 10, y: 22, class: 'bold', 'font-size': 15 }, escapeXml(d.title)),
    textLines(subtitle, 10, 42, 15, { class: 'muted', 'font-size': 12 }),
  ];
  d.panels.forEach((p, i) => drawPanel(p, 10 + (i % columns) * PANEL_W, top + Math.floor(i / columns) * PANEL_H, d.slots, d.ticks, parts));
  const svg = toSvg({
    id: d.id,
    width,
    height,
    title: d.title,
    description: d.panels
      .map(
        (p) =>
          `${p.title}: ${p.series.map((s) => `${s.name} from ${toFixedTrim(Math.min(...s.values), 1)} to ${toFixedTrim(Math.max(...s.values), 1)}`).join(', ')}`,
      )
      .join('. '),
    style: toBaseStyle(ctx, d.id),
    body: parts.join(''),
  });
  // Tables of at most 12 columns (a day's 24 hours as two), so that each fits a printed page (and a phone).
  const table = Array.from({ length: Math.ceil(d.columnHeads.length / 12) }, (_, i) => i * 12)
    .map((from) => {
      const to = from + 12;
      return (
        `<table class="compact"><thead><tr><th scope="col">What</th>${d.columnHeads
          .slice(from, to)
          .map((h) => `<th scope="col">${escapeXml(h)}</th>`)
          .join('')}</tr></thead><tbody>` +
        d.panels
          .flatMap((p) =>
            p.series.map(
              (s) =>
                `<tr><th scope="row">${escapeXml(`${p.title}: ${s.name}`)}</th>${s.values
                  .slice(from, to)
                  .map((v) => `<td>${toFixedTrim(v, 1)}</td>`)
                  .join('')}</tr>`,
            ),
          )
          .join('') +
        '</tbody></table>'
      );
    })
    .join('');
  return { name: d.name, title: d.title, svg, table };
}

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
  const panels: Panel[] = [
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
          ...(r.blocked > 0 ? [{ name: 'held by blocked requests, mean', values: r.blockedByHour, kind: 'blocked' as const }] : []),
        ],
      };
    }),
  ];
  return toPanelsDiagram(ctx, {
    id,
    name: 'simulated-by-hour',
    title: 'The day hour by hour (simulated)',
    subtitle: `Hours of the day along the bottom. Units: solid line in use (mean), dashed its 90th centile, red dotted held by blocked requests (mean), grey step available; grey bars requests queueing. ${des.replications} replications of ${des.days} days.`,
    panels,
    slots: 24,
    ticks: [0, 6, 12, 18, 24].map((h) => ({ at: h, label: `${String(h % 24).padStart(2, '0')}:00` })),
    columnHeads: Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')),
  });
}

/**
 * The week day by day, from the discrete-event simulation, for a model whose demand or resources
 * change with the day of the week: requests arriving a day (the model's rates), and for each
 * shared resource the mean units available, in use and held by blocked requests and the requests
 * queueing, Monday first. Undefined when nothing in the model changes by day, or the run is
 * shorter than a week.
 */
export function renderByDay(ctx: RenderContext, des: DesResult, options: DiagramOptions = {}): Diagram | undefined {
  const { id = 'by-day' } = options;
  if (!des.resources.length || des.days < 7) return undefined;
  const plan = getFlowPlan(ctx.graph);
  const arrivalsWeek = new Float64Array(WEEK);
  for (const s of plan.streams) toRatesByHour(s, WEEK).forEach((perMinute, h) => (arrivalsWeek[h]! += perMinute * 60));
  const arrivals = byDayOfWeek(arrivalsWeek).map((perHour) => perHour * 24);
  const varies = (xs: number[]) => Math.max(...xs) - Math.min(...xs) > 1e-9 * Math.max(1, ...xs);
  const available = (r: DesResult['resources'][number]) =>
    byDayOfWeek(
      toUnitsByHour(
        plan.resources.find((x) => x.id === r.id)!,
        WEEK,
      ),
    );
  if (!varies(arrivals) && !des.resources.some((r) => varies(available(r)))) return undefined;
  const panels: Panel[] = [
    { title: 'Requests arriving a day (the model’s rates)', unit: 'requests a day', series: [{ name: 'arriving', values: arrivals, kind: 'bars' }] },
    ...des.resources.map((r): Panel => ({
      title: r.label,
      unit: 'units, or requests queueing (means over the day)',
      series: [
        { name: 'queueing', values: r.byDay.queue, kind: 'bars' },
        { name: 'available', values: available(r), kind: 'step' },
        { name: 'in use, mean', values: r.byDay.inUse, kind: 'line' },
        ...(r.blocked > 0 ? [{ name: 'held by blocked requests, mean', values: r.byDay.blocked, kind: 'blocked' as const }] : []),
      ],
    })),
  ];
  return toPanelsDiagram(ctx, {
    id,
    name: 'simulated-by-day',
    title: 'The week day by day (simulated)',
    subtitle: `Days of the week along the bottom, Monday first. Units: solid line in use, red dotted held by blocked requests, grey step available (each the mean over the day); grey bars requests queueing. ${des.replications} replications of ${des.days} days.`,
    panels,
    slots: 7,
    ticks: DAYS.map((label, d) => ({ at: d + 0.5, label })),
    columnHeads: DAYS,
  });
}
