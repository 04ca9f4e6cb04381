import type { CareGraph } from '../graph/types.ts';

/** A count of states under a name (an agency, a function, an outcome). */
export interface SummaryCount {
  /** The id used in the model. */
  id: string;
  /** The plain-English label. */
  label: string;
  /** Number of atomic states (services, decisions or outcomes). */
  states: number;
}

/** The shape of a model at a glance. */
export interface ModelSummary {
  /** The model id. */
  model: string;
  /** The model's title. */
  title: string;
  /** The place and population, when given. */
  place?: string;
  population?: number;
  /** Requests a day, when the model gives its demand. */
  demandPerDay?: number;
  /** Atomic states: services and decisions. */
  services: number;
  /** Final states: outcomes. */
  outcomeStates: number;
  /** Configurations in the compiled graph. */
  configurations: number;
  /** Ways out between configurations. */
  waysOut: number;
  /** Agencies with the number of states each owns, in the model's order. */
  agencies: SummaryCount[];
  /** Functions with the number of states that perform each, in the function list's order. */
  functions: SummaryCount[];
  /** Outcome categories with the number of final states in each. */
  outcomes: SummaryCount[];
}

/** Counts what a compiled model contains. */
export function getModelSummary(graph: CareGraph): ModelSummary {
  const atoms = graph.stateInfo.filter((s) => s.type === 'atomic' || s.type === 'final');
  const count = (key: (s: (typeof atoms)[number]) => unknown, id: string) => atoms.filter((s) => key(s) === id).length;
  const outcomeIds = [...new Set(atoms.filter((s) => s.type === 'final').map((s) => String(s.meta.outcome ?? 'unnamed')))];
  const { meta } = graph;
  return {
    model: graph.modelId,
    title: meta.title ?? graph.modelId,
    ...(meta.place !== undefined ? { place: meta.place } : {}),
    ...(meta.population !== undefined ? { population: meta.population } : {}),
    ...(meta.demand?.perDay !== undefined ? { demandPerDay: meta.demand.perDay } : {}),
    services: atoms.filter((s) => s.type === 'atomic').length,
    outcomeStates: atoms.filter((s) => s.type === 'final').length,
    configurations: graph.nodes.length,
    waysOut: graph.edges.length,
    agencies: graph.agencies.map((a) => ({ id: a.id, label: a.label, states: count((s) => s.agency, a.id) })),
    functions: graph.functions.map((f) => ({ id: f.id, label: f.label, states: count((s) => s.meta.function, f.id) })).filter((f) => f.states > 0),
    outcomes: outcomeIds
      .map((id) => ({ id, label: id, states: count((s) => (s.type === 'final' ? String(s.meta.outcome ?? 'unnamed') : undefined), id) }))
      .sort((a, b) => b.states - a.states || a.id.localeCompare(b.id)),
  };
}
