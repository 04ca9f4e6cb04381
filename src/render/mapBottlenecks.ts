import { toStatePath } from '../graph/toConfigurationRef.ts';
import type { CareGraph } from '../graph/types.ts';
import { toPercent, toShortDuration as shortDuration } from '../report/formatNumber.ts';
import { getFlowPlan } from '../simulate/getFlowPlan.ts';
import type { DesResult } from '../simulate/types.ts';
import { px, textLines } from './svg.ts';
import type { RenderContext } from './types.ts';

/*
 * The system map's bottlenecks, from a discrete-event result: which state waits for what, its
 * shading, its words in the box, the table and the legend (see renderSystemMap).
 */

/** Bands of the mean wait to get into a state, for shading (upper bounds in minutes; the last is open). */
export const waitBands = [
  { below: 15, label: 'under 15 minutes', fill: '#ffffff' },
  { below: 60, label: '15 minutes to 1 hour', fill: '#fdd0a2' },
  { below: 240, label: '1 to 4 hours', fill: '#fdae6b' },
  { below: Infinity, label: '4 hours or more', fill: '#fd8d3c' },
] as const;
export const BLOCKED = '#b2182b';

/** What the simulation found at a state of the map: the wait to get in, and requests blocked there. */
export interface Bottleneck {
  wait?: DesResult['waitingRooms'][number];
  blocked?: DesResult['blocking'][number];
}

/**
 * Each node's bottleneck: the waiting room requests join to enter it (by the ways into it, or by
 * arriving there), and the blocking at its state (requests whose step there ended but who could
 * not move on, keeping what they held).
 */
export function getMapBottlenecks(graph: CareGraph, des: DesResult): Bottleneck[] {
  const plan = getFlowPlan(graph);
  const rooms = new Map(des.waitingRooms.map((r) => [r.state, r]));
  const blocking = new Map(des.blocking.map((b) => [b.state, b]));
  const out: Bottleneck[] = graph.nodes.map((n) => ({ blocked: blocking.get(toStatePath(n)) }));
  const mark = (v: number, room: number) => {
    if (room >= 0) out[v]!.wait ??= rooms.get(plan.rooms[room]!.state);
  };
  // Only moves that take units the request does not hold yet wait (not a move inside a state it holds).
  const ways = [...graph.edges, ...(graph.conditionalWays ?? [])];
  const usesAt = (v: number) => plan.nodeUses.subarray(plan.nodeUseStart[v], plan.nodeUseStart[v + 1]);
  const takesUnits = (e: number) => {
    const held = usesAt(ways[e]!.from);
    const leaves = plan.exits.subarray(plan.exitStart[e], plan.exitStart[e + 1]);
    return usesAt(plan.target[e]!).some((u) => !held.includes(u) || leaves.includes(u));
  };
  for (let e = 0; e < plan.target.length; e++) if (takesUnits(e)) mark(plan.target[e]!, plan.roomOf[e]!);
  for (const stream of plan.streams) mark(stream.entry, plan.entryRoom[stream.entry]!);
  return out;
}

export const bandOf = (minutes: number) => waitBands.find((b) => minutes < b.below)!;

/** Shares under this (half a percent) are not marked on the map: no outline for so little blocking, no words for so few giving up. */
const SHOWN_SHARE = 0.005;

/** True when the map marks the state as one where requests are blocked. */
export const isShownBlocked = (b: Bottleneck | undefined): boolean => !!b?.blocked && b.blocked.share >= SHOWN_SHARE;

/** The lines a bottleneck adds inside its state's box. */
export function bottleneckLines(b: Bottleneck | undefined): string[] {
  if (!b) return [];
  const lines: string[] = [];
  if (b.wait) lines.push(`wait ${shortDuration(b.wait.waitMean)}${b.wait.abandoned >= SHOWN_SHARE ? `, ${toPercent(b.wait.abandoned)} give up` : ''}`);
  if (isShownBlocked(b)) lines.push(`${toPercent(b.blocked!.share)} blocked, ${shortDuration(b.blocked!.mean)}`);
  return lines;
}

/** A table cell's words for a state's bottleneck. */
export function bottleneckCell(b: Bottleneck): string {
  const parts: string[] = [];
  if (b.wait)
    parts.push(
      `mean wait ${shortDuration(b.wait.waitMean)} (95% CI ${shortDuration(b.wait.waitMeanCi95[0])} to ${shortDuration(b.wait.waitMeanCi95[1])}), 90th centile ${shortDuration(b.wait.waitP90)}${b.wait.abandoned > 0 ? `, ${toPercent(b.wait.abandoned)} give up waiting` : ''}${b.wait.turnedAway > 0 ? `, ${toPercent(b.wait.turnedAway)} turned away` : ''}`,
    );
  if (b.blocked) parts.push(`${toPercent(b.blocked.share)} of those leaving are blocked first, for ${shortDuration(b.blocked.mean)} on average`);
  return parts.join('; ') || '—';
}

/** The second legend, for a simulated map: the wait bands, the blocked outline, and each resource's share in use (busiest first). */
export function bottleneckLegend(ctx: RenderContext, des: DesResult, y: number): { svg: string; height: number } {
  const out: string[] = [`<text x="10" y="${y + 14}" font-size="12" class="bold">Simulated: mean wait to get in</text>`];
  let x = 10 + ctx.measure.width('Simulated: mean wait to get in', 12, true) + 12;
  for (const band of waitBands) {
    out.push(
      `<g transform="translate(${px(x)} ${y})"><rect x="0" y="0" width="30" height="20" rx="5" fill="${band.fill}" stroke="#555555" stroke-width="1.5"/><text x="36" y="14" font-size="12">${band.label}</text></g>`,
    );
    x += 48 + ctx.measure.width(band.label, 12);
  }
  out.push(
    `<g transform="translate(${px(x)} ${y})"><rect x="0" y="0" width="30" height="20" rx="5" fill="#ffffff" stroke="${BLOCKED}" stroke-width="3" stroke-dasharray="5 2"/><text x="36" y="14" font-size="12">requests blocked here (their step ended, the next state was full)</text></g>`,
  );
  const busiest = [...des.resources].sort((a, b) => b.utilisation - a.utilisation);
  const words = busiest.map((r) => `${r.label} ${toPercent(r.utilisation)}${r.blocked >= SHOWN_SHARE ? ` (${toPercent(r.blocked)} blocked)` : ''}`);
  const lines = ctx.measure.wrap(`In use (share of unit-time, busiest first): ${words.join(' · ')}`, 1380, 12);
  out.push(textLines(lines, 10, y + 42, 15, { 'font-size': 12 }));
  return { svg: `<g class="bottleneck-legend">${out.join('')}</g>`, height: 34 + lines.length * 15 };
}
