import { describe, expect, it } from 'vitest';
import { getAgencyStyles, getContrast } from '../../src/render/palette.ts';
import { waitBands } from '../../src/render/mapBottlenecks.ts';

describe('agency colours', () => {
  it('computes WCAG contrast ratios: black on white is 21, a colour on itself 1', () => {
    expect(getContrast('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(getContrast('#ffffff', '#000000')).toBeCloseTo(21, 10);
    expect(getContrast('#0072B2', '#0072B2')).toBe(1);
    // The Okabe–Ito blue against white, worked by hand: luminance 0.7152 × 0.1683 + 0.0722 × 0.4452 = 0.1525, 1.05 / 0.2025 = 5.19.
    expect(getContrast('#0072B2', '#ffffff')).toBeCloseTo(5.19, 2);
  });

  it('gives every badge, for up to 24 agencies, text that passes 4.5:1 on its colour', () => {
    const styles = getAgencyStyles(Array.from({ length: 24 }, (_, i) => `Agency ${i + 1}`));
    for (const s of styles) expect(getContrast(s.badgeFill, s.badgeText), `${s.badge} on ${s.badgeFill}`).toBeGreaterThanOrEqual(4.5);
    // A colour that passes with white or near-black text keeps its own colour; one that passes with neither is darkened.
    for (const s of styles) {
      const passes = Math.max(getContrast(s.stroke, '#ffffff'), getContrast(s.stroke, '#1a1a1a')) >= 4.5;
      expect(s.badgeFill === s.stroke, s.badge).toBe(passes);
    }
    expect(styles.some((s) => s.badgeFill !== s.stroke)).toBe(true);
  });

  it('gives sixteen agencies sixteen distinct colours, none closer to another than the Okabe–Ito set’s own closest pair, and a second cue past them', () => {
    const styles = getAgencyStyles(Array.from({ length: 24 }, (_, i) => `Agency ${i + 1}`));
    // CIELAB (D65) distance, worked from the sRGB definition.
    const lab = (h: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(h.slice(i, i + 2), 16) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
      const [x, y, z] = [
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
      ];
      return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
    };
    const distance = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]!));
    const closest = (from: number, to: number) => {
      let min = Infinity;
      for (let i = from; i < to; i++) for (let j = 0; j < i; j++) min = Math.min(min, distance(styles[i]!.fill, styles[j]!.fill));
      return min;
    };
    const okabeIto = closest(1, 8);
    expect(okabeIto).toBeGreaterThan(7);
    expect(closest(8, 16)).toBeGreaterThanOrEqual(8.9);
    expect(closest(8, 16)).toBeGreaterThan(okabeIto);
    expect(new Set(styles.slice(0, 16).map((s) => s.fill)).size).toBe(16);
    // The seventeenth comes round to the first colour, in another tone and with another dash.
    expect(styles[16]!.fill).not.toBe(styles[0]!.fill);
    expect(styles[16]!.stroke).not.toBe(styles[0]!.stroke);
    expect(styles[16]!.dash).not.toBe(styles[0]!.dash);
  });
});

describe("the system map's wait bands", () => {
  it('keep the ink at 4.5:1 on every band, and the grey only where it passes (the white band)', () => {
    for (const band of waitBands) expect(getContrast('#1a1a1a', band.fill), band.label).toBeGreaterThanOrEqual(4.5);
    expect(getContrast('#555555', waitBands[0].fill)).toBeGreaterThanOrEqual(4.5);
    // Why the shaded boxes write their time in ink: the grey fails on the darker bands.
    expect(getContrast('#555555', waitBands[3].fill)).toBeLessThan(4.5);
  });
});
