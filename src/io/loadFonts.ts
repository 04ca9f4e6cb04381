import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The font every diagram and report uses, in the weights it uses. */
export interface FontFiles {
  /** The family name to use in CSS and SVG. */
  family: string;
  /** WOFF (for measuring and for PNGs) and WOFF2 (for embedding) of each weight. */
  regular: { woff: Uint8Array; woff2: Uint8Array };
  bold: { woff: Uint8Array; woff2: Uint8Array };
}

let cached: FontFiles | undefined;

/**
 * Reads Atkinson Hyperlegible (Braille Institute, SIL Open Font License), a typeface designed to
 * be told apart letter by letter, from its npm package. Latin subset, regular and bold.
 */
export function loadFonts(): FontFiles {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('@fontsource/atkinson-hyperlegible/package.json')), 'files');
  const read = (weight: number, ext: 'woff' | 'woff2') => new Uint8Array(readFileSync(path.join(dir, `atkinson-hyperlegible-latin-${weight}-normal.${ext}`)));
  cached = {
    family: 'Atkinson Hyperlegible',
    regular: { woff: read(400, 'woff'), woff2: read(400, 'woff2') },
    bold: { woff: read(700, 'woff'), woff2: read(700, 'woff2') },
  };
  return cached;
}
