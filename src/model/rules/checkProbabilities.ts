import type { CareEdge } from '../../graph/types.ts';
import type { Rule } from './types.ts';
import type { Diagnostic } from '../types.ts';

const TOLERANCE = 1e-6;
const format = (p: number) => String(Number(p.toFixed(6)));

/**
 * The ways out of each configuration carry valid probabilities that sum to 1. Checked on the
 * compiled graph, so inherited ways out count and ways out switched off by guards do not;
 * where a guard switched some off, the enabled ones are renormalised and need not sum to 1.
 * In a parallel configuration the ways out of all regions are renormalised together.
 */
export const checkProbabilities: Rule = ({ graph }) => {
  if (!graph) return [];
  const out: Diagnostic[] = [];
  const finals = new Set(graph.stateInfo.filter((s) => s.type === 'final').map((s) => s.path));
  for (const node of graph.nodes) {
    const ways = graph.edges.slice(graph.outStart[node.index], graph.outStart[node.index + 1]);
    for (const e of ways.filter((e) => e.declaredP !== undefined && !isProbability(e.declaredP))) {
      out.push({
        code: 'probability-invalid',
        severity: 'error',
        path: e.source,
        message: `The way out on "${e.event}" has p = ${JSON.stringify(e.declaredP)}; a probability must be a number from 0 to 1.`,
        hint: 'Write meta: { p: 0.25 } for a one-in-four chance.',
      });
    }
    // In parallel regions each atomic state's ways out (its own and its ancestors') sum to 1 on their
    // own; a region that has reached its final state is waiting for the others and has none.
    for (const state of node.states.filter((s) => node.states.length === 1 || !finals.has(s))) {
      const own = ways.filter((e) => state === e.source || state.startsWith(`${e.source}.`));
      out.push(...checkWays(own, node.states.length > 1 ? state : node.states.join(' + '), node.guardedWays));
    }
  }
  return out;
};

function checkWays(ways: CareEdge[], path: string, guardedWays: number): Diagnostic[] {
  if (ways.length === 0 || ways.some((e) => e.declaredP !== undefined && !isProbability(e.declaredP))) return [];
  const missing = ways.filter((e) => e.declaredP === undefined);
  if (ways.length === 1 && missing.length === 1) return [];
  if (missing.length > 0) {
    return [
      {
        code: 'probability-missing',
        severity: 'error',
        path,
        message: `This state has ${ways.length} ways out, and ${list(missing)} ${missing.length === 1 ? 'has' : 'have'} no probability (meta.p).`,
        hint: 'Give each way out a meta.p; together they must sum to 1. Only a single way out may leave p out.',
      },
    ];
  }
  const sum = ways.reduce((a, e) => a + (e.declaredP as number), 0);
  if (guardedWays === 0 && Math.abs(sum - 1) > TOLERANCE) {
    return [
      {
        code: 'probability-sum',
        severity: 'error',
        path,
        message: `The probabilities of the ways out sum to ${format(sum)}, not 1 (${ways.map((e) => `${e.event} ${format(e.declaredP as number)}`).join(', ')}).`,
        hint: `Change the p values so they add up to 1${sum < 1 ? `: ${format(1 - sum)} is unaccounted for` : `: they overshoot by ${format(sum - 1)}`}.`,
      },
    ];
  }
  if (sum <= 0) {
    return [
      {
        code: 'probability-sum',
        severity: 'error',
        path,
        message: 'Every way out enabled here has probability 0, so no request can leave.',
        hint: 'Give at least one of the enabled ways out a probability above 0.',
      },
    ];
  }
  return [];
}

const isProbability = (p: unknown) => typeof p === 'number' && Number.isFinite(p) && p >= 0 && p <= 1;
const list = (edges: CareEdge[]) => edges.map((e) => `"${e.event}"`).join(', ');
