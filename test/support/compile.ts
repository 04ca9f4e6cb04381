import path from 'node:path';
import type { AnyStateMachine } from 'xstate';
import { compileCareGraph } from '../../src/graph/compileCareGraph.ts';
import type { CareGraph } from '../../src/graph/types.ts';
import { loadModel } from '../../src/io/loadModel.ts';

export const root = path.resolve(import.meta.dirname, '../..');

/** Compiles a machine, failing the test with the diagnostics when it does not compile. */
export function compile(machine: AnyStateMachine): CareGraph {
  const { graph, diagnostics } = compileCareGraph(machine);
  if (!graph) throw new Error(diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n'));
  return graph;
}

/** Loads and compiles a model file under the repository. */
export async function compileFile(relative: string): Promise<{ machine: AnyStateMachine; graph: CareGraph }> {
  const loaded = await loadModel(path.join(root, relative));
  if (!loaded.ok) throw new Error(loaded.reason);
  return { machine: loaded.machine, graph: compile(loaded.machine) };
}
