import { scaleSymlog } from 'd3-scale';
import type { DesResult } from '../simulate/types.ts';
import { toFixedTrim } from '../report/formatNumber.ts';
import { toBaseStyle } from './baseStyle.ts';
import { toAxis, toChartRows, toRowLayout } from './chartParts.ts';
import { el, escapeXml, toSvg } from './svg.ts';
import type { Diagram, DiagramOptions, RenderContext } from './types.ts';

const ROW = 28;

/**
 * Waits at each service with capacity, from the discrete-event simulation: the mean wait as a bar
 * with its 95% confidence interval, and the 90th centile as a tick. A symmetric log scale keeps
 * waits of seconds and of hours on one chart; each number is written beside its bar.
 */
export function renderWaitChart(ctx: RenderContext, des: DesResult, options: DiagramOptions = {}): Diagram {
  const { id = 'waits' } = options;
  const rows = [...des.services].sort((a, b) => b.waitMean - a.waitMean);
  const layout = toRowLayout(
    ctx,
    rows.map((r) => r.state),
    620,
    ROW,
  );
  const { label, left, top, width, height } = layout;
  const max = Math.max(10, ...rows.map((r) => Math.max(r.waitP90, r.waitMeanCi95[1])));
  const x = scaleSymlog()
    .constant(1)
    .domain([0, max])
    .range([left, width - 90]);
  const ticks = [0, 1, 5, 15, 60, 240, 1440, 10080].filter((t) => t <= max);
  const parts = [
    el('text', { x: 10, y: 22, class: 'bold', 'font-size': 15 }, 'Waits for each service (minutes)'),
    el(
      'text',
      { x: 10, y: 42, class: 'muted', 'font-size': 12 },
      escapeXml(`Bar: mean wait with its 95% confidence interval; tick: 90th centile. ${des.replications} replications of ${des.days} days.`),
    ),
    toAxis(x, ticks, top - 6, top + rows.length * ROW, (t) => (t >= 1440 ? `${t / 1440} d` : t >= 60 ? `${t / 60} h` : `${t}`)),
  ];
  parts.push(
    toChartRows(
      ctx,
      rows,
      layout,
      ROW,
      (r) =>
        `${label(r.state)}: mean wait ${toFixedTrim(r.waitMean, 1)} min (95% CI ${toFixedTrim(r.waitMeanCi95[0], 1)} to ${toFixedTrim(r.waitMeanCi95[1], 1)}), 90th centile ${toFixedTrim(r.waitP90, 1)} min`,
      (r, y, style) => [
        el('rect', {
          x: left,
          y: y - 8,
          width: Math.max(1, x(r.waitMean) - left),
          height: 16,
          fill: style.fill,
          stroke: style.stroke,
          'stroke-dasharray': style.dash || undefined,
        }),
        el('line', { x1: x(r.waitMeanCi95[0]), x2: x(r.waitMeanCi95[1]), y1: y, y2: y, stroke: '#1a1a1a', 'stroke-width': 1.5 }),
        el('line', { x1: x(r.waitP90), x2: x(r.waitP90), y1: y - 10, y2: y + 10, stroke: '#1a1a1a', 'stroke-width': 2 }),
        el(
          'text',
          { x: Math.max(x(r.waitMeanCi95[1]), x(r.waitP90)) + 6, y: y + 4, 'font-size': 11 },
          escapeXml(`${toFixedTrim(r.waitMean, 1)} (p90 ${toFixedTrim(r.waitP90, 1)})`),
        ),
      ],
    ),
  );
  const svg = toSvg({
    id,
    width,
    height,
    title: 'Waits for each service',
    description: rows.map((r) => `${label(r.state)}: mean ${toFixedTrim(r.waitMean, 1)} minutes`).join('; '),
    style: toBaseStyle(ctx, id),
    body: parts.join(''),
  });
  const table =
    '<table><thead><tr><th scope="col">Service</th><th scope="col">Servers</th><th scope="col">Mean wait (min)</th><th scope="col">95% CI</th><th scope="col">90th centile</th><th scope="col">Longest</th></tr></thead><tbody>' +
    rows
      .map(
        (r) =>
          `<tr><td>${escapeXml(label(r.state))}</td><td>${escapeXml(r.servers)}</td><td>${toFixedTrim(r.waitMean, 1)}</td><td>${toFixedTrim(r.waitMeanCi95[0], 1)} to ${toFixedTrim(r.waitMeanCi95[1], 1)}</td><td>${toFixedTrim(r.waitP90, 1)}</td><td>${toFixedTrim(r.waitMax, 1)}</td></tr>`,
      )
      .join('') +
    '</tbody></table>';
  return { name: 'simulated-waits', title: 'Waits for each service (simulated)', svg, table };
}
