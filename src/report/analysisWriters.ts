import { noQueuesLine, toTimeWithoutWaits } from './noQueuesLine.ts';
import type { FunctionalAnalysis } from '../analysis/types.ts';
import { toCount, toFixedTrim, toPercent } from './formatNumber.ts';
import { escapeMarkdown as escapeText } from './escapeMarkdown.ts';
import { toFunctionSummary } from './toFunctionSummary.ts';

/** The analysis as JSON for scripts: the documented contract, plus a plain-English summary of each function. */
export function toAnalysisJson(analysis: FunctionalAnalysis): string {
  return JSON.stringify({ ...analysis, functions: analysis.functions.map((row) => ({ ...row, summary: toFunctionSummary(row) })) }, null, 2) + '\n';
}

const labelOf = (analysis: FunctionalAnalysis) => {
  const labels = new Map(analysis.agencies.map((a) => [a.agency, a.label]));
  return (id: string) => labels.get(id) ?? id;
};

/** The heading of what happens to requests on the way (`meta.milestones`), in every writer. */
export const milestonesHeading = 'What happens to requests on the way (at least once, whatever the outcome)';
/** The heading of how requests end, in every writer. */
export const outcomesHeading = 'How requests end (the last step of each pathway)';

/** The analysis as plain text for a terminal. */
export function toAnalysisText(analysis: FunctionalAnalysis): string {
  const label = labelOf(analysis);
  const lines = [
    `Functional analysis of "${analysis.title}" (model ${analysis.model})`,
    'Exact figures for one request entering the system, loops included.',
    ...(analysis.capacity ? [noQueuesLine] : []),
    '',
    `Expected time from first contact to outcome: ${toTimeWithoutWaits(analysis.expectedMinutes)} (${toCount(analysis.expectedMinutes)} minutes).`,
    `Expected handoffs between agencies: ${analysis.expectedHandoffs.toFixed(2)} per request.`,
    ...(analysis.milestones.length
      ? [
          '',
          `${milestonesHeading}:`,
          ...analysis.milestones.flatMap((m) => [`  ${m.label.padEnd(44)} ${toPercent(m.share).padStart(7)}`, ...wrap(m.definition, 92, '    ')]),
        ]
      : []),
    '',
    `${outcomesHeading}:`,
    ...analysis.outcomeCategories.flatMap((o) => [
      `  ${o.label.padEnd(44)} ${toPercent(o.probability).padStart(7)}`,
      ...(o.definition ? wrap(o.definition, 92, '    ') : []),
    ]),
    '',
    'Functions, who performs them, and how often:',
  ];
  for (const row of analysis.functions) {
    lines.push('', `  ${row.label}: ${toCount(row.expectedVisitsPer1000)} visits per 1,000 requests`);
    for (const cell of row.agencies) {
      lines.push(
        `    ${cell.label.padEnd(34)} ${toFixedTrim(cell.expectedVisitsPer1000).padStart(8)} per 1,000   ${toPercent(cell.shareOfRequests).padStart(6)} of requests`,
      );
    }
    lines.push(...wrap(toFunctionSummary(row), 92, '    '));
  }
  lines.push('', 'Handoffs between agencies, per 1,000 requests:');
  for (const h of analysis.handoffs) lines.push(`  ${`${label(h.from)} → ${label(h.to)}`.padEnd(64)} ${toFixedTrim(h.expectedPer1000).padStart(8)}`);
  return lines.join('\n') + '\n';
}

/** The analysis as Markdown for people. */
export function toAnalysisMarkdown(analysis: FunctionalAnalysis): string {
  const label = labelOf(analysis);
  const lines = [
    `# Functional analysis of ${escapeText(analysis.title)}`,
    '',
    'Exact figures for one request entering the system, re-contacts and re-attendances included.',
    ...(analysis.capacity ? ['', noQueuesLine] : []),
    '',
    `- Expected time from first contact to outcome: ${toTimeWithoutWaits(analysis.expectedMinutes)}.`,
    `- Expected handoffs between agencies: ${analysis.expectedHandoffs.toFixed(2)} per request.`,
    '',
    ...(analysis.milestones.length
      ? [
          `## ${milestonesHeading}`,
          '',
          '| What happens | Share of requests | What counts |',
          '|---|---:|---|',
          ...analysis.milestones.map((m) => `| ${escapeText(m.label)} | ${toPercent(m.share)} | ${escapeText(m.definition)} |`),
          '',
        ]
      : []),
    `## ${outcomesHeading}`,
    '',
    '| Outcome | Share of requests | What it means |',
    '|---|---:|---|',
    ...analysis.outcomeCategories.map((o) => `| ${escapeText(o.label)} | ${toPercent(o.probability)} | ${escapeText(o.definition ?? '')} |`),
    '',
    '## Who does what',
    '',
  ];
  for (const row of analysis.functions) {
    lines.push(
      `### ${escapeText(row.label)}`,
      '',
      escapeText(toFunctionSummary(row)),
      '',
      '| Agency | Visits per 1,000 requests | Share of requests | States |',
      '|---|---:|---:|---|',
    );
    for (const cell of row.agencies) {
      lines.push(
        `| ${escapeText(cell.label)} | ${toFixedTrim(cell.expectedVisitsPer1000)} | ${toPercent(cell.shareOfRequests)} | ${cell.states.map((s) => `\`${s}\``).join(', ')} |`,
      );
    }
    lines.push('');
  }
  lines.push('## Handoffs between agencies', '', '| From | To | Per 1,000 requests |', '|---|---|---:|');
  for (const h of analysis.handoffs) lines.push(`| ${escapeText(label(h.from))} | ${escapeText(label(h.to))} | ${toFixedTrim(h.expectedPer1000)} |`);
  return lines.join('\n') + '\n';
}

function wrap(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      out.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(indent + line);
  return out;
}
