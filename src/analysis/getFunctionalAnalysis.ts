import { toCompactGraph, type CompactGraph } from '../graph/toCompactGraph.ts';
import { groupByState, toConfigurations, toStatePath } from '../graph/toConfigurationRef.ts';
import { hasCapacity } from '../graph/hasCapacity.ts';
import type { CareGraph, CareNode } from '../graph/types.ts';
import { getMarkovAnalysis } from '../markov/getMarkovAnalysis.ts';
import { getBoundaryValues, getExpectedVisits, getHittingProbabilities } from '../markov/solveChain.ts';
import type { MarkovAnalysis } from '../markov/types.ts';
import { getOutcomeWords } from '../model/outcomes.ts';
import type { MilestoneDeclaration } from '../model/types.ts';
import { getSelectedNodes } from '../strategy/measures/getSelectedNodes.ts';
import type { AgencyRow, FunctionalAnalysis, FunctionRow } from './types.ts';

/** What the parts of the functional analysis share: the graph, its compact form and each node's expected visits. */
interface Solved {
  graph: CareGraph;
  g: CompactGraph;
  visits: ArrayLike<number>;
  /** The nodes that are not outcomes. */
  services: CareNode[];
  /** The services for which `pick(index)` holds, as a mask over the nodes. */
  maskOf: (pick: (i: number) => boolean) => Uint8Array;
  sumVisits: (mask: Uint8Array) => number;
}

/**
 * Who does what, how often: functions × agencies with expected visits and the share of requests
 * meeting each, the handoffs between agencies, outcomes and times. Exact, loops included.
 */
export function getFunctionalAnalysis(graph: CareGraph, markov: MarkovAnalysis = getMarkovAnalysis(graph)): FunctionalAnalysis {
  const { visits } = markov;
  const solved: Solved = {
    graph,
    g: toCompactGraph(graph),
    visits,
    services: graph.nodes.filter((node) => !node.isOutcome),
    maskOf: (pick) => Uint8Array.from(graph.nodes, (node) => (!node.isOutcome && pick(node.index) ? 1 : 0)),
    sumVisits: (mask) => mask.reduce((sum, m, i) => sum + (m ? visits[i]! : 0), 0),
  };
  const handoffs = markov.agencyFlow
    .flatMap((row, i) => row.map((flow, j) => ({ from: graph.agencies[i]!.id, to: graph.agencies[j]!.id, expectedPer1000: 1000 * flow })))
    .filter((h) => h.expectedPer1000 > 0)
    .sort((a, b) => b.expectedPer1000 - a.expectedPer1000 || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return {
    model: graph.modelId,
    title: graph.meta.title ?? graph.modelId,
    ...getOutcomeRows(graph, markov),
    milestones: getMilestones(solved),
    expectedMinutes: markov.expectedMinutes,
    expectedHandoffs: markov.expectedHandoffs,
    capacity: hasCapacity(graph),
    states: groupByState(graph).map(({ state, nodes }) => ({
      state,
      agency: nodes[0]!.agency,
      function: nodes[0]!.function ?? null,
      expectedVisits: nodes.reduce((a, n) => a + visits[n.index]!, 0),
      ...toConfigurations(nodes, (n) => ({ expectedVisits: visits[n.index]! })),
    })),
    functions: getFunctionRows(solved),
    agencies: getAgencyRows(solved),
    handoffs,
  };
}

/** Each function with states behind it: its visits and shares, and the agencies that perform it (only cells with states are solved for). */
function getFunctionRows(solved: Solved): FunctionRow[] {
  const { graph, g, services, maskOf, sumVisits } = solved;
  return graph.functions
    .filter((fn) => services.some((n) => n.function === fn.id))
    .map((fn) => {
      const mask = maskOf((i) => graph.nodes[i]!.function === fn.id);
      const agencies = graph.agencies
        .map((agency) => ({ agency, states: services.filter((n) => n.function === fn.id && n.agency === agency.id) }))
        .filter(({ states }) => states.length > 0)
        .map(({ agency, states }) => {
          const cell = maskOf((i) => graph.nodes[i]!.function === fn.id && graph.nodes[i]!.agency === agency.id);
          return {
            agency: agency.id,
            label: agency.label,
            states: [...new Set(states.map(toStatePath))],
            expectedVisitsPer1000: 1000 * sumVisits(cell),
            shareOfRequests: getHittingProbabilities(g, cell)[0]!,
          };
        })
        .sort((a, b) => b.shareOfRequests - a.shareOfRequests || b.expectedVisitsPer1000 - a.expectedVisitsPer1000 || a.agency.localeCompare(b.agency));
      return {
        function: fn.id,
        label: fn.label,
        agencies,
        expectedVisitsPer1000: 1000 * sumVisits(mask),
        ...getShares(g, mask),
      };
    });
}

/** Each agency: the functions it performs, its visits, the share of requests it sees and its minutes a request. */
function getAgencyRows({ graph, g, visits, services, maskOf, sumVisits }: Solved): AgencyRow[] {
  return graph.agencies.map((agency) => {
    const mask = maskOf((i) => graph.nodes[i]!.agency === agency.id);
    return {
      agency: agency.id,
      label: agency.label,
      functions: graph.functions.filter((fn) => services.some((n) => mask[n.index] && n.function === fn.id)).map((fn) => fn.id),
      expectedVisitsPer1000: 1000 * sumVisits(mask),
      shareOfRequests: getHittingProbabilities(g, mask)[0]!,
      expectedMinutes: services.reduce((sum, n) => sum + (mask[n.index] ? visits[n.index]! * n.meanMinutes : 0), 0),
    };
  });
}

/** The model's milestones (`meta.milestones`), each with the graph's nodes it selects; those that select nothing (which `check` refuses) are left out. */
export function getMilestoneNodes(graph: CareGraph): { milestone: MilestoneDeclaration; nodes: CareNode[] }[] {
  return (graph.meta.milestones ?? []).flatMap((milestone) => {
    const found = getSelectedNodes(graph, milestone);
    return 'nodes' in found ? [{ milestone, nodes: found.nodes }] : [];
  });
}

/** What happens on the way (`meta.milestones`): the share of requests reaching each at least once. */
function getMilestones({ graph, g }: Solved): FunctionalAnalysis['milestones'] {
  return getMilestoneNodes(graph).map(({ milestone: m, nodes }) => {
    const mask = new Uint8Array(g.n);
    for (const n of nodes) mask[n.index] = 1;
    return { id: m.id, label: m.label, definition: m.definition, share: getHittingProbabilities(g, mask)[0]! };
  });
}

/** How requests end: by final state (with its configurations) and by kind of outcome. */
function getOutcomeRows(graph: CareGraph, markov: MarkovAnalysis): Pick<FunctionalAnalysis, 'outcomes' | 'outcomeCategories'> {
  const ending = new Map(markov.outcomes.map((o) => [o.node, o.probability]));
  const categories = new Map<string, number>();
  for (const o of markov.outcomes) categories.set(o.outcome, (categories.get(o.outcome) ?? 0) + o.probability);
  return {
    outcomes: groupByState(
      graph,
      graph.nodes.filter((n) => ending.has(n.index)),
    ).map(({ state, nodes }) => ({
      state,
      outcome: nodes[0]!.outcome ?? state,
      probability: nodes.reduce((a, n) => a + ending.get(n.index)!, 0),
      ...toConfigurations(nodes, (n) => ({ probability: ending.get(n.index)! })),
    })),
    outcomeCategories: [...categories]
      .map(([outcome, probability]) => ({ outcome, ...getOutcomeWords(graph.meta, outcome), probability }))
      .sort((a, b) => b.probability - a.probability || a.outcome.localeCompare(b.outcome)),
  };
}

/**
 * At least once: the probability of ever reaching the set. More than once: a second episode,
 * where an episode ends when the request leaves the set or passes to another agency within it
 * (re-triage by a second agency counts twice). Where the first arrival lands (the set made
 * absorbing) weights the chance, from there, of a further episode.
 */
function getShares(g: CompactGraph, mask: Uint8Array) {
  const hit = getHittingProbabilities(g, mask);
  const first = getExpectedVisits(g, 0, mask);
  let more = 0;
  for (const agency of new Set(
    Array.from(mask.keys())
      .filter((v) => mask[v])
      .map((v) => g.agency[v]!),
  )) {
    const episode = Uint8Array.from(mask, (m, v) => (m && g.agency[v] === agency ? 1 : 0));
    const again = getBoundaryValues(
      g,
      episode.map((m) => 1 - m),
      hit,
    );
    for (let v = 0; v < g.n; v++) if (episode[v]) more += first[v]! * again[v]!;
  }
  return { shareOfRequests: hit[0]!, shareMoreThanOnce: more };
}
