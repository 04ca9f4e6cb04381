import type { Measure } from '../types.ts';
import { getMeasureDefinition } from './index.ts';
import type { MeasureDefinition, MeasureValue } from './types.ts';

type Ratio = Extract<Measure, { kind: 'ratio' }>;

const part = (m: Measure) => getMeasureDefinition(m.kind)!;

/** One measure as a share of another: admissions per ED attendance, ambulance arrivals per Type 1 attendance. */
export const ratio: MeasureDefinition<Ratio> = {
  kind: 'ratio',
  unit: 'share',
  fields: ['of (a measure)', 'per (a measure)'],
  summary: 'one measure divided by another, such as admissions per ED attendance; exact unless a part is simulated',
  source: (m) => {
    const sources = [part(m.of).source(m.of), part(m.per).source(m.per)];
    return sources.includes('des') ? 'des' : sources.includes('montecarlo') ? 'montecarlo' : 'exact';
  },
  read(r) {
    r.only(['kind', 'of', 'per']);
    const of = r.measure('of');
    const per = r.measure('per');
    for (const m of [of, per]) {
      if (m && part(m).source(m) === 'montecarlo')
        r.problem('a ratio cannot use a Monte Carlo time measure.', 'Use exact or discrete-event measures for both parts (a clock instead of time-to).');
    }
    return of && per && part(of).source(of) !== 'montecarlo' && part(per).source(per) !== 'montecarlo' ? { kind: 'ratio', of, per } : undefined;
  },
  check: (graph, m) => part(m.of).check(graph, m.of) ?? part(m.per).check(graph, m.per),
  text: (m, label, graph) => `${part(m.of).text(m.of, label, graph)}, as a share of ${part(m.per).text(m.per, label, graph)}`,
  value(m, c) {
    const a = part(m.of).value(m.of, c);
    const b = part(m.per).value(m.per, c);
    const divide = (x: number, y: number) => (y > 0 ? x / y : 0);
    if (!a.replications && !b.replications) return { value: divide(a.value, b.value) };
    const count = (a.replications ?? b.replications)!.length;
    const at = (v: MeasureValue, r: number) => v.replications?.[r] ?? v.value;
    const replications = Array.from({ length: count }, (_, r) => divide(at(a, r), at(b, r)));
    return { value: replications.reduce((x, y) => x + y, 0) / count, replications } satisfies MeasureValue;
  },
};
