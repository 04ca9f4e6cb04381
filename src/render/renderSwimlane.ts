import type { Pathway } from '../pathways/types.ts';
import { toPercent } from '../report/formatNumber.ts';
import { toTimeWithoutWaits } from '../report/noQueuesLine.ts';
import { toBaseStyle } from './baseStyle.ts';
import { arrowMarker } from './markers.ts';
import { el, escapeXml, textLines, toSvg } from './svg.ts';
import type { Diagram, DiagramOptions, RenderContext } from './types.ts';

const BOX = 190;
const GAP = 46;
const SIZE = 12;
const LINE = 15;

/**
 * One pathway as a swimlane: a lane for each agency it meets, its steps from left to right in
 * plain English, and the handoffs as arrows that cross lanes. The header gives how likely the
 * pathway is and how long it takes.
 */
export function renderSwimlane(ctx: RenderContext, pathway: Pathway, options: DiagramOptions = {}): Diagram {
  const { id = `swimlane-${pathway.rank}` } = options;
  const functionLabel = new Map(ctx.graph.functions.map((f) => [f.id, f.label]));
  const steps = pathway.nodes.map((v) => ctx.graph.nodes[v]!);
  const lanes = [...new Set(steps.map((s) => s.agency))];
  const laneLabel = 160;
  const texts = steps.map((s) => ctx.measure.wrap(s.description || s.id, BOX - 20, SIZE));
  const boxHeight = (i: number) => 30 + texts[i]!.length * LINE;
  const laneHeight = Math.max(...steps.map((_, i) => boxHeight(i))) + 30;
  const top = 78;
  const width = laneLabel + steps.length * (BOX + GAP) + 10;
  const height = top + lanes.length * laneHeight + 30;
  const laneOf = (agency: string) => lanes.indexOf(agency);
  const boxAt = (i: number) => ({
    x: laneLabel + GAP / 2 + i * (BOX + GAP),
    y: top + laneOf(steps[i]!.agency) * laneHeight + (laneHeight - boxHeight(i)) / 2,
    h: boxHeight(i),
  });
  const parts: string[] = [];
  const handoffs = pathway.handoffs;
  const title = `Pathway ${pathway.rank}: ${toPercent(pathway.probability)} of requests, ${toTimeWithoutWaits(pathway.expectedMinutes)}, ${handoffs === 1 ? '1 handoff' : `${handoffs} handoffs`}`;
  parts.push(el('text', { x: 12, y: 26, class: 'bold', 'font-size': 16 }, escapeXml(title)));
  parts.push(
    el(
      'text',
      { x: 12, y: 48, class: 'muted' },
      escapeXml(`Outcome: ${pathway.outcome}. Read from left to right; each lane is an agency, and an arrow that crosses lanes is a handoff.`),
    ),
  );
  lanes.forEach((agency, i) => {
    const style = ctx.agencyStyle(agency);
    const y = top + i * laneHeight;
    parts.push(el('rect', { x: 0, y, width, height: laneHeight, fill: i % 2 ? '#fafafa' : '#f2f2f2', stroke: '#dddddd' }));
    parts.push(el('rect', { x: 0, y, width: 8, height: laneHeight, fill: style.stroke }));
    parts.push(textLines(ctx.measure.wrap(ctx.agencyLabel(agency), 130, SIZE, true), 18, y + laneHeight / 2 - 2, LINE, { class: 'bold' }));
  });
  for (let i = 0; i + 1 < steps.length; i++) {
    const a = boxAt(i);
    const b = boxAt(i + 1);
    const handoff = steps[i]!.agency !== steps[i + 1]!.agency;
    const x1 = a.x + BOX;
    const y1 = a.y + a.h / 2;
    const x2 = b.x - 2;
    const y2 = b.y + b.h / 2;
    const xm = (x1 + x2) / 2;
    parts.push(
      el('path', {
        class: 'link',
        d: y1 === y2 ? `M${x1},${y1}L${x2},${y2}` : `M${x1},${y1}L${xm},${y1}L${xm},${y2}L${x2},${y2}`,
        stroke: handoff ? '#1a1a1a' : '#666666',
        'stroke-width': handoff ? 2.5 : 1.5,
        'stroke-dasharray': handoff ? undefined : '4 3',
        'marker-end': `url(#${id}-arrow)`,
      }),
    );
  }
  steps.forEach((step, i) => {
    const { x, y, h } = boxAt(i);
    const style = ctx.agencyStyle(step.agency);
    const label = step.isOutcome ? 'Outcome' : (functionLabel.get(step.function ?? '') ?? step.function ?? '');
    parts.push(
      el(
        'g',
        { class: 'hoverable' },
        el('title', {}, escapeXml(`Step ${i + 1}: ${step.id}`)),
        el('rect', {
          x,
          y,
          width: BOX,
          height: h,
          rx: step.isOutcome ? h / 2 : 8,
          fill: style.fill,
          stroke: style.stroke,
          'stroke-width': step.isOutcome ? 3 : 1.5,
          'stroke-dasharray': style.dash || undefined,
        }),
        el('text', { x: x + 10, y: y + 17, 'font-size': 11, class: 'bold' }, escapeXml(`${i + 1}. ${label}`)),
        textLines(texts[i]!, x + 10, y + 34, LINE, { 'font-size': SIZE }),
      ),
    );
  });
  const svg = toSvg({
    id,
    width,
    height,
    title,
    description: `${steps.length} steps through ${lanes.map(ctx.agencyLabel).join(', ')}: ${steps.map((s) => s.description || s.id).join(' ')}`,
    style: toBaseStyle(ctx, id),
    defs: arrowMarker(`${id}-arrow`, '#333333', 9),
    body: parts.join(''),
  });
  const table =
    '<table><thead><tr><th scope="col">Step</th><th scope="col">Agency</th><th scope="col">Function</th><th scope="col">What happens</th></tr></thead><tbody>' +
    steps
      .map(
        (s, i) =>
          `<tr><td>${i + 1}</td><td>${escapeXml(ctx.agencyLabel(s.agency))}</td><td>${escapeXml(s.isOutcome ? 'Outcome' : (functionLabel.get(s.function ?? '') ?? ''))}</td><td>${escapeXml(s.description || s.id)}</td></tr>`,
      )
      .join('') +
    '</tbody></table>';
  return { name: `pathway-${pathway.rank}`, title, svg, table };
}
