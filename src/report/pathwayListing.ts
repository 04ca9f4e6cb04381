import { getOutcomeWords } from '../model/outcomes.ts';
import { hasCapacity } from '../graph/hasCapacity.ts';
import type { CareGraph } from '../graph/types.ts';
import type { Pathway, PathwayCount } from '../pathways/types.ts';

/** What a pathway listing says about itself, before and after its rows. */
export interface PathwayListing {
  /** The model id and title. */
  model: string;
  title: string;
  /** The exact number of pathways, or why it could not be counted. */
  total: PathwayCount;
  /** Revisits allowed per state. */
  maxRevisits: number;
  /** True when the model has capacity, which pathways leave out (no queues). */
  capacity: boolean;
  /** 'probability': the most likely first; 'enumeration': every pathway in the order found. */
  order: 'probability' | 'enumeration';
  /** Labels of agencies and plain-English descriptions of states, by id. */
  agencyLabel: (id: string) => string;
  /** An outcome category's name in clinicians' words. */
  outcomeLabel: (outcome: string) => string;
  /** The plain-English description of a configuration (a node index of the care graph). */
  describe: (node: number) => string;
}

/** What is known only once the rows are written. */
export interface PathwayListingEnd {
  /** Rows written. */
  listed: number;
  /** Sum of their probabilities. */
  coverage: number;
  /** False when a limit cut the listing short. */
  complete: boolean;
}

/** A streaming writer: the head, one row a pathway, and the tail. Pure string builders. */
export interface PathwayWriter {
  head(listing: PathwayListing): string;
  row(pathway: Pathway, listing: PathwayListing): string;
  tail(listing: PathwayListing, end: PathwayListingEnd): string;
}

/** Builds the listing header for a graph. */
export function toPathwayListing(graph: CareGraph, total: PathwayCount, maxRevisits: number, order: PathwayListing['order']): PathwayListing {
  const labels = new Map(graph.agencies.map((a) => [a.id, a.label]));
  return {
    model: graph.modelId,
    title: graph.meta.title ?? graph.modelId,
    total,
    maxRevisits,
    capacity: hasCapacity(graph),
    order,
    agencyLabel: (id) => labels.get(id) ?? id,
    outcomeLabel: (outcome) => getOutcomeWords(graph.meta, outcome).label,
    describe: (node) => graph.nodes[node]!.description || graph.nodes[node]!.id,
  };
}

/** "8,420,309 pathways in which no state is visited twice", or why there is no count. */
export function toTotalSentence(listing: PathwayListing): string {
  const rule =
    listing.maxRevisits === 0
      ? 'in which no state is visited twice'
      : `in which a state may recur up to ${listing.maxRevisits} more time${listing.maxRevisits === 1 ? '' : 's'}`;
  return listing.total.exact
    ? `${listing.total.total.toLocaleString('en-GB')} pathway${listing.total.total === 1n ? '' : 's'} ${rule}.`
    : `The number of pathways ${rule} could not be counted: ${listing.total.reason}`;
}

/** A pathway in plain English: each state's description in turn. */
export const toNarrative = (pathway: Pathway, listing: PathwayListing): string => pathway.nodes.map((v) => ensureStop(listing.describe(v))).join(' ');

const ensureStop = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
