import { getServiceFlows } from '../analysis/getServiceFlows.ts';
import { SMALL_CHANGE, type Comparison, type ObjectiveValue } from '../analysis/getComparison.ts';
import type { SensitivityResult } from '../analysis/getSensitivity.ts';
import { toAgencyChangeText, toChangeText, toMeasureValueText, toNetWorkloadText, toSimulationNote, toTargetText } from '../report/comparisonWriters.ts';
import { toComparisonWords } from '../report/toComparisonWords.ts';
import type { MeasureUnit } from '../strategy/types.ts';
import { toCount, toFixedTrim } from '../report/formatNumber.ts';
import { renderObjectiveChart } from './renderObjectiveChart.ts';
import { renderChangeChart } from './renderChangeChart.ts';
import { getSankeyNodes, renderSankey } from './renderSankey.ts';
import { renderWorkloadChange } from './renderWorkloadChange.ts';
import { toSensitivitySection } from './toSensitivitySection.ts';
import { toPageHead } from './toPageHead.ts';
import { toReportStyle } from './reportStyle.ts';
import { escapeXml } from './svg.ts';
import { toProvenanceHtml, type Provenance } from './toProvenanceHtml.ts';
import { toFigureHtml, toWideStart } from './toFigureHtml.ts';
import type { Diagram, RenderContext } from './types.ts';

const pageStyle = `
.met{background:#e3f4ee}.notmet{background:#fbe9df}
.meta{color:var(--muted);font-size:.86em}
.wide{overflow-x:auto}
figure.change-map{max-height:80vh;overflow:auto;border:1px solid #d0d0d0;border-radius:8px}
figure.change-map svg{max-width:none}
@media print{figure.change-map{max-height:none;overflow:visible}figure.change-map svg{max-width:100%}}
.wide th[scope=row]{min-width:15em;max-width:22em;font-weight:400}
.wide th[scope=row] b{font-weight:700}
td.value{min-width:8.5em;max-width:13em}
.flag{border-left:4px solid #D55E00;background:#fbe9df;padding:.4em .8em;margin:.4em 0;max-width:60em}
.ok{border-left:4px solid #009E73;background:#e3f4ee;padding:.4em .8em;margin:.4em 0;max-width:60em}
.plan{border:1px solid var(--line);border-radius:8px;padding:.2em 1em 1em;margin:1em 0}
.pair h3{margin-top:1.6em}
@media print{.wide th[scope=row]{min-width:0}td.value{min-width:0}.wide table{font-size:.72rem}}`;

/** One scenario's value in the objective table: the value, met or not (in words and colour), the change and its interval. */
function toValueCell(v: ObjectiveValue, unit: MeasureUnit): string {
  const status = `${v.met ? '✓ met' : '✗ not met'}${v.uncertain ? ' (uncertain)' : ''}`;
  const change = v.change === undefined ? '' : v.changeStatus === 'no change' ? 'no change' : `${toChangeText(v.change, unit)}, ${v.changeStatus}`;
  const ci = v.changeCi95
    ? `95% CI ${toChangeText(v.changeCi95[0], unit)} to ${toChangeText(v.changeCi95[1], unit)}`
    : v.ci95 && v.change === undefined
      ? `95% CI ${toMeasureValueText(v.ci95[0], unit)} to ${toMeasureValueText(v.ci95[1], unit)}`
      : '';
  return `<td class="value ${v.met ? 'met' : 'notmet'}"><b>${escapeXml(toMeasureValueText(v.value, unit))}</b> ${escapeXml(status)}${change ? `<br>${escapeXml(change)}` : ''}${ci ? `<br><span class="meta">${escapeXml(ci)}</span>` : ''}</td>`;
}

/**
 * The comparison as one self-contained HTML page: the objective table, each plan with its changes,
 * claims and side effects, a chart per objective, and the patient flow before and after each plan.
 * `contexts` are the baseline's and then each plan's render context, in the comparison's order;
 * `pending` says the objectives left out are still being simulated (the live view shows the exact ones first);
 * `sensitivity`, which of the baseline model's assumptions its exact objectives depend on most.
 */
export function toComparisonHtml(
  contexts: RenderContext[],
  c: Comparison,
  meta: Provenance & { pending?: boolean; sensitivity?: SensitivityResult; changeMaps?: Diagram[] },
): string {
  const base = contexts[0]!;
  const words = toComparisonWords({ comparison: c, baseline: base.graph, graphs: contexts.slice(1).map((x) => x.graph) });
  const inline = (svg: string) => (base.fontCss ? svg.split(base.fontCss).join('') : svg);
  const figure = (d: Diagram) => toFigureHtml(d, inline(d.svg));
  // A plan's "what it changes" map: the system map of its model, the ways it changes coloured.
  const changeMap = (d: Diagram | undefined) =>
    !d
      ? ''
      : `<h4>What it changes on the system map</h4>${d.note ? `<p>${escapeXml(d.note)}</p>` : ''}${d.svg ? toFigureHtml(d, inline(d.svg), ' class="change-map"') : `<details open><summary>What it changes, as a table</summary>${d.table}</details>`}`;
  const name = (id: string) => c.scenarios.find((s) => s.id === id)!.name;
  const summary =
    `${toWideStart('Objectives against their targets')}<table><thead><tr><th scope="col">Objective</th><th scope="col">Target</th>${c.scenarios.map((s) => `<th scope="col">${escapeXml(s.name)}</th>`).join('')}</tr></thead><tbody>` +
    c.objectives
      .map(
        (o) =>
          `<tr><th scope="row"><b>${escapeXml(o.title)}</b><br><span class="meta">${escapeXml(words.measures[o.id]!)}${o.source === 'exact' ? ' (exact)' : ' (simulated)'}</span></th><td>${escapeXml(toTargetText(o))}</td>${o.values.map((v) => toValueCell(v, o.unit)).join('')}</tr>`,
      )
      .join('') +
    '</tbody></table></div>';
  const basis = c.perDay ? 'a day' : 'per 1,000 requests';
  const plans = c.scenarios
    .slice(1)
    .map((s, k) => {
      const p = s.plan!;
      const f = c.findings[k]!;
      const moved = (xs: typeof f.rises) => xs.map((x) => escapeXml(toAgencyChangeText(x, basis))).join('; ') || 'none';
      const claims = f.unsupportedClaims.length
        ? f.unsupportedClaims
            .map(
              (u) =>
                `<p class="flag">Claims to support “${escapeXml(c.objectives.find((o) => o.id === u.objective)?.title ?? u.objective)}”, but the change is ${u.status === 'worse' ? 'for the worse' : escapeXml(u.status)}.</p>`,
            )
            .join('')
        : p.supports.length > f.untestedClaims.length
          ? `<p class="ok">Every objective it claims${f.untestedClaims.length ? ' that was tested here' : ''} moves for the better.</p>`
          : '';
      return `<div class="plan" id="plan-${escapeXml(s.id)}"><h3>${escapeXml(s.name)}</h3>
<p>${p.owner ? `Owner: <b>${escapeXml(c.agencyLabels[p.owner] ?? p.owner)}</b>. ` : ''}${escapeXml(p.description)}</p>
<p>Claims to support: ${p.supports.map((id) => escapeXml(c.objectives.find((o) => o.id === id)?.title ?? id)).join('; ') || 'nothing named'}.</p>
${claims}
${f.untestedClaims.length ? `<p>Not tested here (left out): ${f.untestedClaims.map((id) => escapeXml(c.objectives.find((o) => o.id === id)?.title ?? c.leftOut.find((o) => o.id === id)?.title ?? id)).join('; ')}.</p>` : ''}
${f.unclaimedGains.length ? `<p>Also helps, without claiming it: ${f.unclaimedGains.map((id) => escapeXml(c.objectives.find((o) => o.id === id)?.title ?? id)).join('; ')}.</p>` : ''}
<h4>What it changes</h4><ul>${words.changes[s.id]!.map((t) => `<li>${escapeXml(t)}</li>`).join('')}</ul>
${p.evidence.length ? `<h4>Evidence</h4><ul>${p.evidence.map((e) => `<li>${escapeXml(e)}</li>`).join('')}</ul>` : ''}
<h4>Side effects</h4><p>Workload rises: ${moved(f.rises)}.<br>Workload falls: ${moved(f.falls)}.<br>All agencies together: ${escapeXml(toNetWorkloadText(f, basis))}.</p>
${figure(renderWorkloadChange(contexts[k + 1]!, { comparison: c, scenario: k + 1 }, { id: `workload-${k + 1}` }))}${changeMap(meta.changeMaps?.[k])}</div>`;
    })
    .join('');
  const objectives = c.objectives
    .map(
      (o, i) =>
        `<h3>${escapeXml(o.title)}</h3>${figure(renderObjectiveChart(base, { comparison: c, objective: o, measure: words.measures[o.id]! }, { id: `objective-${i + 1}` }))}`,
    )
    .join('');
  // Every scenario's Sankey draws the same nodes in the same order, so that before and after line up.
  const serviceFlows = contexts.map((ctx) => getServiceFlows(ctx.graph));
  const nodes = getSankeyNodes(base, serviceFlows);
  const changes = renderChangeChart(base, c);
  const flows = contexts
    .map((ctx, i) => {
      const heading = i === 0 ? 'Before: the baseline' : `After: ${c.scenarios[i]!.name}`;
      return `<div class="pair"><h3>${escapeXml(heading)}</h3>${figure(renderSankey(ctx, serviceFlows[i]!, { id: `sankey-${i}`, heading, nodes }))}</div>`;
    })
    .join('');
  const sensitivity = meta.sensitivity
    ? toSensitivitySection(base, meta.sensitivity, {
        heading: 'What the objectives depend on',
        lead: `The baseline model's ranged assumptions against its ${meta.sensitivity.targets.length} exact objective${meta.sensitivity.targets.length === 1 ? '' : 's'}: the assumptions to check first before trusting a plan's change in them. carepaths fit --sensitivity --strategy adds slopes and every assumption varied together.`,
        figure,
        labels: base,
      })
    : '';
  return `${toPageHead(`${c.strategy.title}: plans tested with carepaths`, toReportStyle(base.fontCss, base.measure.family) + pageStyle)}<body>
<header>
<p>carepaths comparison</p>
<h1>${escapeXml(c.strategy.title)}</h1>
<p class="lead">${escapeXml(c.strategy.description)}</p>
<p>Model: ${escapeXml(c.modelTitle)}. ${c.scenarios.length - 1} plan${c.scenarios.length === 2 ? '' : 's'} tested: ${c.scenarios
    .slice(1)
    .map((s) => `<a href="#plan-${escapeXml(s.id)}">${escapeXml(s.name)}</a>`)
    .join('; ')}.</p>
<nav aria-label="Sections"><ul>${changes ? '<li><a href="#changes">What each plan changes</a></li>' : ''}<li><a href="#objectives-table">Objectives</a></li><li><a href="#plans">Plans and side effects</a></li><li><a href="#charts">Chart per objective</a></li><li><a href="#flows">Patient flow before and after</a></li>${sensitivity ? '<li><a href="#sensitivity">What the objectives depend on</a></li>' : ''}</ul></nav>
</header>
<main>
${
  changes
    ? `<section id="changes" aria-labelledby="changes-h"><h2 id="changes-h">What each plan changes</h2>
<p>Each plan's change to each objective from the baseline, with its 95% interval where simulated. A change under ${toFixedTrim(SMALL_CHANGE * 100)}% of the baseline's value is called too small to matter, and one whose interval includes no change is within the noise.</p>
${figure(changes)}</section>`
    : ''
}
<section id="objectives-table" aria-labelledby="objectives-table-h"><h2 id="objectives-table-h">Objectives: baseline and each plan</h2>
<p>${escapeXml(toSimulationNote(c))}</p>${c.leftOut.length ? `<p class="flag">${meta.pending ? 'Being simulated now; this page will update by itself' : 'Left out, because only the exact objectives were asked for'}: ${c.leftOut.map((o) => escapeXml(o.title)).join('; ')}.</p>` : ''}
${summary}
</section>
<section id="plans" aria-labelledby="plans-h"><h2 id="plans-h">Plans and side effects</h2>
<p>For each plan: what it changes and why, whether the objectives it claims move, and which agencies take on more or less work (exact, ${basis}).</p>
${plans}
</section>
<section id="charts" aria-labelledby="charts-h"><h2 id="charts-h">Chart per objective</h2>${objectives}</section>
<section id="flows" aria-labelledby="flows-h"><h2 id="flows-h">Patient flow before and after</h2>
<p>Requests per 1,000 by first service, next service, where they ended and outcome, for the baseline and then for each plan, with the same services in the same order in every diagram.</p>
${flows}
</section>
${sensitivity}
</main>
<footer>${toProvenanceHtml(meta, { ...(contexts[0]!.graph.meta.title ? { title: contexts[0]!.graph.meta.title } : {}), id: c.model }, ` and the strategy “${escapeXml(c.strategy.title)}”`)}<p>Scenarios: ${c.scenarios.map((s) => escapeXml(`${s.id} (${name(s.id)})`)).join(', ')}.</p></footer>
</body>
</html>
`;
}
