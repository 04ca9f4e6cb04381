import type { SensitivityResult } from '../analysis/getSensitivity.ts';
import type { CareGraph } from '../graph/types.ts';
import { toMeasureValueText } from '../report/comparisonWriters.ts';
import { toAssumptionPhrase } from '../report/fitWriters.ts';
import { renderTornado } from './renderTornado.ts';
import { escapeXml } from './svg.ts';
import type { Diagram, RenderContext } from './types.ts';

/** The words beside one target's tornado: what it depends on most, and its spread with every assumption varied. */
export function toSensitivityWords(s: SensitivityResult, i: number, labels: { graph: CareGraph }): string {
  const t = s.targets[i]!;
  const top = s.effects[i]![0];
  // An objective's title says what is wanted ("Fewer handoffs …"), so it is quoted; a figure's names what is measured.
  const subject = t.kind === 'objective' ? `“${t.title}”` : t.title;
  const words = top
    ? `${subject} depends most on ${toAssumptionPhrase(labels, s.assumptions[top.assumption]!)}.`
    : `No ranged assumption moves ${t.kind === 'objective' ? subject : t.title.toLowerCase()}.`;
  const joint = s.joint?.targets[i]
    ? ` With every assumption varied together it runs from ${toMeasureValueText(s.joint.targets[i]!.interval[0], t.unit)} to ${toMeasureValueText(s.joint.targets[i]!.interval[1], t.unit)}.`
    : '';
  return words + joint;
}

/** The tornado charts of a sensitivity analysis, one a target, as the diagrams they are. */
export const renderTornadoes = (ctx: RenderContext, s: SensitivityResult): Diagram[] =>
  s.targets.map((_, i) => renderTornado(ctx, { sensitivity: s, target: i }, { id: `tornado-${i + 1}` }));

/**
 * A page's section on which assumptions matter: how the sensitivity was taken, then for each target
 * a heading, what it depends on most in words, and its tornado chart (drawn by `figure`, which adds
 * the table). The fit page, the report and the comparison page use it.
 */
export function toSensitivitySection(
  ctx: RenderContext,
  s: SensitivityResult,
  options: { heading: string; figure: (d: Diagram) => string; labels: { graph: CareGraph }; lead?: string; tornadoes?: Diagram[] },
): string {
  const tornadoes = options.tornadoes ?? renderTornadoes(ctx, s);
  return `<section id="sensitivity" aria-labelledby="sensitivity-h"><h2 id="sensitivity-h">${escapeXml(options.heading)}</h2>
${options.lead ? `<p>${escapeXml(options.lead)}</p>\n` : ''}<p>Each ranged assumption moved over its range, one at a time, the others at the model's values${s.joint ? `; then all together, ${s.joint.samples} samples drawn uniformly over the ranges (seed ${s.joint.seed}), the middle 95% shown` : ''}.</p>
${s.targets.map((t, i) => `<h3>${escapeXml(t.title)}</h3><p>${escapeXml(toSensitivityWords(s, i, options.labels))}</p>${options.figure(tornadoes[i]!)}`).join('')}</section>`;
}
