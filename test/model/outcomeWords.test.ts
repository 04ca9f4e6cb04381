import { describe, expect, it } from 'vitest';
import { getFunctionalAnalysis } from '../../src/analysis/getFunctionalAnalysis.ts';
import { toAnalysisMarkdown, toAnalysisText } from '../../src/report/analysisWriters.ts';
import { checkModel } from '../../src/model/checkModel.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { getOutcomeWords } from '../../src/model/outcomes.ts';

/**
 * A small model worked by hand: from the start, 0.4 go by ambulance and 0.6 walk in to the
 * department; 0.5 of those conveyed and 0.25 of walk-ins are admitted; half of the department's
 * patients come back once (re-attend) before going home. Admitted: 0.4 × 0.5 + 0.6 × 0.25 = 0.35.
 */
const model = (meta: object = {}) => ({
  id: 't',
  meta: {
    title: 'Town',
    description: 'd',
    agencies: [
      { id: 'amb', label: 'Ambulance', aliases: ['999'] },
      { id: 'ed', label: 'Emergency department' },
      { id: 'ward', label: 'Wards' },
    ],
    ...meta,
  },
  initial: 'start',
  states: {
    start: {
      description: 'Asks for help.',
      meta: { agency: 'amb', function: 'seek-help' },
      on: { CALL: { target: 'convey', meta: { p: 0.4 } }, WALK: { target: 'walkIn', meta: { p: 0.6 } } },
    },
    convey: {
      description: 'Conveyed.',
      meta: { agency: 'amb', function: 'convey' },
      on: { ADMIT: { target: 'admitted', meta: { p: 0.5 } }, HOME: { target: 'home', meta: { p: 0.5 } } },
    },
    walkIn: {
      description: 'Seen in the department.',
      meta: { agency: 'ed', function: 'emergency-treatment' },
      on: { ADMIT: { target: 'admitted', meta: { p: 0.25 } }, HOME: { target: 'home', meta: { p: 0.75 } } },
    },
    admitted: { description: 'On a ward.', meta: { agency: 'ward', function: 'admit' }, on: { DISCHARGED: { target: 'home' } } },
    home: { type: 'final', description: 'Home.', meta: { agency: 'ward', outcome: 'home' } },
  },
});

const milestones = [
  { id: 'admitted', label: 'Admitted to hospital', definition: 'Reached a ward at least once.', state: 't.admitted' },
  { id: 'conveyed', label: 'Conveyed by ambulance', definition: 'Went by ambulance.', function: 'convey' },
  { id: 'ed', label: 'Went to A&E', definition: 'Seen in the department.', agency: 'ed' },
];

const codesOf = (meta: object) =>
  checkModel(toCareMachine(model(meta) as Parameters<typeof toCareMachine>[0])).diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`);

describe('outcomes in clinicians’ words and what happens on the way', () => {
  it('gives the exact share reaching each milestone, worked by hand', () => {
    const analysis = getFunctionalAnalysis(checkModel(toCareMachine(model({ milestones }) as Parameters<typeof toCareMachine>[0])).graph!);
    const shares = Object.fromEntries(analysis.milestones.map((m) => [m.id, m.share]));
    expect(shares.admitted).toBeCloseTo(0.35, 12);
    expect(shares.conveyed).toBeCloseTo(0.4, 12);
    expect(shares.ed).toBeCloseTo(0.6, 12);
    // Everyone ends at home, so the outcome table alone would hide the admissions.
    expect(analysis.outcomeCategories).toEqual([
      { outcome: 'home', label: 'Home', definition: expect.stringContaining('at home'), probability: expect.closeTo(1, 12) },
    ]);
    const text = toAnalysisText(analysis);
    expect(text).toMatch(/Admitted to hospital +35\.0%\n {4}Reached a ward at least once\./);
    expect(toAnalysisMarkdown(analysis)).toContain('| Admitted to hospital | 35.0% | Reached a ward at least once. |');
  });

  it('uses the model’s words for an outcome before the built-in ones, and the id with spaces when there are none', () => {
    expect(getOutcomeWords({ outcomes: [{ id: 'admitted', label: 'Admitted to a mental health bed', definition: 'x' }] }, 'admitted').label).toBe(
      'Admitted to a mental health bed',
    );
    expect(getOutcomeWords(undefined, 'admitted').label).toBe('Still admitted');
    expect(getOutcomeWords(undefined, 'admitted-elsewhere')).toEqual({ label: 'Admitted elsewhere' });
  });

  it('names each misuse of outcomes, milestones, standards and aliases', () => {
    const codes = codesOf({
      outcomes: [
        { id: 'home', label: 'Home' },
        { id: 'gone', label: 'Gone', definition: 'Nowhere.' },
      ],
      milestones: [
        { id: 'a', label: 'A', definition: 'x', state: 't.nowhere' },
        { id: 'b', label: 'B', definition: 'x' },
        { id: 'c', label: 'C', definition: 'x', agency: 'ed', function: 'convey' },
        { id: 'a', label: 'A again', definition: 'x', outcome: 'home' },
      ],
      clocks: [{ id: 'k', label: 'K', from: 't.convey', standard: { median: 5 } }],
      agencies: [
        { id: 'amb', label: 'Ambulance', aliases: 'nine nine nine' },
        { id: 'ed', label: 'ED' },
        { id: 'ward', label: 'Wards' },
      ],
    });
    expect(codes).toEqual(
      expect.arrayContaining([
        'error invalid-outcomes: outcomes[1] (home): has no definition.',
        'warning unused-outcome-words: outcomes[2] (gone): no final state of the model has meta.outcome "gone".',
        'error invalid-milestones: milestones[1] (a): state names "t.nowhere", not a state of the model.',
        'error invalid-milestones: milestones[2] (b): selects no states; give exactly one of state, agency, function or outcome.',
        'error invalid-milestones: milestones[3] (c): gives agency and function; give exactly one of state, agency, function or outcome.',
        'error invalid-milestones: milestones[4] (a): has the id of an earlier one.',
        'error invalid-clock: clocks[1] (k): standard must give mean, p90 or both, in minutes above 0.',
        'error model-meta: meta.agencies: the aliases of "amb" must be a list of names.',
      ]),
    );
    expect(codesOf({ milestones, clocks: [{ id: 'k', label: 'K', from: 't.convey', standard: { mean: 7, p90: 15 } }] })).toEqual([]);
  });
});
