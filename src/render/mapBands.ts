import type { AgencyBand } from '../model/bands.ts';
import { el, escapeXml } from './svg.ts';
import type { RenderContext } from './types.ts';

/**
 * The system map's bands and its whole-system view. Agencies are placed band by band (where
 * people ask for help, urgent and community care, hospital, leaving hospital), each band a grey
 * strip under its heading, agencies in the model's order and wrapped into rows. Zoomed out, the
 * report's script shows the overview layer drawn here: each agency as a solid box with its name
 * and the requests coming in, written at a size that can be read whatever the zoom.
 */

const GAP = 24;
/** Room above a band's first row for its heading: enough for the overview's 13 px heading on a 1,400 px screen. */
export const BAND_HEAD = 56;
/** The shape of map the bands are wrapped to (wide, like a screen), so the whole system fits one view. */
const ASPECT = 1.6;
export const BAND_FILL = '#f2f2f2';

/** Where each agency's box goes, and each band's strip. */
export interface BandPlacement {
  offsets: Map<string, { x: number; y: number }>;
  strips: { label: string; y: number; height: number }[];
  width: number;
  height: number;
}

/**
 * Places agency boxes (laid out on their own) band by band. A model without bands keeps rows of
 * at least 1,400 units in its own order; with bands, rows are as wide as gives the map the shape
 * nearest 1.6 : 1, so that the whole system fits a screen.
 */
export function placeInBands(bands: AgencyBand[], sizes: Map<string, { width: number; height: number }>): BandPlacement {
  const widest = Math.max(0, ...[...sizes.values()].map((s) => s.width));
  if (bands.length === 1 && bands[0]!.label === undefined) return pack(bands, sizes, Math.max(1400, widest));
  const longest = Math.max(...bands.map((b) => b.agencies.reduce((sum, a) => sum + (sizes.get(a)?.width ?? 0) + GAP, 0)));
  let best = pack(bands, sizes, widest);
  for (let rowWidth = widest + 50; rowWidth <= longest + 50; rowWidth += 50) {
    const placed = pack(bands, sizes, rowWidth);
    if (Math.abs(Math.log(placed.width / placed.height / ASPECT)) < Math.abs(Math.log(best.width / best.height / ASPECT)) - 1e-9) best = placed;
  }
  return best;
}

function pack(bands: AgencyBand[], sizes: Map<string, { width: number; height: number }>, rowWidth: number): BandPlacement {
  const offsets = new Map<string, { x: number; y: number }>();
  const strips: BandPlacement['strips'] = [];
  let y = 0;
  let width = 0;
  bands.forEach((band, b) => {
    const top = y;
    if (band.label !== undefined) y += BAND_HEAD;
    let x = 0;
    let rowHeight = 0;
    for (const agency of band.agencies) {
      const size = sizes.get(agency) ?? { width: 0, height: 0 };
      if (x > 0 && x + size.width > rowWidth) {
        x = 0;
        y += rowHeight + GAP;
        rowHeight = 0;
      }
      offsets.set(agency, { x, y });
      width = Math.max(width, x + size.width);
      x += size.width + GAP;
      rowHeight = Math.max(rowHeight, size.height);
    }
    y += rowHeight;
    if (band.label !== undefined) strips.push({ label: band.label, y: top, height: y - top });
    if (b < bands.length - 1) y += band.label !== undefined ? GAP * 2 : GAP;
  });
  return { offsets, strips, width, height: y };
}

/** The grey strip and heading of each band, drawn under the agencies. */
export function drawBandStrips(placement: BandPlacement): string {
  return placement.strips
    .map((s) =>
      el(
        'g',
        { class: 'band' },
        el('rect', { x: -8, y: s.y - 8, width: placement.width + 16, height: s.height + 16, rx: 14, fill: BAND_FILL }),
        el('text', { x: 4, y: s.y + 30, class: 'bold', 'font-size': 18 }, escapeXml(s.label)),
      ),
    )
    .join('');
}

/**
 * The overview layer: for each agency a solid box over its detail, with its name (on one line or
 * two, or its badge where neither fits) and the requests coming in; for each band, its heading. The
 * script sizes the words to the zoom, so the widths here are at a font size of 1 (name, first and
 * second line of the name, badge, count) for it to choose from. Hidden until the script shows it.
 */
export function drawOverview(
  ctx: RenderContext,
  placement: BandPlacement,
  boxes: { agency: string; x: number; y: number; width: number; height: number }[],
  countOf: (agency: string) => string,
): string {
  const { measure } = ctx;
  const agencies = boxes.map((b) => {
    const style = ctx.agencyStyle(b.agency);
    const name = ctx.agencyLabel(b.agency);
    const [first, second] = splitInTwo(name, (t) => measure.width(t, 1, true));
    const count = countOf(b.agency);
    const widths = [
      measure.width(name, 1, true),
      measure.width(first, 1, true),
      measure.width(second, 1, true),
      measure.width(style.badge, 1, true),
      measure.width(count, 0.9),
    ];
    return el(
      'g',
      {
        class: 'ov-agency',
        'data-agency': b.agency,
        'data-box': [b.x, b.y, b.width, b.height].map((v) => Math.round(v)).join(' '),
        'data-widths': widths.map((w) => w.toFixed(3)).join(' '),
      },
      el('title', {}, escapeXml(`${name}: ${count}. Select to zoom in.`)),
      el('rect', {
        x: b.x,
        y: b.y,
        width: b.width,
        height: b.height,
        rx: 12,
        fill: style.fill,
        stroke: style.stroke,
        'stroke-width': 2,
        'stroke-dasharray': style.dash || undefined,
      }),
      el('text', { class: 'ov ov-name bold', 'text-anchor': 'middle' }, escapeXml(name)),
      el('text', { class: 'ov ov-first bold', 'text-anchor': 'middle' }, escapeXml(first)),
      el('text', { class: 'ov ov-second bold', 'text-anchor': 'middle' }, escapeXml(second)),
      el('text', { class: 'ov ov-badge bold', 'text-anchor': 'middle' }, escapeXml(style.badge)),
      el('text', { class: 'ov ov-count', 'text-anchor': 'middle' }, escapeXml(count)),
    );
  });
  const bands = placement.strips.map((s) =>
    el('text', { class: 'ov ov-band bold', 'data-at': `${s.y}`, 'data-room': BAND_HEAD, x: 4, y: s.y }, escapeXml(s.label)),
  );
  return el('g', { class: 'overview', 'aria-hidden': 'true' }, ...agencies, ...bands);
}

/** A name in two lines of the most even widths, at a word boundary ('' second line for one word). */
function splitInTwo(name: string, width: (text: string) => number): [string, string] {
  const words = name.split(' ');
  let best: [string, string] = [name, ''];
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const pair: [string, string] = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const w = Math.max(width(pair[0]), width(pair[1]));
    if (w < bestWidth) [best, bestWidth] = [pair, w];
  }
  return best;
}

/** The map's CSS for the overview: hidden on paper and in the diagram file; shown when the report's script marks the map zoomed out. */
export const overviewStyle = (id: string): string =>
  `#${id} .overview{display:none}#${id}.zoomed-out .overview{display:inline}#${id}.zoomed-out text:not(.ov),#${id}.zoomed-out .map-head{visibility:hidden}` +
  `#${id} .ov-agency{cursor:zoom-in}`;
