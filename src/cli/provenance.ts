import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Provenance } from '../render/toProvenanceHtml.ts';
import { version } from './version.ts';

/**
 * A page's provenance: this carepaths, the model file with the SHA-256 of its bytes, and the day
 * (UTC). The day is today's unless SOURCE_DATE_EPOCH (seconds since 1970, as reproducible builds
 * use) fixes it, so that the same model, options and seed give the same bytes on any day.
 */
export function getPageProvenance(file: string): Provenance {
  const sha256 = existsSync(file) && statSync(file).isFile() ? createHash('sha256').update(readFileSync(file)).digest('hex') : undefined;
  return { version, source: file, ...(sha256 ? { sha256 } : {}), madeOn: toMadeOn() };
}

function toMadeOn(): string {
  const fixed = process.env.SOURCE_DATE_EPOCH;
  const seconds = fixed !== undefined && /^\d+$/.test(fixed.trim()) ? Number(fixed) : undefined;
  const day = seconds !== undefined ? new Date(seconds * 1000) : new Date();
  return day.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
