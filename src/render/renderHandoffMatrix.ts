import { toFixedTrim } from '../report/formatNumber.ts';
import { toBaseStyle } from './baseStyle.ts';
import { el, escapeXml, textLines, toSvg } from './svg.ts';
import type { Diagram, DiagramOptions, RenderContext } from './types.ts';

const CELL = 64;
const SIZE = 13;

/**
 * The handoff matrix: from which agency to which, per 1,000 requests, a number in every cell.
 * Shading deepens with the number, and the number is always written, so shade is never the only cue.
 */
export function renderHandoffMatrix(ctx: RenderContext, options: DiagramOptions = {}): Diagram {
  const { id = 'handoff-matrix' } = options;
  const agencies = ctx.graph.agencies;
  const flow = new Map(ctx.analysis.handoffs.map((h) => [`${h.from}\u0000${h.to}`, h.expectedPer1000]));
  const max = Math.max(1, ...ctx.analysis.handoffs.map((h) => h.expectedPer1000));
  const labelWidth = Math.max(...agencies.map((a) => ctx.measure.width(a.label, SIZE))) + 50;
  const longest = Math.max(...agencies.map((a) => ctx.measure.width(a.label, SIZE)));
  const angle = (50 * Math.PI) / 180;
  const top = longest * Math.sin(angle) + 40;
  const width = labelWidth + agencies.length * CELL + Math.max(20, longest * Math.cos(angle) - CELL / 2);
  const height = top + agencies.length * CELL + 40;
  const parts: string[] = [];
  parts.push(textLines(['Handed over to:'], labelWidth, 18, 0, { class: 'bold' }));
  parts.push(textLines(['Handed over from:'], 10, top - 10, 0, { class: 'bold' }));
  agencies.forEach((to, j) => {
    const x = labelWidth + j * CELL + CELL / 2;
    parts.push(el('text', { x, y: top - 8, transform: `rotate(-50 ${x} ${top - 8})` }, escapeXml(to.label)));
  });
  agencies.forEach((from, i) => {
    const y = top + i * CELL;
    const style = ctx.agencyStyle(from.id);
    parts.push(
      el('rect', { x: 8, y: y + 15, width: 32, height: 22, rx: 4, fill: style.fill, stroke: style.stroke, 'stroke-dasharray': style.dash || undefined }),
    );
    parts.push(el('text', { x: 24, y: y + 30, 'text-anchor': 'middle', 'font-size': 11, class: 'bold' }, escapeXml(style.badge)));
    parts.push(el('text', { x: 46, y: y + CELL / 2 + 4 }, escapeXml(from.label)));
    agencies.forEach((to, j) => {
      const value = from.id === to.id ? undefined : (flow.get(`${from.id}\u0000${to.id}`) ?? 0);
      const x = labelWidth + j * CELL;
      const shade = value === undefined ? '#f3f3f3' : shadeOf(value / max);
      const text = value === undefined ? '—' : toFixedTrim(value);
      parts.push(
        el(
          'g',
          { class: 'hoverable' },
          el('title', {}, escapeXml(value === undefined ? `${from.label}: no handoff to itself` : `${from.label} → ${to.label}: ${text} per 1,000 requests`)),
          el('rect', { x, y, width: CELL - 2, height: CELL - 2, fill: shade, stroke: '#ffffff' }),
          el(
            'text',
            { x: x + CELL / 2 - 1, y: y + CELL / 2 + 4, 'text-anchor': 'middle', fill: value !== undefined && value / max > 0.5 ? '#ffffff' : '#1a1a1a' },
            text,
          ),
        ),
      );
    });
  });
  parts.push(
    el(
      'text',
      { x: 10, y: height - 12, class: 'muted' },
      'Handoffs from one agency to another per 1,000 requests, from the exact analysis. Darker cells carry more.',
    ),
  );
  const svg = toSvg({
    id,
    width,
    height,
    title: 'Handoff matrix',
    description: `Handoffs between ${agencies.length} agencies per 1,000 requests; the largest is ${ctx.analysis.handoffs[0] ? `${ctx.agencyLabel(ctx.analysis.handoffs[0].from)} to ${ctx.agencyLabel(ctx.analysis.handoffs[0].to)}, ${toFixedTrim(ctx.analysis.handoffs[0].expectedPer1000)}` : 'none'}.`,
    style: toBaseStyle(ctx, id),
    body: parts.join(''),
  });
  const header = `<tr><th scope="col">From \\ To</th>${agencies.map((a) => `<th scope="col">${escapeXml(a.label)}</th>`).join('')}</tr>`;
  const rows = agencies
    .map(
      (from) =>
        `<tr><th scope="row">${escapeXml(from.label)}</th>${agencies.map((to) => `<td>${from.id === to.id ? '—' : toFixedTrim(flow.get(`${from.id}\u0000${to.id}`) ?? 0)}</td>`).join('')}</tr>`,
    )
    .join('');
  return {
    name: 'handoff-matrix',
    title: 'Handoffs between agencies (per 1,000 requests)',
    svg,
    table: `<table class="matrix"><thead>${header}</thead><tbody>${rows}</tbody></table>`,
  };
}

/** A single-hue blue scale from near white to dark, readable in greyscale. */
function shadeOf(t: number): string {
  if (t <= 0) return '#ffffff';
  const k = Math.sqrt(Math.min(1, t));
  const from = [239, 246, 255];
  const to = [8, 48, 107];
  return `#${from
    .map((v, i) =>
      Math.round(v + (to[i]! - v) * k)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
