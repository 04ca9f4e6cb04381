import type { CareGraph } from '../graph/types.ts';
import { countPathways } from '../pathways/countPathways.ts';
import { defaultPathwayOptions } from '../pathways/defaults.ts';
import { enumeratePathways } from '../pathways/enumeratePathways.ts';
import { getTopPathways } from '../pathways/getTopPathways.ts';
import { toPathway } from '../pathways/toPathway.ts';
import type { CountOptions, EnumerateOptions, TopOptions } from '../pathways/types.ts';
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
  const { maxRevisits, maxWork, top, limit } = { ...defaultPathwayOptions, ...options, limit: options.limit };
  const listing = toPathwayListing(graph, countPathways(graph, { maxRevisits, maxWork }), maxRevisits, limit === undefined ? 'probability' : 'enumeration');
  write(writer.head(listing));
  if (limit === undefined) {
    const found = getTopPathways(graph, { top, maxRevisits });
    for (const pathway of found.pathways) write(writer.row(pathway, listing));
    write(writer.tail(listing, { listed: found.pathways.length, coverage: found.coverage, complete: found.complete }));
    return;
  }
  let listed = 0;
  let coverage = 0;
  const { complete } = enumeratePathways(graph, { maxRevisits, limit }, (cursor) => {
    listed++;
    coverage += cursor.probability;
    write(writer.row(toPathway(graph, cursor.nodes, cursor.edges, cursor.length, listed), listing));
  });
  write(writer.tail(listing, { listed, coverage, complete }));
}
