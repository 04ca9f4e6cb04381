import { getHandoffSteps } from '../analysis/getHandoffSteps.ts';
import type { Pathway, PathwayCount } from '../pathways/types.ts';
import { renderAgencyOverview } from './renderAgencyOverview.ts';
import { renderHandoffMatrix } from './renderHandoffMatrix.ts';
import { renderSankey } from './renderSankey.ts';
import { renderSwimlane } from './renderSwimlane.ts';
import { renderSystemMap } from './renderSystemMap.ts';
import { toReportHtml } from './toReportHtml.ts';
import type { Diagram, RenderContext } from './types.ts';

/** Everything the report needs that is not a diagram. */
export interface ReportInput {
  pathways: Pathway[];
  coverage: number;
  total: PathwayCount;
  version: string;
  source: string;
}

/** The report page and every diagram in it, each also as a standalone SVG. */
export interface RenderedReport {
  html: string;
  diagrams: Diagram[];
}

/** Renders every diagram once, and the page around them. */
export async function renderReport(ctx: RenderContext, input: ReportInput): Promise<RenderedReport> {
  const overview = renderAgencyOverview(ctx);
  const systemMap = await renderSystemMap(ctx);
  const sankey = renderSankey(ctx, getHandoffSteps(ctx.graph));
  const matrix = renderHandoffMatrix(ctx);
  const swimlanes = input.pathways.map((p) => renderSwimlane(ctx, p));
  const html = toReportHtml(ctx, { overview, systemMap, sankey, matrix, swimlanes, ...input });
  return { html, diagrams: [overview, systemMap, sankey, matrix, ...swimlanes] };
}
