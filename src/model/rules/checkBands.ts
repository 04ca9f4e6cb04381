import { defaultBands } from '../bands.ts';
import type { Rule } from './types.ts';
import type { Diagnostic } from '../types.ts';

/** The system map's bands: a well-formed `meta.bands`, and each agency's `band` one of them. */
export const checkBands: Rule = ({ modelId, states }) => {
  const meta = states[0]?.meta ?? {};
  const out: Diagnostic[] = [];
  const problem = (message: string, hint: string, severity: Diagnostic['severity'] = 'error') =>
    out.push({ code: 'invalid-bands', severity, path: modelId, message, hint });
  const own = meta.bands;
  if (own !== undefined) {
    if (!Array.isArray(own) || own.length === 0) {
      problem(
        'meta.bands must be a list of { id, label }, one for each band of the system map, in order.',
        "Write bands: [{ id: 'entry', label: 'Asking for help' }, …], or leave it out for the default four.",
      );
      return out;
    }
    const seen = new Set<string>();
    own.forEach((b: { id?: unknown; label?: unknown }, i) => {
      if (typeof b?.id !== 'string' || !b.id.trim() || typeof b.label !== 'string' || !b.label.trim())
        problem(`meta.bands[${i}] has no id or no label.`, "Give each band an id and a heading: { id: 'hospital', label: 'Hospital' }.");
      else if (seen.has(b.id)) problem(`meta.bands: the id "${b.id}" is used twice.`, 'Give each band its own id.');
      else seen.add(b.id);
    });
  }
  const ids = [
    ...new Set(
      (Array.isArray(own) ? own : defaultBands).map((b: { id?: unknown }) => b?.id).filter((id): id is string => typeof id === 'string' && id.trim() !== ''),
    ),
  ];
  const agencies: { id?: unknown; label?: unknown; band?: unknown }[] = Array.isArray(meta.agencies) ? meta.agencies : [];
  const banded = agencies.filter((a) => a?.band !== undefined);
  for (const a of banded)
    if (typeof a.band !== 'string' || !ids.includes(a.band))
      problem(
        `meta.agencies: the band of ${JSON.stringify(a.id)} is ${JSON.stringify(a.band)}, which is not one of the map's bands.`,
        `Use one of ${ids.join(', ')}${own === undefined ? ', or declare your own in meta.bands' : ', or add it to meta.bands'}.`,
      );
  const without = agencies.filter((a) => a?.band === undefined);
  if (banded.length > 0 && without.length > 0)
    problem(
      `meta.agencies: ${without.map((a) => String(a?.label ?? a?.id)).join(', ')} ${without.length === 1 ? 'has' : 'have'} no band, so the system map puts ${without.length === 1 ? 'it' : 'them'} last, under "Other agencies".`,
      `Give ${without.length === 1 ? 'it' : 'each'} a band: one of ${ids.join(', ')}.`,
      'warning',
    );
  return out;
};
