import type { CareGraph } from '../graph/types.ts';
import { countPathways } from '../pathways/countPathways.ts';
import { defaultPathwayOptions } from '../pathways/defaults.ts';
import { enumeratePathwaysInSteps } from '../pathways/enumeratePathways.ts';
import { getTopPathways } from '../pathways/getTopPathways.ts';
import { toPathway } from '../pathways/toPathway.ts';
import type { CountOptions, EnumerateOptions, PathwayCount, TopOptions, TopPathways } from '../pathways/types.ts';
import { toPathwayListing, type PathwayWriter } from './pathwayListing.ts';

/** What to list: the `top` most likely (the default), or every pathway up to `limit` in the order found. */
export type RenderPathwaysOptions = Partial<Pick<TopOptions, 'top' | 'maxRevisits'> & Pick<CountOptions, 'maxWork'>> & {
  limit?: EnumerateOptions['limit'];
};

/**
 * Writes a pathway listing (head, rows, tail) through `write` as it goes, so that a listing of
 * millions of pathways never sits in memory.
 */
export function renderPathways(graph: CareGraph, options: RenderPathwaysOptions, writer: PathwayWriter, write: (text: string) => void): void {
  for (const _ of renderPathwaysInSteps(graph, options, writer, write, Infinity));
}

/** `renderPathways`, pausing (yielding) after every `every` pathways listed. */
export function* renderPathwaysInSteps(
  graph: CareGraph,
  options: RenderPathwaysOptions,
  writer: PathwayWriter,
  write: (text: string) => void,
  every: number,
): Generator<void, void, void> {
  const { maxRevisits, maxWork, top, limit } = { ...defaultPathwayOptions, ...options, limit: options.limit };
  const total = countPathways(graph, { maxRevisits, maxWork });
  if (limit === undefined) {
    renderTopPathways(graph, getTopPathways(graph, { top, maxRevisits }), total, maxRevisits, writer, write);
    return;
  }
  const listing = toPathwayListing(graph, total, maxRevisits, 'enumeration');
  write(writer.head(listing));
  let listed = 0;
  let coverage = 0;
  const { complete } = yield* enumeratePathwaysInSteps(
    graph,
    { maxRevisits, limit },
    (cursor) => {
      listed++;
      coverage += cursor.probability;
      write(writer.row(toPathway(graph, cursor.nodes, cursor.edges, cursor.length, listed), listing));
    },
    every,
  );
  write(writer.tail(listing, { listed, coverage, complete }));
}

/** Writes a listing of the most likely pathways that have already been found and counted. */
export function renderTopPathways(
  graph: CareGraph,
  found: TopPathways,
  total: PathwayCount,
  maxRevisits: number,
  writer: PathwayWriter,
  write: (text: string) => void,
): void {
  const listing = toPathwayListing(graph, total, maxRevisits, 'probability');
  write(writer.head(listing));
  for (const pathway of found.pathways) write(writer.row(pathway, listing));
  write(writer.tail(listing, { listed: found.pathways.length, coverage: found.coverage, complete: found.complete }));
}
