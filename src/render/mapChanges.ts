import type { CareGraph } from '../graph/types.ts';
import { getMarkovAnalysis } from '../markov/getMarkovAnalysis.ts';
import { toStateLabel } from '../report/toStateLabel.ts';
import { escapeXml, px, textLines } from './svg.ts';
import type { RenderContext } from './types.ts';

/** Changes in requests a day smaller than this are drawn as no change (a plan's ripple far downstream). */
export const MAP_CHANGE_MIN = 0.5;

/** What a plan changes on the system map, against the baseline: on its own model's nodes and ways out. */
export interface MapChanges {
  /** By way out of the plan's model: requests a day (per 1,000 without demand) with the plan, less the baseline's. */
  delta: Float64Array;
  /** By way out: 1 where the baseline has no such way (the same states and event). */
  added: Uint8Array;
  /** By node of the plan's model: what changed there in words ('new', 'time changed', …), or undefined. */
  state: (string | undefined)[];
  /** Ways out of the baseline the plan's model no longer has: their states and requests a day before. */
  removed: { from: string; to: string; event: string; before: number }[];
  /** Labels of the resources the plan changes or adds. */
  resources: string[];
}

const wayKey = (g: CareGraph, e: CareGraph['edges'][number]) => `${g.nodes[e.from]!.id}\u0000${e.event}\u0000${g.nodes[e.to]!.id}`;
const perDayOf = (g: CareGraph) => g.meta.demand?.perDay ?? 1000;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The exact change a plan makes to the requests taking each way out (matched by the states it
 * joins and its event), the states it adds or whose time, capacity or priority it changes, the
 * ways it removes and the resources it changes: what the "what changed" map draws.
 */
export function getMapChanges(graph: CareGraph, base: CareGraph): MapChanges {
  const before = new Map<string, number>();
  const baseFlow = getMarkovAnalysis(base).edgeFlow;
  for (const e of base.edges) before.set(wayKey(base, e), baseFlow[e.index]! * perDayOf(base));
  const flow = getMarkovAnalysis(graph).edgeFlow;
  const delta = new Float64Array(graph.edges.length);
  const added = new Uint8Array(graph.edges.length);
  const seen = new Set<string>();
  for (const e of graph.edges) {
    const key = wayKey(graph, e);
    seen.add(key);
    const was = before.get(key);
    if (was === undefined) added[e.index] = 1;
    delta[e.index] = flow[e.index]! * perDayOf(graph) - (was ?? 0);
  }
  const baseNodes = new Map(base.nodes.map((n) => [n.id, n]));
  const state = graph.nodes.map((n) => {
    const was = baseNodes.get(n.id);
    if (!was) return 'new';
    const what = [
      !same(n.duration, was.duration) && 'time changed',
      !same(n.capacity, was.capacity) && 'capacity changed',
      !same(n.priority, was.priority) && 'priority changed',
    ].filter((x): x is string => !!x);
    return what.length ? what.join(', ') : undefined;
  });
  const removed = base.edges
    .filter((e) => !seen.has(wayKey(base, e)))
    .map((e) => ({ from: base.nodes[e.from]!.id, to: base.nodes[e.to]!.id, event: e.event, before: before.get(wayKey(base, e))! }));
  const baseResources = base.meta.resources ?? {};
  const resources = Object.entries(graph.meta.resources ?? {})
    .filter(([id, r]) => !same(r, baseResources[id]))
    .map(([id, r]) => `${r.label}${baseResources[id] ? '' : ' (new)'}`.replace(/^$/, id));
  return { delta, added, state, removed, resources };
}

export const MORE = '#2166ac';
export const FEWER = '#b35806';
export const CHANGED = '#762a83';

/** The table of a "what changed" map: the ways out whose requests change, the ways removed, the states and resources changed. */
export function toChangeTable(
  ctx: RenderContext,
  changes: ReturnType<typeof getMapChanges>,
  volume: (e: CareGraph['edges'][number]) => number,
  volumeText: (v: number) => string,
  signedVolume: (v: number) => string,
  changed: (e: number) => boolean,
): string {
  const { graph } = ctx;
  const name = (index: number) => `${ctx.agencyLabel(graph.nodes[index]!.agency)}: ${toStateLabel(graph.nodes[index]!)}`;
  const rows = graph.edges
    .filter((e) => changed(e.index))
    .sort((a, b) => Math.abs(changes.delta[b.index]!) - Math.abs(changes.delta[a.index]!))
    .map((e) => {
      const now = volume(e);
      return `<tr><td>${escapeXml(name(e.from))}</td><td>${escapeXml(name(e.to))}</td><td>${changes.added[e.index] ? 'new' : escapeXml(volumeText(now - changes.delta[e.index]!))}</td><td>${escapeXml(volumeText(now))}</td><td>${escapeXml(signedVolume(changes.delta[e.index]!))}</td></tr>`;
    });
  for (const r of changes.removed)
    rows.push(
      `<tr><td>${escapeXml(r.from)}</td><td>${escapeXml(r.to)}</td><td>${escapeXml(volumeText(r.before))}</td><td>removed</td><td>${escapeXml(signedVolume(-r.before))}</td></tr>`,
    );
  const states = graph.nodes.filter((n) => changes.state[n.index]).map((n) => `${name(n.index)} (${changes.state[n.index]})`);
  return (
    `<table><thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Baseline</th><th scope="col">With the plan</th><th scope="col">Change</th></tr></thead><tbody>${rows.join('') || `<tr><td colspan="5">No way out changes by ${MAP_CHANGE_MIN} or more.</td></tr>`}</tbody></table>` +
    `<p>States new or changed: ${escapeXml(states.join('; ') || 'none')}. Resources changed: ${escapeXml(changes.resources.join('; ') || 'none')}.</p>`
  );
}

/** The second legend of a "what changed" map: the colours, and the resources the plan changes. */
export function changeLegend(ctx: RenderContext, changes: ReturnType<typeof getMapChanges>, unit: string, y: number): { svg: string; height: number } {
  const items: [string, string][] = [
    ['more requests than the baseline', `<path d="M0,10H40" stroke="${MORE}" stroke-width="4"/>`],
    ['fewer', `<path d="M0,10H40" stroke="${FEWER}" stroke-width="4"/>`],
    [`no change of ${MAP_CHANGE_MIN} ${unit} or more`, `<path d="M0,10H40" stroke="#555555" stroke-opacity="0.3" stroke-width="4"/>`],
    ['a new or changed state', `<rect x="0" y="0" width="40" height="20" rx="5" fill="#ffffff" stroke="${CHANGED}" stroke-width="3" stroke-dasharray="5 2"/>`],
  ];
  const heading = `Against the baseline (exact, requests ${unit})`;
  const out: string[] = [`<text x="10" y="${y + 14}" font-size="12" class="bold">${escapeXml(heading)}</text>`];
  let x = 10 + ctx.measure.width(heading, 12, true) + 14;
  for (const [label, shape] of items) {
    out.push(`<g transform="translate(${px(x)} ${y})">${shape}<text x="48" y="14" font-size="12">${escapeXml(label)}</text></g>`);
    x += 60 + ctx.measure.width(label, 12);
  }
  const lines = ctx.measure.wrap(`Resources the plan changes: ${changes.resources.join(' · ') || 'none'}`, 1380, 12);
  out.push(textLines(lines, 10, y + 42, 15, { 'font-size': 12 }));
  return { svg: `<g class="change-legend">${out.join('')}</g>`, height: 34 + lines.length * 15 };
}
