import type { HandoffSteps } from './getHandoffSteps.ts';
import { toCompactGraph } from '../graph/toCompactGraph.ts';
import type { CareGraph } from '../graph/types.ts';
import { createRandom } from '../simulate/createRandom.ts';
import { RequestWalk } from '../simulate/RequestWalk.ts';
import { walkCareGraph } from '../simulate/walkCareGraph.ts';

/**
 * Flows between agencies handoff by handoff, as simulated: the same shape as the exact
 * `getHandoffSteps`, counted from `requests` Monte Carlo walks, as shares of requests.
 */
export function getSimulatedHandoffSteps(graph: CareGraph, requests: number, seed: number, maxSteps = 8): HandoffSteps {
  const g = toCompactGraph(graph);
  const random = createRandom(seed);
  const links = new Map<string, { fromStep: number; from: number; to: number; value: number }>();
  const endings = new Map<string, { step: number; agency: number; outcome: string; value: number }>();
  const beyond = new Map<number, number>();
  const share = 1 / requests;
  const walk = new RequestWalk(graph);
  for (let r = 0; r < requests; r++) {
    let step = 0;
    let previous = -1;
    let stopped = false;
    const end = walkCareGraph(walk, random, (v) => {
      const agency = g.agency[v]!;
      if (previous >= 0 && agency !== g.agency[previous]! && !stopped) {
        const from = g.agency[previous]!;
        if (step === maxSteps) {
          beyond.set(from, (beyond.get(from) ?? 0) + share);
          stopped = true;
        } else {
          const key = `${step}|${from}|${agency}`;
          const entry = links.get(key) ?? { fromStep: step, from, to: agency, value: 0 };
          entry.value += share;
          links.set(key, entry);
          step++;
        }
      }
      previous = v;
    });
    if (stopped) continue;
    const outcome = graph.nodes[end]!.outcome ?? graph.nodes[end]!.id;
    const key = `${step}|${g.agency[end]}|${outcome}`;
    const entry = endings.get(key) ?? { step, agency: g.agency[end]!, outcome, value: 0 };
    entry.value += share;
    endings.set(key, entry);
  }
  return {
    steps: maxSteps + 1,
    links: [...links.values()],
    endings: [...endings.values()],
    beyond: [...beyond].map(([agency, value]) => ({ step: maxSteps, agency, value })),
  };
}
