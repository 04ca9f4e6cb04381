/** Escapes text for XML and HTML content and attributes: model text is always inert. */
export const escapeXml = (text: string | number): string =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A number for SVG coordinates: two decimals at most, so output is stable and small. */
export const px = (x: number): string => String(Math.round(x * 100) / 100);

/** Attributes as text; undefined and false are left out. */
export function attrs(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeXml(typeof v === 'number' ? px(v) : String(v))}"`))
    .join('');
}

/** One element. Children are already-built markup. */
export const el = (tag: string, attributes: Record<string, string | number | boolean | undefined>, ...children: string[]): string =>
  children.length ? `<${tag}${attrs(attributes)}>${children.join('')}</${tag}>` : `<${tag}${attrs(attributes)}/>`;

/** Text, possibly on several lines, starting at (x, y) for the first baseline. */
export function textLines(lines: string[], x: number, y: number, lineHeight: number, attributes: Record<string, string | number | undefined> = {}): string {
  if (lines.length === 1) return el('text', { x, y, ...attributes }, escapeXml(lines[0]!));
  return el('text', { x, y, ...attributes }, ...lines.map((line, i) => el('tspan', { x, dy: i === 0 ? undefined : lineHeight }, escapeXml(line))));
}

/** Everything a standalone diagram needs around its content. */
export interface SvgDocument {
  /** Prefix for every id in the diagram, so that several diagrams can share a page. */
  id: string;
  width: number;
  height: number;
  /** Read by screen readers: a short name and a longer description. */
  title: string;
  description: string;
  /** CSS for the diagram (font, classes). */
  style: string;
  /** Definitions (markers, patterns). */
  defs?: string;
  body: string;
}

/** A complete, standalone SVG document with title, description and role="img". */
export function toSvg(doc: SvgDocument): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ id: doc.id, width: doc.width, height: doc.height, viewBox: `0 0 ${px(doc.width)} ${px(doc.height)}`, role: 'img', 'aria-labelledby': `${doc.id}-title ${doc.id}-desc`, class: 'carepaths-diagram' })}>` +
    el('title', { id: `${doc.id}-title` }, escapeXml(doc.title)) +
    el('desc', { id: `${doc.id}-desc` }, escapeXml(doc.description)) +
    el('style', {}, doc.style) +
    (doc.defs ? el('defs', {}, doc.defs) : '') +
    doc.body +
    '</svg>'
  );
}
