import { toCompactGraph, type CompactGraph } from '../graph/toCompactGraph.ts';
import { toLayeredGraph } from '../graph/toLayeredGraph.ts';
import type { CareGraph } from '../graph/types.ts';
import { getExpectedVisits } from '../markov/solveChain.ts';
import { createRandom } from '../simulate/createRandom.ts';
import { RequestWalk } from '../simulate/RequestWalk.ts';
import { walkCareGraph } from '../simulate/walkCareGraph.ts';

/** The functions of the person asking for help, not of a service: an agency doing only these is the person's own. */
const PERSON_FUNCTIONS = new Set(['recognise-need', 'seek-help']);

/**
 * The four columns of a board paper's Sankey diagram: the first service a request meets, the next
 * service it is handed to, the agency it ends with, and its outcome.
 */
export const serviceFlowColumns = ['First service', 'Next service', 'Ended with', 'Outcome'] as const;

/**
 * A node of the service flows: an agency id in one of the first three columns (or `none`: no
 * service met, no next service), or an outcome category in the last.
 */
export interface ServiceFlowNode {
  column: 0 | 1 | 2 | 3;
  id: string;
}

/** Flows between consecutive columns, as shares of requests. */
export interface ServiceFlows {
  links: { from: ServiceFlowNode; to: ServiceFlowNode; value: number }[];
}

/** The id of "no service met" (column 0) and "no next service" (column 1). */
export const NO_SERVICE = 'none';

/** The agencies that are the person's own (every function they perform is recognising a need or seeking help). */
function getPersonAgencies(graph: CareGraph, g: CompactGraph): Uint8Array {
  const serves = new Uint8Array(graph.agencies.length);
  for (let v = 0; v < g.n; v++) {
    const fn = graph.nodes[v]!.function;
    if (!g.outcome[v] && fn !== undefined && !PERSON_FUNCTIONS.has(fn)) serves[g.agency[v]!] = 1;
  }
  return serves.map((s) => (s ? 0 : 1));
}

/** Adds `value` to the link from → to. */
function addTo(links: Map<string, ServiceFlows['links'][number]>, from: ServiceFlowNode, to: ServiceFlowNode, value: number) {
  if (value <= 0) return;
  const key = `${from.column}|${from.id}|${to.id}`;
  const link = links.get(key);
  if (link) link.value += value;
  else links.set(key, { from, to, value });
}

/** The three links a finished request adds: first → next, next → ended with, ended with → outcome. */
function addRequest(links: Map<string, ServiceFlows['links'][number]>, first: string, next: string, ended: string, outcome: string, value: number) {
  addTo(links, { column: 0, id: first }, { column: 1, id: next }, value);
  addTo(links, { column: 1, id: next }, { column: 2, id: ended }, value);
  addTo(links, { column: 2, id: ended }, { column: 3, id: outcome }, value);
}

/**
 * Service flows, exactly. A request's first service is the first agency it meets that is not the
 * person's own; its next service the next such agency it is handed to (the person's own steps
 * between, such as deciding to go to A&E, do not count); it ends with the agency of its final
 * state. The care graph is copied for each first service and for each next service, a handoff
 * moves a request between copies, and the expanded chain is solved for expected visits.
 */
export function getServiceFlows(graph: CareGraph): ServiceFlows {
  const g = toCompactGraph(graph);
  const person = getPersonAgencies(graph, g);
  const a = graph.agencies.length;
  // Layers: 0 before any service; 1 + k in first service k; 1 + a + k after moving on to next service k.
  const layers = 1 + 2 * a;
  const next = (layer: number, w: number): number => {
    const agency = g.agency[w]!;
    // The person's own steps and the final state (where the request ends) are not services.
    if (person[agency] || g.outcome[w]) return layer;
    if (layer === 0) return 1 + agency;
    if (layer <= a) return layer - 1 === agency ? layer : 1 + a + agency;
    return layer;
  };
  const expanded = toLayeredGraph(g, layers, (layer, _v, w) => next(layer, w));
  const visits = getExpectedVisits(expanded);
  const agencyId = (k: number) => graph.agencies[k]!.id;
  const links = new Map<string, ServiceFlows['links'][number]>();
  // Moving from the first service to the next: first → next, counted where it happens.
  for (let layer = 1; layer <= a; layer++) {
    for (let v = 0; v < g.n; v++) {
      const flow = visits[layer * g.n + v]!;
      if (flow === 0 || g.outcome[v]) continue;
      for (let e = g.outStart[v]!; e < g.outStart[v + 1]!; e++) {
        const w = g.target[e]!;
        const to = next(layer, w);
        if (to > a) addTo(links, { column: 0, id: agencyId(layer - 1) }, { column: 1, id: agencyId(to - 1 - a) }, flow * g.prob[e]!);
      }
    }
  }
  for (let layer = 0; layer < layers; layer++) {
    for (let v = 0; v < g.n; v++) {
      if (!g.outcome[v]) continue;
      const flow = visits[layer * g.n + v]!;
      if (flow === 0) continue;
      const ended = agencyId(g.agency[v]!);
      const category = graph.nodes[v]!.outcome ?? graph.nodes[v]!.id;
      if (layer === 0) addRequest(links, NO_SERVICE, NO_SERVICE, ended, category, flow);
      else if (layer <= a) addRequest(links, agencyId(layer - 1), NO_SERVICE, ended, category, flow);
      else {
        // The first → next link was counted when the request moved on.
        addTo(links, { column: 1, id: agencyId(layer - 1 - a) }, { column: 2, id: ended }, flow);
        addTo(links, { column: 2, id: ended }, { column: 3, id: category }, flow);
      }
    }
  }
  return { links: [...links.values()] };
}

/** Service flows as simulated: the same columns as `getServiceFlows`, counted from `requests` Monte Carlo walks. */
export function getSimulatedServiceFlows(graph: CareGraph, requests: number, seed: number): ServiceFlows {
  const g = toCompactGraph(graph);
  const person = getPersonAgencies(graph, g);
  const random = createRandom(seed);
  const walk = new RequestWalk(graph);
  const links = new Map<string, ServiceFlows['links'][number]>();
  const share = 1 / requests;
  const id = (k: number) => (k < 0 ? NO_SERVICE : graph.agencies[k]!.id);
  for (let r = 0; r < requests; r++) {
    let first = -1;
    let second = -1;
    const end = walkCareGraph(walk, random, (v) => {
      const agency = g.agency[v]!;
      if (person[agency] || g.outcome[v]) return;
      if (first < 0) first = agency;
      else if (second < 0 && agency !== first) second = agency;
    });
    addRequest(links, id(first), id(second), graph.agencies[g.agency[end]!]!.id, graph.nodes[end]!.outcome ?? graph.nodes[end]!.id, share);
  }
  return { links: [...links.values()] };
}
