import { scaleLinear } from 'd3-scale';
import type { SensitivityResult } from '../analysis/getSensitivity.ts';
import { toMeasureValueText } from '../report/comparisonWriters.ts';
import { toAssumptionLabel, toRangeText } from '../report/fitWriters.ts';
import { toBaseStyle } from './baseStyle.ts';
import { toAxis, toNameColumn, toRowLabel } from './chartParts.ts';
import { el, escapeXml, textLines, toSvg } from './svg.ts';
import type { Diagram, DiagramOptions, RenderContext } from './types.ts';

const ROW = 28;
const LOW = { fill: '#0072B2', text: 'at the low end' };
const HIGH = { fill: '#E69F00', text: 'at the high end' };

/**
 * A tornado chart: for one target, each assumption that moves it as a bar from its value with the
 * assumption at the low end of its range to its value at the high end (blue for low, orange with a
 * hatched edge for high, so colour is never the only sign), the largest swing on top, around the
 * model's value (the solid line).
 */
export function renderTornado(
  ctx: RenderContext,
  data: { sensitivity: SensitivityResult; target: number; rows?: number },
  options: DiagramOptions = {},
): Diagram {
  const s = data.sensitivity;
  const t = s.targets[data.target]!;
  const effects = s.effects[data.target]!.slice(0, data.rows ?? 10);
  const { id = `tornado-${t.id}` } = options;
  const format = (v: number) => toMeasureValueText(v, t.unit);
  const names = effects.map((e) => {
    const a = s.assumptions[e.assumption]!;
    return `${toAssumptionLabel(ctx, a)} (${toRangeText(a, '–')})`;
  });
  const { left, label } = toNameColumn(ctx, names, 540, 160);
  const top = 78;
  const plot = 420;
  const width = left + plot + 40;
  const height = top + Math.max(1, effects.length) * ROW + 46;
  const values = [t.base, ...effects.flatMap((e) => [e.atLow, e.atHigh])];
  const x = scaleLinear()
    .domain([Math.min(...values), Math.max(...values)])
    .range([left, left + plot])
    .nice(5);
  if (x.domain()[0] === x.domain()[1]) x.domain([x.domain()[0]! - 1, x.domain()[1]! + 1]);
  const parts = [
    el('text', { x: 10, y: 22, class: 'bold', 'font-size': 15 }, escapeXml(t.title)),
    textLines(
      [
        `The model gives ${format(t.base)} (the solid line). Each bar runs from the value with one assumption`,
        'at the low end of its range (blue) to its value at the high end (orange, hatched).',
      ],
      10,
      40,
      15,
      { class: 'muted', 'font-size': 12 },
    ),
    el(
      'defs',
      {},
      el(
        'pattern',
        { id: `${id}-hatch`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        el('rect', { width: 6, height: 6, fill: HIGH.fill }),
        el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#7a5200', 'stroke-width': 2 }),
      ),
    ),
    toAxis(x, x.ticks(5), top - 6, top + Math.max(1, effects.length) * ROW, format),
  ];
  if (!effects.length) parts.push(el('text', { x: left, y: top + 18, 'font-size': 12 }, 'No ranged assumption moves it.'));
  effects.forEach((e, i) => {
    const y = top + i * ROW + ROW / 2;
    const base = x(t.base);
    const bar = (v: number, style: typeof LOW, fill: string) =>
      el(
        'rect',
        { x: Math.min(base, x(v)), y: y - 9, width: Math.max(1, Math.abs(x(v) - base)), height: 18, fill, stroke: '#1a1a1a', 'stroke-width': 0.5 },
        el('title', {}, escapeXml(`${names[i]} ${style.text}: ${format(v)}`)),
      );
    parts.push(toRowLabel(label(names[i]!), y, left), el('g', { class: 'hoverable' }, bar(e.atLow, LOW, LOW.fill), bar(e.atHigh, HIGH, `url(#${id}-hatch)`)));
  });
  parts.push(el('line', { x1: x(t.base), x2: x(t.base), y1: top - 10, y2: top + Math.max(1, effects.length) * ROW, stroke: '#1a1a1a', 'stroke-width': 2 }));
  const svg = toSvg({
    id,
    width,
    height,
    title: `${t.title}: which assumptions move it most`,
    description: effects.length
      ? `${t.title} depends most on ${names[0]}. ${effects.map((e, i) => `${names[i]}: ${format(e.atLow)} at the low end, ${format(e.atHigh)} at the high end`).join('; ')}.`
      : `${t.title}: no ranged assumption moves it.`,
    style: toBaseStyle(ctx, id),
    body: parts.join(''),
  });
  const table =
    '<table><thead><tr><th scope="col">Assumption (range)</th><th scope="col">At the low end</th><th scope="col">At the high end</th><th scope="col">Swing</th></tr></thead><tbody>' +
    effects
      .map(
        (e, i) =>
          `<tr><td>${escapeXml(names[i]!)}</td><td>${escapeXml(format(e.atLow))}</td><td>${escapeXml(format(e.atHigh))}</td><td>${escapeXml(format(e.swing))}</td></tr>`,
      )
      .join('') +
    '</tbody></table>';
  return { name: id, title: `${t.title}: which assumptions move it most`, svg, table };
}
