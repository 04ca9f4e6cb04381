import type { ModelSummary } from '../analysis/getModelSummary.ts';
import { toCount, toPlural } from './formatNumber.ts';

/** The model at a glance, as plain text. */
export function toSummaryText(summary: ModelSummary, file: string, verdict: string): string {
  const place = [
    summary.place,
    summary.population !== undefined ? `${toCount(summary.population)} people` : undefined,
    summary.demandPerDay !== undefined ? `${toCount(summary.demandPerDay)} requests for help a day` : undefined,
  ].filter(Boolean);
  const list = (items: { label: string; states: number }[]) => items.map((i) => `  ${i.label.padEnd(44)} ${toPlural(i.states, 'state')}`).join('\n');
  return [
    summary.title,
    `Model "${summary.model}" from ${file}`,
    ...(place.length ? [place.join(' · ')] : []),
    '',
    `Check: ${verdict}`,
    `${toPlural(summary.services, 'service or decision', 'services and decisions')}, ${toPlural(summary.outcomeStates, 'outcome state')}; ${toPlural(summary.configurations, 'configuration')} and ${toPlural(summary.waysOut, 'way out', 'ways out')} once compiled.`,
    '',
    `Agencies (${summary.agencies.length}):`,
    list(summary.agencies),
    '',
    `Functions (${summary.functions.length}):`,
    list(summary.functions),
    '',
    `Outcomes (${summary.outcomes.length}):`,
    list(summary.outcomes),
    '',
  ].join('\n');
}
