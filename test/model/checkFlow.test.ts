import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/model/checkModel.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';

/** The codes `check` gives a model, each with the path it names. */
const codesOf = (config: object) =>
  checkModel(toCareMachine(config as Parameters<typeof toCareMachine>[0])).diagnostics.map((d) => `${d.severity} ${d.code} ${d.path}`);

const base = (meta: object, states: object) => ({
  id: 'f',
  meta: { title: 'Flow', description: 'd', demand: { perDay: 10 }, ...meta },
  initial: 'a',
  states: {
    ...states,
    done: { type: 'final', description: 'Done.', meta: { agency: 'x', outcome: 'home' } },
    gone: { type: 'final', description: 'Gone.', meta: { agency: 'x', outcome: 'gone' } },
  },
});

describe('check on flow annotations', () => {
  it('names each misuse of resources, at the model or at the state', () => {
    const codes = codesOf(
      base(
        { resources: { beds: { label: 'Beds', units: 2.5 }, crews: { label: 'Crews', units: 2 } } },
        {
          a: { description: 'A.', meta: { agency: 'x', function: 'assess', uses: 'bedz' }, on: { GO: 'b' } },
          b: { description: 'B.', meta: { agency: 'x', function: 'treat', uses: { crews: 3 }, capacity: { servers: 1 } }, on: { GO: 'done' } },
        },
      ),
    );
    expect(codes).toEqual(
      expect.arrayContaining(['error invalid-resource f', 'error unknown-resource f.a', 'error uses-and-capacity f.b', 'error uses-more-than-available f.b']),
    );
  });

  it('names waiting rooms, patience and conditional ways that cannot work', () => {
    const codes = codesOf(
      base(
        { resources: { desk: { label: 'Desk', units: 1 } } },
        {
          a: { description: 'A.', meta: { agency: 'x', function: 'assess', waitingRoom: 2 }, on: { GO: 'b' } },
          b: { description: 'B.', meta: { agency: 'x', function: 'treat', uses: 'desk', patience: { dist: 'exponential', mean: 5 } }, on: { GO: 'c' } },
          c: {
            description: 'C.',
            meta: { agency: 'x', function: 'treat', uses: 'desk', waitingRoom: -1 },
            on: { GO: 'done', LEFT: { target: 'gone', meta: { when: 'abandoned', p: 0.1 } }, ODD: { target: 'gone', meta: { when: 'later' } } },
          },
        },
      ),
    );
    expect(codes).toEqual(
      expect.arrayContaining([
        'error waiting-without-resource f.a',
        'error patience-without-way f.b',
        'error invalid-waiting-room f.c',
        'warning abandoned-way-unused f.c',
        'warning conditional-way-probability f.c',
        'error invalid-way-condition f.c',
      ]),
    );
  });

  it('names arrival streams and clocks that do not fit the model', () => {
    const codes = codesOf(
      base(
        {
          arrivals: [{ id: 's', label: 'S', entry: 'f.nowhere', perDay: -1 }],
          clocks: [
            { id: 'k', label: 'K', from: 'f.a', to: 'f.missing' },
            { id: 'k', from: 'f.a' },
          ],
        },
        { a: { description: 'A.', meta: { agency: 'x', function: 'assess' }, on: { GO: 'done' } } },
      ),
    );
    expect(codes.filter((c) => c.includes('invalid-arrivals')).length).toBeGreaterThanOrEqual(2);
    expect(codes).toContain('warning arrivals-and-demand f');
    expect(codes.filter((c) => c.includes('invalid-clock')).length).toBeGreaterThanOrEqual(3);
  });

  it('is quiet about a model that uses flow as the README shows', () => {
    const codes = codesOf(
      base(
        { resources: { desk: { label: 'Desk', units: 2 } } },
        {
          a: {
            description: 'A.',
            meta: { agency: 'x', function: 'assess', uses: 'desk', waitingRoom: 3, patience: { dist: 'exponential', mean: 5 } },
            on: { GO: 'done', LEFT: { target: 'gone', meta: { when: 'abandoned' } }, FULL: { target: 'gone', meta: { when: 'full' } } },
          },
        },
      ),
    );
    expect(codes).toEqual([]);
  });
});
