import type { DesResult } from '../simulate/types.ts';
import type { MonteCarloResult } from '../simulate/types.ts';
import { toCount, toDuration, toFixedTrim, toPercent, toShortDuration } from './formatNumber.ts';
import { noQueuesLine } from './noQueuesLine.ts';
import { toCsvRow } from './toCsv.ts';

const ci = (c: [number, number], f: (x: number) => string) => `(95% CI ${f(c[0])} to ${f(c[1])})`;
const minutes = (x: number) => `${toFixedTrim(x, 1)} min`;

/** A Monte Carlo result as plain text: simulated figures beside the exact ones. */
export function toMonteCarloText(r: MonteCarloResult, label: (agency: string) => string): string {
  const lines = [
    `Monte Carlo simulation of model "${r.model}": ${r.replications} replications × ${toCount(r.requests)} requests, seed ${r.seed}`,
    ...(r.capacity ? [noQueuesLine] : []),
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

/** A discrete-event result as plain text: flow first (clocks, resources, waits, blocking), then waits by service, response times, stays and outcomes. */
export function toDesText(r: DesResult, label: (agency: string) => string): string {
  const lines = [
    `Discrete-event simulation of model "${r.model}": ${r.replications} replications of ${r.days} days after ${r.warmup} days of warm-up, seed ${r.seed}, ${r.arrivals} arrivals`,
    `About ${toCount(r.requestsPerReplication)} requests a replication; ${toCount(r.unfinishedPerReplication)} still in the system at the end (left out of outcomes and times)${r.lostPerReplication ? `; ${toCount(r.lostPerReplication)} lost (a full waiting room and no way out for that)` : ''}.`,
    ...(r.deadlock ? ['', ...toDeadlockLines(r.deadlock)] : []),
    ...toClockLines(r),
    ...toResourceLines(r),
    ...toWaitingRoomLines(r),
    ...toBlockingLines(r),
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

function toDeadlockLines(d: NonNullable<DesResult['deadlock']>): string[] {
  return [
    `DEADLOCK: in replication ${d.replication + 1}, on day ${toFixedTrim(d.minute / 1440, 1)}, every unit of ${d.resources.join(' and ')} was held by a request waiting for another of them, so none could ever move.`,
    `  Stuck at: ${d.states.join(', ')}.`,
    '  The replication stopped there and these results are not to be used. Give one of these states a waiting room, a way out when full, or more units.',
  ];
}

function toClockLines(r: DesResult): string[] {
  if (!r.clocks.length) return [];
  return [
    '',
    "Clocks (the model's standards): mean with 95% CI, median, 90th centile, and the share over each threshold with the hours beyond it a day:",
    ...r.clocks.flatMap((c) => [
      `  ${c.label}: mean ${toDuration(c.mean)} ${ci(c.ci95, minutes)}${against(c.standard?.mean)}, median ${toDuration(c.p50)}, 90th centile ${toDuration(c.p90)}${against(c.standard?.p90)} (${toCount(c.count)} a replication)`,
      `    ${c.over.map((o) => `over ${toThreshold(o.minutes)} ${toPercent(o.share)} ${ci(o.ci95, toPercent)}, ${toFixedTrim(o.hoursPerDay, 1)} h a day beyond ${ci(o.hoursPerDayCi95, (x) => `${toFixedTrim(x, 1)} h`)}`).join('; ')}`,
    ]),
  ];
}

/** A clock's figure beside its standard: " (standard 18 minutes)". */
const against = (standard: number | undefined) => (standard === undefined ? '' : ` (standard ${toShortDuration(standard)})`);

/** A threshold as planners write it: 15 min, 4 h, 7 days. */
const toThreshold = (m: number) => (m % 1440 === 0 ? `${m / 1440} day${m === 1440 ? '' : 's'}` : m % 60 === 0 ? `${m / 60} h` : `${toFixedTrim(m, 1)} min`);

function toResourceLines(r: DesResult): string[] {
  if (!r.resources.length) return [];
  return [
    '',
    'Resources: share of unit-time in use, serving and held by blocked requests (95% CI), and the busiest hour:',
    ...r.resources.map((k) => {
      const peak = k.unitsByHour.mean.indexOf(Math.max(...k.unitsByHour.mean));
      const held = k.heldBy.length
        ? `\n    held by: ${k.heldBy
            .slice(0, 6)
            .map((h) => `${h.state} ${toPercent(h.share)} ${ci(h.ci95, toPercent)}`)
            .join('; ')}`
        : '';
      return `  ${k.label.padEnd(40)} ${k.units.padEnd(16)} in use ${toPercent(k.utilisation)} ${ci(k.utilisationCi95, toPercent)}; serving ${toPercent(k.serving)}, blocked ${toPercent(k.blocked)} ${ci(k.blockedCi95, toPercent)}; busiest ${String(peak).padStart(2, '0')}:00 (mean ${toFixedTrim(k.unitsByHour.mean[peak]!, 1)} in use, 90th centile ${toFixedTrim(k.unitsByHour.p90[peak]!, 1)}); queue mean ${toFixedTrim(k.queueMean, 1)}, max ${k.queueMax}${held}`;
    }),
  ];
}

function toWaitingRoomLines(r: DesResult): string[] {
  const shown = r.waitingRooms.filter((w) => w.places !== null || w.abandoned > 0 || w.turnedAway > 0);
  if (!shown.length) return [];
  return [
    '',
    'Waiting for units (from being routed to the state to getting them), and those who gave up or were turned away:',
    ...shown.map(
      (w) =>
        `  ${w.state.padEnd(40)} ${w.places === null ? 'unlimited' : `${w.places} places`}; mean wait ${toFixedTrim(w.waitMean, 1)} min ${ci(w.waitMeanCi95, minutes)}, 90th centile ${toFixedTrim(w.waitP90, 1)}; over 30 min ${toPercent(w.over30)}${w.abandoned > 0 ? `; gave up ${toPercent(w.abandoned)} ${ci(w.abandonedCi95, toPercent)}` : ''}${w.turnedAway > 0 ? `; turned away ${toPercent(w.turnedAway)} ${ci(w.turnedAwayCi95, toPercent)}` : ''}`,
    ),
  ];
}

function toBlockingLines(r: DesResult): string[] {
  if (!r.blocking.length) return [];
  return [
    '',
    "Blocked (the step was done but the next state's waiting room was full, so the request stayed, keeping what it held):",
    ...r.blocking.map(
      (b) =>
        `  ${b.state.padEnd(40)} ${toPercent(b.share)} blocked ${ci(b.shareCi95, toPercent)}; mean ${toFixedTrim(b.mean, 1)} min, 90th centile ${toFixedTrim(b.p90, 1)}; over 15, 30, 60 min: ${toPercent(b.over15)}, ${toPercent(b.over30)}, ${toPercent(b.over60)}`,
    ),
  ];
}

/** A discrete-event result as CSV for scripts: one row a figure (section, name, measure, value, 95% interval). */
export function toDesCsv(r: DesResult): string {
  const rows: (string | number)[][] = [['section', 'name', 'measure', 'value', 'ci95_low', 'ci95_high']];
  const add = (section: string, name: string, measure: string, value: number, interval?: [number, number]) =>
    rows.push([section, name, measure, value, interval?.[0] ?? '', interval?.[1] ?? '']);
  add('run', r.model, 'requests per replication', r.requestsPerReplication);
  add('run', r.model, 'unfinished per replication', r.unfinishedPerReplication);
  add('run', r.model, 'lost per replication', r.lostPerReplication);
  for (const c of r.clocks) {
    add('clock', c.id, 'mean minutes', c.mean, c.ci95);
    add('clock', c.id, 'median minutes', c.p50);
    add('clock', c.id, '90th centile minutes', c.p90);
    if (c.standard?.mean !== undefined) add('clock', c.id, 'standard for the mean, minutes', c.standard.mean);
    if (c.standard?.p90 !== undefined) add('clock', c.id, 'standard for the 90th centile, minutes', c.standard.p90);
    for (const o of c.over) {
      add('clock', c.id, `share over ${o.minutes} minutes`, o.share, o.ci95);
      add('clock', c.id, `hours a day beyond ${o.minutes} minutes`, o.hoursPerDay, o.hoursPerDayCi95);
    }
  }
  for (const k of r.resources) {
    add('resource', k.id, 'utilisation', k.utilisation, k.utilisationCi95);
    add('resource', k.id, 'serving', k.serving);
    add('resource', k.id, 'blocked', k.blocked, k.blockedCi95);
    k.unitsByHour.mean.forEach((m, h) => add('resource', k.id, `units in use ${String(h).padStart(2, '0')}:00 mean`, m));
    k.unitsByHour.p90.forEach((m, h) => add('resource', k.id, `units in use ${String(h).padStart(2, '0')}:00 90th centile`, m));
    k.queueByHour.forEach((m, h) => add('resource', k.id, `queue ${String(h).padStart(2, '0')}:00 mean`, m));
  }
  for (const w of r.waitingRooms) {
    add('waiting', w.state, 'mean wait minutes', w.waitMean, w.waitMeanCi95);
    add('waiting', w.state, '90th centile wait minutes', w.waitP90);
    add('waiting', w.state, 'share over 15 minutes', w.over15);
    add('waiting', w.state, 'share over 30 minutes', w.over30);
    add('waiting', w.state, 'share over 60 minutes', w.over60);
    add('waiting', w.state, 'share abandoned', w.abandoned, w.abandonedCi95);
    add('waiting', w.state, 'share turned away', w.turnedAway, w.turnedAwayCi95);
  }
  for (const b of r.blocking) {
    add('blocked', b.state, 'share blocked', b.share, b.shareCi95);
    add('blocked', b.state, 'mean minutes blocked', b.mean);
    add('blocked', b.state, '90th centile minutes blocked', b.p90);
  }
  for (const s of r.services) {
    add('service', s.state, 'mean wait minutes', s.waitMean, s.waitMeanCi95);
    add('service', s.state, 'utilisation', s.utilisation, s.utilisationCi95);
  }
  for (const t of r.responseTimes) add('response', t.state, 'mean minutes', t.mean, t.ci95);
  for (const s of r.stays) add('stay', s.agency, 'share within four hours', s.withinFourHours, s.withinFourHoursCi95);
  for (const o of r.outcomes) add('outcome', o.state, 'share', o.share, o.ci95);
  return rows.map((row) => toCsvRow(row.map(String))).join('');
}

/** Either result as Markdown: the text inside a heading, as a fixed-width block. */
export const toSimulationMarkdown = (title: string, text: string): string =>
  `# ${title.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`)}\n\n\`\`\`text\n${text}\`\`\`\n`;
