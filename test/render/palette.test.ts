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
    // Colours that pass keep their own colour; the darker orange, which passes with neither, is darkened.
    expect(styles[1]!.badgeFill).toBe(styles[1]!.stroke);
    expect(styles[8]!.badgeFill).not.toBe(styles[8]!.stroke);
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
