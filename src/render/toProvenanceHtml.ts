import { escapeXml } from './svg.ts';

/** Where a page comes from, shown at its foot: which carepaths, which model file (and its exact bytes), and when. */
export interface Provenance {
  /** The carepaths version. */
  version: string;
  /** The model file, as shown on the page ('standard input' for a model piped in). */
  source: string;
  /** The SHA-256 of the model file's bytes, in hex, when it was read from a file. */
  sha256?: string;
  /** The day the page was made, in words ("2 December 2026"). */
  madeOn?: string;
}

/**
 * The page's provenance line: "Made by carepaths 0.1.0 on 2 December 2026 from models/city-uec.ts
 * (SHA-256 1a2b3c4d5e6f), the model “…” (city)", and whatever else the page was made from.
 */
export function toProvenanceHtml(p: Provenance, model: { title?: string; id: string }, more = ''): string {
  const file = `${escapeXml(p.source)}${p.sha256 ? ` (<abbr title="the file’s SHA-256, in full: ${p.sha256}">SHA-256</abbr> ${p.sha256.slice(0, 12)})` : ''}`;
  const title = model.title ? `the model “${escapeXml(model.title)}” (${escapeXml(model.id)})` : `the model “${escapeXml(model.id)}”`;
  return `<p class="provenance">Made by carepaths ${escapeXml(p.version)}${p.madeOn ? ` on ${escapeXml(p.madeOn)}` : ''} from ${file}, ${title}${more}.</p>`;
}
