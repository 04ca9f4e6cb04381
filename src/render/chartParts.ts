import type { ScaleContinuousNumeric } from 'd3-scale';
import { el, escapeXml } from './svg.ts';
import { humanise, toStateLabel } from '../report/toStateLabel.ts';
import type { AgencyStyle } from './palette.ts';
import type { RenderContext } from './types.ts';

/** Ticks along the bottom of a horizontal chart, with grid lines up to `top`. */
export function toAxis(x: ScaleContinuousNumeric<number, number>, ticks: number[], top: number, bottom: number, format: (v: number) => string): string {
  return ticks
    .map(
      (t) =>
        el('line', { x1: x(t), x2: x(t), y1: top, y2: bottom, stroke: '#e3e3e3' }) +
        el('text', { x: x(t), y: bottom + 16, 'text-anchor': 'middle', 'font-size': 11, class: 'muted' }, escapeXml(format(t))),
    )
    .join('');
}

/**
 * The left column of a chart of named rows (plans, assumptions): as wide as the longest name, at
 * least `least` and at most `most` pixels, and each name that does not fit cut short with "…".
 */
export function toNameColumn(ctx: RenderContext, names: string[], most: number, least = 0): { left: number; label: (name: string) => string } {
  const left = Math.min(most, Math.max(least, ...names.map((n) => ctx.measure.width(n, 12))) + 24);
  const label = (n: string) => (ctx.measure.width(n, 12) + 24 > left ? `${n.slice(0, Math.floor((n.length * (left - 36)) / ctx.measure.width(n, 12)))}…` : n);
  return { left, label };
}

/** A row label at the left of a horizontal chart. */
export const toRowLabel = (text: string, y: number, width: number): string =>
  el('text', { x: width - 8, y: y + 4, 'text-anchor': 'end', 'font-size': 12 }, escapeXml(text));

/** The frame of a chart with one row per state: labels measured in the embedded font, and the chart's size. */
export function toRowLayout(ctx: RenderContext, states: string[], plotWidth: number, rowHeight: number, withBadge = true) {
  const byId = new Map(ctx.graph.nodes.map((n) => [n.id, n]));
  // Rows name a configuration, or a state when its configurations share one set of servers.
  // A name shared by several rows (four areas' "From ambulance") is told apart by the state it is in.
  const plain = (state: string) => {
    const node = byId.get(state) ?? ctx.graph.nodes.find((n) => n.states.includes(state));
    // A compound state (one that holds a resource across the states inside it) is named by its own key.
    return node ? toStateLabel(node) : humanise(state.split('.').pop() ?? state);
  };
  const names = states.map(plain);
  const label = (state: string) => {
    const node = byId.get(state) ?? ctx.graph.nodes.find((n) => n.states.includes(state));
    const own = plain(state);
    const parts = state.split('.');
    const name = names.filter((x) => x === own).length > 1 && parts.length > 3 ? `${humanise(parts[parts.length - 2]!)}: ${own.toLowerCase()}` : own;
    const agency = node?.agency ?? ctx.graph.stateInfo.find((s) => s.path === state)?.agency ?? '';
    return withBadge ? `${name} (${ctx.agencyStyle(agency).badge})` : name;
  };
  const left = Math.max(...states.map((s) => ctx.measure.width(label(s), 12))) + 24;
  const top = 60;
  return { label, left, top, width: left + plotWidth, height: top + states.length * rowHeight + 50 };
}

/**
 * The rows of a chart with one row per state: each row's label, and a hoverable group holding its
 * title (read by screen readers and shown on hover) and the marks `draw` makes at height `y`.
 */
export function toChartRows<R extends { state: string; agency: string }>(
  ctx: RenderContext,
  rows: R[],
  layout: { label: (state: string) => string; left: number; top: number },
  rowHeight: number,
  title: (row: R) => string,
  draw: (row: R, y: number, style: AgencyStyle) => string[],
): string {
  return rows
    .map((row, i) => {
      const y = layout.top + i * rowHeight + rowHeight / 2;
      return (
        toRowLabel(layout.label(row.state), y, layout.left) +
        el('g', { class: 'hoverable' }, el('title', {}, escapeXml(title(row))), ...draw(row, y, ctx.agencyStyle(row.agency)))
      );
    })
    .join('');
}
