import type { RenderContext } from './types.ts';

/** The CSS every diagram shares: the embedded font, text colours, hover highlights. Ids are prefixed per diagram. */
export const toBaseStyle = (ctx: RenderContext, id: string): string =>
  `${ctx.fontCss}#${id}{font-family:"${ctx.measure.family}",Arial,sans-serif;font-size:13px;fill:#1a1a1a;background:#fff}` +
  `#${id} .muted{fill:#555}#${id} .bold{font-weight:700}#${id} .hoverable:hover>*{stroke-width:3}` +
  `#${id} .link{fill:none}#${id} .link:hover{stroke-opacity:1}`;
