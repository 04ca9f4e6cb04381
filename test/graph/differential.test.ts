import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { __unsafe_getAllOwnEventDescriptors, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { getAdjacencyMap, serializeSnapshot } from '@xstate/graph';
import { compileCareGraph } from '../../src/graph/compileCareGraph.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';
import { loadModel } from '../../src/io/loadModel.ts';
import { arbitraryModelConfig } from '../support/arbitraryModel.ts';

/**
 * The reference: @xstate/graph's adjacency map, with the three documented corrections. The events
 * offered are a function of the snapshot (an array would replace the defaults) without xstate's
 * internal done events; an event xstate itself says cannot be taken (`snapshot.can`) is not a way
 * out (the adjacency map records it as a self-loop); outcomes (every active atomic state final) end a pathway.
 */
function referenceEdges(machine: AnyStateMachine): { nodes: string[]; edges: string[] } {
  const adjacency = getAdjacencyMap(machine, {
    events: (s: AnyMachineSnapshot) =>
      __unsafe_getAllOwnEventDescriptors(s)
        .filter((type) => !type.startsWith('xstate.') && !type.includes('*'))
        .map((type) => ({ type })),
  });
  const isOutcome = (s: AnyMachineSnapshot) =>
    s.status === 'done' || s._nodes.filter((n) => n.type === 'atomic' || n.type === 'final').every((n) => n.type === 'final');
  const out = new Map<string, string[]>();
  for (const [key, { state, transitions }] of Object.entries(adjacency)) {
    const list: string[] = [];
    if (!isOutcome(state as AnyMachineSnapshot)) {
      for (const { event, state: next } of Object.values(transitions) as { event: { type: string }; state: unknown }[]) {
        if ((state as AnyMachineSnapshot).can(event)) list.push(`${event.type} -> ${serializeSnapshot(next as AnyMachineSnapshot)}`);
      }
    }
    out.set(key, list);
  }
  // Keep only configurations reachable through real ways out.
  const start = Object.keys(adjacency)[0]!;
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length)
    for (const e of out.get(queue.shift()!)!) {
      const to = e.slice(e.indexOf(' -> ') + 4);
      if (!seen.has(to)) (seen.add(to), queue.push(to));
    }
  return {
    nodes: [...seen].sort(),
    edges: [...seen].flatMap((k) => out.get(k)!.map((e) => `${k} --${e}`)).sort(),
  };
}

function compiledEdges(machine: AnyStateMachine): { nodes: string[]; edges: string[] } {
  const { graph, diagnostics } = compileCareGraph(machine);
  if (!graph) throw new Error(diagnostics.map((d) => d.message).join('; '));
  return {
    nodes: graph.nodes.map((n) => n.key).sort(),
    // Ways taken only on a condition (a full waiting room, a request giving up) are xstate transitions too.
    edges: [...graph.edges, ...(graph.conditionalWays ?? [])].map((e) => `${graph.nodes[e.from]!.key} --${e.event} -> ${graph.nodes[e.to]!.key}`).sort(),
  };
}

const root = path.resolve(import.meta.dirname, '../..');
const modelFiles = [
  ...readdirSync(path.join(root, 'models'))
    .filter((f) => /\.(ts|json)$/.test(f))
    .map((f) => path.join(root, 'models', f)),
  ...['small.json', 'small.ts', 'parallel.ts', 'guarded.ts'].map((f) => path.join(root, 'test/fixtures', f)),
];

describe('the compiled care graph against @xstate/graph', () => {
  it.each(modelFiles.map((f) => [path.relative(root, f), f]))('has the same configurations and ways out for %s', async (_name, file) => {
    const loaded = await loadModel(file);
    if (!loaded.ok) throw new Error(loaded.reason);
    const ours = compiledEdges(loaded.machine);
    expect(ours.edges.length).toBeGreaterThan(0);
    expect(ours).toEqual(referenceEdges(loaded.machine));
  });

  it('filters the traps: done events inside compound states and guard-disabled events', async () => {
    const loaded = await loadModel(path.join(root, 'test/fixtures/parallel.ts'));
    if (!loaded.ok) throw new Error(loaded.reason);
    const raw = getAdjacencyMap(loaded.machine, {});
    const rawEvents = Object.values(raw).flatMap((a) => Object.keys(a.transitions));
    expect(rawEvents.some((e) => e.includes('xstate.done.state'))).toBe(true);
    const { graph } = compileCareGraph(loaded.machine);
    expect(graph!.edges.some((e) => e.event.startsWith('xstate.'))).toBe(false);
    // Reaching both final children joins the regions through onDone, as xstate does.
    const join = graph!.edges.filter((e) => graph!.nodes[e.to]!.id === 'par.ward');
    expect(join.map((e) => e.event).sort()).toEqual(['FOUND', 'STABLE']);
  });

  it('agrees on generated models (hierarchy, inherited ways out, guards, parallel regions)', () => {
    fc.assert(
      fc.property(arbitraryModelConfig(), (config) => {
        const machine = toCareMachine(config);
        expect(compiledEdges(machine)).toEqual(referenceEdges(machine));
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });
});
