import { getAgencyBands } from '../model/bands.ts';
import { toProvenanceHtml } from './toProvenanceHtml.ts';
import { noQueuesLine, toTimeWithoutWaits } from '../report/noQueuesLine.ts';
import { milestonesHeading, outcomesHeading } from '../report/analysisWriters.ts';
import { getOutcomeWords } from '../model/outcomes.ts';
import { getMilestoneNodes } from '../analysis/getFunctionalAnalysis.ts';
import type { PathwayCount, Pathway } from '../pathways/types.ts';
import { toCount, toDuration, toFixedTrim, toInEvery, toPercent, toShortDuration } from '../report/formatNumber.ts';
import { toFunctionSummary } from '../report/toFunctionSummary.ts';
import { reportScript } from './reportScript.ts';
import { toAssumptionTable } from './toAssumptionTable.ts';
import { toSensitivitySection } from './toSensitivitySection.ts';
import { strategyHeading } from '../report/toReportMarkdown.ts';
import type { SensitivityResult } from '../analysis/getSensitivity.ts';
import { toPageHead } from './toPageHead.ts';
import { toReportStyle } from './reportStyle.ts';
import { escapeXml } from './svg.ts';
import { toFigureHtml } from './toFigureHtml.ts';
import type { ReportSimulation } from './renderReport.ts';
import type { Diagram, RenderContext } from './types.ts';

/** What the report page shows, already rendered. */
export interface ReportParts {
  overview: Diagram;
  systemMap: Diagram;
  sankey: Diagram;
  matrix: Diagram;
  swimlanes: Diagram[];
  /** Simulated diagrams (Sankey, waits, utilisation, response times), when the report simulated. */
  simulated: Diagram[];
  simulation?: ReportSimulation;
  /** The tornado charts of a strategy's objectives, and the sensitivity they draw, when the report was given a strategy. */
  sensitivity?: SensitivityResult;
  tornadoes: Diagram[];
  pathways: Pathway[];
  /** Further likely pathways, after `pathways`, that the search finds but that have no swimlane. */
  searchable?: Pathway[];
  coverage: number;
  total: PathwayCount;
  /** Where the page comes from (carepaths version, model file and its hash, the day), for the footer. */
  version: string;
  source: string;
  sha256?: string;
  madeOn?: string;
}

/**
 * The report as one self-contained HTML page: the font, the diagrams and the script are inline,
 * and a Content-Security-Policy forbids every network request. Diagrams inside the page share
 * the page's font, so their own copy is left out.
 */
export function toReportHtml(ctx: RenderContext, parts: ReportParts): string {
  const { graph, analysis } = ctx;
  const inline = (svg: string) => (ctx.fontCss ? svg.split(ctx.fontCss).join('') : svg);
  const title = graph.meta.title ?? graph.modelId;
  const figure = (d: Diagram, extra = '') => toFigureHtml(d, inline(d.svg), extra);
  // Outcomes reached only when a room is full or a request gives up (left without being seen) have no share here.
  const outcomes = analysis.outcomeCategories
    .filter((o) => o.probability > 0)
    .map((o) => `<tr><td>${escapeXml(o.label)}</td><td>${toPercent(o.probability)}</td><td>${escapeXml(o.definition ?? '')}</td></tr>`)
    .join('');
  const perDay = graph.meta.demand?.perDay;
  const milestones = analysis.milestones
    .map(
      (m) =>
        `<tr><td>${escapeXml(m.label)}</td><td>${toPercent(m.share)}</td>${perDay !== undefined ? `<td>${toCount(m.share * perDay)}</td>` : ''}<td>${escapeXml(m.definition)}</td></tr>`,
    )
    .join('');
  const figures = [
    perDay !== undefined ? [`${toCount(perDay)}`, 'requests for help a day'] : undefined,
    [toShortDuration(analysis.expectedMinutes), 'expected from first contact to outcome, without waits'],
    [analysis.expectedHandoffs.toFixed(2), 'handoffs between agencies per request'],
    [parts.total.exact ? toCount(parts.total.total) : 'too many to count', 'pathways in which no state is visited twice'],
    [toPercent(parts.coverage), `of requests follow one of the ${parts.pathways.length} most likely pathways`],
  ]
    .filter((f): f is string[] => f !== undefined)
    .map(([value, label]) => `<div class="figure"><b>${escapeXml(value!)}</b>${escapeXml(label!)}</div>`)
    .join('');
  const search = toSearchText(ctx);
  const searchable = [...parts.pathways, ...(parts.searchable ?? [])];
  const searchCoverage = searchable.reduce((a, p) => a + p.probability, 0);
  const list = searchable
    .map((p, i) => {
      const meta = `${toPercent(p.probability)} of requests · ${toTimeWithoutWaits(p.expectedMinutes)} · ${p.handoffs === 1 ? '1 handoff' : `${p.handoffs} handoffs`} · outcome: ${escapeXml(getOutcomeWords(graph.meta, p.outcome).label)}`;
      const head = `<b>${p.rank}. ${escapeXml(p.agencies.map(ctx.agencyLabel).join(' → '))}</b><br><span class="meta">${meta}</span>`;
      return i < parts.pathways.length
        ? `<li data-rank="${p.rank}" data-text="${escapeXml(search(p))}"><button type="button" aria-controls="swimlane-figure-${p.rank}">${head}</button></li>`
        : `<li data-rank="${p.rank}" data-text="${escapeXml(search(p))}" data-extra hidden><div class="unlaned">${head}<br><span class="meta">${escapeXml(
            p.nodes.map((n) => graph.nodes[n]!.description || graph.nodes[n]!.id).join(' '),
          )}</span></div></li>`;
    })
    .join('');
  const lanes = parts.swimlanes
    .map((d, i) => `<div class="swimlane" id="swimlane-figure-${parts.pathways[i]!.rank}" data-rank="${parts.pathways[i]!.rank}">${figure(d)}</div>`)
    .join('');
  const functions = analysis.functions
    .map(
      (row) =>
        `<div class="function"><h3>${escapeXml(row.label)}</h3><p>${escapeXml(toFunctionSummary(row))}</p><details><summary>Where ${escapeXml(row.label.toLowerCase())} happens</summary><table><thead><tr><th scope="col">Agency</th><th scope="col">Visits per 1,000 requests</th><th scope="col">Share of requests</th><th scope="col">States</th></tr></thead><tbody>${row.agencies
          .map(
            (c) =>
              `<tr><td>${escapeXml(c.label)}</td><td>${toFixedTrim(c.expectedVisitsPer1000)}</td><td>${toInEvery(c.shareOfRequests)}</td><td>${c.states.map((s) => escapeXml(s)).join('<br>')}</td></tr>`,
          )
          .join('')}</tbody></table></details></div>`,
    )
    .join('');
  const grid =
    '<table class="matrix"><thead><tr><th scope="col">Function</th>' +
    analysis.agencies.map((a) => `<th scope="col">${escapeXml(a.label)}</th>`).join('') +
    '</tr></thead><tbody>' +
    analysis.functions
      .map(
        (row) =>
          `<tr><th scope="row">${escapeXml(row.label)}</th>${analysis.agencies
            .map((a) => {
              const cell = row.agencies.find((c) => c.agency === a.agency);
              return `<td>${cell ? toFixedTrim(cell.expectedVisitsPer1000) : ''}</td>`;
            })
            .join('')}</tr>`,
      )
      .join('') +
    '</tbody></table>';
  const sources = (graph.meta.sources ?? []).map((s) => `<li>${escapeXml(s)}</li>`).join('');
  const assumptions = graph.assumptions ?? [];
  const assumptionTable = assumptions.length
    ? `<section id="assumptions" aria-labelledby="assumptions-h"><h2 id="assumptions-h">Assumptions</h2><p>${assumptions.length} numbers in the model are assumptions rather than published figures, each with the range thought plausible; <code>carepaths fit</code> shows which matter most.</p><details><summary>Every assumption, with its range and reason</summary>${toAssumptionTable(graph, assumptions)}</details></section>`
    : '';
  const sensitivity = parts.sensitivity
    ? toSensitivitySection(ctx, parts.sensitivity, {
        heading: strategyHeading,
        lead: `Which of the model's ranged assumptions move each of the strategy's ${parts.sensitivity.targets.length} exact objective${parts.sensitivity.targets.length === 1 ? '' : 's'} most: the numbers to check first with the people who know them. carepaths fit --sensitivity --strategy adds slopes and every assumption varied together.`,
        figure,
        labels: ctx,
        tornadoes: parts.tornadoes,
      })
    : '';
  const bands = getAgencyBands(graph.meta, graph.agencies).filter((b) => b.label !== undefined);
  const banded = bands.length > 0;
  const bandNames = bands.map((b) => b.label!).join(', ');
  return `${toPageHead(`${title}: carepaths report`, toReportStyle(ctx.fontCss, ctx.measure.family))}<body>
<header>
<p>carepaths report</p>
<h1>${escapeXml(title)}</h1>
<p class="lead">${escapeXml(graph.meta.description ?? '')}</p>
<nav aria-label="Sections"><ul><li><a href="#summary">Summary</a></li><li><a href="#overview">Agencies</a></li><li><a href="#map">System map</a></li><li><a href="#pathways">Pathways</a></li><li><a href="#functions">Who does what</a></li><li><a href="#flow">Patient flow</a></li><li><a href="#handoffs">Handoffs</a></li>${parts.simulation ? '<li><a href="#simulation">Simulation</a></li>' : ''}${sensitivity ? '<li><a href="#sensitivity">What the objectives depend on</a></li>' : ''}${assumptions.length ? '<li><a href="#assumptions">Assumptions</a></li>' : ''}</ul></nav>
</header>
<main>
<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>
<div class="figures">${figures}</div>
<p>All figures are exact, from the model as an absorbing Markov chain, for one request entering the system; re-contacts and re-attendances are included.</p>${analysis.capacity ? `<p>${escapeXml(noQueuesLine)}</p>` : ''}
${milestones ? `<h3>${escapeXml(milestonesHeading)}</h3><table><thead><tr><th scope="col">What happens</th><th scope="col">Share of requests</th>${perDay !== undefined ? '<th scope="col">Requests a day</th>' : ''}<th scope="col">What counts</th></tr></thead><tbody>${milestones}</tbody></table>` : ''}
<h3>${escapeXml(outcomesHeading)}</h3><table><thead><tr><th scope="col">Outcome</th><th scope="col">Share of requests</th><th scope="col">What it means</th></tr></thead><tbody>${outcomes}</tbody></table>
</section>
<section id="overview" aria-labelledby="overview-h"><h2 id="overview-h">${escapeXml(parts.overview.title)}</h2>${figure(parts.overview)}</section>
<section id="map" aria-labelledby="map-h"><h2 id="map-h">System map</h2>
<p>Every agency with its services and decisions${banded ? `, in bands (${escapeXml(bandNames)})` : ''}. It opens on the whole system, each agency with the requests coming into it: select one to zoom in to its services and decisions. Drag to move (on a touch screen, tap the map first: until then a swipe over it scrolls the page); to zoom, use the buttons, hold Ctrl (⌘ on a Mac) and use the mouse wheel or pinch, or focus the map and use the arrow keys and + and − (Enter zooms in to the agency in the middle). Hover over a state for its description.${parts.simulation?.des ? ' From the simulation, each state is shaded by the mean wait to get into it, and outlined in dashed red where requests are blocked, waiting to move on while they keep what they hold; the second legend gives each resource’s share in use.' : ''}</p>
${parts.systemMap.note ? `<p class="note">${escapeXml(parts.systemMap.note)}</p>` : ''}${
    parts.systemMap.svg
      ? `<div class="controls"><button type="button" data-zoom="in">Zoom in</button><button type="button" data-zoom="out">Zoom out</button><button type="button" data-zoom="reset">Whole system</button></div>
<div id="map-frame" tabindex="0" role="region" aria-label="System map; drag or use the arrow keys to move, + and − to zoom, Enter to zoom in to the agency in the middle">${inline(parts.systemMap.svg)}</div>
<div id="map-print"></div>`
      : ''
  }
<details${parts.systemMap.svg ? '' : ' open'}><summary>System map as a table</summary>${parts.systemMap.table}</details>
</section>
<section id="pathways" aria-labelledby="pathways-h"><h2 id="pathways-h">The ${parts.pathways.length} most likely pathways</h2>
<p>Together they account for ${toPercent(parts.coverage)} of requests${parts.total.exact ? `, out of ${toCount(parts.total.total)} pathways in which no state is visited twice` : ''}. Choose a pathway to see it as a swimlane.</p>
<label for="pathway-search">Search the ${searchable.length} most likely pathways (${toPercent(searchCoverage)} of requests) by agency, outcome, what happens on the way or any words:</label><br><input type="search" id="pathway-search" placeholder="for example: ambulance admitted" data-total="${searchable.length}"> <span id="pathway-count" aria-live="polite"></span>
<ol id="pathway-list">${list}</ol>
${lanes}
</section>
<section id="functions" aria-labelledby="functions-h"><h2 id="functions-h">Who does what</h2>
<p>For each function of the system, which agencies perform it and how often, per 1,000 requests.</p>
${functions}
<details><summary>Functions × agencies: visits per 1,000 requests</summary>${grid}</details>
</section>
<section id="flow" aria-labelledby="flow-h"><h2 id="flow-h">${escapeXml(parts.sankey.title)}</h2>${figure(parts.sankey)}</section>
<section id="handoffs" aria-labelledby="handoffs-h"><h2 id="handoffs-h">${escapeXml(parts.matrix.title)}</h2>${figure(parts.matrix)}</section>
${parts.simulation ? toSimulationSection(ctx, parts, figure) : ''}
${sensitivity}
${assumptionTable}
</main>
<footer>
${toProvenanceHtml(parts, { ...(graph.meta.title ? { title: graph.meta.title } : {}), id: graph.modelId })}
${sources ? `<p>Sources named by the model:</p><ul>${sources}</ul>` : ''}
</footer>
<script>${reportScript}</script>
</body>
</html>
`;
}

/**
 * What the pathway search looks in, for each pathway: the agencies (names, ids and aliases), the
 * outcome (its words and id), what happens on the way (the milestones it reaches) and every step's
 * description, lower case, one space between words, so that a search word matches the start of a word.
 */
function toSearchText(ctx: RenderContext): (p: Pathway) => string {
  const { graph } = ctx;
  const aliases = new Map((graph.meta.agencies ?? []).map((a) => [a.id, a.aliases ?? []]));
  const milestones = getMilestoneNodes(graph).map(({ milestone, nodes }) => ({ label: milestone.label, nodes: new Set(nodes.map((n) => n.index)) }));
  return (p) => {
    const outcome = getOutcomeWords(graph.meta, p.outcome);
    const words = [
      ...p.agencies.flatMap((a) => [ctx.agencyLabel(a), a, ...(aliases.get(a) ?? [])]),
      outcome.label,
      p.outcome,
      ...milestones.filter((m) => p.nodes.some((n) => m.nodes.has(n))).map((m) => m.label),
      ...p.nodes.map((n) => graph.nodes[n]!.description ?? ''),
    ];
    return ` ${words
      .join(' ')
      .toLowerCase()
      .split(/[^\p{L}\p{N}&]+/u)
      .filter(Boolean)
      .join(' ')} `;
  };
}

/** The simulation section: what was simulated, the simulated diagrams, and the four-hour shares. */
function toSimulationSection(ctx: RenderContext, parts: ReportParts, figure: (d: Diagram) => string): string {
  const sim = parts.simulation!;
  const des = sim.des;
  const intro = des
    ? `A discrete-event simulation of ${des.days} days after ${des.warmup} days of warm-up, ${des.replications} replications, seed ${des.seed}: about ${toCount(des.requestsPerReplication)} requests a replication arrive at the model's demand by hour, and wait where services are full. Each figure has a 95% confidence interval over the replications.`
    : `A Monte Carlo simulation of ${toCount(sim.requests)} requests, seed ${sim.seed}. ${sim.note ?? ''}`;
  const stays = des
    ? `<h3>Time with each agency</h3><table><thead><tr><th scope="col">Agency</th><th scope="col">Mean stay</th><th scope="col">90th centile</th><th scope="col">Stays within four hours</th></tr></thead><tbody>${des.stays
        .filter((s) => s.count > 0)
        .map(
          (s) =>
            `<tr><td>${escapeXml(ctx.agencyLabel(s.agency))}</td><td>${toDuration(s.mean)}</td><td>${toDuration(s.p90)}</td><td>${toPercent(s.withinFourHours)} (95% CI ${toPercent(s.withinFourHoursCi95[0])} to ${toPercent(s.withinFourHoursCi95[1])})</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  return `<section id="simulation" aria-labelledby="simulation-h"><h2 id="simulation-h">Simulation</h2><p>${escapeXml(intro)}</p>${parts.simulated.map((d) => `<h3>${escapeXml(d.title)}</h3>${figure(d)}`).join('')}${stays}</section>`;
}
