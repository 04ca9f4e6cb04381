import { escapeXml } from './svg.ts';
import type { Diagram } from './types.ts';

/**
 * A diagram on a page: the figure, which can take the keyboard's focus and is named by its title
 * (a wide diagram scrolls sideways on a narrow screen, and a scrolling region must be reachable
 * without a mouse), then its table alternative behind a "details".
 */
export const toFigureHtml = (d: Diagram, svg: string, extra = '') =>
  `<figure tabindex="0" aria-label="${escapeXml(d.title)}"${extra}>${svg}</figure><details><summary>${escapeXml(d.title)} as a table</summary>${d.table}</details>`;

/** The opening of a wide table's box, which scrolls sideways on a narrow screen: a region the keyboard can reach, named by `label`. */
export const toWideStart = (label: string) => `<div class="wide" tabindex="0" role="region" aria-label="${escapeXml(label)}">`;
