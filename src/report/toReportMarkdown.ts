import type { FunctionalAnalysis } from '../analysis/types.ts';
import type { CareGraph } from '../graph/types.ts';
import type { Pathway, PathwayCount } from '../pathways/types.ts';
import { toAnalysisMarkdown } from './analysisWriters.ts';
import { escapeMarkdown } from './escapeMarkdown.ts';
import { toAssumptionCells, toSensitivityLines } from './fitWriters.ts';
import type { SensitivityResult } from '../analysis/getSensitivity.ts';
import { toCount, toInEvery, toPercent } from './formatNumber.ts';
import { toTimeWithoutWaits } from './noQueuesLine.ts';
import { toNarrative, toPathwayListing } from './pathwayListing.ts';

/**
 * The report in plain English for people who read rather than look: a summary, each of the most
 * likely pathways as a short story, and the functional analysis.
 */
export function toReportMarkdown(
  graph: CareGraph,
  analysis: FunctionalAnalysis,
  pathways: Pathway[],
  coverage: number,
  total: PathwayCount,
  sensitivity?: SensitivityResult,
): string {
  const listing = toPathwayListing(graph, total, 0, 'probability');
  const label = new Map(graph.agencies.map((a) => [a.id, a.label]));
  const title = graph.meta.title ?? graph.modelId;
  const lines = [
    `# ${escapeMarkdown(title)}`,
    '',
    escapeMarkdown(graph.meta.description ?? ''),
    '',
    '## Summary',
    '',
    ...(graph.meta.demand ? [`- Requests for help a day: ${toCount(graph.meta.demand.perDay)}.`] : []),
    `- Expected time from first contact to outcome: ${toTimeWithoutWaits(analysis.expectedMinutes)}.`,
    `- Expected handoffs between agencies: ${analysis.expectedHandoffs.toFixed(2)} per request.`,
    `- Pathways in which no state is visited twice: ${total.exact ? toCount(total.total) : 'too many to count'}.`,
    `- The ${pathways.length} most likely pathways below account for ${toPercent(coverage)} of requests.`,
    '',
    '## The most likely pathways',
    '',
  ];
  for (const p of pathways) {
    const agencies = p.agencies.map((a) => label.get(a) ?? a).join(' → ');
    lines.push(
      `### ${p.rank}. ${escapeMarkdown(agencies)}`,
      '',
      `${escapeMarkdown(toNarrative(p, listing))} ${capitalise(toInEvery(p.probability))} requests; ${toTimeWithoutWaits(p.expectedMinutes)}; ${p.handoffs === 1 ? '1 handoff' : `${p.handoffs} handoffs`}.`,
      '',
    );
  }
  if (sensitivity) lines.push(...toSensitivityLines({ graph }, sensitivity, 'md', strategyHeading), '');
  const assumptions = graph.assumptions ?? [];
  if (assumptions.length)
    lines.push(
      '## Assumptions',
      '',
      `${assumptions.length} numbers in the model are assumptions rather than published figures, each with the range thought plausible (\`carepaths fit\` shows which matter most):`,
      '',
      '| number | value | range | reason |',
      '|---|---:|---|---|',
      ...assumptions.map((a) => {
        const c = toAssumptionCells({ graph }, a);
        return `| ${escapeMarkdown(c.label)} | ${c.value} | ${c.range} | ${escapeMarkdown(c.reason)} |`;
      }),
      '',
    );
  lines.push(
    toAnalysisMarkdown(analysis)
      .replace(/^# .*\n/, '')
      .replace(/^## /gm, '## ')
      .trim(),
    '',
  );
  return lines.join('\n');
}

/** The heading of the report's section on the strategy's objectives and the assumptions. */
export const strategyHeading = "What the strategy's objectives depend on";

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
