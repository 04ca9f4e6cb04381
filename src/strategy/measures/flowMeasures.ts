import { getFlowPlan } from '../../simulate/getFlowPlan.ts';
import type { Measure } from '../types.ts';
import { getSelectedNodes } from './getSelectedNodes.ts';
import { checkQueueState } from './queueMeasures.ts';
import type { MeasureDefinition } from './types.ts';

type ResourceShare = Extract<Measure, { kind: 'resource-share' }>;
type Abandoned = Extract<Measure, { kind: 'abandoned-share' }>;
type TurnedAway = Extract<Measure, { kind: 'turned-away-share' }>;

/** Share of a resource's unit-time held by requests at the selected states. */
export const resourceShare: MeasureDefinition<ResourceShare> = {
  kind: 'resource-share',
  unit: 'share',
  fields: ['resource (an id from meta.resources)', 'state, agency or function'],
  summary: "share of a resource's unit-time held by requests at the selected states, such as beds held by medically fit patients; discrete-event simulation",
  source: () => 'des',
  read(r) {
    r.only(['kind', 'resource', 'state', 'agency', 'function']);
    const resource = r.text('resource');
    const selector = r.selector(true);
    return resource && selector ? { kind: 'resource-share', resource, ...selector } : undefined;
  },
  check(graph, m) {
    const ids = getFlowPlan(graph).resources.map((r) => r.id);
    if (!ids.includes(m.resource))
      return {
        problem: `The model has no resource "${m.resource}".`,
        hint: ids.length ? `Its resources are: ${ids.join(', ')}.` : 'Declare resources in meta.resources.',
      };
    const found = getSelectedNodes(graph, m);
    return 'problem' in found ? found : undefined;
  },
  text: (m, label, graph) => `share of ${graph?.meta.resources?.[m.resource]?.label ?? m.resource} held by requests at ${label(m)}`,
  value(m, c) {
    const k = getFlowPlan(c.graph).resources.findIndex((r) => r.id === m.resource);
    const n = c.graph.nodes.length;
    const mask = c.mask(m);
    return c.simulated((t) => {
      let held = 0;
      for (let v = 0; v < n; v++) if (mask[v]) held += t.heldMinutes[k * n + v]!;
      return t.availableMinutes[k]! ? held / t.availableMinutes[k]! : 0;
    });
  },
};

const routed = (t: { roomWaits: { count: number }[]; abandoned: number[]; turnedAway: number[] }, i: number) =>
  t.roomWaits[i]!.count + t.abandoned[i]! + t.turnedAway[i]!;

/** Share of requests routed to a state's waiting room that give up waiting. */
export const abandonedShare: MeasureDefinition<Abandoned> = {
  kind: 'abandoned-share',
  unit: 'share',
  fields: ['state'],
  summary: "share of requests routed to a state's waiting room that give up, such as NHS 111 calls abandoned; discrete-event simulation",
  source: () => 'des',
  read(r) {
    r.only(['kind', 'state']);
    const state = r.text('state');
    return state ? { kind: 'abandoned-share', state } : undefined;
  },
  check: (graph, m) => checkQueueState(graph, m.state),
  text: (m, label) => `share giving up waiting at ${label({ state: m.state })}`,
  value(m, c) {
    const i = c.roomOf(m.state);
    return c.simulated((t) => (i >= 0 && routed(t, i) ? t.abandoned[i]! / routed(t, i) : 0));
  },
};

/** Share of requests routed to a state that are turned away because its waiting room is full. */
export const turnedAwayShare: MeasureDefinition<TurnedAway> = {
  kind: 'turned-away-share',
  unit: 'share',
  fields: ['state'],
  summary: 'share of requests routed to a state that find its waiting room full and are turned away; discrete-event simulation',
  source: () => 'des',
  read(r) {
    r.only(['kind', 'state']);
    const state = r.text('state');
    return state ? { kind: 'turned-away-share', state } : undefined;
  },
  check: (graph, m) => checkQueueState(graph, m.state),
  text: (m, label) => `share turned away at ${label({ state: m.state })}`,
  value(m, c) {
    const i = c.roomOf(m.state);
    return c.simulated((t) => (i >= 0 && routed(t, i) ? t.turnedAway[i]! / routed(t, i) : 0));
  },
};
