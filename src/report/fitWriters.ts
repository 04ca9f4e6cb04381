import type { FitReport, FitRow } from '../analysis/getFit.ts';
import type { SensitivityResult } from '../analysis/getSensitivity.ts';
import type { Assumption } from '../model/getAssumptions.ts';
import type { MeasureUnit } from '../strategy/types.ts';
import { toChangeText, toMeasureValueText } from './comparisonWriters.ts';
import { escapeMarkdown } from './escapeMarkdown.ts';
import { toCount, toFixedTrim } from './formatNumber.ts';
import { toWayText } from './toPlanChangeText.ts';
import { toPathLabel } from './toStateNames.ts';

/** An observed value or range in its unit. */
export const toObservedText = (row: FitRow) =>
  row.figure.observed.low === row.figure.observed.high
    ? toMeasureValueText(row.figure.observed.low, row.unit)
    : `${toMeasureValueText(row.figure.observed.low, row.unit)} to ${toMeasureValueText(row.figure.observed.high, row.unit)}`;

/** The model's value, with its 95% interval where simulated. */
export const toModelText = (row: FitRow) =>
  `${toMeasureValueText(row.model, row.unit)}${row.ci95 ? ` (95% CI ${toMeasureValueText(row.ci95[0], row.unit)} to ${toMeasureValueText(row.ci95[1], row.unit)})` : ''}`;

/** A change in a figure's unit; counts to one decimal (requests a day), others as the comparison writes them. */
const toFitChange = (x: number, unit: FitRow['unit']) =>
  unit === 'count' ? `${x > 0 ? '+' : x < 0 ? '−' : '±'}${toFixedTrim(Math.abs(x), 1)}` : toChangeText(x, unit);

export const toToleranceText = (row: FitRow) => `±${toFitChange(row.figure.tolerance, row.unit).slice(1)}`;

export const toDifferenceText = (row: FitRow) => (row.difference === 0 ? 'inside the observed range' : toFitChange(row.difference, row.unit));

const fieldWords: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^duration\.(mean|median|value|mode|min|max|sd)$/,
    (m) =>
      `${{ mean: 'mean', median: 'median', value: 'fixed', mode: 'most likely', min: 'shortest', max: 'longest', sd: 'spread (sd) of the' }[m[1]!]} time (min)`,
  ],
  [/^duration\.p90$/, () => '90th centile time (min)'],
  [/^patience\.(mean|median|p90)$/, (m) => `${m[1] === 'p90' ? '90th centile' : m[1]} patience (min)`],
  [/^demand\.perDay$/, () => 'requests a day'],
  [/^resources\.([^.]+)\.units$/, (m) => `${m[1]} units`],
  [/^resources\.([^.]+)\.changes\.\d+\.scale$/, (m) => `${m[1]} (a scale on its schedule)`],
  [/^escalate\.after$/, () => 'wait before a call is escalated (min)'],
  [/^capacity\.servers$/, () => 'servers'],
  [/^waitingRoom$/, () => 'places in the waiting room'],
];

/** A field of meta in words: `duration.median` → "median time (min)"; others as written. */
export function toFieldText(field: string): string {
  for (const [re, words] of fieldWords) {
    const m = re.exec(field);
    if (m) return words(m);
  }
  return field;
}

/** An assumption's number in plain words: "Emergency department: majors — duration.median", "NHS 111: triage — way “A&E”". */
export function toAssumptionLabel(report: Pick<FitReport, 'graph'>, a: Assumption): string {
  const where = a.state === report.graph.modelId ? 'The model' : toPathLabel(report.graph, a.state);
  return `${where}: ${a.way ? (a.field === 'p' ? `share taking ${toWayText(a.way)}` : `${toWayText(a.way)} ${toFieldText(a.field)}`) : toFieldText(a.field)}`;
}

/** A number of an assumption, to the precision it needs; a probability (`field` p) as a percentage. */
/** An assumption's label inside a sentence ("… depends most on the person and their carers: …"). */
export const toAssumptionPhrase = (report: Pick<FitReport, 'graph'>, a: Assumption) => toAssumptionLabel(report, a).replace(/^The /, 'the ');

export const toAssumptionValue = (x: number, field?: string) =>
  field === 'p' ? `${Number((x * 100).toPrecision(3))}%` : Number.isInteger(x) ? toCount(x) : String(Number(x.toPrecision(4)));

/** An assumption's range in words: "100 to 300", or with another joiner ("100–300"). */
export const toRangeText = (a: Assumption, joiner = ' to ') => `${toAssumptionValue(a.range![0], a.field)}${joiner}${toAssumptionValue(a.range![1], a.field)}`;

/** An assumption as plain-text table cells, for every table that lists them (fit and the report, text, Markdown and HTML). */
export const toAssumptionCells = (report: Pick<FitReport, 'graph'>, a: Assumption) => ({
  label: toAssumptionLabel(report, a),
  value: a.value === undefined ? '—' : toAssumptionValue(a.value, a.field),
  range: a.range ? toRangeText(a) : 'no range',
  reason: a.reason ?? 'no reason given',
});

const sourceText = { exact: 'exact', montecarlo: 'Monte Carlo', des: 'simulated' } as const;

function pad(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function toSimulationLine(report: FitReport): string {
  const s = report.fit.simulation;
  const simulated = report.fit.rows.some((r) => r.source !== 'exact');
  return simulated
    ? `Simulated figures: ${s.replications} replications (discrete-event: ${s.days} days after a ${s.warmup}-day warm-up; Monte Carlo: ${toCount(s.requests)} requests), seed ${s.seed}.`
    : 'Every figure is exact (solved from the model, no simulation).';
}

/** How many figures are within tolerance, and (when some are outside that the model is not held to) how many of those. */
export function toWithinText(fit: FitReport['fit']): string {
  const outside = fit.rows.length - fit.within;
  const unheld = fit.rows.filter((r) => !r.within && r.figure.notHeld !== undefined).length;
  const held = !unheld
    ? ''
    : unheld === outside
      ? `; ${outside === 1 ? 'the one outside is a figure' : `the ${outside} outside are figures`} the model is not held to`
      : `; of the ${outside} outside, ${unheld} ${unheld === 1 ? 'is a figure' : 'are figures'} the model is not held to`;
  return `${fit.within} of ${fit.rows.length} figures within tolerance${held}.`;
}

/** A figure's verdict in a table: within, outside, or outside but not held to it. */
export const toVerdictText = (r: FitRow, outside = 'OUTSIDE') => (r.within ? 'within' : r.figure.notHeld !== undefined ? 'outside, not held' : outside);

/** Each figure the model is not held to, with the reason the observed file gives. */
export const toNotHeldLines = (fit: FitReport['fit'], md: boolean): string[] => {
  const rows = fit.rows.filter((r) => r.figure.notHeld !== undefined);
  const e = md ? escapeMarkdown : (x: string) => x;
  return rows.length
    ? ['', md ? 'Figures the model is not held to:' : 'Not held to:', ...rows.map((r) => `${md ? '- ' : '  '}${e(r.figure.title)}: ${e(r.figure.notHeld!)}`)]
    : [];
};

/** The fit for reading in a terminal. */
export function toFitText(report: FitReport): string {
  const { fit } = report;
  const lines = [
    `${fit.title}: the model ${fit.model} against what the place observes`,
    toWithinText(fit),
    toSimulationLine(report),
    '',
    pad([
      ['figure', 'observed', 'model', 'difference', 'tolerance', '', 'source'],
      ...fit.rows.map((r) => [
        r.figure.title,
        toObservedText(r),
        toModelText(r),
        toDifferenceText(r),
        toToleranceText(r),
        toVerdictText(r),
        sourceText[r.source],
      ]),
    ]),
    ...toNotHeldLines(fit, false),
  ];
  if (report.calibration) lines.push('', ...toCalibrationLines(report, 'text'));
  if (report.sensitivity) lines.push('', ...toSensitivityLines(report, report.sensitivity, 'text'));
  lines.push('', ...toAssumptionLines(report, 'text'));
  return `${lines.join('\n')}\n`;
}

/** The fit as Markdown, for a planning paper. */
export function toFitMarkdown(report: FitReport): string {
  const { fit } = report;
  const md = escapeMarkdown;
  const lines = [
    `# ${md(fit.title)}`,
    '',
    `The model ${md(fit.model)} against what the place observes: **${toWithinText(fit)}** ${toSimulationLine(report)}`,
    '',
    '| figure | observed | model | difference | tolerance | | period | source |',
    '|---|---:|---:|---:|---:|---|---|---|',
    ...fit.rows.map(
      (r) =>
        `| ${md(r.figure.title)} | ${toObservedText(r)} | ${toModelText(r)} | ${toDifferenceText(r)} | ${toToleranceText(r)} | ${toVerdictText(r, '**outside**')} | ${md(r.figure.period)} | ${md(r.figure.source)} |`,
    ),
    ...toNotHeldLines(fit, true),
  ];
  if (report.calibration) lines.push('', ...toCalibrationLines(report, 'md'));
  if (report.sensitivity) lines.push('', ...toSensitivityLines(report, report.sensitivity, 'md'));
  lines.push('', ...toAssumptionLines(report, 'md'));
  return `${lines.join('\n')}\n`;
}

/** The fit as JSON, for scripts. */
export function toFitJson(report: FitReport): string {
  const row = (r: FitRow) => ({
    id: r.figure.id,
    title: r.figure.title,
    measure: r.figure.measure,
    source: r.source,
    unit: r.unit,
    observed: r.figure.observed,
    tolerance: r.figure.tolerance,
    model: r.model,
    ...(r.ci95 ? { ci95: r.ci95 } : {}),
    difference: r.difference,
    misfit: Number.isFinite(r.misfit) ? r.misfit : null,
    within: r.within,
    held: r.figure.notHeld === undefined,
    ...(r.figure.notHeld !== undefined ? { why: r.figure.notHeld } : {}),
    period: r.figure.period,
    reference: r.figure.source,
  });
  const { fit, sensitivity: s, calibration: c } = report;
  return `${JSON.stringify(
    {
      model: fit.model,
      title: fit.title,
      simulation: fit.simulation,
      within: fit.within,
      met: fit.met,
      figures: fit.rows.map(row),
      assumptions: report.assumptions.map((a) => ({
        id: a.id,
        state: a.state,
        ...(a.way ? { way: a.way } : {}),
        field: a.field,
        value: a.value ?? null,
        range: a.range ?? null,
        reason: a.reason ?? null,
      })),
      ...(c
        ? {
            calibration: {
              iterations: c.iterations,
              evaluations: c.evaluations,
              costBefore: c.costBefore,
              costAfter: c.costAfter,
              values: c.assumptions.map((a, k) => ({ id: a.id, range: a.range, before: c.before[k], after: c.after[k] })),
              figures: c.rowsAfter.map(row),
              conflicts: c.conflicts.map((x) => ({
                figure: c.rowsAfter[x.figure]!.figure.id,
                atLimit: x.atLimit.map((k) => c.assumptions[k]!.id),
                pulls: x.pulls.map((p) => ({ assumption: c.assumptions[p.assumption]!.id, against: p.against.map((j) => c.rowsAfter[j]!.figure.id) })),
              })),
            },
          }
        : {}),
      ...(s
        ? {
            sensitivity: {
              evaluations: s.evaluations,
              targets: s.targets.map((t, i) => ({
                id: t.id,
                kind: t.kind,
                title: t.title,
                unit: t.unit,
                source: t.source,
                value: t.base,
                effects: s.effects[i]!.map((e) => ({
                  assumption: s.assumptions[e.assumption]!.id,
                  atLow: e.atLow,
                  atHigh: e.atHigh,
                  swing: e.swing,
                  ...(e.slope !== undefined ? { slope: e.slope } : {}),
                })),
                ...(s.joint?.targets[i] ? { joint: s.joint.targets[i] } : {}),
              })),
              joint: s.joint
                ? { samples: s.joint.samples, seed: s.joint.seed, built: s.joint.built, ...(s.joint.problem ? { problem: s.joint.problem } : {}) }
                : null,
              failures: s.failures.map((f) => ({ assumption: s.assumptions[f.assumption]!.id, value: f.value, problem: f.problem })),
            },
          }
        : {}),
    },
    null,
    2,
  )}\n`;
}

/** What the calibration simulated, when it fitted simulated figures: the same streams at every step. */
function toCalibrationSimulationText(report: FitReport): string {
  const c = report.calibration!;
  if (!c.rowsAfter.some((r) => r.source !== 'exact')) return '; exact figures solved at each step';
  const s = report.fit.simulation;
  return `; simulated figures on common random numbers, ${s.replications} replications of ${s.days} days after a ${s.warmup}-day warm-up, seed ${s.seed}, at every step`;
}

/** How many assumptions a conflict names before "and N more" (the JSON has them all). */
const SHOWN = 4;

function toCalibrationLines(report: FitReport, format: 'text' | 'md'): string[] {
  const c = report.calibration!;
  const md = format === 'md';
  const e = md ? escapeMarkdown : (x: string) => x;
  const changed = c.assumptions.flatMap((a, k) => (c.after[k] !== c.before[k] ? [k] : []));
  const within = c.rowsAfter.filter((r) => r.within).length;
  const lines = [
    md ? '## Calibration' : 'Calibration',
    '',
    `${c.assumptions.length} ranged assumptions fitted to ${c.rowsAfter.length === report.fit.rows.length ? 'the' : `${c.rowsAfter.length} of the`} figures (each kept inside its range; ${c.iterations} steps, ${toCount(c.evaluations)} model evaluations${toCalibrationSimulationText(report)}). ${within} of ${c.rowsAfter.length} figures within tolerance after, against ${c.rowsBefore.filter((r) => r.within).length} before.${c.rowsAfter.length < report.fit.rows.length ? ' The simulated figures were left out (add --simulated to fit them too).' : ''}`,
    '',
  ];
  const rows = c.rowsAfter.map((r, i) => [
    e(r.figure.title),
    toObservedText(r),
    toModelText(c.rowsBefore[i]!),
    toModelText(r),
    r.within ? 'within' : md ? '**outside**' : 'OUTSIDE',
  ]);
  if (md) lines.push('| figure | observed | before | after | |', '|---|---:|---:|---:|---|', ...rows.map((r) => `| ${r.join(' | ')} |`));
  else lines.push(pad([['figure', 'observed', 'before', 'after', ''], ...rows]));
  lines.push('', changed.length ? `Assumptions changed (${changed.length}):` : 'No assumption needed changing.');
  for (const k of changed) {
    const a = c.assumptions[k]!;
    lines.push(
      `${md ? '- ' : '  '}${e(toAssumptionLabel(report, a))}: ${toAssumptionValue(c.before[k]!, a.field)} → ${toAssumptionValue(c.after[k]!, a.field)} (range ${toRangeText(a)})`,
    );
  }
  for (const x of c.conflicts) {
    const row = c.rowsAfter[x.figure]!;
    const more = (n: number) => (n > SHOWN ? ` (and ${n - SHOWN} more)` : '');
    const limited = x.atLimit.slice(0, SHOWN).map((k) => e(toAssumptionLabel(report, c.assumptions[k]!)));
    // Assumptions that pull against the same figures are named together.
    const byOthers = new Map<string, number[]>();
    for (const p of x.pulls) byOthers.set(p.against.join(','), [...(byOthers.get(p.against.join(',')) ?? []), p.assumption]);
    const parts = [
      ...(limited.length
        ? [
            `${limited.join('; ')}${more(x.atLimit.length)} ${x.atLimit.length === 1 ? 'is' : 'are'} at the end of ${x.atLimit.length === 1 ? 'its range' : 'their ranges'}`,
          ]
        : []),
      ...[...byOthers].map(
        ([others, ks]) =>
          `moving ${ks
            .slice(0, SHOWN)
            .map((k) => e(toAssumptionLabel(report, c.assumptions[k]!)))
            .join('; ')}${more(ks.length)} would push ${others
            .split(',')
            .map((j) => e(c.rowsAfter[Number(j)]!.figure.title))
            .join(' and ')} outside tolerance`,
      ),
    ];
    lines.push(
      '',
      `${e(row.figure.title)} stays outside tolerance (${toModelText(row)} against ${toObservedText(row)}): ${parts.length ? parts.join('; ') : 'no ranged assumption moves it'}.`,
    );
  }
  return lines;
}

/** "the share reaching ED depends most on …": each target's largest swings, in words and as a table. */
/** The sensitivity in words and (Markdown) tables: for each target what it depends on most, and its five largest swings. */
export function toSensitivityLines(
  report: Pick<FitReport, 'graph'>,
  s: SensitivityResult,
  format: 'text' | 'md',
  heading = 'Sensitivity to the assumptions',
): string[] {
  const md = format === 'md';
  const e = md ? escapeMarkdown : (x: string) => x;
  const lines = [
    md ? `## ${heading}` : heading,
    '',
    `Each of ${s.assumptions.length} ranged assumptions moved over its range, one at a time, the others at the model's values (${toCount(s.evaluations)} model evaluations).${s.joint ? ` Then all together: ${toCount(s.joint.samples)} samples drawn uniformly over the ranges (seed ${s.joint.seed}; ${toCount(s.joint.built)} could be built${s.joint.problem ? `; the first that could not: ${s.joint.problem}` : ''}), the middle 95% of each value given.` : ''}`,
  ];
  s.targets.forEach((t, i) => {
    const top = s.effects[i]!.slice(0, 5);
    const label = (u: MeasureUnit, x: number) => toMeasureValueText(x, u);
    lines.push(
      '',
      `${md ? '### ' : ''}${e(t.title)} (${label(t.unit, t.base)}${s.joint?.targets[i] ? `; all assumptions together ${label(t.unit, s.joint.targets[i]!.interval[0])} to ${label(t.unit, s.joint.targets[i]!.interval[1])}` : ''})`,
    );
    if (!top.length) return void lines.push(`${md ? '' : '  '}No ranged assumption moves it.`);
    lines.push(`${md ? '' : '  '}It depends most on ${e(toAssumptionPhrase(report, s.assumptions[top[0]!.assumption]!))}.`);
    if (md) lines.push('', '| assumption | range | at low | at high | swing |', '|---|---|---:|---:|---:|');
    for (const x of top) {
      const a = s.assumptions[x.assumption]!;
      const cells = [e(toAssumptionLabel(report, a)), toRangeText(a), label(t.unit, x.atLow), label(t.unit, x.atHigh), toChangeText(x.swing, t.unit).slice(1)];
      lines.push(md ? `| ${cells.join(' | ')} |` : `  ${cells[0]} (${cells[1]}): ${cells[2]} to ${cells[3]}`);
    }
  });
  return lines;
}

function toAssumptionLines(report: FitReport, format: 'text' | 'md'): string[] {
  const md = format === 'md';
  const e = md ? escapeMarkdown : (x: string) => x;
  const list = report.assumptions;
  const lines = [md ? '## Assumptions in the model' : 'Assumptions in the model', ''];
  if (!list.length) return [...lines, 'The model marks no number as an assumption (meta.assumptions).'];
  lines.push(`${list.length} numbers are marked as assumptions; ${list.filter((a) => a.range).length} have a range.`, '');
  if (md) lines.push('| number | value | range | reason |', '|---|---:|---|---|');
  for (const a of list) {
    const c = toAssumptionCells(report, a);
    const cells = [e(c.label), c.value, c.range, e(c.reason)];
    lines.push(md ? `| ${cells.join(' | ')} |` : `  ${cells[0]}: ${cells[1]} (${cells[2]}). ${cells[3]}`);
  }
  return lines;
}
