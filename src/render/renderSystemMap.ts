import ElkConstructor from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { CareGraph } from '../graph/types.ts';
import { getMarkovAnalysis } from '../markov/getMarkovAnalysis.ts';
import { toCount, toFixedTrim, toPercent, toShortDuration } from '../report/formatNumber.ts';
import { BLOCKED, bandOf, bottleneckCell, bottleneckLegend, bottleneckLines, getMapBottlenecks, isShownBlocked, type Bottleneck } from './mapBottlenecks.ts';
import { getAgencyBands } from '../model/bands.ts';
import { drawBandStrips, drawOverview, overviewStyle, placeInBands } from './mapBands.ts';
import { CHANGED, changeLegend, FEWER, getMapChanges, MAP_CHANGE_MIN, MORE, toChangeTable } from './mapChanges.ts';
import type { DesResult } from '../simulate/types.ts';
import { toBaseStyle } from './baseStyle.ts';
import { arrowMarker } from './markers.ts';
import { el, escapeXml, px, textLines, toSvg } from './svg.ts';
import { toStateLabel } from '../report/toStateLabel.ts';
import type { Diagram, DiagramOptions, RenderContext } from './types.ts';

const SIZE = 12;
const LINE = 15;
const MAX_TEXT = 150;
const NOTE = 11;
const NOTE_LINE = 14;

type Kind = 'start' | 'service' | 'decision' | 'outcome';

/**
 * Above this many states the map is laid out quickly (one pass at untangling crossings, not
 * seven) and its ways out are not labelled on the drawing (their figures stay in the tooltips and
 * the table); above `MAX_MAP_STATES` it is not drawn at all. A 1,000-state model's map took 17 s
 * the full way and 4 s the quick way; a 10,000-state model's took 29 s the quick way, for 14 MB of
 * SVG no one could read.
 */
export const QUICK_MAP_STATES = 400;
export const MAX_MAP_STATES = 2500;

/** The system map's options: with a discrete-event result, the bottlenecks are shaded; with a baseline, what a plan changes. */
export interface SystemMapOptions extends DiagramOptions {
  des?: DesResult;
  /** The baseline this (plan's) model is compared with: the map then shows what the plan changes, named `name`. */
  base?: CareGraph;
  /** The plan's name, for the title of a map with a baseline. */
  name?: string;
}

// elkjs is CommonJS; its default export is the constructor.
const ELK = ElkConstructor as unknown as new () => { layout(graph: ElkNode): Promise<ElkNode> };

/**
 * The system map: each agency a labelled box, its states inside shaped by kind (start, service,
 * decision, outcome), and every way out as an arrow labelled with its probability. Laid out by
 * elkjs (layered, orthogonal routing), one agency at a time, in the font the page embeds; the
 * agencies are then placed band by band (see mapBands), in the model's order within a band.
 *
 * A way out to another agency ends at a signpost inside the agency it leaves ("to Emergency
 * department: Reception"), drawn in the colours of the agency it leads to, rather than as a long
 * line across the map: re-contact loops would otherwise wrap lines round the whole system. The
 * agency overview draws the handoffs between agencies.
 */
export async function renderSystemMap(ctx: RenderContext, diagramOptions: SystemMapOptions = {}): Promise<Diagram> {
  const { des, base } = diagramOptions;
  const id = diagramOptions.id ?? (base ? 'plan-map' : 'system-map');
  const { graph, measure } = ctx;
  const states = graph.nodes.length;
  const quick = states > QUICK_MAP_STATES;
  const bottlenecks = des ? getMapBottlenecks(graph, des) : undefined;
  const changes = base ? getMapChanges(graph, base) : undefined;
  const changed = (e: number) => !!changes && (Math.abs(changes.delta[e]!) >= MAP_CHANGE_MIN || changes.added[e] === 1);
  const extra = graph.nodes.map((n) => [...bottleneckLines(bottlenecks?.[n.index]), ...(changes?.state[n.index] ? [changes.state[n.index]!] : [])]);
  const kindOf = (index: number): Kind => {
    const node = graph.nodes[index]!;
    if (node.isOutcome) return 'outcome';
    if (index === 0) return 'start';
    return graph.outStart[index + 1]! - graph.outStart[index]! > 1 ? 'decision' : 'service';
  };
  const lines = graph.nodes.map((n) => measure.wrap(toStateLabel(n), MAX_TEXT, SIZE, n.isOutcome || n.index === 0));
  // The mean time a request spends in each state (without waits, as the legend says), as process maps show it.
  const times = graph.nodes.map((n) => (!n.isOutcome && n.meanMinutes > 0 ? toShortDuration(n.meanMinutes) : undefined));
  const size = (i: number) => {
    const notes = [...(times[i] ? [times[i]!] : []), ...extra[i]!];
    const textWidth = Math.max(...lines[i]!.map((l) => measure.width(l, SIZE, true)), ...notes.map((l) => measure.width(l, NOTE, true)));
    const kind = kindOf(i);
    return { width: Math.max(90, textWidth + (kind === 'decision' ? 36 : 22)), height: lines[i]!.length * LINE + notes.length * NOTE_LINE + 16 };
  };
  const agencies = graph.agencies.filter((a) => graph.nodes.some((n) => n.agency === a.id));
  // One signpost per agency and destination state, shared by every way out that leads there.
  const portals = new Map<string, { agency: string; to: number; lines: string[] }>();
  const endOf = (e: (typeof graph.edges)[number]) => {
    const from = graph.nodes[e.from]!;
    const to = graph.nodes[e.to]!;
    if (from.agency === to.agency) return `n${e.to}`;
    const key = `p:${from.agency}:${e.to}`;
    if (!portals.has(key))
      portals.set(key, { agency: from.agency, to: e.to, lines: measure.wrap(`to ${ctx.agencyLabel(to.agency)}: ${toStateLabel(to)}`, MAX_TEXT, 11) });
    return key;
  };
  const edgeEnds = graph.edges.map(endOf);
  const portalSize = (lines: string[]) => ({ width: Math.max(...lines.map((l) => measure.width(l, 11))) + 30, height: lines.length * 13 + 12 });
  // Ways out are drawn as wide as the requests taking them (exact: a day, or per 1,000 requests without demand).
  const perDay = graph.meta.demand?.perDay;
  const { edgeFlow } = getMarkovAnalysis(graph);
  const volume = (e: (typeof graph.edges)[number]) => edgeFlow[e.index]! * (perDay ?? 1000);
  const volumeText = (v: number) => `${v >= 10 ? toCount(v) : toFixedTrim(v, 1)} ${perDay !== undefined ? 'a day' : 'per 1,000'}`;
  const maxVolume = Math.max(1e-12, ...graph.edges.map(volume));
  const widthOf = (e: (typeof graph.edges)[number]) => 1 + 5 * Math.sqrt(volume(e) / maxVolume);
  const signedVolume = (v: number) => `${v > 0 ? '+' : '−'}${volumeText(Math.abs(v))}`;
  const labelOf = (e: (typeof graph.edges)[number]) =>
    changes
      ? changes.added[e.index]
        ? `new: ${volumeText(volume(e))}`
        : `${signedVolume(changes.delta[e.index]!)} (now ${toFixedTrim(volume(e), 1)})`
      : `${volumeText(volume(e))} · ${toPercent(e.p)}`;
  // With a baseline only the ways the plan changes are labelled; otherwise those at decisions (not on a quick map).
  const labelled = (e: (typeof graph.edges)[number]) => (changes ? changed(e.index) : manyWays(e.from) && !quick);
  const manyWays = (from: number) => graph.outStart[from + 1]! - graph.outStart[from]! > 1;
  const functionLabel = new Map(graph.functions.map((f) => [f.id, f.label]));
  // A plan's map has the table of what it changes; the system map, every state and way out.
  const table = changes
    ? toChangeTable(ctx, changes, volume, volumeText, signedVolume, changed)
    : `<table><thead><tr><th scope="col">Agency</th><th scope="col">State</th><th scope="col">Kind</th><th scope="col">Function</th><th scope="col">Ways out (requests ${perDay !== undefined ? 'a day' : 'per 1,000'}, share of those here)</th>${des ? '<th scope="col">Simulated wait to get in, and blocking</th>' : ''}</tr></thead><tbody>` +
      graph.nodes
        .map((n) => {
          const ways = graph.edges
            .slice(graph.outStart[n.index], graph.outStart[n.index + 1])
            .map((e) => `${toStateLabel(graph.nodes[e.to]!)} (${volumeText(volume(e))}, ${toPercent(e.p)})`);
          return `<tr><td>${escapeXml(ctx.agencyLabel(n.agency))}</td><td>${escapeXml(toStateLabel(n))}<br><small>${escapeXml(n.description)}</small></td><td>${kindOf(n.index)}</td><td>${escapeXml(functionLabel.get(n.function ?? '') ?? '')}</td><td>${escapeXml(ways.join('; ') || '—')}</td>${des ? `<td>${escapeXml(bottleneckCell(bottlenecks![n.index]!))}</td>` : ''}</tr>`;
        })
        .join('') +
      '</tbody></table>';
  const name = base ? id : 'system-map';
  const title = base ? `What the plan changes: ${diagramOptions.name ?? graph.meta.title ?? graph.modelId}` : 'System map';
  if (states > MAX_MAP_STATES) {
    const note = `The map is not drawn: this model has ${toCount(states)} states, more than ${toCount(MAX_MAP_STATES)}, too many to lay out in reasonable time or to read. The table lists ${changes ? 'what the plan changes' : 'every state and way out'}.`;
    return { name, title, svg: '', table, note };
  }
  const options = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.spacing.nodeNodeBetweenLayers': '36',
    'elk.spacing.nodeNode': '18',
    'elk.spacing.edgeNode': '12',
    // Room between parallel ways out for the widest of them.
    'elk.spacing.edgeEdge': '10',
    'elk.edgeLabels.placement': 'CENTER',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.json.edgeCoords': 'ROOT',
    'elk.json.shapeCoords': 'ROOT',
    'elk.randomSeed': '1',
    'elk.padding': '[top=40,left=14,bottom=14,right=14]',
    ...(quick ? { 'elk.layered.thoroughness': '1', 'elk.layered.crossingMinimization.greedySwitch.type': 'OFF' } : {}),
  };
  // With signposts, no line joins two agencies: lay each out on its own, then place them in rows.
  const groups = [...agencies.map((a) => a.id), ...new Set(graph.nodes.filter((n) => !agencies.some((a) => a.id === n.agency)).map((n) => n.agency))];
  const elk = new ELK();
  const layouts = await Promise.all(
    groups.map((agency) =>
      elk.layout({
        id: `agency:${agency}`,
        layoutOptions: options,
        children: [
          ...graph.nodes.filter((n) => n.agency === agency).map((n) => ({ id: `n${n.index}`, ...size(n.index) })),
          ...[...portals].filter(([, p]) => p.agency === agency).map(([key, p]) => ({ id: key, ...portalSize(p.lines) })),
        ],
        edges: graph.edges
          .filter((e) => graph.nodes[e.from]!.agency === agency)
          .map((e): ElkExtendedEdge => ({
            id: `e${e.index}`,
            sources: [`n${e.from}`],
            targets: [edgeEnds[e.index]!],
            ...(labelled(e) ? { labels: [{ text: labelOf(e), width: measure.width(labelOf(e), 11) + 6, height: 14 }] } : {}),
          })),
      }),
    ),
  );
  // Agencies band by band (entry, community, hospital, discharge, or the model's own), in the model's order within each.
  const bands = getAgencyBands(
    graph.meta,
    groups.map((agency) => graph.agencies.find((a) => a.id === agency) ?? { id: agency }),
  );
  const placement = placeInBands(bands, new Map(layouts.map((l, i) => [groups[i]!, { width: l.width ?? 0, height: l.height ?? 0 }])));
  const offsets = groups.map((agency) => placement.offsets.get(agency)!);
  const laid: ElkNode = {
    id: 'root',
    width: placement.width,
    height: placement.height,
    children: [],
    edges: [],
  };
  layouts.forEach((l, i) => {
    const { x, y } = offsets[i]!;
    const shift = <T extends { x?: number; y?: number }>(p: T): T => ({ ...p, x: (p.x ?? 0) + x, y: (p.y ?? 0) + y });
    laid.children!.push({ ...shift({ ...l, x: 0, y: 0 }), children: (l.children ?? []).map(shift) });
    for (const edge of l.edges ?? []) {
      laid.edges!.push({
        ...edge,
        sections: (edge.sections ?? []).map((section) => ({
          ...section,
          startPoint: shift(section.startPoint),
          endPoint: shift(section.endPoint),
          bendPoints: (section.bendPoints ?? []).map(shift),
        })),
        labels: (edge.labels ?? []).map(shift),
      });
    }
  });

  const parts: string[] = [];
  const width = (laid.width ?? 0) + 20;
  const flowLegend = des ? bottleneckLegend(ctx, des, 96) : changes ? changeLegend(ctx, changes, perDay !== undefined ? 'a day' : 'per 1,000', 96) : undefined;
  const dy = 110 + (flowLegend?.height ?? 0);
  const height = (laid.height ?? 0) + dy + 20;
  parts.push(
    el(
      'g',
      { class: 'map-head' },
      el('text', { x: 10, y: 24, class: 'bold', 'font-size': 15 }, escapeXml(base ? title : `System map: ${graph.meta.title ?? graph.modelId}`)),
      legend(id, perDay !== undefined ? 'a day' : 'per 1,000', changes ? 'changes' : quick ? 'none' : 'decisions'),
      flowLegend?.svg ?? '',
    ),
  );
  parts.push(`<g transform="translate(10 ${dy})">`);
  parts.push(drawBandStrips(placement));
  for (const box of laid.children ?? []) {
    if (!box.id.startsWith('agency:')) continue;
    const agency = box.id.slice('agency:'.length);
    const style = ctx.agencyStyle(agency);
    parts.push(
      el(
        'g',
        { class: 'agency', 'data-agency': agency },
        el('rect', {
          x: box.x,
          y: box.y,
          width: box.width,
          height: box.height,
          rx: 12,
          fill: style.fill,
          'fill-opacity': 0.35,
          stroke: style.stroke,
          'stroke-width': 2,
          'stroke-dasharray': style.dash || undefined,
        }),
        el('rect', { x: (box.x ?? 0) + 10, y: (box.y ?? 0) + 9, width: measure.width(style.badge, 11, true) + 10, height: 17, rx: 4, fill: style.badgeFill }),
        el('text', { x: (box.x ?? 0) + 15, y: (box.y ?? 0) + 21.5, 'font-size': 11, class: 'bold', fill: style.badgeText }, escapeXml(style.badge)),
        el(
          'text',
          { x: (box.x ?? 0) + measure.width(style.badge, 11, true) + 28, y: (box.y ?? 0) + 22, class: 'bold', 'font-size': 13 },
          escapeXml(ctx.agencyLabel(agency)),
        ),
      ),
    );
  }
  for (const edge of laid.edges ?? []) {
    const e = graph.edges[Number(edge.id.slice(1))]!;
    for (const section of edge.sections ?? []) {
      const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
      parts.push(
        el(
          'g',
          { class: 'hoverable way' },
          el(
            'title',
            {},
            escapeXml(
              `${toStateLabel(graph.nodes[e.from]!)} to ${toStateLabel(graph.nodes[e.to]!)}: ${volumeText(volume(e))}, ${toPercent(e.p)} of those here${e.description ? `. ${e.description}` : ''}`,
            ),
          ),
          el('path', {
            class: 'link',
            d: `M${points.map((p) => `${px(p.x)},${px(p.y)}`).join('L')}`,
            stroke: !changes || !changed(e.index) ? '#555555' : changes.delta[e.index]! >= 0 ? MORE : FEWER,
            'stroke-opacity': changes && !changed(e.index) ? 0.3 : 0.75,
            'stroke-width': px(widthOf(e)),
            'marker-end': `url(#${id}-${!changes || !changed(e.index) ? 'arrow' : changes.delta[e.index]! >= 0 ? 'more' : 'fewer'})`,
          }),
        ),
      );
    }
    for (const label of edge.labels ?? []) {
      parts.push(
        el('rect', { x: label.x, y: label.y, width: label.width, height: label.height, rx: 3, fill: '#ffffff', 'fill-opacity': 0.9 }) +
          el('text', { x: (label.x ?? 0) + 3, y: (label.y ?? 0) + 11, 'font-size': 11 }, escapeXml(label.text ?? '')),
      );
    }
  }
  const placed = new Map<string, ElkNode>();
  for (const box of laid.children ?? []) {
    if (box.id.startsWith('n')) placed.set(box.id, box);
    for (const child of box.children ?? []) placed.set(child.id, child);
  }
  for (const node of graph.nodes) {
    const box = placed.get(`n${node.index}`);
    if (!box) continue;
    parts.push(
      drawState(
        ctx,
        node.index,
        kindOf(node.index),
        box,
        lines[node.index]!,
        bottlenecks?.[node.index],
        extra[node.index]!,
        !!changes?.state[node.index],
        times[node.index],
      ),
    );
  }
  for (const [key, portal] of portals) {
    const box = placed.get(key);
    if (!box) continue;
    const target = graph.nodes[portal.to]!;
    const style = ctx.agencyStyle(target.agency);
    const { x = 0, y = 0, width: w = 0, height: h = 0 } = box;
    parts.push(
      el(
        'g',
        { class: 'hoverable portal', 'data-target': target.id },
        el('title', {}, escapeXml(`Handed over to ${ctx.agencyLabel(target.agency)}: ${target.description}`)),
        el('path', {
          d: `M${px(x)},${px(y)}H${px(x + w - 10)}L${px(x + w)},${px(y + h / 2)}L${px(x + w - 10)},${px(y + h)}H${px(x)}Z`,
          fill: style.fill,
          stroke: style.stroke,
          'stroke-dasharray': '4 2',
        }),
        textLines(portal.lines, x + 8, y + 16, 13, { 'font-size': 11 }),
      ),
    );
  }
  // Requests coming into each agency (a request that comes back is counted each time it does), for the overview.
  const comingIn = new Map<string, number>([[graph.nodes[0]!.agency, perDay ?? 1000]]);
  for (const e of graph.edges) {
    const to = graph.nodes[e.to]!.agency;
    if (graph.nodes[e.from]!.agency !== to) comingIn.set(to, (comingIn.get(to) ?? 0) + volume(e));
  }
  parts.push(
    drawOverview(
      ctx,
      placement,
      (laid.children ?? [])
        .filter((b) => b.id.startsWith('agency:'))
        .map((b) => ({ agency: b.id.slice('agency:'.length), x: b.x ?? 0, y: b.y ?? 0, width: b.width ?? 0, height: b.height ?? 0 })),
      (agency) => `${volumeText(comingIn.get(agency) ?? 0)} coming in`,
    ),
  );
  parts.push('</g>');
  const counts = { states: graph.nodes.length, ways: graph.edges.length };
  const svg = toSvg({
    id,
    width,
    height,
    title,
    description: `${agencies.length} agencies with ${counts.states} states and ${counts.ways} ways out between them${placement.strips.length ? `, in ${placement.strips.length} bands: ${placement.strips.map((s) => s.label).join(', ')}` : ''}. Each way out is drawn as wide as the requests taking it (${perDay !== undefined ? 'a day' : 'per 1,000 requests'}); ${changes ? 'the ways the plan changes are coloured and labelled with the change against the baseline, the rest faded' : quick ? 'its figures are in its tooltip and the table' : 'at decisions it is labelled with them and the share of those at that state who take it'}.${des ? ` Simulated (discrete-event, ${des.replications} replications of ${des.days} days): states are shaded by the mean wait to get in, outlined in red where requests are blocked, and each resource's share in use is listed.` : ''}`,
    style: toBaseStyle(ctx, id) + `#${id} .way:hover path{stroke:#000;stroke-width:2.5}` + overviewStyle(id),
    defs: arrowMarker(`${id}-arrow`, '#555555', 7) + (changes ? arrowMarker(`${id}-more`, MORE, 7) + arrowMarker(`${id}-fewer`, FEWER, 7) : ''),
    body: parts.join(''),
  });
  const note = quick
    ? `This model has ${toCount(states)} states, so the map is laid out quickly (fewer passes to untangle crossings) and its ways out carry no labels: hover over one for its figures, or see the table.`
    : undefined;
  return { name, title, svg, table, ...(note ? { note } : {}) };
}

function drawState(
  ctx: RenderContext,
  index: number,
  kind: Kind,
  box: ElkNode,
  text: string[],
  bottleneck?: Bottleneck,
  notes: string[] = [],
  changed = false,
  time?: string,
): string {
  const node = ctx.graph.nodes[index]!;
  const style = ctx.agencyStyle(node.agency);
  const { x = 0, y = 0, width = 0, height = 0 } = box;
  const waitFill = bottleneck?.wait ? bandOf(bottleneck.wait.waitMean).fill : '#ffffff';
  const blocked = isShownBlocked(bottleneck);
  const shape =
    kind === 'decision'
      ? el('path', {
          d: `M${px(x + 12)},${px(y)}H${px(x + width - 12)}L${px(x + width)},${px(y + height / 2)}L${px(x + width - 12)},${px(y + height)}H${px(x + 12)}L${px(x)},${px(y + height / 2)}Z`,
          fill: waitFill,
          stroke: style.stroke,
          'stroke-width': 1.5,
        })
      : kind === 'outcome'
        ? el('rect', { x, y, width, height, rx: height / 2, fill: '#ffffff', stroke: style.stroke, 'stroke-width': 1.5 }) +
          el('rect', { x: x + 3, y: y + 3, width: width - 6, height: height - 6, rx: (height - 6) / 2, fill: 'none', stroke: style.stroke, 'stroke-width': 1 })
        : kind === 'start'
          ? el('rect', { x, y, width, height, rx: height / 2, fill: style.fill, stroke: '#1a1a1a', 'stroke-width': 3 })
          : el('rect', { x, y, width, height, rx: 6, fill: waitFill, stroke: style.stroke, 'stroke-width': 1.5 });
  const outlineColour = blocked ? BLOCKED : changed ? CHANGED : undefined;
  const outline = outlineColour
    ? el('rect', {
        x: x - 3,
        y: y - 3,
        width: width + 6,
        height: height + 6,
        rx: 8,
        fill: 'none',
        stroke: outlineColour,
        'stroke-width': 3,
        'stroke-dasharray': '5 2',
      })
    : '';
  return el(
    'g',
    { class: 'hoverable state', 'data-state': node.id },
    el('title', {}, escapeXml(`${node.id}: ${node.description}${bottleneck && notes.length ? `. Simulated: ${bottleneckCell(bottleneck)}` : ''}`)),
    shape,
    outline,
    textLines(text, x + width / 2, y + 8 + LINE - 3, LINE, {
      'text-anchor': 'middle',
      'font-size': SIZE,
      class: kind === 'outcome' || kind === 'start' ? 'bold' : undefined,
    }),
    time
      ? el(
          'text',
          // Grey on a white box; on a shaded one the ink, which keeps 4.5:1 on the darkest band.
          {
            x: x + width / 2,
            y: y + 8 + text.length * LINE + NOTE_LINE - 3,
            'text-anchor': 'middle',
            'font-size': NOTE,
            class: waitFill === '#ffffff' ? 'muted' : undefined,
          },
          escapeXml(time),
        )
      : '',
    notes.length
      ? textLines(notes, x + width / 2, y + 8 + text.length * LINE + (time ? 2 : 1) * NOTE_LINE - 3, NOTE_LINE, {
          'text-anchor': 'middle',
          'font-size': NOTE,
          class: 'bold',
        })
      : '',
  );
}

function legend(id: string, unit: string, labelled: 'decisions' | 'changes' | 'none'): string {
  const y = 44;
  const items: [string, string][] = [
    ['start', `<rect x="0" y="0" width="46" height="20" rx="10" fill="#eeeeee" stroke="#1a1a1a" stroke-width="3"/>`],
    ['service', `<rect x="0" y="0" width="46" height="20" rx="5" fill="#ffffff" stroke="#555555" stroke-width="1.5"/>`],
    ['decision (more than one way out)', `<path d="M8,0H38L46,10L38,20H8L0,10Z" fill="#ffffff" stroke="#555555" stroke-width="1.5"/>`],
    [
      'outcome',
      `<rect x="0" y="0" width="46" height="20" rx="10" fill="#ffffff" stroke="#555555" stroke-width="1.5"/><rect x="3" y="3" width="40" height="14" rx="7" fill="none" stroke="#555555"/>`,
    ],
    ['handed to another agency', `<path d="M0,0H36L46,10L36,20H0Z" fill="#eeeeee" stroke="#555555" stroke-dasharray="4 2"/>`],
  ];
  let x = 10;
  const out: string[] = [];
  for (const [label, shape] of items) {
    out.push(`<g transform="translate(${x} ${y})">${shape}<text x="54" y="14" font-size="12">${label}</text></g>`);
    x += 70 + label.length * 6.5;
  }
  out.push(
    `<text x="10" y="${y + 40}" font-size="12" class="muted">Under a state's name, the mean time a request spends there, without waits. Arrows: ways out, as wide as the requests taking them; ${
      labelled === 'decisions'
        ? `at decisions labelled with requests ${unit} and the share of those at that state who take them`
        : labelled === 'changes'
          ? `labelled where the plan changes the requests taking them, with the change and the requests ${unit} now`
          : `hover over one for its requests ${unit} and the share of those at its state who take it`
    }.</text>`,
  );
  return `<g id="${id}-legend">${out.join('')}</g>`;
}
