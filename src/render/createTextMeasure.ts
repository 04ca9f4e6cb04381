import opentype from 'opentype.js';

/** Measures text in the font the diagrams embed, so that labels fit their boxes. */
export interface TextMeasure {
  /** The CSS/SVG font family. */
  family: string;
  /** Width in pixels of `text` at `size` pixels. */
  width(text: string, size: number, bold?: boolean): number;
  /** `text` broken into lines no wider than `maxWidth`, breaking between words (a long word is kept whole). */
  wrap(text: string, maxWidth: number, size: number, bold?: boolean): string[];
}

const toArrayBuffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** Builds a text measure from the WOFF files of the embedded font (real advance widths and kerning). */
export function createTextMeasure(family: string, regularWoff: Uint8Array, boldWoff: Uint8Array): TextMeasure {
  const regular = opentype.parse(toArrayBuffer(regularWoff));
  const bold = opentype.parse(toArrayBuffer(boldWoff));
  const cache = new Map<string, number>();
  const width = (text: string, size: number, isBold = false) => {
    const key = `${isBold ? 'b' : 'r'}${size}\u0000${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      w = (isBold ? bold : regular).getAdvanceWidth(text, size, { kerning: true });
      cache.set(key, w);
    }
    return w;
  };
  return {
    family,
    width,
    wrap(text, maxWidth, size, isBold = false) {
      const lines: string[] = [];
      let line = '';
      for (const word of text.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (line && width(candidate, size, isBold) > maxWidth) {
          lines.push(line);
          line = word;
        } else line = candidate;
      }
      if (line) lines.push(line);
      return lines;
    },
  };
}
