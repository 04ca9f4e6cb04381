import type { CareGraph, StateInfo } from '../../graph/types.ts';
import { checkDuration } from '../duration.ts';
import type { Diagnostic } from '../types.ts';
import type { Rule } from './types.ts';

/** States that use a resource, or hold one inside them: where a waiting room can be. */
const usesSomething = (s: StateInfo, states: StateInfo[]) =>
  states.some(
    (x) =>
      (x.meta.uses !== undefined || x.meta.capacity !== undefined) && (x.path === s.path || x.path.startsWith(`${s.path}.`) || s.path.startsWith(`${x.path}.`)),
  );

/**
 * Waiting rooms, patience and escalation make sense and are where requests wait for units; a
 * patience has a way out for those who give up, and a way out marked for a full room or for
 * giving up has something that makes it happen. Those ways are not part of the probabilities.
 */
export const checkWaiting: Rule = ({ states, graph }) => {
  const out: Diagnostic[] = [];
  const ways = conditionalWaysBySource(graph);
  for (const s of states) {
    const problem = (code: string, message: string, hint: string, severity: Diagnostic['severity'] = 'error') =>
      out.push({ code, severity, path: s.path, message, hint });
    const { waitingRoom, patience, escalate } = s.meta as Record<string, unknown>;
    const waits = waitingRoom !== undefined || patience !== undefined || escalate !== undefined;
    if (waits && !usesSomething(s, states))
      problem(
        'waiting-without-resource',
        'This state has a waiting room, patience or escalation, but neither it nor any state around it uses a resource, so no one ever waits here.',
        'Add meta: { uses: … } (or capacity) to this state or to the state it belongs to, or remove the waiting-room settings.',
      );
    if (waitingRoom !== undefined && !(typeof waitingRoom === 'number' && Number.isInteger(waitingRoom) && waitingRoom >= 0))
      problem(
        'invalid-waiting-room',
        `The waiting room must be a whole number of places, 0 or more (it is ${JSON.stringify(waitingRoom)}).`,
        'Write waitingRoom: 0 for none, or leave it out for unlimited.',
      );
    if (patience !== undefined) {
      const bad = checkDuration(patience);
      if (bad) problem('invalid-patience', `The patience is not valid: ${bad}.`, "Write it as a duration, for example { dist: 'exponential', mean: 20 }.");
    }
    if (escalate !== undefined) {
      const e = escalate as Record<string, unknown> | null;
      if (typeof e !== 'object' || e === null || !(typeof e.after === 'number' && e.after >= 0) || !(typeof e.priority === 'number' && e.priority >= 1))
        problem(
          'invalid-escalation',
          'The escalation must give after (minutes waiting, 0 or more) and priority (1 or more).',
          'Write escalate: { after: 60, priority: 2 }.',
        );
    }
    const mine = ways.get(s.path) ?? [];
    const has = (when: string) => mine.some((w) => w.when === when);
    if (patience !== undefined && !has('abandoned'))
      problem(
        'patience-without-way',
        'Requests here can give up waiting (it has a patience), but no way out is marked for them.',
        "Add a way out with meta: { when: 'abandoned' }, for example ABANDONED: { target: 'callAbandoned', meta: { when: 'abandoned' } }.",
      );
    if (has('abandoned') && patience === undefined)
      problem(
        'abandoned-way-unused',
        "A way out is marked when: 'abandoned', but the state has no patience, so no one ever takes it.",
        'Give the state meta: { patience: … }, or remove the way.',
        'warning',
      );
    if (has('full') && !(typeof waitingRoom === 'number'))
      problem(
        'full-way-unused',
        "A way out is marked when: 'full', but the state's waiting room is unlimited, so it is never full.",
        'Give the state meta: { waitingRoom: N } (0 for none), or remove the way.',
        'warning',
      );
    for (const w of mine)
      if (w.declaredP !== undefined)
        problem(
          'conditional-way-probability',
          `The way out "${w.event}" is taken when ${w.when === 'full' ? 'the waiting room is full' : 'a waiting request gives up'}, not by chance; its probability is ignored.`,
          'Remove meta.p from this way; the other ways out share the probabilities.',
          'warning',
        );
  }
  return out;
};

function conditionalWaysBySource(graph: CareGraph | undefined) {
  const out = new Map<string, { event: string; when: string; declaredP?: number }[]>();
  for (const w of graph?.conditionalWays ?? []) {
    const list = out.get(w.source) ?? [];
    if (!list.some((x) => x.event === w.event)) list.push({ event: w.event, when: w.when!, ...(w.declaredP !== undefined ? { declaredP: w.declaredP } : {}) });
    out.set(w.source, list);
  }
  return out;
}
