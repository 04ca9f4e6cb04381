import { toCompactGraph } from '../graph/toCompactGraph.ts';
import type { CareGraph } from '../graph/types.ts';
import { getExpectedVisits } from './solveChain.ts';
import type { MarkovAnalysis } from './types.ts';

/**
 * Exact outcome probabilities, expected visits, time and handoffs for one request entering at
 * the initial state. The model must pass the check (every state can reach an outcome).
 */
export function getMarkovAnalysis(graph: CareGraph): MarkovAnalysis {
  const g = toCompactGraph(graph);
  const visits = getExpectedVisits(g);
  const edgeFlow = new Float64Array(g.target.length);
  const agencies = graph.agencies.length;
  const agencyFlow = Array.from({ length: agencies }, () => new Array<number>(agencies).fill(0));
  let expectedMinutes = 0;
  let expectedHandoffs = 0;
  for (let v = 0; v < g.n; v++) {
    expectedMinutes += visits[v]! * g.minutes[v]!;
    if (g.outcome[v]) continue;
    for (let e = g.outStart[v]!; e < g.outStart[v + 1]!; e++) {
      const flow = visits[v]! * g.prob[e]!;
      edgeFlow[e] = flow;
      const from = g.agency[v]!;
      const to = g.agency[g.target[e]!]!;
      if (from !== to) {
        expectedHandoffs += flow;
        if (from >= 0 && to >= 0) agencyFlow[from]![to]! += flow;
      }
    }
  }
  const outcomes = graph.nodes
    .filter((node) => node.isOutcome)
    .map((node) => ({ node: node.index, state: node.id, outcome: node.outcome ?? node.id, probability: visits[node.index]! }));
  return { visits, edgeFlow, outcomes, expectedMinutes, expectedHandoffs, agencyFlow };
}
