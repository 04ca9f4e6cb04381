import { sankey, sankeyJustify, sankeyLinkHorizontal, type SankeyGraph } from 'd3-sankey';
import type { HandoffSteps } from '../analysis/getHandoffSteps.ts';
import { toFixedTrim } from '../report/formatNumber.ts';
import { toBaseStyle } from './baseStyle.ts';
import { el, escapeXml, toSvg } from './svg.ts';
import type { Diagram, RenderContext } from './types.ts';

interface SNode {
  key: string;
  label: string;
  colour: string;
  stroke: string;
  dash: string;
}
interface SLink {
  source: number;
  target: number;
  value: number;
  colour: string;
}

/** How a Sankey diagram is labelled. */
export interface SankeyOptions {
  /** The SVG id, unique on the page. Default 'sankey'. */
  id?: string;
  /** The line under the heading. Default 'Exact expected flows per 1,000 requests'. */
  subtitle?: string;
  /** Default 'Patient flow, handoff by handoff'. */
  heading?: string;
}

/**
 * Patient flow as a Sankey diagram: from the first agency met, through each handoff, to the
 * outcome; widths are requests per 1,000 from the exact analysis. Loops are unrolled into steps
 * (d3-sankey cannot draw circular links), so a re-contact appears as a further step.
 */
export function renderSankey(ctx: RenderContext, flows: HandoffSteps, options: SankeyOptions = {}): Diagram {
  const { id = 'sankey', subtitle = 'Exact expected flows per 1,000 requests', heading = 'Patient flow, handoff by handoff' } = options;
  const agencies = ctx.graph.agencies;
  const nodes: SNode[] = [];
  const index = new Map<string, number>();
  const nodeFor = (key: string, make: () => Omit<SNode, 'key'>) => {
    let i = index.get(key);
    if (i === undefined) {
      i = nodes.length;
      index.set(key, i);
      nodes.push({ key, ...make() });
    }
    return i;
  };
  const agencyNode = (step: number, agency: number) =>
    nodeFor(`${step}|${agency}`, () => {
      const id = agencies[agency]?.id ?? '?';
      const style = ctx.agencyStyle(id);
      return { label: ctx.agencyLabel(id), colour: style.fill, stroke: style.stroke, dash: style.dash };
    });
  const links: SLink[] = [];
  const add = (source: number, target: number, value: number, agency: number) => {
    if (value > 0) links.push({ source, target, value: value * 1000, colour: ctx.agencyStyle(agencies[agency]?.id ?? '').stroke });
  };
  for (const l of flows.links) add(agencyNode(l.fromStep, l.from), agencyNode(l.fromStep + 1, l.to), l.value, l.from);
  for (const e of flows.endings)
    add(
      agencyNode(e.step, e.agency),
      nodeFor(`outcome|${e.outcome}`, () => ({ label: e.outcome, colour: '#e6e6e6', stroke: '#555555', dash: '' })),
      e.value,
      e.agency,
    );
  for (const b of flows.beyond)
    add(
      agencyNode(b.step, b.agency),
      nodeFor('beyond', () => ({ label: `More than ${flows.steps - 1} handoffs`, colour: '#ffffff', stroke: '#555555', dash: '4 3' })),
      b.value,
      b.agency,
    );
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const keep = nodes.map((_, i) => used.has(i));
  const renumber = new Map<number, number>();
  nodes.forEach((_, i) => keep[i] && renumber.set(i, renumber.size));
  const sNodes = nodes.filter((_, i) => keep[i]);
  const sLinks = links.map((l) => ({ ...l, source: renumber.get(l.source)!, target: renumber.get(l.target)! }));

  const labelRoom = Math.max(...sNodes.map((n) => ctx.measure.width(n.label, 12, true))) + 70;
  const columns = flows.steps + 1;
  const width = Math.max(900, columns * 150 + labelRoom);
  const perColumn = new Map<string, number>();
  for (const n of sNodes) {
    const column = n.key.split('|')[0]!;
    perColumn.set(column, (perColumn.get(column) ?? 0) + 1);
  }
  const height = Math.max(640, Math.max(...perColumn.values()) * 34 + 100);
  const top = 70;
  const layout = sankey<SNode, SLink>()
    .nodeId((d) => (d as unknown as { index: number }).index)
    .nodeAlign(sankeyJustify)
    .nodeWidth(14)
    .nodePadding(10)
    .extent([
      [10, top],
      [width - labelRoom, height - 30],
    ]);
  const laid: SankeyGraph<SNode, SLink> = layout({ nodes: sNodes.map((n) => ({ ...n })), links: sLinks.map((l) => ({ ...l })) });
  const path = sankeyLinkHorizontal();
  const parts: string[] = [];
  parts.push(el('text', { x: 10, y: 24, class: 'bold', 'font-size': 15 }, 'How requests flow between agencies, handoff by handoff'));
  parts.push(
    el(
      'text',
      { x: 10, y: 44, class: 'muted', 'font-size': 12 },
      escapeXml(`${subtitle}. Each column is one more handoff; the last column is the outcome. Small flows are labelled in the table.`),
    ),
  );
  for (const link of laid.links) {
    const s = link.source as unknown as SNode & { x1: number };
    const t = link.target as unknown as SNode;
    parts.push(
      el(
        'g',
        { class: 'hoverable' },
        el('title', {}, escapeXml(`${s.label} → ${t.label}: ${toFixedTrim(link.value)} per 1,000 requests`)),
        el('path', { class: 'link', d: path(link as never) ?? '', stroke: link.colour, 'stroke-opacity': 0.45, 'stroke-width': Math.max(1, link.width ?? 1) }),
      ),
    );
  }
  for (const node of laid.nodes) {
    const { x0 = 0, x1 = 0, y0 = 0, y1 = 0 } = node;
    const right = x1 + 6;
    parts.push(
      el(
        'g',
        { class: 'hoverable' },
        el('title', {}, escapeXml(`${node.label}: ${toFixedTrim(node.value ?? 0)} per 1,000 requests`)),
        el('rect', {
          x: x0,
          y: y0,
          width: x1 - x0,
          height: Math.max(1, y1 - y0),
          fill: node.colour,
          stroke: node.stroke,
          'stroke-dasharray': node.dash || undefined,
        }),
        y1 - y0 >= 12
          ? el(
              'text',
              {
                x: right,
                y: (y0 + y1) / 2 + 4,
                'font-size': 12,
                class: 'bold',
                stroke: '#ffffff',
                'stroke-width': 4,
                'stroke-opacity': 0.85,
                'paint-order': 'stroke',
              },
              escapeXml(`${node.label} ${toFixedTrim(node.value ?? 0)}`),
            )
          : '',
      ),
    );
  }
  const svg = toSvg({
    id,
    width,
    height,
    title: 'Sankey diagram of patient flow',
    description: `${subtitle}, from the first agency met through each handoff to the outcome. ${laid.nodes
      .filter((n) => n.key.startsWith('outcome|'))
      .map((n) => `${n.label}: ${toFixedTrim(n.value ?? 0)}`)
      .join('; ')}.`,
    style: toBaseStyle(ctx, id),
    body: parts.join(''),
  });
  const table =
    '<table><thead><tr><th scope="col">After handoffs</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Per 1,000 requests</th></tr></thead><tbody>' +
    [
      ...flows.links.map((l) => [String(l.fromStep), ctx.agencyLabel(agencies[l.from]?.id ?? ''), ctx.agencyLabel(agencies[l.to]?.id ?? ''), l.value] as const),
      ...flows.endings.map((e) => [String(e.step), ctx.agencyLabel(agencies[e.agency]?.id ?? ''), `Outcome: ${e.outcome}`, e.value] as const),
      ...flows.beyond.map((b) => [String(b.step), ctx.agencyLabel(agencies[b.agency]?.id ?? ''), `More than ${flows.steps - 1} handoffs`, b.value] as const),
    ]
      .sort((a, b) => Number(a[0]) - Number(b[0]) || b[3] - a[3])
      .map((r) => `<tr><td>${r[0]}</td><td>${escapeXml(r[1])}</td><td>${escapeXml(r[2])}</td><td>${toFixedTrim(r[3] * 1000)}</td></tr>`)
      .join('') +
    '</tbody></table>';
  return { name: id, title: heading, svg, table };
}
