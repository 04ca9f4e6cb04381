import type { CareGraph } from '../graph/types.ts';
import type { Diagnostic } from '../model/types.ts';

/** What a model needs before a discrete-event simulation means anything: demand, and some capacity. */
export function checkDes(graph: CareGraph): Diagnostic[] {
  const out: Diagnostic[] = [];
  const streams = graph.meta.arrivals?.length ? graph.meta.arrivals.reduce((a, s) => a + s.perDay, 0) : (graph.meta.demand?.perDay ?? 0);
  if (!(streams > 0)) {
    out.push({
      code: 'des-no-demand',
      severity: 'error',
      path: graph.modelId,
      message: 'The model says nothing about how many requests arrive, so there is nothing to simulate over days.',
      hint: 'Add meta: { demand: { perDay: 1200, hourly: [24 numbers] } } (or arrival streams, meta.arrivals) to the root of the model, or use --mode montecarlo.',
    });
  }
  if (!graph.nodes.some((n) => n.capacity) && !graph.stateInfo.some((s) => s.reachable && s.meta.uses !== undefined)) {
    out.push({
      code: 'des-no-capacity',
      severity: 'error',
      path: graph.modelId,
      message: 'No state has a capacity or uses a resource, so no one ever waits and the simulation would only repeat the Monte Carlo results.',
      hint: 'Add meta: { capacity: { servers: 4 } } to the services that can fill up, or declare meta.resources and give states meta: { uses: … } (crews, cubicles, beds).',
    });
  }
  return out;
}
