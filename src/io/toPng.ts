import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import opentype from 'opentype.js';
import type { FontFiles } from './loadFonts.ts';

let fontFiles: string[] | undefined;

/**
 * resvg reads fonts from files in TrueType form: convert the embedded WOFF fonts once per
 * machine into a cache folder, named by their content so that a changed font is converted again.
 */
function getFontFiles(fonts: FontFiles): string[] {
  if (fontFiles) return fontFiles;
  const dir = path.join(tmpdir(), 'carepaths-fonts');
  mkdirSync(dir, { recursive: true });
  fontFiles = [fonts.regular.woff, fonts.bold.woff].map((woff) => {
    const file = path.join(dir, `${createHash('sha256').update(woff).digest('hex').slice(0, 16)}.ttf`);
    if (!existsSync(file)) {
      const font = opentype.parse(woff.buffer.slice(woff.byteOffset, woff.byteOffset + woff.byteLength) as ArrayBuffer);
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, Buffer.from(font.toArrayBuffer()));
      renameSync(temporary, file);
    }
    return file;
  });
  return fontFiles;
}

/** Renders an SVG to PNG without a browser, in the same font, at `scale` times its size. */
export function toPng(svg: string, fonts: FontFiles, scale = 2): Uint8Array {
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: getFontFiles(fonts), loadSystemFonts: false, defaultFontFamily: fonts.family },
  });
  return resvg.render().asPng();
}
