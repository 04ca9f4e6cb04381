import { getServiceFlows, type ServiceFlows } from '../analysis/getServiceFlows.ts';
import type { Pathway, PathwayCount } from '../pathways/types.ts';
import type { DesResult } from '../simulate/types.ts';
import { renderByDay, renderByHour } from './renderByHour.ts';
import { renderClockStandards } from './renderClockStandards.ts';
import { renderResponseTimes } from './renderResponseTimes.ts';
import { renderUtilisationChart } from './renderUtilisationChart.ts';
import { renderWaitChart } from './renderWaitChart.ts';
import { renderAgencyOverview } from './renderAgencyOverview.ts';
import { renderHandoffMatrix } from './renderHandoffMatrix.ts';
import { getSankeyNodes, renderSankey } from './renderSankey.ts';
import { renderSwimlane } from './renderSwimlane.ts';
import { renderSystemMap } from './renderSystemMap.ts';
import { toReportHtml } from './toReportHtml.ts';
import { renderTornadoes } from './toSensitivitySection.ts';
import type { SensitivityResult } from '../analysis/getSensitivity.ts';
import type { Diagram, RenderContext } from './types.ts';

/** Everything the report needs that is not a diagram. */
export interface ReportInput {
  pathways: Pathway[];
  /** Further likely pathways, after `pathways`, that the page's search finds (without a swimlane). */
  searchable?: Pathway[];
  coverage: number;
  total: PathwayCount;
  version: string;
  source: string;
  /** Simulated results to add, when the report is asked to simulate. */
  simulation?: ReportSimulation;
  /** Which assumptions move each of a strategy's exact objectives most, when the report is given a strategy. */
  sensitivity?: SensitivityResult;
}

/** What simulation adds to the report. */
export interface ReportSimulation {
  /** Flows between agencies counted from Monte Carlo walks, and how many. */
  flows: ServiceFlows;
  requests: number;
  seed: number;
  /** The discrete-event result, when the model has demand and capacity. */
  des?: DesResult;
  /** Why there is no discrete-event result, when there is none. */
  note?: string;
}

/** The report page and every diagram in it, each also as a standalone SVG. */
export interface RenderedReport {
  html: string;
  diagrams: Diagram[];
}

/** Renders every diagram once, and the page around them. */
export async function renderReport(ctx: RenderContext, input: ReportInput): Promise<RenderedReport> {
  const overview = renderAgencyOverview(ctx);
  const systemMap = await renderSystemMap(ctx, { des: input.simulation?.des });
  const exactFlows = getServiceFlows(ctx.graph);
  // The simulated Sankey shares the exact one's nodes and order, so that the two can be set side by side.
  const nodes = getSankeyNodes(ctx, [exactFlows, ...(input.simulation ? [input.simulation.flows] : [])]);
  const sankey = renderSankey(ctx, exactFlows, { nodes });
  const matrix = renderHandoffMatrix(ctx);
  const swimlanes = input.pathways.map((p) => renderSwimlane(ctx, p));
  const simulated = input.simulation ? renderSimulation(ctx, input.simulation, nodes) : [];
  const tornadoes = input.sensitivity ? renderTornadoes(ctx, input.sensitivity) : [];
  const html = toReportHtml(ctx, { overview, systemMap, sankey, matrix, swimlanes, simulated, tornadoes, ...input });
  // A diagram that is not drawn (too large a model) has no file; the page says why.
  return { html, diagrams: [overview, systemMap, sankey, matrix, ...swimlanes, ...simulated, ...tornadoes].filter((d) => d.svg) };
}

function renderSimulation(ctx: RenderContext, sim: ReportSimulation, nodes: string[]): Diagram[] {
  const flows = renderSankey(ctx, sim.flows, {
    nodes,
    id: 'sankey-simulated',
    subtitle: `Simulated flows per 1,000 requests (Monte Carlo, ${sim.requests.toLocaleString('en-GB')} requests, seed ${sim.seed})`,
    heading: 'Patient flow: first service, next service, where it ended, outcome (simulated)',
  });
  if (!sim.des) return [flows];
  // Clocks held to a standard are drawn against it, in the standard's statistics; otherwise the spread of each dispatch state's response.
  const response = renderClockStandards(ctx, sim.des) ?? renderResponseTimes(ctx, sim.des);
  const byHour = renderByHour(ctx, sim.des);
  const byDay = renderByDay(ctx, sim.des);
  return [
    flows,
    renderWaitChart(ctx, sim.des),
    renderUtilisationChart(ctx, sim.des),
    ...(byHour ? [byHour] : []),
    ...(byDay ? [byDay] : []),
    ...(response ? [response] : []),
  ];
}
