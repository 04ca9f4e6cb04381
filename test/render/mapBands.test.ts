import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/model/checkModel.ts';
import { getAgencyBands } from '../../src/model/bands.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { placeInBands } from '../../src/render/mapBands.ts';

const model = (meta: object) => ({
  id: 't',
  meta: { title: 'Town', description: 'd', ...meta },
  initial: 'start',
  states: {
    start: { description: 'Asks for help.', meta: { agency: 'amb' }, on: { GO: { target: 'ed', meta: { p: 1 } } } },
    ed: { description: 'Seen in ED.', meta: { agency: 'ed' }, on: { HOME: { target: 'home', meta: { p: 1 } } } },
    home: { type: 'final', description: 'Home.', meta: { agency: 'social', outcome: 'home' } },
  },
});
const findings = (meta: object) =>
  checkModel(toCareMachine(model(meta) as Parameters<typeof toCareMachine>[0]))
    .diagnostics.filter((d) => d.code === 'invalid-bands')
    .map((d) => `${d.severity}: ${d.message} ${d.hint}`);

describe("the system map's bands", () => {
  it('groups agencies by band in the bands’ order (the model’s order within one), leaving out empty bands, with unbanded agencies last', () => {
    const agencies = [{ id: 'ward', band: 'hospital' }, { id: 'call', band: 'entry' }, { id: 'ed', band: 'hospital' }, { id: 'odd' }];
    expect(getAgencyBands({}, agencies)).toEqual([
      { id: 'entry', label: 'Asking for help', agencies: ['call'] },
      { id: 'hospital', label: 'Hospital', agencies: ['ward', 'ed'] },
      { id: '', label: 'Other agencies', agencies: ['odd'] },
    ]);
    // A model's own bands replace the default four.
    expect(
      getAgencyBands(
        {
          bands: [
            { id: 'b', label: 'Second' },
            { id: 'a', label: 'First' },
          ],
        },
        [
          { id: 'x', band: 'a' },
          { id: 'y', band: 'b' },
        ],
      ),
    ).toEqual([
      { id: 'b', label: 'Second', agencies: ['y'] },
      { id: 'a', label: 'First', agencies: ['x'] },
    ]);
    // No agency in a band: one band with no heading, in the model's order.
    expect(getAgencyBands({}, [{ id: 'b' }, { id: 'a' }])).toEqual([{ id: '', agencies: ['b', 'a'] }]);
  });

  it('places an unbanded model in rows of 1,400 units as before, and a banded one band under band, wrapped to a screen’s shape', () => {
    const sizes = new Map(['a', 'b', 'c', 'd'].map((id) => [id, { width: 600, height: 300 }]));
    // Unbanded: a, b in the first row (600 + 24 + 600 ≤ 1,400), c, d in the second.
    const rows = placeInBands([{ id: '', agencies: ['a', 'b', 'c', 'd'] }], sizes);
    expect([...rows.offsets]).toEqual([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 624, y: 0 }],
      ['c', { x: 0, y: 324 }],
      ['d', { x: 624, y: 324 }],
    ]);
    expect([rows.width, rows.height, rows.strips]).toEqual([1224, 624, []]);
    // Banded: each band starts a row under a 56-unit heading, and bands are 48 apart. One agency a
    // row makes the map 600 × 1,408 (0.43 : 1); two a row, 1,224 × 760 (1.61 : 1), the nearer to 1.6.
    const banded = placeInBands(
      [
        { id: 'entry', label: 'Asking for help', agencies: ['a', 'b'] },
        { id: 'hospital', label: 'Hospital', agencies: ['c', 'd'] },
      ],
      sizes,
    );
    expect([...banded.offsets]).toEqual([
      ['a', { x: 0, y: 56 }],
      ['b', { x: 624, y: 56 }],
      ['c', { x: 0, y: 56 + 300 + 48 + 56 }],
      ['d', { x: 624, y: 460 }],
    ]);
    expect(banded.strips).toEqual([
      { label: 'Asking for help', y: 0, height: 356 },
      { label: 'Hospital', y: 404, height: 356 },
    ]);
    expect([banded.width, banded.height]).toEqual([1224, 760]);
  });

  it('has check name every misuse: a malformed list, an id used twice, an unknown band, and agencies left without one', () => {
    const agencies = (bands: (string | undefined)[]) =>
      ['amb', 'ed', 'social'].map((id, i) => ({ id, label: id.toUpperCase(), ...(bands[i] !== undefined ? { band: bands[i] } : {}) }));
    expect(findings({ agencies: agencies(['entry', 'hospital', 'discharge']) })).toEqual([]);
    expect(findings({ agencies: agencies([undefined, undefined, undefined]) })).toEqual([]);
    expect(findings({ agencies: agencies(['entry', 'hosp', undefined]) })).toEqual([
      'error: meta.agencies: the band of "ed" is "hosp", which is not one of the map\'s bands. Use one of entry, community, hospital, discharge, or declare your own in meta.bands.',
      'warning: meta.agencies: SOCIAL has no band, so the system map puts it last, under "Other agencies". Give it a band: one of entry, community, hospital, discharge.',
    ]);
    expect(findings({ bands: 'hospital', agencies: agencies(['entry', 'hospital', 'discharge']) })[0]).toMatch(
      /^error: meta.bands must be a list of \{ id, label \}/,
    );
    expect(
      findings({
        bands: [{ id: 'front', label: 'Front door' }, { id: 'front', label: 'Again' }, { label: 'No id' }],
        agencies: agencies(['front', 'front', 'entry']),
      }),
    ).toEqual([
      'error: meta.bands: the id "front" is used twice. Give each band its own id.',
      "error: meta.bands[2] has no id or no label. Give each band an id and a heading: { id: 'hospital', label: 'Hospital' }.",
      'error: meta.agencies: the band of "social" is "entry", which is not one of the map\'s bands. Use one of front, or add it to meta.bands.',
    ]);
  });
});
