import { toFixedTrim, toInEvery } from '../report/formatNumber.ts';
import { toBaseStyle } from './baseStyle.ts';
import { arrowMarker } from './markers.ts';
import { el, escapeXml, textLines, toSvg } from './svg.ts';
import type { Diagram, DiagramOptions, RenderContext } from './types.ts';

const SIZE = 13;
/** Flows smaller than this (per 1,000 requests) are left to the table and the handoff matrix, so the picture stays readable. */
const MIN_DRAWN = 10;
/** Where along a curve a flow's label may go, best first: the middle, then either side of it. */
const LABEL_AT = [0.5, 0.4, 0.6, 0.32, 0.68, 0.25, 0.75, 0.18, 0.82];

/**
 * The first picture a planning group sees: every agency as a box with the share of requests that
 * meet it, the one every request starts with in the middle and the others round it, and the
 * handoffs of 10 or more per 1,000 requests between them as arrows as wide as the flow, each
 * labelled clear of the boxes and of the other labels.
 */
export function renderAgencyOverview(ctx: RenderContext, options: DiagramOptions = {}): Diagram {
  const { id = 'agency-overview' } = options;
  const rows = ctx.analysis.agencies;
  const count = rows.length;
  const boxWidth = (label: string) => Math.max(ctx.measure.width(label, SIZE, true), ctx.measure.width('100 in every 100 requests', 11)) + 24;
  // Far enough round the circle that neighbouring boxes do not touch.
  const widest = Math.max(...rows.map((r) => boxWidth(r.label)));
  const radius = Math.max(260, (widest + 30) / (2 * Math.sin(Math.PI / Math.max(count - 1, 3))));
  const margin = Math.max(...rows.map((r) => boxWidth(r.label))) / 2 + 30;
  const cx = radius + margin;
  const cy = radius + margin + 30;
  const width = 2 * cx;
  const height = 2 * cy - 30 + 40;
  // The agency every request starts with (the person, in most models) is the hub in the middle, so
  // that its many handoffs are short spokes rather than chords across the circle; the rest go round.
  const hub = rows.findIndex((r) => r.shareOfRequests > 1 - 1e-9);
  const around = rows.map((_, i) => i).filter((i) => i !== hub);
  const at = rows.map((_, i) => {
    if (i === hub) return { x: cx, y: cy };
    const angle = -Math.PI / 2 + (2 * Math.PI * around.indexOf(i)) / around.length;
    return { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) };
  });
  const index = new Map(rows.map((r, i) => [r.agency, i]));
  const maxFlow = Math.max(1, ...ctx.analysis.handoffs.map((h) => h.expectedPer1000));
  const drawn = ctx.analysis.handoffs.filter((h) => index.has(h.from) && index.has(h.to) && h.expectedPer1000 >= MIN_DRAWN);
  const hidden = ctx.analysis.handoffs.length - drawn.length;
  const halfSize = (agency: string) => ({ w: boxWidth(ctx.agencyLabel(agency)) / 2 + 4, h: 30 });
  const taken: { x: number; y: number; w: number; h: number }[] = [];
  const links = drawn.map((h) => {
    const a = at[index.get(h.from)!]!;
    const b = at[index.get(h.to)!]!;
    // Bend each arrow to its right, so a→b and b→a are two separate curves.
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = Math.hypot(dx, dy) || 1;
    const bend = 0.12 * length;
    const qx = mx - (dy / length) * bend;
    const qy = my + (dx / length) * bend;
    // Start and end at the edges of the boxes.
    const end = toBoxEdge(b, { x: qx, y: qy }, halfSize(h.to));
    const start = toBoxEdge(a, { x: qx, y: qy }, halfSize(h.from));
    // Every drawn flow is labelled, at the first place along its curve clear of the boxes and of the labels before it.
    const value = toFixedTrim(h.expectedPer1000);
    const half = { w: ctx.measure.width(value, 11, true) / 2 + 3, h: 8 };
    const along = (t: number) => ({
      x: (1 - t) ** 2 * start.x + 2 * t * (1 - t) * qx + t * t * end.x,
      y: (1 - t) ** 2 * start.y + 2 * t * (1 - t) * qy + t * t * end.y,
    });
    const clear = (p: { x: number; y: number }) =>
      !taken.some((b) => Math.abs(b.x - p.x) < b.w + half.w && Math.abs(b.y - p.y) < b.h + half.h) &&
      !rows.some((r, k) => Math.abs(at[k]!.x - p.x) < boxWidth(r.label) / 2 + half.w && Math.abs(at[k]!.y - p.y) < 26 + half.h);
    const mid = LABEL_AT.map(along).find(clear) ?? along(0.5);
    taken.push({ ...mid, ...half });
    const w = 1 + 11 * Math.sqrt(h.expectedPer1000 / maxFlow);
    const style = ctx.agencyStyle(h.from);
    const text = `${ctx.agencyLabel(h.from)} to ${ctx.agencyLabel(h.to)}: ${toFixedTrim(h.expectedPer1000)} per 1,000 requests`;
    const label = el(
      'text',
      { x: mid.x, y: mid.y + 4, 'text-anchor': 'middle', 'font-size': 11, class: 'bold', stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke' },
      value,
    );
    return el(
      'g',
      { class: 'hoverable' },
      el('title', {}, escapeXml(text)),
      el('path', {
        class: 'link',
        d: `M${start.x},${start.y}Q${qx},${qy} ${end.x},${end.y}`,
        stroke: style.stroke,
        'stroke-opacity': 0.75,
        'stroke-width': w,
        'marker-end': `url(#${id}-arrow)`,
      }),
      label,
    );
  });
  const nodes = rows.map((row, i) => {
    const { x, y } = at[i]!;
    const style = ctx.agencyStyle(row.agency);
    const w = boxWidth(row.label);
    const share = Math.round(row.shareOfRequests * 100) === 100 ? 'all requests' : `${toInEvery(row.shareOfRequests)} requests`;
    return el(
      'g',
      { class: 'hoverable' },
      el('title', {}, escapeXml(`${row.label}: met by ${share}; ${toFixedTrim(row.expectedVisitsPer1000)} visits to its services per 1,000 requests`)),
      el('rect', {
        x: x - w / 2,
        y: y - 26,
        width: w,
        height: 52,
        rx: 10,
        fill: style.fill,
        stroke: style.stroke,
        'stroke-width': 2,
        'stroke-dasharray': style.dash || undefined,
      }),
      textLines([row.label], x, y - 6, 0, { 'text-anchor': 'middle', class: 'bold' }),
      textLines([share], x, y + 14, 0, { 'text-anchor': 'middle', 'font-size': 11 }),
    );
  });
  const body =
    el('text', { x: 16, y: 24, class: 'bold', 'font-size': 15 }, 'Who hands requests to whom') +
    el(
      'text',
      { x: 16, y: 44, class: 'muted', 'font-size': 12 },
      `Boxes: each agency, with the share of requests it meets. Arrows: handoffs per 1,000 requests (wider carries more), each labelled; those under ${MIN_DRAWN} are in the handoff matrix.`,
    ) +
    (hidden
      ? el(
          'text',
          { x: 16, y: height - 14, class: 'muted', 'font-size': 12 },
          `${hidden} smaller flows (under ${MIN_DRAWN} per 1,000 requests) are not drawn; the table lists every flow.`,
        )
      : '') +
    links.join('') +
    nodes.join('');
  const svg = toSvg({
    id,
    width,
    height,
    title: 'Agency overview',
    description: `${count} agencies and the handoffs between them per 1,000 requests. ${ctx.analysis.handoffs
      .slice(0, 3)
      .map((h) => `${ctx.agencyLabel(h.from)} to ${ctx.agencyLabel(h.to)}: ${toFixedTrim(h.expectedPer1000)}`)
      .join('; ')}.`,
    style: toBaseStyle(ctx, id),
    defs: arrowMarker(`${id}-arrow`, '#444444', 9),
    body,
  });
  const table =
    '<table><thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Handoffs per 1,000 requests</th></tr></thead><tbody>' +
    ctx.analysis.handoffs
      .map(
        (h) => `<tr><td>${escapeXml(ctx.agencyLabel(h.from))}</td><td>${escapeXml(ctx.agencyLabel(h.to))}</td><td>${toFixedTrim(h.expectedPer1000)}</td></tr>`,
      )
      .join('') +
    '</tbody></table>';
  return { name: 'agency-overview', title: 'Agencies and the handoffs between them', svg, table };
}

/** Where the line from a box's centre towards `to` leaves the box. */
function toBoxEdge(centre: { x: number; y: number }, to: { x: number; y: number }, half: { w: number; h: number }) {
  const dx = to.x - centre.x;
  const dy = to.y - centre.y;
  const scale = 1 / Math.max(Math.abs(dx) / half.w, Math.abs(dy) / half.h, 1e-9);
  return { x: centre.x + dx * scale, y: centre.y + dy * scale };
}
