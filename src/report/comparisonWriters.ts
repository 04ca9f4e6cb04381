import type { AgencyChange, Comparison, ObjectiveComparison, ObjectiveValue, PlanFindings } from '../analysis/getComparison.ts';
import type { ComparisonResult } from '../analysis/runComparison.ts';
import type { MeasureUnit } from '../strategy/types.ts';
import { escapeMarkdown } from './escapeMarkdown.ts';
import { toCount, toFixedTrim } from './formatNumber.ts';
import { toComparisonWords } from './toComparisonWords.ts';

/** A measure's value in its unit: 23.4%, 3 h 20 min, 1.84. */
export function toMeasureValueText(value: number, unit: MeasureUnit): string {
  if (unit === 'share') return `${toFixedTrim(value * 100, 1)}%`;
  if (unit === 'count') return value >= 100 ? toCount(value) : value.toFixed(2);
  return toMinutesText(value);
}

function toMinutesText(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const m = Math.abs(minutes);
  if (m < 120) return `${sign}${toFixedTrim(m, 1)} min`;
  if (m < 2 * 1440) {
    // Rounded to the minute first, so that 179.7 minutes is 3 h, never 2 h 60 min.
    const whole = Math.round(m);
    const h = Math.floor(whole / 60);
    const rest = whole % 60;
    return `${sign}${h} h${rest ? ` ${rest} min` : ''}`;
  }
  return `${sign}${toFixedTrim(m / 1440, 1)} days`;
}

/** A change in the measure's unit, signed: +1.2 points, −14 min, −0.05. */
export function toChangeText(change: number, unit: MeasureUnit): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const m = Math.abs(change);
  if (unit === 'share') return `${sign}${toFixedTrim(m * 100, 2)} points`;
  if (unit === 'count') return `${sign}${m >= 100 ? toCount(m) : toFixedTrim(m, m < 10 ? 4 : 2)}`;
  return `${sign}${toMinutesText(m)}`;
}

const interval = (ci: [number, number], unit: MeasureUnit, f = toMeasureValueText) => `${f(ci[0], unit)} to ${f(ci[1], unit)}`;

/** The target as written for people: "at most 25%". */
export const toTargetText = (o: ObjectiveComparison): string => `${o.direction === 'at-most' ? 'at most' : 'at least'} ${toMeasureValueText(o.target, o.unit)}`;

/** The status of one value in words. */
export function toStatusText(v: ObjectiveValue): string {
  return `${v.met ? 'met' : 'not met'}${v.uncertain ? ' (the 95% interval crosses the target)' : ''}`;
}

/** A plan's change to one objective in words: "−2.1 points, better", "+0.4 min, within the noise (95% CI −0.3 to +1.1)". */
export function toValueChangeText(v: ObjectiveValue, unit: MeasureUnit): string {
  if (v.change === undefined) return '';
  if (v.changeStatus === 'no change') return 'no change';
  const ci = v.changeCi95 ? ` (95% CI ${toChangeText(v.changeCi95[0], unit)} to ${toChangeText(v.changeCi95[1], unit)})` : '';
  return `${toChangeText(v.change, unit)}, ${v.changeStatus}${ci}`;
}

const sourceText = { exact: 'exact', montecarlo: 'Monte Carlo', des: 'discrete-event simulation' } as const;

/** The comparison for reading in a terminal. */
export function toComparisonText(result: ComparisonResult): string {
  const c = result.comparison;
  const words = toComparisonWords(result);
  const lines: string[] = [];
  const plans = c.scenarios.length - 1;
  lines.push(
    `${c.strategy.title}: ${plans ? `${plans} plan${plans === 1 ? '' : 's'} tested against the strategy` : 'the model as it is, against the strategy (no plans given)'} on model "${c.model}"`,
  );
  lines.push(toSimulationNote(c), '');
  if (c.leftOut.length) lines.push(`Left out, because only the exact objectives were asked for: ${c.leftOut.map((o) => o.title).join('; ')}.`, '');
  const nameWidth = Math.max(...c.scenarios.map((s) => s.id.length)) + 2;
  for (const o of c.objectives) {
    lines.push(`${o.title}: ${words.measures[o.id]}, target ${toTargetText(o)} (${sourceText[o.source]})`);
    for (const v of o.values) {
      const value = `${toMeasureValueText(v.value, o.unit)}${v.ci95 ? ` (95% CI ${interval(v.ci95, o.unit)})` : ''}`;
      lines.push(
        `  ${v.scenario.padEnd(nameWidth)}${value.padEnd(46)} ${(v.met ? 'met' : 'not met').padEnd(8)} ${toValueChangeText(v, o.unit)}${v.uncertain ? ' (the 95% interval crosses the target)' : ''}`.trimEnd(),
      );
    }
    lines.push('');
  }
  lines.push(...toFindingsLines(c, (s) => s));
  return lines.join('\n') + '\n';
}

/** Where the figures come from: exact, Monte Carlo or discrete-event, with the settings used. */
export function toSimulationNote(c: Comparison): string {
  const s = c.simulation;
  const sources = new Set(c.objectives.map((o) => o.source));
  const parts = ['Exact measures come from the model as a Markov chain and carry no noise.'];
  if (sources.has('montecarlo')) parts.push(`Monte Carlo: ${toCount(s.requests)} requests × ${s.replications} replications, seed ${s.seed}.`);
  if (sources.has('des'))
    parts.push(`Discrete-event simulation: ${s.days} days after ${s.warmup} days of warm-up × ${s.replications} replications, seed ${s.seed}.`);
  if (sources.has('montecarlo') || sources.has('des'))
    parts.push('Every model runs on the same random streams; a change is within the noise when the 95% interval of the paired differences includes zero.');
  return parts.join(' ');
}

const signed = (v: number, text: string) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${text}`;
const percentChange = (relative: number) => (Number.isFinite(relative) ? ` (${signed(relative, `${toFixedTrim(Math.abs(relative) * 100, 1)}%`)})` : ' (new)');

/** Bed-days smaller than this are left out of the words, as no change. */
const SMALL_BED_DAYS = 0.05;

/**
 * One agency's change in workload: "Urgent treatment centre +12 requests a day (+4.8%), +942 min
 * a day (+4.1%)"; where its requests hold beds, staff time and bed-days apart: "Acute hospital
 * wards −3.1 requests a day (−2%), staff time −40 min a day (−1%), −12.4 bed-days a day (−1.9%)".
 */
export function toAgencyChangeText(x: AgencyChange, basis: string): string {
  const requests =
    Math.abs(x.requests) >= 0.05 ? `${signed(x.requests, toFixedTrim(Math.abs(x.requests), 1))} requests ${basis}${percentChange(x.requestsRelative)}, ` : '';
  if (Math.abs(x.bedDays) < SMALL_BED_DAYS)
    return `${x.label} ${requests}${signed(x.minutes, toCount(Math.abs(x.minutes)))} min ${basis}${percentChange(x.minutesRelative)}`;
  // An agency whose every minute holds a bed (a ward) has no staff time to speak of.
  const staff =
    Math.abs(x.staffMinutes) >= 0.5
      ? `staff time ${signed(x.staffMinutes, toCount(Math.abs(x.staffMinutes)))} min ${basis}${percentChange(x.staffMinutesRelative)}, `
      : '';
  return `${x.label} ${requests}${staff}${signed(x.bedDays, toFixedTrim(Math.abs(x.bedDays), 1))} bed-days ${basis}${percentChange(x.bedDaysRelative)}`;
}

/**
 * All agencies together: staff minutes (with bed-days apart where beds change), and whether the
 * plan mostly moves load between agencies, removes it or adds it (judged on staff time, so that
 * a ward's bed-days do not swamp everyone else's minutes).
 */
export function toNetWorkloadText(f: PlanFindings, basis: string): string {
  const beds = Math.abs(f.netBedDaysPerDay) >= SMALL_BED_DAYS || [...f.rises, ...f.falls].some((x) => Math.abs(x.bedDays) >= SMALL_BED_DAYS);
  const net = beds ? f.netStaffMinutesPerDay : f.netMinutesPerDay;
  const minutesOf = (x: AgencyChange) => (beds ? x.staffMinutes : x.minutes);
  const movesLoad = f.rises.length > 0 && f.falls.length > 0;
  const judged = movesLoad
    ? Math.abs(net) < 0.25 * f.falls.reduce((a, x) => a - minutesOf(x), 0)
      ? ': this plan mostly moves load from one agency to another'
      : net < 0
        ? ': it removes load as well as moving it'
        : ': it adds load overall'
    : '';
  const minutes = `${signed(net, toCount(Math.abs(net)))} min ${basis}`;
  if (!beds) return `${minutes} (minutes requests spend with each agency)${judged}`;
  return `staff time ${minutes}; beds ${signed(f.netBedDaysPerDay, toFixedTrim(Math.abs(f.netBedDaysPerDay), 1))} bed-days ${basis} (time holding a bed counts as bed-days, not staff time)${judged}`;
}

/** Side effects and claims, plan by plan. */
function toFindingsLines(c: Comparison, md: (s: string) => string): string[] {
  const lines: string[] = [];
  const basis = c.perDay ? 'a day' : 'per 1,000 requests';
  for (const f of c.findings) {
    const scenario = c.scenarios.find((s) => s.id === f.plan)!;
    lines.push(
      `Plan ${md(f.plan)}: ${md(scenario.name)}${scenario.plan?.owner ? ` (owner: ${md(c.agencyLabels[scenario.plan.owner] ?? scenario.plan.owner)})` : ''}`,
    );
    const moved = (xs: AgencyChange[]) => xs.map((x) => md(toAgencyChangeText(x, basis))).join('; ');
    lines.push(`  Workload rises: ${f.rises.length ? moved(f.rises) : 'none'}`);
    lines.push(`  Workload falls: ${f.falls.length ? moved(f.falls) : 'none'}`);
    lines.push(`  All agencies together: ${md(toNetWorkloadText(f, basis))}`);
    if (f.unsupportedClaims.length) {
      for (const u of f.unsupportedClaims)
        lines.push(`  ! Claims to support "${md(u.objective)}", but the change is ${u.status === 'worse' ? 'for the worse' : u.status}.`);
    } else if (scenario.plan?.supports.length && f.untestedClaims.length < scenario.plan.supports.length)
      lines.push(`  Every objective it claims${f.untestedClaims.length ? ' that was tested here' : ''} moves for the better.`);
    if (f.untestedClaims.length) lines.push(`  Not tested here (left out): ${f.untestedClaims.map(md).join(', ')}.`);
    if (f.unclaimedGains.length) lines.push(`  Also helps (not claimed): ${f.unclaimedGains.map(md).join(', ')}`);
    lines.push('');
  }
  return lines;
}

/** The comparison as Markdown: a table per objective and the side effects of each plan. */
export function toComparisonMarkdown(result: ComparisonResult): string {
  const c = result.comparison;
  const words = toComparisonWords(result);
  const md = escapeMarkdown;
  const out: string[] = [`# ${md(c.strategy.title)}: plans tested`, ''];
  if (c.strategy.description) out.push(md(c.strategy.description), '');
  out.push(`Model: ${md(c.modelTitle)} (\`${c.model}\`). ${toSimulationNote(c)}`, '');
  if (c.leftOut.length) out.push(`Left out, because only the exact objectives were asked for: ${c.leftOut.map((o) => md(o.title)).join('; ')}.`, '');
  out.push('## Plans', '');
  for (const s of c.scenarios.slice(1)) {
    const p = s.plan!;
    out.push(`### ${md(s.name)} (\`${s.id}\`)`, '', `Owner: ${md(c.agencyLabels[p.owner] ?? p.owner)}. ${md(p.description)}`, '');
    out.push(`Claims to support: ${p.supports.map((x) => md(x)).join(', ') || 'nothing named'}.`, '');
    out.push('Changes:', '', ...words.changes[s.id]!.map((t) => `- ${md(t)}`), '');
    if (p.evidence.length) out.push('Evidence:', '', ...p.evidence.map((e) => `- ${md(e)}`), '');
  }
  out.push('## Objectives', '');
  for (const o of c.objectives) {
    out.push(`### ${md(o.title)}`, '', `${md(words.measures[o.id]!)}; target ${md(toTargetText(o))} (${sourceText[o.source]}).`, '');
    out.push('| scenario | value | 95% CI | status | change |', '|---|---:|---|---|---|');
    for (const v of o.values) {
      out.push(
        `| ${md(c.scenarios.find((s) => s.id === v.scenario)!.name)} | ${toMeasureValueText(v.value, o.unit)} | ${v.ci95 ? interval(v.ci95, o.unit) : 'exact'} | ${toStatusText(v)} | ${md(toValueChangeText(v, o.unit)) || '—'} |`,
      );
    }
    out.push('');
  }
  out.push('## Side effects', '', ...toFindingsLines(c, md).map((l) => (l.startsWith('  ') ? `- ${l.trim()}` : l.startsWith('Plan ') ? `### ${l}\n` : l)));
  out.push(`## Workload by agency (${c.perDay ? 'minutes a day' : 'minutes per 1,000 requests'}, exact)`, '');
  out.push(`| agency | ${c.scenarios.map((s) => md(s.id)).join(' | ')} |`, `|---|${c.scenarios.map(() => '---:').join('|')}|`);
  for (const w of c.workload) out.push(`| ${md(w.label)} | ${w.minutesPerDay.map((m) => toCount(m)).join(' | ')} |`);
  return out.join('\n') + '\n';
}

/** The comparison as JSON for scripts (documented in the README). */
export function toComparisonJson(result: ComparisonResult): string {
  const c = result.comparison;
  const words = toComparisonWords(result);
  return (
    JSON.stringify(
      {
        model: c.model,
        strategy: c.strategy,
        simulation: c.simulation,
        workloadBasis: c.perDay ? 'a day' : 'per 1,000 requests',
        leftOut: c.leftOut,
        scenarios: c.scenarios.map((s) => ({
          id: s.id,
          name: s.name,
          ...(s.plan
            ? { owner: s.plan.owner, description: s.plan.description, supports: s.plan.supports, evidence: s.plan.evidence, changes: words.changes[s.id] }
            : {}),
        })),
        objectives: c.objectives.map((o) => ({
          id: o.id,
          title: o.title,
          measure: words.measures[o.id],
          source: o.source,
          unit: o.unit,
          direction: o.direction,
          target: o.target,
          values: o.values.map((v) => ({
            scenario: v.scenario,
            value: v.value,
            ...(v.ci95 ? { ci95: v.ci95 } : {}),
            status: v.met ? 'met' : 'not met',
            uncertain: v.uncertain,
            ...(v.change !== undefined ? { change: v.change, ...(v.changeCi95 ? { changeCi95: v.changeCi95 } : {}), changeStatus: v.changeStatus } : {}),
          })),
        })),
        workload: c.workload,
        findings: c.findings,
      },
      null,
      2,
    ) + '\n'
  );
}
