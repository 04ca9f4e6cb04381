import { scaleLinear } from 'd3-scale';
import type { DesResult } from '../simulate/types.ts';
import { toPercent } from '../report/formatNumber.ts';
import { toBaseStyle } from './baseStyle.ts';
import { toAxis, toChartRows, toRowLayout } from './chartParts.ts';
import { el, escapeXml, toSvg } from './svg.ts';
import type { Diagram, DiagramOptions, RenderContext } from './types.ts';

const ROW = 28;
/** Above this, queues build quickly: the chart marks it. */
const BUSY = 0.85;

/** How busy each service with capacity is, from the discrete-event simulation, with 95% intervals. */
export function renderUtilisationChart(ctx: RenderContext, des: DesResult, options: DiagramOptions = {}): Diagram {
  const { id = 'utilisation' } = options;
  const rows = [...des.services].sort((a, b) => b.utilisation - a.utilisation);
  const layout = toRowLayout(
    ctx,
    rows.map((r) => r.state),
    560,
    ROW,
  );
  const { label, left, top, width, height } = layout;
  const x = scaleLinear()
    .domain([0, 1])
    .range([left, width - 80]);
  const parts = [
    el('text', { x: 10, y: 22, class: 'bold', 'font-size': 15 }, 'How busy each service is'),
    el(
      'text',
      { x: 10, y: 42, class: 'muted', 'font-size': 12 },
      escapeXml(
        `Share of the servers' time in use, with its 95% confidence interval. The dashed line marks ${toPercent(BUSY)}: above it, queues build quickly.`,
      ),
    ),
    toAxis(x, [0, 0.25, 0.5, 0.75, 1], top - 6, top + rows.length * ROW, (t) => `${t * 100}%`),
    el('line', { x1: x(BUSY), x2: x(BUSY), y1: top - 6, y2: top + rows.length * ROW, stroke: '#D55E00', 'stroke-width': 1.5, 'stroke-dasharray': '5 3' }),
  ];
  parts.push(
    toChartRows(
      ctx,
      rows,
      layout,
      ROW,
      (r) =>
        `${label(r.state)}: ${toPercent(r.utilisation)} busy (95% CI ${toPercent(r.utilisationCi95[0])} to ${toPercent(r.utilisationCi95[1])}), ${r.servers} servers`,
      (r, y, style) => [
        el('rect', {
          x: left,
          y: y - 8,
          width: Math.max(1, x(Math.min(1, r.utilisation)) - left),
          height: 16,
          fill: style.fill,
          stroke: style.stroke,
          'stroke-dasharray': style.dash || undefined,
        }),
        el('line', {
          x1: x(Math.min(1, r.utilisationCi95[0])),
          x2: x(Math.min(1, r.utilisationCi95[1])),
          y1: y,
          y2: y,
          stroke: '#1a1a1a',
          'stroke-width': 1.5,
        }),
        el(
          'text',
          { x: x(Math.min(1, r.utilisationCi95[1])) + 6, y: y + 4, 'font-size': 11, class: r.utilisation > BUSY ? 'bold' : undefined },
          escapeXml(toPercent(r.utilisation)),
        ),
      ],
    ),
  );
  const svg = toSvg({
    id,
    width,
    height,
    title: 'How busy each service is',
    description: rows.map((r) => `${label(r.state)}: ${toPercent(r.utilisation)}`).join('; '),
    style: toBaseStyle(ctx, id),
    body: parts.join(''),
  });
  const table =
    '<table><thead><tr><th scope="col">Service</th><th scope="col">Servers</th><th scope="col">Busy</th><th scope="col">95% CI</th><th scope="col">Mean queue</th><th scope="col">Longest queue</th></tr></thead><tbody>' +
    rows
      .map(
        (r) =>
          `<tr><td>${escapeXml(label(r.state))}</td><td>${escapeXml(r.servers)}</td><td>${toPercent(r.utilisation)}</td><td>${toPercent(r.utilisationCi95[0])} to ${toPercent(r.utilisationCi95[1])}</td><td>${r.queueMean.toFixed(1)}</td><td>${r.queueMax}</td></tr>`,
      )
      .join('') +
    '</tbody></table>';
  return { name: 'simulated-utilisation', title: 'How busy each service is (simulated)', svg, table };
}
