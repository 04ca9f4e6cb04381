import { scaleLinear } from 'd3-scale';
import type { Comparison } from '../analysis/getComparison.ts';
import { toCount, toFixedTrim } from '../report/formatNumber.ts';
import { toBaseStyle } from './baseStyle.ts';
import { toAxis, toRowLabel } from './chartParts.ts';
import { el, escapeXml, toSvg } from './svg.ts';
import type { Diagram, RenderContext } from './types.ts';

const ROW = 26;

/**
 * What a plan does to each agency's workload (exact, against the baseline): bars to the right for
 * more work, to the left for less, so that a plan that moves load rather than removing it shows
 * as bars on both sides. Bars are the percentage change, so that a small team's rise is not lost
 * beside the wards' bed-days; each bar is labelled with its minutes too.
 */
export function renderWorkloadChange(ctx: RenderContext, c: Comparison, scenario: number, id: string): Diagram {
  const basis = c.perDay ? 'minutes a day' : 'minutes per 1,000 requests';
  const rows = c.workload.map((w) => {
    const before = w.minutesPerDay[0]!;
    const change = w.minutesPerDay[scenario]! - before;
    // A new agency's work (no baseline) is drawn at the end of the scale.
    const relative = before ? change / before : change ? Math.sign(change) : 0;
    return { ...w, change, before, relative, shown: Math.abs(relative) >= 0.0005 };
  });
  const labelText = (r: (typeof rows)[number]) => `${r.label} (${ctx.agencyStyle(r.agency).badge})`;
  const left = Math.max(...rows.map((r) => ctx.measure.width(labelText(r), 12))) + 24;
  const top = 60;
  const plot = 520;
  const width = left + plot + 40;
  const height = top + rows.length * ROW + 46;
  const reach = Math.max(0.01, ...rows.map((r) => Math.abs(r.relative)));
  const x = scaleLinear().domain([-reach, reach]).range([left + 130, left + plot - 130]).nice(4);
  const sign = (v: number) => (v > 0 ? '+' : v < 0 ? '−' : '±');
  const text = (r: (typeof rows)[number]) =>
    r.shown ? `${r.before ? `${sign(r.change)}${toFixedTrim(Math.abs(r.relative) * 100, 1)}%, ` : 'new, '}${sign(r.change)}${toCount(Math.abs(r.change))} min` : 'no change';
  const name = c.scenarios[scenario]!.name;
  const parts = [
    el('text', { x: 10, y: 22, class: 'bold', 'font-size': 15 }, escapeXml(`Workload by agency: ${name}`)),
    el('text', { x: 10, y: 42, class: 'muted', 'font-size': 12 }, escapeXml(`Change in each agency's ${basis} against the baseline, as a percentage (exact). Right: more work; left: less.`)),
    toAxis(x, x.ticks(5), top - 6, top + rows.length * ROW, (t) => `${sign(t)}${toFixedTrim(Math.abs(t) * 100, 1)}%`),
    el('line', { x1: x(0), x2: x(0), y1: top - 6, y2: top + rows.length * ROW, stroke: '#1a1a1a' }),
  ];
  rows.forEach((r, i) => {
    const y = top + i * ROW + ROW / 2;
    const style = ctx.agencyStyle(r.agency);
    const a = x(Math.min(0, r.relative));
    const b = x(Math.max(0, r.relative));
    parts.push(
      toRowLabel(labelText(r), y, left),
      el(
        'g',
        { class: 'hoverable' },
        el('title', {}, escapeXml(`${r.label}: ${text(r)} ${basis}`)),
        r.shown ? el('rect', { x: a, y: y - 8, width: Math.max(1, b - a), height: 16, fill: style.fill, stroke: style.stroke, 'stroke-dasharray': style.dash || undefined }) : '',
        el('text', { x: r.change > 0 ? b + 6 : a - 6, y: y + 4, 'font-size': 11, 'text-anchor': r.change > 0 ? 'start' : 'end', class: r.shown ? undefined : 'muted' }, escapeXml(text(r))),
      ),
    );
  });
  const svg = toSvg({ id, width, height, title: `Workload by agency: ${name}`, description: rows.filter((r) => r.shown).map((r) => `${r.label}: ${text(r)}`).join('; ') || 'No agency’s workload changes.', style: toBaseStyle(ctx, id), body: parts.join('') });
  const table =
    `<table><thead><tr><th scope="col">Agency</th><th scope="col">Baseline (${basis})</th><th scope="col">With the plan</th><th scope="col">Change</th></tr></thead><tbody>` +
    rows.map((r) => `<tr><td>${escapeXml(r.label)}</td><td>${toCount(r.before)}</td><td>${toCount(r.minutesPerDay[scenario]!)}</td><td>${escapeXml(text(r))}</td></tr>`).join('') +
    '</tbody></table>';
  return { name: `workload-${c.scenarios[scenario]!.id}`, title: `Workload by agency: ${name}`, svg, table };
}
