import type { FitReport } from '../analysis/getFit.ts';
import {
  toAssumptionLabel,
  toAssumptionValue,
  toDifferenceText,
  toWithinText,
  toModelText,
  toObservedText,
  toRangeText,
  toToleranceText,
} from '../report/fitWriters.ts';
import { toAssumptionTable } from './toAssumptionTable.ts';
import { toSensitivitySection } from './toSensitivitySection.ts';
import { toReportStyle } from './reportStyle.ts';
import { toPageHead } from './toPageHead.ts';
import { escapeXml } from './svg.ts';
import { toProvenanceHtml, type Provenance } from './toProvenanceHtml.ts';
import { toFigureHtml, toWideStart } from './toFigureHtml.ts';
import type { Diagram, RenderContext } from './types.ts';

const pageStyle = `
.within{background:#e3f4ee}.outside{background:#fbe9df}
.meta{color:var(--muted);font-size:.86em}
.wide{overflow-x:auto}
.flag{border-left:4px solid #D55E00;background:#fbe9df;padding:.4em .8em;margin:.4em 0;max-width:60em}`;

/**
 * The fit as one self-contained HTML page: every observed figure against the model (within or
 * outside tolerance in words and colour), the calibration's before and after, a tornado chart for
 * each target of the sensitivity analysis with its table, and every assumption with its range.
 */
export function toFitHtml(ctx: RenderContext, report: FitReport, meta: Provenance & { observed: string }): string {
  const { fit, calibration: c, sensitivity: s } = report;
  const inline = (svg: string) => (ctx.fontCss ? svg.split(ctx.fontCss).join('') : svg);
  const figure = (d: Diagram) => toFigureHtml(d, inline(d.svg));
  const rows = fit.rows
    .map(
      (r) =>
        `<tr class="${r.within ? 'within' : 'outside'}"><th scope="row">${escapeXml(r.figure.title)}<br><span class="meta">${escapeXml(r.figure.period)}; ${escapeXml(r.figure.source)}</span></th><td>${escapeXml(toObservedText(r))}</td><td>${escapeXml(toModelText(r))}</td><td>${escapeXml(toDifferenceText(r))}</td><td>${escapeXml(toToleranceText(r))}</td><td>${r.within ? '✓ within' : r.figure.notHeld !== undefined ? `✗ outside, not held: ${escapeXml(r.figure.notHeld)}` : '✗ outside'}</td></tr>`,
    )
    .join('');
  const calibration = c
    ? `<section id="calibration" aria-labelledby="calibration-h"><h2 id="calibration-h">Calibration</h2>
<p>${c.assumptions.length} ranged assumptions fitted (each kept inside its range): ${c.rowsAfter.filter((r) => r.within).length} of ${c.rowsAfter.length} figures within tolerance after, ${c.rowsBefore.filter((r) => r.within).length} before.</p>
${toWideStart('Figures before and after calibration')}<table><thead><tr><th scope="col">Figure</th><th scope="col">Observed</th><th scope="col">Before</th><th scope="col">After</th></tr></thead><tbody>${c.rowsAfter
        .map(
          (r, i) =>
            `<tr class="${r.within ? 'within' : 'outside'}"><th scope="row">${escapeXml(r.figure.title)}</th><td>${escapeXml(toObservedText(r))}</td><td>${escapeXml(toModelText(c.rowsBefore[i]!))}</td><td>${escapeXml(toModelText(r))} ${r.within ? '✓' : '✗'}</td></tr>`,
        )
        .join('')}</tbody></table></div>
<h3>Assumptions changed</h3><ul>${
        c.assumptions
          .flatMap((a, k) =>
            c.after[k] !== c.before[k]
              ? [
                  `<li>${escapeXml(toAssumptionLabel(report, a))}: ${escapeXml(toAssumptionValue(c.before[k]!, a.field))} → <b>${escapeXml(toAssumptionValue(c.after[k]!, a.field))}</b> (range ${escapeXml(toRangeText(a))})</li>`,
                ]
              : [],
          )
          .join('') || '<li>None needed changing.</li>'
      }</ul></section>`
    : '';
  const sensitivity = s
    ? toSensitivitySection(ctx, s, {
        heading: 'Which assumptions matter',
        figure,
        labels: report,
      })
    : '';
  const assumptions = report.assumptions.length ? toAssumptionTable(report.graph, report.assumptions) : '<p>The model marks no number as an assumption.</p>';
  return `${toPageHead(`${fit.title}: the model against the place, with carepaths`, toReportStyle(ctx.fontCss, ctx.measure.family) + pageStyle)}<body>
<header>
<p>carepaths fit</p>
<h1>${escapeXml(fit.title)}</h1>
<p class="lead">The model ${escapeXml(fit.model)} against what the place observes: <b>${escapeXml(toWithinText(fit))}</b></p>
<nav aria-label="Sections"><ul><li><a href="#figures">Figures</a></li>${c ? '<li><a href="#calibration">Calibration</a></li>' : ''}${s ? '<li><a href="#sensitivity">Which assumptions matter</a></li>' : ''}<li><a href="#assumptions">Assumptions</a></li></ul></nav>
</header>
<main>
<section id="figures" aria-labelledby="figures-h"><h2 id="figures-h">Observed figures and the model</h2>
${toWideStart('Table of the observed figures against the model')}<table><thead><tr><th scope="col">Figure</th><th scope="col">Observed</th><th scope="col">Model</th><th scope="col">Difference</th><th scope="col">Tolerance</th><th scope="col">Within tolerance?</th></tr></thead><tbody>${rows}</tbody></table></div>
</section>
${calibration}
${sensitivity}
<section id="assumptions" aria-labelledby="assumptions-h"><h2 id="assumptions-h">Assumptions in the model</h2>${assumptions}</section>
</main>
<footer>${toProvenanceHtml(meta, { ...(ctx.graph.meta.title ? { title: ctx.graph.meta.title } : {}), id: fit.model }, ` and the observed figures ${escapeXml(meta.observed)}`)}</footer>
</body>
</html>
`;
}
