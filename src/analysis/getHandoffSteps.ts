import { toCompactGraph } from '../graph/toCompactGraph.ts';
import { toLayeredGraph } from '../graph/toLayeredGraph.ts';
import type { CareGraph } from '../graph/types.ts';
import { getExpectedVisits } from '../markov/solveChain.ts';

/** Flow between agencies step by step: loops unrolled, so that a Sankey diagram can draw them. */
export interface HandoffSteps {
  /** Steps drawn: 0 is the first agency met; step k is the agency after k handoffs. */
  steps: number;
  /** Expected requests per request at each (step, agency index) and where they go next. */
  links: { fromStep: number; from: number; to: number; value: number }[];
  /** Requests ending at each (step, agency index) in each outcome category. */
  endings: { step: number; agency: number; outcome: string; value: number }[];
  /** Share of requests still travelling after the last step drawn. */
  beyond: { step: number; agency: number; value: number }[];
}

/**
 * Expected flows between agencies by the number of handoffs so far, exactly: the care graph is
 * copied once per step, a handoff moves a request to the next copy, and the expanded chain is
 * solved for expected visits. Handoffs after `maxSteps` end in "beyond", with their share.
 */
export function getHandoffSteps(graph: CareGraph, maxSteps = 8): HandoffSteps {
  const g = toCompactGraph(graph);
  const layers = maxSteps + 1;
  // A handoff moves a request to the next copy; one after the last step drawn goes to the sink.
  const expanded = toLayeredGraph(g, layers, (k, v, w) => (g.agency[w] !== g.agency[v] ? k + 1 : k), true);
  const visits = getExpectedVisits(expanded);
  const links = new Map<string, { fromStep: number; from: number; to: number; value: number }>();
  const endings = new Map<string, { step: number; agency: number; outcome: string; value: number }>();
  const beyond = new Map<number, number>();
  for (let k = 0; k < layers; k++) {
    for (let v = 0; v < g.n; v++) {
      const flow = visits[k * g.n + v]!;
      if (flow === 0) continue;
      const from = g.agency[v]!;
      if (g.outcome[v]) {
        const name = graph.nodes[v]!.outcome ?? graph.nodes[v]!.id;
        const key = `${k}|${from}|${name}`;
        const entry = endings.get(key) ?? { step: k, agency: from, outcome: name, value: 0 };
        entry.value += flow;
        endings.set(key, entry);
        continue;
      }
      for (let e = g.outStart[v]!; e < g.outStart[v + 1]!; e++) {
        const to = g.agency[g.target[e]!]!;
        if (to === from) continue;
        if (k === maxSteps) {
          beyond.set(from, (beyond.get(from) ?? 0) + flow * g.prob[e]!);
          continue;
        }
        const key = `${k}|${from}|${to}`;
        const entry = links.get(key) ?? { fromStep: k, from, to, value: 0 };
        entry.value += flow * g.prob[e]!;
        links.set(key, entry);
      }
    }
  }
  return {
    steps: layers,
    links: [...links.values()],
    endings: [...endings.values()],
    beyond: [...beyond].map(([agency, value]) => ({ step: maxSteps, agency, value })),
  };
}
