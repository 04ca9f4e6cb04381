import type { CareGraph } from '../graph/types.ts';
import { toMeanInterval, toShareBounds } from '../simulate/statistics.ts';
import type { DesTally } from '../simulate/types.ts';
import { getMeasureSource, getMeasureUnit } from '../strategy/measureCatalogue.ts';
import { getMeasureValues } from '../strategy/getMeasureValues.ts';
import type { MeasureValue } from '../strategy/measures/types.ts';
import type { Measure, MeasureSource, MeasureUnit, Plan, Strategy } from '../strategy/types.ts';

/** How a plan moved an objective against the baseline. */
export type ChangeStatus = 'better' | 'worse' | 'no change' | 'within the noise' | 'too small to matter';

/** A change of under this share of the baseline's value is too small to act on, however sure: 1%. */
export const SMALL_CHANGE = 0.01;

/** One scenario's value for one objective. */
export interface ObjectiveValue {
  /** `baseline` or a plan id. */
  scenario: string;
  value: number;
  /** Simulated measures: 95% interval over replications. */
  ci95?: [number, number];
  met: boolean;
  /** True when the simulated interval straddles the target, so met or not met is not certain. */
  uncertain: boolean;
  /** Plans only: value minus the baseline's. Exact changes under 0.01% of the baseline are "no change". */
  change?: number;
  /** Plans only, simulated measures: 95% interval of the change, over paired replications (same random streams). */
  changeCi95?: [number, number];
  changeStatus?: ChangeStatus;
}

export interface ObjectiveComparison {
  id: string;
  title: string;
  /** What is measured (toComparisonWords in carepaths/report puts it in words). */
  measure: Measure;
  source: MeasureSource;
  unit: MeasureUnit;
  direction: 'at-most' | 'at-least';
  target: number;
  values: ObjectiveValue[];
}

/** An agency's workload in each scenario: requests that reach it and minutes of its time, each a day; of them, minutes holding a bed. */
export interface AgencyWorkload {
  agency: string;
  label: string;
  requestsPerDay: number[];
  minutesPerDay: number[];
  /** Of `minutesPerDay`, the minutes requests spend holding a bed (a resource declared `kind: 'beds'`); the rest is staff time. */
  bedMinutesPerDay: number[];
}

/** How a plan changes one agency's workload, a day (or per 1,000 requests when the model has no demand). */
export interface AgencyChange {
  agency: string;
  label: string;
  /** Change in requests reaching the agency, and relative to the baseline. */
  requests: number;
  requestsRelative: number;
  /** Change in minutes of the agency's time (bed-days count as minutes too), and relative to the baseline. */
  minutes: number;
  minutesRelative: number;
  /** Of that, the change in staff time (minutes) and in bed-days, each relative to the baseline's. */
  staffMinutes: number;
  staffMinutesRelative: number;
  bedDays: number;
  bedDaysRelative: number;
}

/** What a plan does besides its objectives, and whether it does what it claims. */
export interface PlanFindings {
  plan: string;
  /** Agencies where requests or minutes rise by more than 0.5%, most minutes first. */
  rises: AgencyChange[];
  /** Agencies where requests or minutes fall by more than 0.5% and neither rises. */
  falls: AgencyChange[];
  /** Change in minutes a day across all agencies; of it, staff minutes and bed-days. */
  netMinutesPerDay: number;
  netStaffMinutesPerDay: number;
  netBedDaysPerDay: number;
  /** Claimed objectives that do not move, move within the noise, or move the wrong way. */
  unsupportedClaims: { objective: string; status: ChangeStatus }[];
  /** Claimed objectives left out of this comparison, so not tested. */
  untestedClaims: string[];
  /** Objectives that move for the better that the plan does not claim. */
  unclaimedGains: string[];
}

export interface Comparison {
  model: string;
  modelTitle: string;
  strategy: { title: string; description: string };
  scenarios: { id: string; name: string; plan?: Plan }[];
  objectives: ObjectiveComparison[];
  workload: AgencyWorkload[];
  findings: PlanFindings[];
  simulation: Strategy['simulation'];
  /** Requests a day in the baseline; when absent, workload is per 1,000 requests. */
  perDay?: number;
  agencyLabels: Record<string, string>;
  /** Titles of the strategy's objectives left out of this comparison (those needing a simulation, when only exact ones were asked for). */
  leftOut: { id: string; title: string }[];
}

/** What getComparison is given besides the models, the strategy and the plans. */
export interface ComparisonOptions {
  /** Discrete-event replications already run, by model (baseline first): runComparison runs them on worker threads. */
  desTallies?: DesTally[][];
  /** Objectives of the strategy left out of this comparison (those needing a simulation, when only exact ones were asked for). */
  leftOut?: { id: string; title: string }[];
}

const RISE = 0.005;
const DAY_MINUTES = 24 * 60;

/**
 * Tests each plan against the strategy: every objective's value on the baseline and on each
 * plan's model, its change and status, and each agency's workload, so that a plan that moves
 * load rather than removing it shows. Simulated measures use the same random streams on every
 * model, and a change is "within the noise" when the 95% interval of the paired differences
 * includes zero.
 */
export function getComparison(baseline: CareGraph, strategy: Strategy, plans: { plan: Plan; graph: CareGraph }[], options: ComparisonOptions = {}): Comparison {
  const { desTallies, leftOut = [] } = options;
  const measures = strategy.objectives.map((o) => o.measure);
  const graphs = [baseline, ...plans.map((p) => p.graph)];
  const ids = ['baseline', ...plans.map((p) => p.plan.id)];
  const values = graphs.map((g, i) => getMeasureValues(g, measures, strategy.simulation, desTallies?.[i]));
  const objectives = strategy.objectives.map((o, i): ObjectiveComparison => {
    const source = getMeasureSource(o.measure);
    const base = values[0]![i]!;
    return {
      id: o.id,
      title: o.title,
      measure: o.measure,
      source,
      unit: getMeasureUnit(o.measure),
      direction: o.direction,
      target: o.target,
      values: values.map((v, s) => toObjectiveValue(ids[s]!, v[i]!, s === 0 ? undefined : base, o.direction, o.target, getMeasureUnit(o.measure))),
    };
  });
  const workload = getWorkload(baseline, graphs, strategy.simulation);
  const findings = plans.map(({ plan }, k) => toPlanFindings(plan, k + 1, workload, objectives, leftOut));
  return {
    model: baseline.modelId,
    modelTitle: baseline.meta.title,
    strategy: { title: strategy.title, description: strategy.description },
    scenarios: [{ id: 'baseline', name: 'Baseline (the model as it is)' }, ...plans.map(({ plan }) => ({ id: plan.id, name: plan.name, plan }))],
    objectives,
    workload,
    findings,
    simulation: strategy.simulation,
    ...(baseline.meta.demand ? { perDay: baseline.meta.demand.perDay } : {}),
    agencyLabels: Object.fromEntries(baseline.agencies.map((a) => [a.id, a.label])),
    leftOut,
  };
}

/**
 * Each agency's change in workload in scenario `s` against the baseline (scenario 0): requests,
 * minutes, and of them staff time and bed-days, each also relative to the baseline's (±Infinity
 * where the baseline had none).
 */
export function toAgencyChanges(workload: AgencyWorkload[], s: number): AgencyChange[] {
  const relative = (change: number, before: number) => (before ? change / before : change ? Math.sign(change) * Infinity : 0);
  return workload.map((w): AgencyChange => {
    const requests = w.requestsPerDay[s]! - w.requestsPerDay[0]!;
    const minutes = w.minutesPerDay[s]! - w.minutesPerDay[0]!;
    const bedMinutes = w.bedMinutesPerDay[s]! - w.bedMinutesPerDay[0]!;
    const staffBefore = w.minutesPerDay[0]! - w.bedMinutesPerDay[0]!;
    return {
      agency: w.agency,
      label: w.label,
      requests,
      requestsRelative: relative(requests, w.requestsPerDay[0]!),
      minutes,
      minutesRelative: relative(minutes, w.minutesPerDay[0]!),
      staffMinutes: minutes - bedMinutes,
      staffMinutesRelative: relative(minutes - bedMinutes, staffBefore),
      bedDays: bedMinutes / DAY_MINUTES,
      bedDaysRelative: relative(bedMinutes, w.bedMinutesPerDay[0]!),
    };
  });
}

/** What the plan in scenario `s` does besides its objectives (workload moved between agencies), and whether it does what it claims. */
function toPlanFindings(plan: Plan, s: number, workload: AgencyWorkload[], objectives: ObjectiveComparison[], leftOut: { id: string }[]): PlanFindings {
  const moved = toAgencyChanges(workload, s);
  const rises = (m: AgencyChange) => m.requestsRelative > RISE || m.minutesRelative > RISE;
  const statusOf = (id: string) => objectives.find((o) => o.id === id)?.values[s]?.changeStatus;
  return {
    plan: plan.id,
    rises: moved.filter(rises).sort((a, b) => b.minutes - a.minutes),
    falls: moved.filter((m) => !rises(m) && (m.requestsRelative < -RISE || m.minutesRelative < -RISE)).sort((a, b) => a.minutes - b.minutes),
    netMinutesPerDay: moved.reduce((a, m) => a + m.minutes, 0),
    netStaffMinutesPerDay: moved.reduce((a, m) => a + m.staffMinutes, 0),
    netBedDaysPerDay: moved.reduce((a, m) => a + m.bedDays, 0),
    unsupportedClaims: plan.supports.flatMap((id) => {
      const status = statusOf(id);
      return status && status !== 'better' ? [{ objective: id, status }] : [];
    }),
    untestedClaims: plan.supports.filter((id) => leftOut.some((o) => o.id === id)),
    unclaimedGains: objectives.filter((o) => o.values[s]!.changeStatus === 'better' && !plan.supports.includes(o.id)).map((o) => o.id),
  };
}

/**
 * One scenario's value of an objective: met or not, and for a plan its change from the baseline
 * with its status: no change (exact, under 0.01%), within the noise (simulated, the paired
 * interval includes zero), too small to matter (under 1% of the baseline), better or worse.
 */
export function toObjectiveValue(
  scenario: string,
  v: MeasureValue,
  base: MeasureValue | undefined,
  direction: 'at-most' | 'at-least',
  target: number,
  unit: MeasureUnit,
): ObjectiveValue {
  const interval = v.replications ? toMeanInterval(v.replications).ci95 : undefined;
  // A share's interval stays within 0 to 100%.
  const ci95 = interval && unit === 'share' ? toShareBounds(interval) : interval;
  const meets = (x: number) => (direction === 'at-most' ? x <= target + 1e-12 : x >= target - 1e-12);
  const out: ObjectiveValue = {
    scenario,
    value: v.value,
    ...(ci95 ? { ci95 } : {}),
    met: meets(v.value),
    uncertain: ci95 ? meets(ci95[0]) !== meets(ci95[1]) : false,
  };
  if (!base) return out;
  const change = v.value - base.value;
  const better = direction === 'at-most' ? change < 0 : change > 0;
  // A change under 1% of the baseline's value is too small to act on, even when it is sure.
  const small = Math.abs(change) < SMALL_CHANGE * Math.abs(base.value);
  const sure: ChangeStatus = small ? 'too small to matter' : better ? 'better' : 'worse';
  if (v.replications && base.replications) {
    const paired = toMeanInterval(v.replications.map((x, r) => x - base.replications![r]!));
    const noise = paired.ci95[0] <= 0 && paired.ci95[1] >= 0;
    return { ...out, change, changeCi95: paired.ci95, changeStatus: noise ? 'within the noise' : sure };
  }
  // Exact values carry no noise: a change of under 0.01% of the baseline is none at all.
  const none = Math.abs(change) <= Math.max(1e-12, 1e-4 * Math.abs(base.value));
  return { ...out, change, changeStatus: none ? 'no change' : sure };
}

/**
 * Requests a day reaching each agency and minutes a day of its time, in each scenario (exact): the
 * strategy measures reach-share (times requests a day) and workload, so that both mean the same.
 */
function getWorkload(baseline: CareGraph, graphs: CareGraph[], simulation: Strategy['simulation']): AgencyWorkload[] {
  const agencies = baseline.agencies;
  const measures = agencies.flatMap((a): Measure[] => [
    { kind: 'reach-share', agency: a.id },
    { kind: 'workload', agency: a.id },
    { kind: 'workload', agency: a.id, part: 'beds' },
  ]);
  const values = graphs.map((graph) => ({ perDay: graph.meta.demand?.perDay ?? 1000, values: getMeasureValues(graph, measures, simulation) }));
  return agencies.map((a, i) => ({
    agency: a.id,
    label: a.label,
    requestsPerDay: values.map((v) => v.perDay * v.values[3 * i]!.value),
    minutesPerDay: values.map((v) => v.values[3 * i + 1]!.value),
    bedMinutesPerDay: values.map((v) => v.values[3 * i + 2]!.value),
  }));
}
