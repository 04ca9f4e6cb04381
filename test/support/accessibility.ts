import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One rule axe-core finds broken, with the elements that break it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's violations on the page as it is now (every rule axe runs by default: WCAG 2.x A and AA, and best practice). */
export async function getAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(`(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  })()`);
}

/** A piece of diagram text below WCAG AA contrast against what is painted behind it. */
export interface LowContrast {
  svg: string;
  text: string;
  ratio: number;
  needed: number;
  colour: string;
  background: string;
}

/**
 * Every visible SVG text on the page whose contrast with what is painted behind it is below WCAG
 * AA: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold). axe-core leaves SVG text to be
 * reviewed by hand ("incomplete"), so this computes it in the page from the computed styles: the
 * text's fill (with its own and its groups' opacity) against its halo where it has one (a stroke
 * painted first, as the map's labels have), or else the filled shapes under the middle of the text,
 * composed over the white page. Lines are skipped (their fill is not painted). Run after opening
 * every table and hidden figure and showing the whole map, so all text is on screen to be hit.
 */
export async function getLowContrastText(page: Page): Promise<LowContrast[]> {
  // A function written as a string, so the test runner's transform cannot add helpers the page lacks.
  return page.evaluate(`(() => {
    const parse = (c) => {
      const m = /rgba?\\(([^)]+)\\)/.exec(c);
      if (!m) return null;
      const v = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r: v[0], g: v[1], b: v[2], a: v.length > 3 ? v[3] : 1 };
    };
    const luminance = ({ r, g, b }) => {
      const f = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const over = (top, bottom) => ({
      r: top.r * top.a + bottom.r * (1 - top.a),
      g: top.g * top.a + bottom.g * (1 - top.a),
      b: top.b * top.a + bottom.b * (1 - top.a),
      a: 1,
    });
    const contrast = (x, y) => {
      const [hi, lo] = [luminance(x), luminance(y)].sort((a, b) => b - a);
      return (hi + 0.05) / (lo + 0.05);
    };
    const opacity = (el, style) => {
      let o = Number(style.opacity) * Number(style.fillOpacity);
      for (let e = el.parentElement; e && e.tagName !== 'svg'; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
      return o;
    };
    const hex = (c) => '#' + [c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
    const low = [];
    for (const t of document.querySelectorAll('svg text')) {
      const style = getComputedStyle(t);
      if (!t.textContent.trim() || style.visibility === 'hidden' || t.getBBox().width === 0) continue;
      const fill = parse(style.fill);
      if (!fill) continue;
      let background = { r: 255, g: 255, b: 255, a: 1 };
      const halo = style.paintOrder.startsWith('stroke') && parseFloat(style.strokeWidth) >= 2 ? parse(style.stroke) : null;
      if (halo && halo.a === 1) background = halo;
      else {
        t.scrollIntoView({ block: 'center', inline: 'center' });
        const box = t.getBoundingClientRect();
        const layers = [];
        for (const el of document.elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2)) {
          if (el === t || el.closest('text')) continue;
          if (el.tagName === 'svg' || el.tagName === 'BODY') break;
          if (!(el instanceof SVGGeometryElement) || el.tagName === 'line' || el.tagName === 'polyline') continue;
          const s = getComputedStyle(el);
          const f = parse(s.fill);
          if (!f || s.fill === 'none') continue;
          const layer = { ...f, a: f.a * opacity(el, s) };
          layers.push(layer);
          if (layer.a >= 1) break;
        }
        for (let i = layers.length - 1; i >= 0; i--) background = over(layers[i], background);
      }
      const colour = over({ ...fill, a: fill.a * opacity(t, style) }, background);
      const size = parseFloat(style.fontSize);
      const needed = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66) ? 3 : 4.5;
      const ratio = contrast(colour, background);
      if (ratio < needed)
        low.push({ svg: t.closest('svg').id, text: t.textContent.slice(0, 60), ratio: Math.round(ratio * 100) / 100, needed, colour: hex(colour), background: hex(background) });
    }
    return low;
  })()`);
}

/** For each diagram on show, the size on screen of its smallest text on show, in px (rotated text measured along its line). */
export async function getSmallestText(page: Page): Promise<{ id: string; px: number }[]> {
  return page.evaluate(`(() =>
    Array.from(document.querySelectorAll('svg.carepaths-diagram'))
      .filter((svg) => svg.closest('[hidden]') === null && svg.closest('details:not([open])') === null)
      .map((svg) => {
        const sizes = Array.from(svg.querySelectorAll('text'))
          .filter((t) => getComputedStyle(t).visibility === 'visible' && t.getBoundingClientRect().width > 0 && t.textContent.trim() !== '')
          .map((t) => {
            const m = t.getScreenCTM();
            return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
          });
        return { id: svg.id, px: Math.round(Math.min(...sizes) * 100) / 100 };
      }))()`);
}

/** Opens every table alternative and hidden figure, and shows the whole map, as printing does. */
export async function showEverything(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    for (const h of document.querySelectorAll('[hidden]')) h.hidden = false;
    window.dispatchEvent(new Event('beforeprint'));
  })()`);
}
