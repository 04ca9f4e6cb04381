import type { CareGraph } from '../graph/types.ts';
import type { DesOptions, DesResult } from './types.ts';
import { defaultDesOptions, runDesReplication } from './runDesReplication.ts';
import { createDesTally, summariseDes } from './summariseDes.ts';
import type { DesTally } from './types.ts';

/** One replication's measurements (replication r uses random stream r of the seed). */
export function runDesTally(graph: CareGraph, options: DesOptions, replication: number, stop?: () => boolean): DesTally {
  const { monitor, tally } = createDesTally(graph, options, stop);
  runDesReplication(graph, options, replication, monitor);
  return tally;
}

/** The discrete-event simulation, replications in turn on one thread. */
export function runDes(graph: CareGraph, options: Partial<DesOptions> = {}): DesResult {
  const o = { ...defaultDesOptions, ...options };
  return summariseDes(
    graph,
    o,
    Array.from({ length: o.replications }, (_, r) => runDesTally(graph, o, r)),
  );
}
