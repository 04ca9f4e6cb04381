import { scaleLinear } from 'd3-scale';
import { toAgencyChanges, type Comparison } from '../analysis/getComparison.ts';
import { toCount, toFixedTrim } from '../report/formatNumber.ts';
import { toBaseStyle } from './baseStyle.ts';
import { toAxis, toRowLabel } from './chartParts.ts';
import { el, escapeXml, textLines, toSvg } from './svg.ts';
import type { Diagram, DiagramOptions, RenderContext } from './types.ts';

const ROW = 36;
/** A row with a third bar, for bed-days. */
const BED_ROW = 50;
/** Changes smaller than this (0.05%) are drawn as no change. */
const SMALL = 0.0005;

/**
 * What a plan does to each agency's workload (exact, against the baseline), as two bars per
 * agency: the requests that reach it (outlined) and the minutes of its time (filled). Bars go
 * right for more work and left for less, so that a plan that moves load rather than removing it
 * shows bars on both sides. Bars are percentage changes, so that a small team's rise is not lost
 * beside the wards' bed-days; each is labelled with its count too. Where the model declares bed
 * resources (`kind: 'beds'`), time holding a bed is a third bar, in bed-days, and the filled bar is
 * staff time only, so that a ward's bed-days do not swamp its staff's minutes.
 */
export function renderWorkloadChange(ctx: RenderContext, data: { comparison: Comparison; scenario: number }, options: DiagramOptions = {}): Diagram {
  const { comparison: c, scenario } = data;
  const { id = `workload-${scenario}` } = options;
  const basis = c.perDay ? 'a day' : 'per 1,000 requests';
  const withBeds = c.workload.some((w) => w.bedMinutesPerDay.some((m) => m > 0));
  const row = withBeds ? BED_ROW : ROW;
  // A chart needs finite bars: a change from nothing is drawn as a full 100%.
  const finite = (relative: number) => (Number.isFinite(relative) ? relative : Math.sign(relative));
  const rowsOf = (k: number) =>
    toAgencyChanges(c.workload, k).map((m, i) => {
      const w = c.workload[i]!;
      return {
        ...w,
        requests: m.requests,
        minutes: m.staffMinutes,
        bedDays: m.bedDays,
        hasBeds: w.bedMinutesPerDay[0]! > 0 || w.bedMinutesPerDay[k]! > 0,
        requestsRelative: finite(m.requestsRelative),
        minutesRelative: finite(m.staffMinutesRelative),
        bedDaysRelative: finite(m.bedDaysRelative),
      };
    });
  const rows = rowsOf(scenario);
  // One axis for every plan's chart, so that their bars can be compared.
  const everyPlan = c.scenarios.slice(1).flatMap((_, k) => rowsOf(k + 1));
  const labelText = (r: (typeof rows)[number]) => `${r.label} (${ctx.agencyStyle(r.agency).badge})`;
  const left = Math.max(...rows.map((r) => ctx.measure.width(labelText(r), 12))) + 24;
  const subtitle = `Change against the baseline (exact), ${basis}: outlined bar, requests reaching the agency; filled bar, ${withBeds ? 'minutes of its staff’s time; dark bar, bed-days (time holding a bed)' : 'minutes of its time'}. Right: more; left: less.`;
  const subtitleLines = ctx.measure.wrap(subtitle, left + 560 + 20, 12);
  const top = 60 + (subtitleLines.length - 1) * 15;
  const plot = 560;
  const width = left + plot + 40;
  const height = top + rows.length * row + 46;
  const reach = Math.max(0.01, ...everyPlan.flatMap((r) => [Math.abs(r.requestsRelative), Math.abs(r.minutesRelative), Math.abs(r.bedDaysRelative)]));
  const x = scaleLinear()
    .domain([-reach, reach])
    .range([left + 150, left + plot - 150])
    .nice(4);
  const sign = (v: number) => (v > 0 ? '+' : v < 0 ? '−' : '±');
  const percent = (v: number) => `${sign(v)}${toFixedTrim(Math.abs(v) * 100, 1)}%`;
  const requestsText = (r: (typeof rows)[number]) =>
    Math.abs(r.requestsRelative) < SMALL
      ? 'requests: no change'
      : `requests ${percent(r.requestsRelative)} (${sign(r.requests)}${toFixedTrim(Math.abs(r.requests), 1)})`;
  const minutesWord = withBeds ? 'staff minutes' : 'minutes';
  const minutesText = (r: (typeof rows)[number]) =>
    Math.abs(r.minutesRelative) < SMALL
      ? `${minutesWord}: no change`
      : `${minutesWord} ${percent(r.minutesRelative)} (${sign(r.minutes)}${toCount(Math.abs(r.minutes))})`;
  const bedsText = (r: (typeof rows)[number]) =>
    Math.abs(r.bedDaysRelative) < SMALL
      ? 'bed-days: no change'
      : `bed-days ${percent(r.bedDaysRelative)} (${sign(r.bedDays)}${toFixedTrim(Math.abs(r.bedDays), 1)})`;
  const rowText = (r: (typeof rows)[number]) => `${requestsText(r)}; ${minutesText(r)}${r.hasBeds ? `; ${bedsText(r)}` : ''}`;
  const name = c.scenarios[scenario]!.name;
  const parts = [
    el('text', { x: 10, y: 22, class: 'bold', 'font-size': 15 }, escapeXml(`Workload by agency: ${name}`)),
    textLines(subtitleLines, 10, 42, 15, { class: 'muted', 'font-size': 12 }),
    toAxis(x, x.ticks(5), top - 6, top + rows.length * row, (t) => `${sign(t)}${toFixedTrim(Math.abs(t) * 100, 1)}%`),
    el('line', { x1: x(0), x2: x(0), y1: top - 6, y2: top + rows.length * row, stroke: '#1a1a1a' }),
  ];
  const bar = (value: number, y: number, filled: boolean | 'dark', text: string, style: ReturnType<RenderContext['agencyStyle']>) => {
    const shown = Math.abs(value) >= SMALL;
    const a = x(Math.min(0, value));
    const b = x(Math.max(0, value));
    return [
      shown
        ? el('rect', {
            x: a,
            y: y - 5,
            width: Math.max(1, b - a),
            height: 10,
            fill: filled === 'dark' ? style.stroke : filled ? style.fill : '#ffffff',
            stroke: style.stroke,
            'stroke-width': filled ? 1 : 1.5,
            'stroke-dasharray': style.dash || undefined,
          })
        : '',
      el(
        'text',
        { x: value >= 0 ? b + 6 : a - 6, y: y + 4, 'font-size': 11, 'text-anchor': value >= 0 ? 'start' : 'end', class: shown ? undefined : 'muted' },
        escapeXml(text),
      ),
    ];
  };
  rows.forEach((r, i) => {
    const y = top + i * row + row / 2;
    const style = ctx.agencyStyle(r.agency);
    parts.push(
      toRowLabel(labelText(r), y, left),
      el(
        'g',
        { class: 'hoverable' },
        el('title', {}, escapeXml(`${r.label}: ${rowText(r)} ${basis}`)),
        ...bar(r.requestsRelative, withBeds ? y - 13 : y - 7, false, requestsText(r), style),
        ...bar(r.minutesRelative, withBeds ? y : y + 7, true, minutesText(r), style),
        ...(r.hasBeds ? bar(r.bedDaysRelative, y + 13, 'dark', bedsText(r), style) : []),
      ),
    );
  });
  const changed = rows.filter((r) => Math.abs(r.requestsRelative) >= SMALL || Math.abs(r.minutesRelative) >= SMALL || Math.abs(r.bedDaysRelative) >= SMALL);
  const svg = toSvg({
    id,
    width,
    height,
    title: `Workload by agency: ${name}`,
    description: changed.map((r) => `${r.label}: ${rowText(r)}`).join('; ') || 'No agency’s workload changes.',
    style: toBaseStyle(ctx, id),
    body: parts.join(''),
  });
  const table =
    `<table><thead><tr><th scope="col">Agency</th><th scope="col">Requests ${basis}: baseline</th><th scope="col">with the plan</th><th scope="col">${withBeds ? 'Staff minutes' : 'Minutes'} ${basis}: baseline</th><th scope="col">with the plan</th>${withBeds ? `<th scope="col">Bed-days ${basis}: baseline</th><th scope="col">with the plan</th>` : ''}</tr></thead><tbody>` +
    rows
      .map((r) => {
        const staff = (j: number) => r.minutesPerDay[j]! - (withBeds ? r.bedMinutesPerDay[j]! : 0);
        const beds = withBeds
          ? `<td>${toFixedTrim(r.bedMinutesPerDay[0]! / 1440, 1)}</td><td>${toFixedTrim(r.bedMinutesPerDay[scenario]! / 1440, 1)}</td>`
          : '';
        return `<tr><td>${escapeXml(r.label)}</td><td>${toFixedTrim(r.requestsPerDay[0]!, 1)}</td><td>${toFixedTrim(r.requestsPerDay[scenario]!, 1)}</td><td>${toCount(staff(0))}</td><td>${toCount(staff(scenario))}</td>${beds}</tr>`;
      })
      .join('') +
    '</tbody></table>';
  return { name: `workload-${c.scenarios[scenario]!.id}`, title: `Workload by agency: ${name}`, svg, table };
}
