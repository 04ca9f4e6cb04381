import type { FunctionalAnalysis } from '../analysis/types.ts';
import type { CareGraph } from '../graph/types.ts';
import type { Pathway } from '../pathways/types.ts';
import type { TextMeasure } from './createTextMeasure.ts';
import type { AgencyStyle } from './palette.ts';

/** What every renderer is given: the data, and how to measure and style text. Renderers are pure. */
export interface RenderContext {
  graph: CareGraph;
  analysis: FunctionalAnalysis;
  /** Measures text in the embedded font. */
  measure: TextMeasure;
  /** CSS that makes a standalone SVG carry its font (an @font-face with the font inlined). */
  fontCss: string;
  /** Style of each agency, by id. */
  agencyStyle: (agency: string) => AgencyStyle;
  /** Label of each agency, by id. */
  agencyLabel: (agency: string) => string;
}

/** A diagram: the standalone SVG and a table with the same content, for readers who prefer one. */
export interface Diagram {
  /** File name stem, for example `system-map`. */
  name: string;
  /** Heading for the diagram. */
  title: string;
  /** The SVG; empty when the diagram is not drawn (see `note`). */
  svg: string;
  /** An HTML table with the same information. */
  table: string;
  /** What the reader should know about how the diagram was drawn, or why it was not. */
  note?: string;
}

/** What every diagram takes besides its data. */
export interface DiagramOptions {
  /** The SVG id, unique on the page (its ids and styles are prefixed with it). Each renderer has its own default. */
  id?: string;
}
