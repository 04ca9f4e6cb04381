import { scaleLinear } from 'd3-scale';
import type { DesResult } from '../simulate/types.ts';
import { toFixedTrim } from '../report/formatNumber.ts';
import { toBaseStyle } from './baseStyle.ts';
import { toAxis, toChartRows, toRowLayout } from './chartParts.ts';
import { el, escapeXml, toSvg } from './svg.ts';
import type { Diagram, DiagramOptions, RenderContext } from './types.ts';

const ROW = 36;

/**
 * Response times (from reaching the agency to the end of each dispatch state, such as an ambulance
 * category) as box plots: the box from the 25th to the 75th centile, the line at the median, the
 * whiskers from the 10th to the 90th, and a dot at the mean.
 */
export function renderResponseTimes(ctx: RenderContext, des: DesResult, options: DiagramOptions = {}): Diagram | undefined {
  const { id = 'response-times' } = options;
  const rows = des.responseTimes.filter((r) => r.count > 0);
  if (!rows.length) return undefined;
  const layout = toRowLayout(
    ctx,
    rows.map((r) => r.state),
    600,
    ROW,
    false,
  );
  const { label, left, top, width, height } = layout;
  const max = Math.max(...rows.map((r) => r.p90)) * 1.1;
  const x = scaleLinear()
    .domain([0, max])
    .nice()
    .range([left, width - 40]);
  const parts = [
    el('text', { x: 10, y: 22, class: 'bold', 'font-size': 15 }, 'Response times (minutes)'),
    el('text', { x: 10, y: 42, class: 'muted', 'font-size': 12 }, 'Box: middle half of responses; line: median; whiskers: 10th to 90th centile; dot: mean.'),
    toAxis(x, x.ticks(8), top - 6, top + rows.length * ROW, (t) => `${t}`),
  ];
  parts.push(
    toChartRows(
      ctx,
      rows,
      layout,
      ROW,
      (r) => `${label(r.state)}: median ${toFixedTrim(r.p50, 1)} min, mean ${toFixedTrim(r.mean, 1)} min, 90th centile ${toFixedTrim(r.p90, 1)} min`,
      (r, y, style) => [
        el('line', { x1: x(r.p10), x2: x(r.p90), y1: y, y2: y, stroke: '#1a1a1a' }),
        el('line', { x1: x(r.p10), x2: x(r.p10), y1: y - 6, y2: y + 6, stroke: '#1a1a1a' }),
        el('line', { x1: x(r.p90), x2: x(r.p90), y1: y - 6, y2: y + 6, stroke: '#1a1a1a' }),
        el('rect', { x: x(r.p25), y: y - 10, width: Math.max(1, x(r.p75) - x(r.p25)), height: 20, fill: style.fill, stroke: style.stroke }),
        el('line', { x1: x(r.p50), x2: x(r.p50), y1: y - 10, y2: y + 10, stroke: '#1a1a1a', 'stroke-width': 2.5 }),
        el('circle', { cx: x(r.mean), cy: y, r: 3.5, fill: '#1a1a1a' }),
        el('text', { x: x(r.p90) + 8, y: y + 4, 'font-size': 11 }, escapeXml(`mean ${toFixedTrim(r.mean, 1)}, 90th ${toFixedTrim(r.p90, 1)}`)),
      ],
    ),
  );
  const svg = toSvg({
    id,
    width,
    height,
    title: 'Response times',
    description: rows.map((r) => `${label(r.state)}: mean ${toFixedTrim(r.mean, 1)} minutes, 90th centile ${toFixedTrim(r.p90, 1)}`).join('; '),
    style: toBaseStyle(ctx, id),
    body: parts.join(''),
  });
  const table =
    '<table><thead><tr><th scope="col">Response</th><th scope="col">Mean</th><th scope="col">95% CI</th><th scope="col">10th</th><th scope="col">25th</th><th scope="col">Median</th><th scope="col">75th</th><th scope="col">90th</th></tr></thead><tbody>' +
    rows
      .map(
        (r) =>
          `<tr><td>${escapeXml(label(r.state))}</td><td>${toFixedTrim(r.mean, 1)}</td><td>${toFixedTrim(r.ci95[0], 1)} to ${toFixedTrim(r.ci95[1], 1)}</td>${[r.p10, r.p25, r.p50, r.p75, r.p90].map((q) => `<td>${toFixedTrim(q, 1)}</td>`).join('')}</tr>`,
      )
      .join('') +
    '</tbody></table>';
  return { name: 'simulated-response-times', title: 'Response times (simulated)', svg, table };
}
