import type { DesResult } from '../simulate/types.ts';
import type { MonteCarloResult } from '../simulate/types.ts';
import { toCount, toDuration, toFixedTrim, toPercent } from './formatNumber.ts';

const ci = (c: [number, number], f: (x: number) => string) => `(95% CI ${f(c[0])} to ${f(c[1])})`;
const minutes = (x: number) => `${toFixedTrim(x, 1)} min`;

/** A Monte Carlo result as plain text: simulated figures beside the exact ones. */
export function toMonteCarloText(r: MonteCarloResult, label: (agency: string) => string): string {
  const lines = [
    `Monte Carlo simulation of model "${r.model}": ${r.replications} replications × ${toCount(r.requests)} requests, seed ${r.seed}`,
    '',
    'Outcomes (simulated share, 95% confidence interval, exact share):',
    ...r.outcomes
      .filter((o) => o.exact > 0 || o.share > 0)
      .map((o) => `  ${o.state.padEnd(42)} ${toPercent(o.share).padStart(7)}  ${ci(o.ci95, toPercent).padEnd(30)} exact ${toPercent(o.exact)}`),
    '',
    `Time to outcome: mean ${toDuration(r.timeToOutcome.mean)} ${ci(r.timeToOutcome.ci95, minutes)}, exact mean ${toDuration(r.timeToOutcome.exactMean)}; median ${toDuration(r.timeToOutcome.p50)}, 90th centile ${toDuration(r.timeToOutcome.p90)}, 95th ${toDuration(r.timeToOutcome.p95)}.`,
    `Handoffs per request: ${r.handoffs.mean.toFixed(3)} ${ci(r.handoffs.ci95, (x) => x.toFixed(3))}, exact ${r.handoffs.exact.toFixed(3)}.`,
    '',
    'Workload: minutes of each agency’s time per request:',
    ...r.workload
      .filter((w) => w.minutesPerRequest > 0)
      .map((w) => `  ${label(w.agency).padEnd(36)} ${toFixedTrim(w.minutesPerRequest, 1).padStart(9)} ${ci(w.ci95, (x) => toFixedTrim(x, 1))}`),
    '',
    'Most frequent pathways (simulated share, exact probability):',
    ...r.variants.map(
      (v, i) => `  ${String(i + 1).padStart(2)}. ${toPercent(v.share).padStart(6)}  exact ${toPercent(v.exact).padStart(6)}  ${v.states.join(' > ')}`,
    ),
  ];
  return lines.join('\n') + '\n';
}

/** A discrete-event result as plain text: waits, utilisation, response times, four-hour shares. */
export function toDesText(r: DesResult, label: (agency: string) => string): string {
  const lines = [
    `Discrete-event simulation of model "${r.model}": ${r.replications} replications of ${r.days} days after ${r.warmup} days of warm-up, seed ${r.seed}, ${r.arrivals} arrivals`,
    `About ${toCount(r.requestsPerReplication)} requests a replication; ${toCount(r.unfinishedPerReplication)} still in the system at the end (left out of outcomes and times).`,
    '',
    'Services with capacity: waits (minutes) and utilisation, each with a 95% confidence interval over replications:',
    `  ${'service'.padEnd(40)} ${'servers'.padEnd(16)} ${'mean wait'.padStart(10)} ${'95% CI'.padEnd(18)} ${'p90'.padStart(8)} ${'max'.padStart(9)} ${'busy'.padStart(7)} ${'95% CI'.padEnd(16)} queue`,
    ...r.services.map(
      (s) =>
        `  ${s.state.padEnd(40)} ${s.servers.padEnd(16)} ${toFixedTrim(s.waitMean, 1).padStart(10)} ${`${toFixedTrim(s.waitMeanCi95[0], 1)}–${toFixedTrim(s.waitMeanCi95[1], 1)}`.padEnd(18)} ${toFixedTrim(s.waitP90, 1).padStart(8)} ${toFixedTrim(s.waitMax, 1).padStart(9)} ${toPercent(s.utilisation).padStart(7)} ${`${toPercent(s.utilisationCi95[0])}–${toPercent(s.utilisationCi95[1])}`.padEnd(16)} mean ${toFixedTrim(s.queueMean, 1)}, max ${s.queueMax}`,
    ),
    '',
    'Response times (from reaching the agency to the end of each dispatch state):',
    ...(r.responseTimes.length
      ? r.responseTimes.map(
          (t) =>
            `  ${t.state.padEnd(40)} mean ${toFixedTrim(t.mean, 1).padStart(7)} min ${ci(t.ci95, minutes).padEnd(34)} 90th centile ${toFixedTrim(t.p90, 1)} min (${toCount(t.count)} a replication)`,
        )
      : ['  (the model has no dispatch states)']),
    '',
    'Time with each agency per stay, and the share of stays within four hours:',
    ...r.stays
      .filter((s) => s.count > 0)
      .map(
        (s) =>
          `  ${label(s.agency).padEnd(36)} mean ${toDuration(s.mean).padEnd(26)} 90th centile ${toDuration(s.p90).padEnd(26)} within 4 hours ${toPercent(s.withinFourHours)} ${ci(s.withinFourHoursCi95, toPercent)}`,
      ),
    '',
    'Outcomes:',
    ...r.outcomes.filter((o) => o.share > 0).map((o) => `  ${o.state.padEnd(42)} ${toPercent(o.share).padStart(7)} ${ci(o.ci95, toPercent)}`),
    '',
    `Time to outcome: mean ${toDuration(r.timeToOutcome.mean)} ${ci(r.timeToOutcome.ci95, minutes)}; median ${toDuration(r.timeToOutcome.p50)}, 90th centile ${toDuration(r.timeToOutcome.p90)}, 95th ${toDuration(r.timeToOutcome.p95)}.`,
  ];
  return lines.join('\n') + '\n';
}

/** Either result as Markdown: the text inside a heading, as a fixed-width block. */
export const toSimulationMarkdown = (title: string, text: string): string =>
  `# ${title.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`)}\n\n\`\`\`text\n${text}\`\`\`\n`;
