import type { CareGraph } from '../../graph/types.ts';
import type { Measure, StateSelector } from '../types.ts';
import { checkSelection } from './getSelectedNodes.ts';
import type { MeasureContext, MeasureDefinition } from './types.ts';

type PerDay = Extract<Measure, { kind: 'per-day' }>;

/**
 * Expected entries per request into the nodes of `into` from nodes outside it (with `from`, only
 * from those nodes), the first contact included when it starts inside: moving between states of an
 * agency is not a new attendance, coming back later is.
 */
export function getEntries(c: MeasureContext, into: Uint8Array, from?: Uint8Array): number {
  const { g, markov } = c;
  let entries = into[0] && !from ? 1 : 0;
  for (let u = 0; u < g.n; u++) {
    if (into[u] || (from && !from[u])) continue;
    for (let e = g.outStart[u]!; e < g.outStart[u + 1]!; e++) if (into[g.target[e]!]) entries += markov.edgeFlow[e]!;
  }
  return entries;
}

const selection = (m: PerDay): StateSelector => {
  const { kind: _kind, from: _from, ...s } = m;
  return s;
};

export function checkNeedsDemand(graph: CareGraph, what: string) {
  return graph.meta.demand ? undefined : { problem: `${what} needs the model’s demand (requests a day).`, hint: 'Add meta.demand to the model.' };
}

/** Requests a day coming into the selected states, such as Type 1 ED attendances, or those coming straight from other states. */
export const perDay: MeasureDefinition<PerDay> = {
  kind: 'per-day',
  unit: 'count',
  fields: ['state, agency, function or outcome', 'from (optional)'],
  summary: 'requests a day coming into the selected states (with from: straight from those states); exact',
  source: () => 'exact',
  read(r) {
    r.only(['kind', 'state', 'agency', 'function', 'outcome', 'from']);
    const s = r.selector(true);
    const from = r.names('from');
    return s ? { kind: 'per-day', ...s, ...(from ? { from } : {}) } : undefined;
  },
  check: (graph, m) =>
    checkSelection(graph, selection(m)) ?? (m.from ? checkSelection(graph, { state: m.from }) : undefined) ?? checkNeedsDemand(graph, 'a per-day measure'),
  text: (m, label) => `requests a day coming into ${label(selection(m))}${m.from ? ` from ${label({ state: m.from })}` : ''}`,
  value: (m, c) => ({ value: c.perDay * getEntries(c, c.mask(selection(m)), m.from ? c.mask({ state: m.from }) : undefined) }),
};
