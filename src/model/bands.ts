import type { AgencyDeclaration, BandDeclaration, ModelMeta } from './types.ts';

/**
 * Bands group agencies on the system map in the order a request meets them, as planners draw the
 * urgent care system: where people ask for help, care in the community, the hospital, and leaving
 * it. A model's own `meta.bands` replace these; an agency joins one with `band` in `meta.agencies`.
 */
export const defaultBands: readonly BandDeclaration[] = [
  { id: 'entry', label: 'Asking for help' },
  { id: 'community', label: 'Urgent and community care' },
  { id: 'hospital', label: 'Hospital' },
  { id: 'discharge', label: 'Leaving hospital' },
];

/** One band of the map, with its agencies in the model's order. */
export interface AgencyBand {
  /** The band's id; '' for agencies the model puts in no band. */
  id: string;
  /** Its heading; undefined when no agency names a band (the map then has one band, unheaded). */
  label?: string;
  agencies: string[];
}

/**
 * The map's bands in order, each with its agencies (given in the model's order), leaving out empty
 * bands. Agencies with no band (or an unknown one, which `check` reports) come last under "Other
 * agencies"; when no agency names a band there is a single band with no heading.
 */
export function getAgencyBands(meta: Pick<ModelMeta, 'bands'>, agencies: readonly Pick<AgencyDeclaration, 'id' | 'band'>[]): AgencyBand[] {
  const declared = Array.isArray(meta.bands) ? meta.bands : defaultBands;
  if (!agencies.some((a) => a.band !== undefined)) return [{ id: '', agencies: agencies.map((a) => a.id) }];
  const bands: AgencyBand[] = declared.map((b) => ({ id: b.id, label: b.label, agencies: [] }));
  const other: AgencyBand = { id: '', label: 'Other agencies', agencies: [] };
  for (const a of agencies) (bands.find((b) => b.id === a.band) ?? other).agencies.push(a.id);
  return [...bands, other].filter((b) => b.agencies.length > 0);
}
