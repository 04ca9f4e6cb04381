import { sankey, sankeyLinkHorizontal, type SankeyGraph } from 'd3-sankey';
import { NO_SERVICE, serviceFlowColumns, type ServiceFlows } from '../analysis/getServiceFlows.ts';
import { getOutcomeWords } from '../model/outcomes.ts';
import { toFixedTrim } from '../report/formatNumber.ts';
import { toBaseStyle } from './baseStyle.ts';
import { el, escapeXml, toSvg } from './svg.ts';
import type { Diagram, RenderContext } from './types.ts';

/** The id of a column's node for flows too small to draw on their own. */
const OTHER = 'other';

/** Flows and nodes under this many per 1,000 requests are merged or not drawn, unless a caller says otherwise. */
export const defaultSankeyThreshold = 5;

interface SNode {
  key: string;
  column: number;
  label: string;
  colour: string;
  stroke: string;
  dash: string;
  fixedValue: number;
}
interface SLink {
  source: number;
  target: number;
  value: number;
  colour: string;
}

/** How a Sankey diagram is labelled, and which nodes it draws in which order. */
export interface SankeyOptions {
  /** The SVG id, unique on the page. Default 'sankey'. */
  id?: string;
  /** The line under the heading. Default 'Exact expected flows per 1,000 requests'. */
  subtitle?: string;
  /** Default 'Patient flow: first service, next service, where it ended, outcome'. */
  heading?: string;
  /** Nodes under this many per 1,000 requests join their column's "other", and links under it are not drawn. Default 5. */
  threshold?: number;
  /**
   * The nodes to draw, as `column|id`, in order down each column (from `getSankeyNodes`), so that
   * several diagrams (a baseline and its plans) share nodes and order; others join "other".
   */
  nodes?: string[];
}

const keyOf = (column: number, id: string) => `${column}|${id}`;

/** Each node's requests per request: what leaves it (the first column) or what reaches it (the rest). */
function getNodeTotals(flows: ServiceFlows): Map<string, number> {
  const totals = new Map<string, number>();
  const add = (key: string, v: number) => totals.set(key, (totals.get(key) ?? 0) + v);
  for (const l of flows.links) {
    if (l.from.column === 0) add(keyOf(0, l.from.id), l.value);
    add(keyOf(l.to.column, l.to.id), l.value);
  }
  return totals;
}

/**
 * The nodes a set of Sankey diagrams draw, in one order: every service at or over the threshold in
 * any of them, "none" and every outcome, down each column in the model's order of agencies, then no service
 * and other; outcomes by their share in the first, largest first.
 */
export function getSankeyNodes(ctx: RenderContext, flowsList: ServiceFlows[], threshold = defaultSankeyThreshold): string[] {
  const totals = flowsList.map(getNodeTotals);
  const kept = new Set<string>();
  // Every outcome is kept (a model has few, and deaths matter however rare); services and "none" by the threshold.
  for (const t of totals) for (const [key, v] of t) if (v * 1000 >= threshold || key.startsWith('3|') || key.endsWith(`|${NO_SERVICE}`)) kept.add(key);
  const agencies = ctx.graph.agencies.map((a) => a.id);
  const rank = (key: string) => {
    const [column, id] = [Number(key.split('|')[0]), key.slice(key.indexOf('|') + 1)];
    if (column === 3) return [column, -(totals[0]!.get(key) ?? 0), id] as const;
    const i = agencies.indexOf(id);
    return [column, i >= 0 ? i : agencies.length, id] as const;
  };
  return [...kept].sort((a, b) => {
    const [ca, ra, ia] = rank(a);
    const [cb, rb, ib] = rank(b);
    return ca - cb || ra - rb || ia.localeCompare(ib);
  });
}

/**
 * Patient flow as a board paper draws it, in four columns: the first service a request meets, the
 * next service it is handed to, the agency it ends with, and its outcome; widths are requests per
 * 1,000. Nodes under the threshold are merged into their column's "other" and links under it are
 * left out of the drawing (the table has every flow); every node is labelled.
 */
export function renderSankey(ctx: RenderContext, flows: ServiceFlows, options: SankeyOptions = {}): Diagram {
  const {
    id = 'sankey',
    subtitle = 'Exact expected flows per 1,000 requests',
    heading = 'Patient flow: first service, next service, where it ended, outcome',
    threshold = defaultSankeyThreshold,
  } = options;
  const order = options.nodes ?? getSankeyNodes(ctx, [flows], threshold);
  const shown = new Set(order);
  const mapped = (column: number, nodeId: string) => (shown.has(keyOf(column, nodeId)) ? keyOf(column, nodeId) : keyOf(column, OTHER));
  const merged = new Map<string, { from: string; to: string; value: number; agency: string }>();
  for (const l of flows.links) {
    const from = mapped(l.from.column, l.from.id);
    const to = mapped(l.to.column, l.to.id);
    const key = `${from}>${to}`;
    const entry = merged.get(key) ?? { from, to, value: 0, agency: l.from.column === 0 ? l.from.id : l.to.column < 3 ? l.to.id : l.from.id };
    entry.value += l.value * 1000;
    merged.set(key, entry);
  }
  const totals = new Map<string, number>();
  for (const m of merged.values()) {
    if (m.from.startsWith('0|')) totals.set(m.from, (totals.get(m.from) ?? 0) + m.value);
    totals.set(m.to, (totals.get(m.to) ?? 0) + m.value);
  }
  const keys = [...order, ...[0, 1, 2, 3].map((c) => keyOf(c, OTHER))].filter((k, i, all) => all.indexOf(k) === i && (totals.get(k) ?? 0) > 0);
  // "Other" goes last in its column.
  keys.sort((a, b) => Number(a[0]) - Number(b[0]) || Number(a.endsWith(`|${OTHER}`)) - Number(b.endsWith(`|${OTHER}`)));
  const nodes: SNode[] = keys.map((key) => toNode(ctx, key, totals.get(key)!, threshold));
  const index = new Map(nodes.map((n, i) => [n.key, i]));
  const drawn = [...merged.values()].filter((m) => m.value >= threshold && index.has(m.from) && index.has(m.to));
  const links: SLink[] = drawn.map((m) => ({
    source: index.get(m.from)!,
    target: index.get(m.to)!,
    value: m.value,
    colour: m.agency === NO_SERVICE || m.agency === OTHER ? '#777777' : ctx.agencyStyle(m.agency).stroke,
  }));
  const label = (n: SNode) => `${n.label} ${toFixedTrim(n.fixedValue)}`;
  const leftRoom = Math.max(...nodes.filter((n) => n.column === 0).map((n) => ctx.measure.width(label(n), 12, true))) + 16;
  const rightRoom = Math.max(...nodes.filter((n) => n.column === 3).map((n) => ctx.measure.width(label(n), 12, true))) + 16;
  const width = Math.max(1000, leftRoom + rightRoom + 3 * 260);
  const perColumn = [0, 1, 2, 3].map((c) => nodes.filter((n) => n.column === c).length);
  const top = 92;
  const padding = 18;
  const height = Math.max(560, Math.max(...perColumn) * (padding + 8) + 320);
  const layout = sankey<SNode, SLink>()
    .nodeId((d) => (d as unknown as { index: number }).index)
    .nodeAlign((d) => (d as unknown as SNode).column)
    .nodeSort(null as never)
    .nodeWidth(14)
    .nodePadding(padding)
    .extent([
      [leftRoom, top],
      [width - rightRoom, height - 20],
    ]);
  const laid: SankeyGraph<SNode, SLink> = layout({ nodes: nodes.map((n) => ({ ...n })), links: links.map((l) => ({ ...l })) });
  const path = sankeyLinkHorizontal();
  const parts: string[] = [
    el('text', { x: 10, y: 24, class: 'bold', 'font-size': 15 }, escapeXml(heading)),
    el(
      'text',
      { x: 10, y: 44, class: 'muted', 'font-size': 12 },
      escapeXml(
        `${subtitle}. Flows under ${toFixedTrim(threshold)} per 1,000 are not drawn, and services under it are merged into “other”; the table has every flow.`,
      ),
    ),
  ];
  const columnX = [0, 1, 2, 3].map((c) => laid.nodes.find((n) => n.column === c)?.x0 ?? 0);
  serviceFlowColumns.forEach((name, c) =>
    parts.push(el('text', { x: columnX[c]! + 7, y: top - 14, 'text-anchor': c === 0 ? 'end' : 'start', 'font-size': 13, class: 'bold' }, escapeXml(name))),
  );
  for (const link of laid.links) {
    const s = link.source as unknown as SNode;
    const t = link.target as unknown as SNode;
    parts.push(
      el(
        'g',
        { class: 'hoverable' },
        el('title', {}, escapeXml(`${s.label} → ${t.label}: ${toFixedTrim(link.value)} per 1,000 requests`)),
        el('path', { class: 'link', d: path(link as never) ?? '', stroke: link.colour, 'stroke-opacity': 0.4, 'stroke-width': link.width ?? 0 }),
      ),
    );
  }
  for (const node of laid.nodes) {
    const { x0 = 0, x1 = 0, y0 = 0, y1 = 0 } = node;
    const left = node.column === 0;
    parts.push(
      el(
        'g',
        { class: 'hoverable' },
        el('title', {}, escapeXml(`${serviceFlowColumns[node.column]}: ${node.label}, ${toFixedTrim(node.fixedValue)} per 1,000 requests`)),
        el('rect', {
          x: x0,
          y: y0,
          width: x1 - x0,
          height: Math.max(1, y1 - y0),
          fill: node.colour,
          stroke: node.stroke,
          'stroke-dasharray': node.dash || undefined,
        }),
        el(
          'text',
          {
            x: left ? x0 - 6 : x1 + 6,
            y: (y0 + y1) / 2 + 4,
            'text-anchor': left ? 'end' : 'start',
            'font-size': 12,
            class: 'bold',
            stroke: '#ffffff',
            'stroke-width': 4,
            'stroke-opacity': 0.85,
            'paint-order': 'stroke',
          },
          escapeXml(label(node)),
        ),
      ),
    );
  }
  const svg = toSvg({
    id,
    width,
    height,
    title: 'Sankey diagram of patient flow',
    description: `${subtitle}: ${serviceFlowColumns
      .map(
        (c, i) =>
          `${c}: ${laid.nodes
            .filter((n) => n.column === i)
            .map((n) => `${n.label} ${toFixedTrim(n.fixedValue)}`)
            .join(', ')}`,
      )
      .join('. ')}.`,
    style: toBaseStyle(ctx, id),
    body: parts.join(''),
  });
  const name = (column: number, nodeId: string) => toNode(ctx, keyOf(column, nodeId), 0, threshold).label;
  const table =
    '<table><thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Per 1,000 requests</th></tr></thead><tbody>' +
    [...flows.links]
      .sort((a, b) => a.from.column - b.from.column || b.value - a.value)
      .map(
        (l) =>
          `<tr><td>${escapeXml(`${serviceFlowColumns[l.from.column]}: ${name(l.from.column, l.from.id)}`)}</td><td>${escapeXml(`${serviceFlowColumns[l.to.column]}: ${name(l.to.column, l.to.id)}`)}</td><td>${toFixedTrim(l.value * 1000)}</td></tr>`,
      )
      .join('') +
    '</tbody></table>';
  return { name: id, title: heading, svg, table };
}

/** A node's label and colours: an agency's, no service, other, or an outcome's words. */
function toNode(ctx: RenderContext, key: string, value: number, threshold: number): SNode {
  const column = Number(key.split('|')[0]);
  const nodeId = key.slice(key.indexOf('|') + 1);
  const base = { key, column, fixedValue: value };
  if (nodeId === OTHER)
    return {
      ...base,
      label: column === 3 ? `Other outcomes (each under ${toFixedTrim(threshold)})` : `Other services (each under ${toFixedTrim(threshold)})`,
      colour: '#eeeeee',
      stroke: '#777777',
      dash: '2 2',
    };
  if (nodeId === NO_SERVICE && column < 2)
    return { ...base, label: column === 0 ? 'No service: looked after themselves' : 'No other service', colour: '#ffffff', stroke: '#777777', dash: '4 3' };
  if (column === 3) return { ...base, label: getOutcomeWords(ctx.graph.meta, nodeId).label, colour: '#e6e6e6', stroke: '#555555', dash: '' };
  const style = ctx.agencyStyle(nodeId);
  return { ...base, label: ctx.agencyLabel(nodeId), colour: style.fill, stroke: style.stroke, dash: style.dash };
}
