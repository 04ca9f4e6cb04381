import { toCompactGraph } from '../graph/toCompactGraph.ts';
import type { CareGraph } from '../graph/types.ts';
import { createRandom, type Random } from './createRandom.ts';
import type { DesOptions } from './desTypes.ts';
import { EventQueue } from './EventQueue.ts';
import { chooseWayOut } from './chooseWayOut.ts';
import { growArray } from './growArray.ts';
import { sampleDuration, toSampler } from './sampleDuration.ts';

export const defaultDesOptions: DesOptions = { days: 28, warmup: 30, replications: 5, seed: 1, arrivals: 'poisson' };

const DAY = 24 * 60;
const ARRIVE = 0;
const DONE = 1;
const HOUR = 2;

/** What the engine tells its monitor, besides each step record. */
export interface DesMonitor {
  /**
   * One request's stay in one state (the fields of a `StepRecord`, passed one by one so that the
   * engine allocates nothing per step).
   */
  step(request: number, slot: number, node: number, arrival: number, start: number, end: number): void;
  /** A request reached an outcome; its slot is free after this. */
  finish(slot: number, node: number, arrivedAt: number, at: number): void;
  /** A request arrived, in `slot`. */
  arrive(slot: number, at: number): void;
  /** Called at every hour boundary with the queue length at each service with capacity. */
  hour(at: number, queues: Int32Array): void;
  /** Busy servers changed at a service with capacity. */
  busy(node: number, at: number, busy: number): void;
  /** The replication ended at `at` (the horizon). */
  end(at: number): void;
}

/** Servers available at `node` in each hour of the day; null for a state without capacity (no queue). */
export function getServers(graph: CareGraph): (Int32Array | null)[] {
  return graph.nodes.map((n) =>
    n.capacity ? Int32Array.from({ length: 24 }, (_, h) => n.capacity!.schedule?.[h] ?? n.capacity!.servers) : null,
  );
}

/**
 * One replication of the discrete-event simulation. Requests arrive at the model's rate per day,
 * shaped by its hourly profile (a non-homogeneous Poisson process, by thinning), walk the care
 * graph, and at states with capacity wait for a free server: first come first served, or by the
 * priority the request carries (`meta.priority`). Servers follow their hourly schedule; a cut in
 * servers takes effect as services end (no one is interrupted). Every step goes to the monitor.
 */
export function runDesReplication(graph: CareGraph, options: DesOptions, replication: number, monitor: DesMonitor): void {
  const g = toCompactGraph(graph);
  const { outStart, target, prob, outcome } = g;
  const samplers = graph.nodes.map((n) => toSampler(n.duration));
  const servers = getServers(graph);
  const fifo = graph.nodes.map((n) => n.capacity?.queue !== 'priority');
  const priorityOf = graph.nodes.map((n) => n.priority ?? 0);
  const demand = graph.meta.demand;
  if (!demand) throw new Error('runDesReplication: the model has no demand (check it with checkDes first)');
  const random: Random = createRandom(options.seed, replication);
  const horizon = (options.warmup + options.days) * DAY;
  const weights = demand.hourly ?? new Array(24).fill(1);
  const total = weights.reduce((a, b) => a + b, 0);
  const ratePerMinute = weights.map((w) => (demand.perDay * w) / total / 60);
  const maxRate = Math.max(...ratePerMinute);

  const events = new EventQueue();
  // Requests in the system, by slot: a finished request's slot is used again, so memory follows the
  // number in the system, not the number simulated. `caseOf` is each slot's request number.
  let caseOf = new Int32Array(1024);
  const freeSlots: number[] = [];
  let node = new Int32Array(1024);
  let entered = new Float64Array(1024);
  let started = new Float64Array(1024);
  let arrivedAt = new Float64Array(1024);
  let priority = new Float64Array(1024);
  let requests = 0;
  let slots = 0;
  const busy = new Int32Array(g.n);
  const queues: number[][] = graph.nodes.map(() => []);
  const heads = new Int32Array(g.n);
  const queueLength = new Int32Array(g.n);
  let enqueued = 0;
  const enqueueOrder: number[] = [];

  const hourOf = (t: number) => Math.floor(t / 60) % 24;
  const available = (v: number, t: number) => servers[v]![hourOf(t)]!;

  const grow = () => {
    const size = node.length * 2;
    node = growArray(node, size);
    caseOf = growArray(caseOf, size);
    entered = growArray(entered, size);
    started = growArray(started, size);
    arrivedAt = growArray(arrivedAt, size);
    priority = growArray(priority, size);
  };

  const startService = (r: number, v: number, t: number) => {
    started[r] = t;
    if (servers[v]) {
      busy[v]!++;
      monitor.busy(v, t, busy[v]!);
    }
    const d = sampleDuration(samplers[v]!, random);
    // A state that takes no time and has no servers is passed straight through; the order of
    // everything else is as if its end had gone through the event queue first.
    if (d === 0 && !servers[v]) complete(r, t);
    else events.push(t + d, DONE, r);
  };

  const enter = (r: number, v: number, t: number) => {
    node[r] = v;
    entered[r] = t;
    if (priorityOf[v]) priority[r] = priorityOf[v]!;
    if (outcome[v]) {
      monitor.step(caseOf[r]!, r, v, t, t, t);
      monitor.finish(r, v, arrivedAt[r]!, t);
      freeSlots.push(r);
      return;
    }
    if (servers[v] && (queueLength[v]! > 0 || busy[v]! >= available(v, t))) {
      enqueue(v, r);
      return;
    }
    startService(r, v, t);
  };

  const enqueue = (v: number, r: number) => {
    queueLength[v]!++;
    if (fifo[v]) {
      queues[v]!.push(r);
      return;
    }
    // Priority queue: lowest priority number first, then first come. Kept as a binary heap.
    enqueueOrder[r] = enqueued++;
    const heap = queues[v]!;
    heap.push(r);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const before = (a: number, b: number) => priority[a]! < priority[b]! || (priority[a] === priority[b] && enqueueOrder[a]! < enqueueOrder[b]!);
  const dequeue = (v: number): number => {
    queueLength[v]!--;
    const queue = queues[v]!;
    if (fifo[v]) {
      const r = queue[heads[v]!]!;
      heads[v]!++;
      if (heads[v]! > 1024 && heads[v]! * 2 > queue.length) {
        queue.splice(0, heads[v]!);
        heads[v] = 0;
      }
      return r;
    }
    const top = queue[0]!;
    const last = queue.pop()!;
    if (queue.length) {
      queue[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        let m = i;
        if (l < queue.length && before(queue[l]!, queue[m]!)) m = l;
        if (l + 1 < queue.length && before(queue[l + 1]!, queue[m]!)) m = l + 1;
        if (m === i) break;
        [queue[i], queue[m]] = [queue[m]!, queue[i]!];
        i = m;
      }
    }
    return top;
  };
  /** A request finishes its service at `t`: it takes a way out, and its server takes the next in the queue. */
  function complete(r: number, t: number): void {
    const v = node[r]!;
    monitor.step(caseOf[r]!, r, v, entered[r]!, started[r]!, t);
    const e = chooseWayOut(outStart, prob, v, random);
    if (servers[v]) {
      busy[v]!--;
      monitor.busy(v, t, busy[v]!);
    }
    enter(r, target[e]!, t);
    if (servers[v]) serveQueue(v, t);
  }
  const serveQueue = (v: number, t: number) => {
    while (queueLength[v]! > 0 && busy[v]! < available(v, t)) startService(dequeue(v), v, t);
  };

  // Arrivals: the first candidate, then each arrival schedules the next.
  const nextArrival = (t: number): number => {
    if (options.arrivals === 'regular') {
      // Evenly spaced in "expected arrivals": one every unit of the integrated rate.
      let at = t;
      let left = 1;
      while (left > 1e-12) {
        const rate = ratePerMinute[hourOf(at)]!;
        const toHour = 60 - (at % 60);
        if (rate * toHour >= left) return at + left / rate;
        left -= rate * toHour;
        at += toHour;
        if (at > horizon) return Infinity;
      }
      return at;
    }
    let at = t;
    for (;;) {
      at += -Math.log(1 - random.next()) / maxRate;
      if (at > horizon) return Infinity;
      // Thinning: a candidate in an hour at the busiest rate is always kept, so it needs no draw.
      const rate = ratePerMinute[hourOf(at)]!;
      if (rate === maxRate || random.next() * maxRate <= rate) return at;
    }
  };
  const first = nextArrival(0);
  if (first < horizon) events.push(first, ARRIVE, -1);
  for (let h = 1; h * 60 <= horizon; h++) events.push(h * 60, HOUR, -1);

  const queuesNow = new Int32Array(g.n);
  while (events.size) {
    const t = events.peekTime();
    if (t > horizon) break;
    const type = events.peekType();
    const r = events.pop();
    if (type === ARRIVE) {
      let slot = freeSlots.pop();
      if (slot === undefined) {
        if (slots === node.length) grow();
        slot = slots++;
      }
      caseOf[slot] = requests++;
      arrivedAt[slot] = t;
      priority[slot] = 0;
      monitor.arrive(slot, t);
      enter(slot, 0, t);
      const next = nextArrival(t);
      if (next < horizon) events.push(next, ARRIVE, -1);
    } else if (type === DONE) {
      complete(r, t);
    } else {
      for (let v = 0; v < g.n; v++) if (servers[v]) serveQueue(v, t);
      queuesNow.set(queueLength);
      monitor.hour(t, queuesNow);
    }
  }
  monitor.end(horizon);
}
