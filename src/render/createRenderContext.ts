import type { FunctionalAnalysis } from '../analysis/types.ts';
import type { CareGraph } from '../graph/types.ts';
import { createTextMeasure } from './createTextMeasure.ts';
import { getAgencyStyles } from './palette.ts';
import type { RenderContext } from './types.ts';

/** The fonts a render context needs, as read by the io stage. */
export interface FontData {
  family: string;
  regular: { woff: Uint8Array; woff2: Uint8Array };
  bold: { woff: Uint8Array; woff2: Uint8Array };
}

/** The @font-face rules that carry the font inside a page or an SVG. */
export function toFontCss(fonts: FontData): string {
  const face = (data: Uint8Array, weight: number) =>
    `@font-face{font-family:"${fonts.family}";font-weight:${weight};font-style:normal;src:url(data:font/woff2;base64,${Buffer.from(data).toString('base64')}) format("woff2")}`;
  return face(fonts.regular.woff2, 400) + face(fonts.bold.woff2, 700);
}

/** Builds what every renderer needs from the graph, its analysis and the font. */
export function createRenderContext(graph: CareGraph, analysis: FunctionalAnalysis, fonts: FontData): RenderContext {
  const styles = getAgencyStyles(graph.agencies.map((a) => a.label));
  const index = new Map(graph.agencies.map((a, i) => [a.id, i]));
  const labels = new Map(graph.agencies.map((a) => [a.id, a.label]));
  const fallback = getAgencyStyles(['Unknown agency'])[0]!;
  return {
    graph,
    analysis,
    measure: createTextMeasure(fonts.family, fonts.regular.woff, fonts.bold.woff),
    fontCss: toFontCss(fonts),
    agencyStyle: (agency) => styles[index.get(agency) ?? -1] ?? { ...fallback, fill: '#eeeeee', stroke: '#777777' },
    agencyLabel: (agency) => labels.get(agency) ?? agency,
  };
}
