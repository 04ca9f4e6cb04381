import type { ComparisonResult } from '../analysis/runComparison.ts';
import { toMeasureText } from '../strategy/measureCatalogue.ts';
import { toPlanChangeText } from './toPlanChangeText.ts';
import { toPathLabel, toSelectorLabel } from './toStateNames.ts';

/** The words a comparison's writers share: each objective's measure and each plan's changes, in plain English. */
export interface ComparisonWords {
  /** The measure of each objective, by objective id: "share of requests reaching Emergency department". */
  measures: Record<string, string>;
  /** Each plan's changes, by scenario id, with states named as the plan's own model names them. */
  changes: Record<string, string[]>;
}

/** Puts a comparison's measures and plan changes into words, naming states from the models compared. */
export function toComparisonWords(result: ComparisonResult): ComparisonWords {
  const { comparison: c, baseline, graphs } = result;
  return {
    measures: Object.fromEntries(c.objectives.map((o) => [o.id, toMeasureText(o.measure, (s) => toSelectorLabel(baseline, s), baseline)])),
    changes: Object.fromEntries(
      c.scenarios.slice(1).map((s, k) => [s.id, s.plan!.changes.map((change) => toPlanChangeText(change, (p) => toPathLabel(graphs[k]!, p)))]),
    ),
  };
}
