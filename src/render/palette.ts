/**
 * Colours for agencies: the Okabe–Ito palette, safe for the common kinds of colour blindness,
 * then eight from Paul Tol's palettes (also designed for colour-blind readers), each chosen in turn
 * as the one whose light fill is furthest (CIELAB) from those already taken: sixteen distinct
 * colours, the fill of each of the last eight at least 8.9 (ΔE) from every other, further apart than
 * Okabe–Ito's own closest pair (7.1). Past sixteen
 * the colours come round again in darker tones. Colour is never the only cue: each agency also has
 * a two-letter badge and a stroke pattern, and diagrams carry a key.
 */
const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'];
const TOL = ['#DC050C', '#332288', '#72190E', '#90C987', '#225522', '#EE3377', '#EE8866', '#CC3311'];
const PALETTE = [...OKABE_ITO, ...TOL];
const DASHES = ['', '6 3', '2 3', '8 3 2 3'];

/** How an agency is drawn. */
export interface AgencyStyle {
  /** Fill colour (light enough for black text on it). */
  fill: string;
  /** Stroke colour. */
  stroke: string;
  /** Stroke dash pattern ('' for solid): the cue that is not colour. */
  dash: string;
  /** A short badge, from the agency's label. */
  badge: string;
  /** The badge's background: the stroke colour, darkened where neither white nor black text on it would pass WCAG's 4.5:1. */
  badgeFill: string;
  /** The badge's text colour on `badgeFill`: white or near-black, whichever has the higher contrast (at least 4.5:1). */
  badgeText: string;
}

/** Styles for every agency, in the model's order; badges are unique. */
export function getAgencyStyles(labels: string[]): AgencyStyle[] {
  const used = new Set<string>();
  return labels.map((label, i) => {
    const base = PALETTE[i % PALETTE.length]!;
    const badge = [...toBadges(label), `A${i + 1}`].find((b) => !used.has(b))!;
    used.add(badge);
    // The yellow and grey are too light to draw lines in; past sixteen every colour is darkened.
    const stroke = base === '#F0E442' ? '#B0A500' : base === '#999999' ? '#5E5E5E' : i >= PALETTE.length ? mix(base, '#000000', 0.35) : base;
    return {
      fill: mix(base, '#ffffff', i >= PALETTE.length ? 0.6 : 0.72),
      stroke,
      dash: DASHES[(i + Math.floor(i / 8)) % DASHES.length]!,
      badge,
      ...toBadgeColours(stroke),
    };
  });
}

/** Badge candidates, best first: "NHS 111" → "111"; "Urgent treatment centre" → "UTC"; "Out-of-hours GP service" → "GP", then "OHG". */
function toBadges(label: string): string[] {
  const words = label
    .replace(/[()]/g, ' ')
    .split(/[\s-]+/)
    .filter((w) => w && !/^(the|and|their|of|a|an)$/i.test(w));
  const initials = words.map((w) => w[0]!.toUpperCase()).join('');
  return [
    ...words.filter((w) => /^\d+$/.test(w)),
    ...words.filter((w) => /^[A-Z]{2,}$/.test(w)).map((w) => w.slice(0, 3)),
    initials.slice(0, 3),
    initials.slice(0, 2),
    (words[0] ?? '?').slice(0, 3).toUpperCase(),
  ].filter(Boolean);
}

/** The near-black the diagrams write in. */
const INK = '#1a1a1a';

/** A badge's background and text: the colour itself with white or near-black text, or the colour darkened until white text passes 4.5:1. */
function toBadgeColours(colour: string): { badgeFill: string; badgeText: string } {
  let fill = colour;
  for (let k = 1; Math.max(getContrast(fill, '#ffffff'), getContrast(fill, INK)) < 4.5 && k <= 10; k++) fill = mix(colour, '#000000', k / 10);
  return { badgeFill: fill, badgeText: getContrast(fill, '#ffffff') >= getContrast(fill, INK) ? '#ffffff' : INK };
}

/** WCAG 2 contrast ratio of two colours written #rrggbb, from 1 to 21. */
export function getContrast(a: string, b: string): number {
  const luminance = (h: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(h.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

function mix(a: string, b: string, t: number): string {
  const parse = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const [x, y] = [parse(a), parse(b)];
  return `#${x
    .map((v, i) =>
      Math.round(v + (y[i]! - v) * t)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
