import type { Plan, PlanChange, StrategyProblem } from './types.ts';

/** A machine config as written: plain objects and lists, with functions (guards, actions) kept as they are. */
export type MachineConfig = Record<string, unknown>;

type StateConfig = {
  id?: string;
  states?: Record<string, StateConfig>;
  on?: Record<string, unknown>;
  meta?: Record<string, unknown>;
  description?: string;
  type?: string;
};
type Way = { target?: unknown; meta?: Record<string, unknown>; description?: string };

/** A problem applying a plan, named by plan and change. */
export interface PlanProblem extends StrategyProblem {
  plan: string;
}

/**
 * Applies plans to a copy of a machine config. Changes name states by their full path
 * (`city.nhs111.healthAdviserTriage`) and ways out by their event. A change naming a state or
 * event that does not exist, or two changes that touch the same thing, are refused with a
 * problem naming them; the config passed in is never changed. The changed model still has to
 * pass the model check (the caller runs it).
 */
export function applyPlans(config: MachineConfig, plans: Plan[]): { config: MachineConfig; problems: PlanProblem[] } {
  const application = new PlanApplication(cloneConfig(config));
  for (const plan of plans) application.apply(plan);
  return application.finish();
}

type AddService = Extract<PlanChange, { change: 'add-service' }>;
type StateChange = Exclude<PlanChange, { change: 'add-service' } | { change: 'demand' } | { change: 'set' }>;

/**
 * Plans being applied to one copy of a config: what each change has claimed (so that two changes
 * to the same thing are refused), the problems found, and the ways out of new services, which are
 * resolved once every new state exists. One method a kind of change.
 */
class PlanApplication {
  private readonly states: Map<string, StateConfig>;
  private readonly agencies: Set<string>;
  /** What each change has claimed, by the state it touches (claims on different states never conflict). */
  private readonly touched = new Map<string, [key: string, by: string][]>();
  private readonly pending: (() => void)[] = [];
  private readonly problems: PlanProblem[] = [];
  private plan!: Plan;

  constructor(private readonly out: MachineConfig) {
    this.states = indexStates(out);
    this.agencies = new Set(((out.meta as { agencies?: { id: string }[] } | undefined)?.agencies ?? []).map((a) => a.id));
  }

  apply(plan: Plan): void {
    this.plan = plan;
    // A plan with no owner changes the model itself (fitted values), not one agency's service.
    if (plan.owner && this.agencies.size && !this.agencies.has(plan.owner))
      this.fail('owner', `"${plan.owner}" is not an agency in the model.`, `Use one of: ${[...this.agencies].join(', ')}.`);
    // New services first, so that other changes can send requests to them.
    plan.changes.forEach((c, i) => c.change === 'add-service' && this.addService(c, `changes[${i + 1}]`));
    plan.changes.forEach((c, i) => c.change !== 'add-service' && this.applyChange(c, `changes[${i + 1}]`));
  }

  finish(): { config: MachineConfig; problems: PlanProblem[] } {
    for (const run of this.pending) run();
    return { config: this.out, problems: this.problems };
  }

  private fail(at: string, message: string, hint?: string): void {
    this.problems.push({ plan: this.plan.id, at, message, ...(hint ? { hint } : {}) });
  }

  private claim(key: string, at: string, what: string): boolean {
    const plan = this.plan;
    const here = `${plan.id} ${at}`;
    // A change never conflicts with itself (a re-weight with rebalance claims one way and all of them).
    const state = key.split(':')[1] ?? '';
    const claims = this.touched.get(state) ?? [];
    const clash = claims.find(([k, by]) => by !== here && (k === key || conflicts(k, key)));
    if (clash) {
      const [, by] = clash;
      this.fail(
        at,
        `${what} conflicts with ${by.startsWith(plan.id + ' ') ? by.slice(plan.id.length + 1) : `plan ${by}`}, which changes the same thing.`,
        'Combine the two into one change, or leave one of them out.',
      );
      return false;
    }
    const same = claims.findIndex(([k]) => k === key);
    if (same >= 0) claims[same] = [key, here];
    else claims.push([key, here]);
    this.touched.set(state, claims);
    return true;
  }

  private findState(path: string, at: string): StateConfig | undefined {
    const found = this.states.get(path);
    if (!found) this.fail(at, `there is no state ${path} in the model.`, suggestPath(path, [...this.states.keys()]));
    return found;
  }

  private findWay(state: StateConfig, path: string, event: string, at: string): Way | undefined {
    const value = state.on?.[event];
    if (value === undefined) {
      const events = Object.keys(state.on ?? {});
      this.fail(at, `${path} has no way out called ${event}.`, events.length ? `Its ways out are: ${events.join(', ')}.` : 'It has no ways out.');
      return undefined;
    }
    if (Array.isArray(value)) {
      this.fail(
        at,
        `${path} ${event} has guarded alternatives; a plan can change only a single way out.`,
        'Change the model itself, or give each alternative its own event.',
      );
      return undefined;
    }
    if (typeof value === 'string') state.on![event] = { target: value };
    return state.on![event] as Way;
  }

  private targetOf(path: string, at: string): string | undefined {
    const to = this.findState(path, at);
    return to && `#${to.id ?? path}`;
  }

  private applyChange(c: PlanChange, at: string): void {
    if (c.change === 'add-service') return;
    if (c.change === 'demand') return this.changeDemand(c, at);
    if (c.change === 'resource') return this.changeResource(c, at);
    if (c.change === 'set') return this.setNumber(c, at);
    const state = this.findState(c.state, at);
    if (state) this.changeState(c, state, at);
  }

  private changeState(c: StateChange, state: StateConfig, at: string): void {
    // As before the split: a state a plan changes always has meta afterwards.
    state.meta ??= {};
    switch (c.change) {
      case 'reweight':
        return this.reweight(c, state, at);
      case 'redirect':
        return this.redirect(c, state, at);
      case 'add-way':
        return this.addWay(c, state, at);
      case 'remove-way':
        return this.removeWay(c, state, at);
      case 'duration':
        return this.changeDuration(c, state, at);
      case 'capacity':
        return this.changeCapacity(c, state, at);
      case 'waiting-room':
        return this.changeWaitingRoom(c, state, at);
      case 'uses':
        if (!this.claim(`uses:${c.state}`, at, `Changing what ${c.state} uses`)) return;
        if (c.uses === null) delete state.meta!.uses;
        else state.meta!.uses = c.uses;
        return;
    }
  }

  private changeDemand(c: Extract<PlanChange, { change: 'demand' }>, at: string): void {
    if (!this.claim('demand', at, 'This demand change')) return;
    const meta = (this.out.meta ??= {}) as { demand?: { perDay: number; hourly?: number[] } };
    if (!meta.demand && c.perDay === undefined) return void this.fail(at, 'the model has no demand to scale or reshape.', 'Give perDay, the requests a day.');
    const demand = (meta.demand = { ...(meta.demand ?? { perDay: 0 }) });
    if (c.perDay !== undefined) demand.perDay = c.perDay;
    if (c.scale !== undefined) demand.perDay *= c.scale;
    if (c.hourly) demand.hourly = c.hourly;
  }

  private reweight(c: Extract<PlanChange, { change: 'reweight' }>, state: StateConfig, at: string): void {
    const ways = Object.keys(c.ways);
    if (!ways.every((event) => this.findWay(state, c.state, event, at))) return;
    if (!ways.every((event) => this.claim(`p:${c.state}:${event}`, at, `Re-weighting ${c.state} ${event}`))) return;
    if (c.rebalance && !this.claim(`p:${c.state}:*`, at, `Rebalancing the ways out of ${c.state}`)) return;
    for (const event of ways) setP(state.on![event] as Way, c.ways[event]!);
    if (c.rebalance) this.rebalance(state, c.state, ways, 1 - ways.reduce((a, e) => a + c.ways[e]!, 0), at);
  }

  private redirect(c: Extract<PlanChange, { change: 'redirect' }>, state: StateConfig, at: string): void {
    const way = this.findWay(state, c.state, c.way, at);
    const target = this.targetOf(c.to, `${at}.to`);
    if (!way || !target || !this.claim(`target:${c.state}:${c.way}`, at, `Redirecting ${c.state} ${c.way}`)) return;
    way.target = target;
  }

  private addWay(c: Extract<PlanChange, { change: 'add-way' }>, state: StateConfig, at: string): void {
    if (state.on?.[c.way] !== undefined)
      return void this.fail(
        at,
        `${c.state} already has a way out called ${c.way}.`,
        'Use redirect or reweight to change it, or give the new way another name.',
      );
    const target = this.targetOf(c.to, `${at}.to`);
    if (!target || !this.claim(`way:${c.state}:${c.way}`, at, `Adding ${c.state} ${c.way}`)) return;
    if (c.rebalance && !this.claim(`p:${c.state}:*`, at, `Rebalancing the ways out of ${c.state}`)) return;
    if (c.rebalance) this.rebalance(state, c.state, [], 1 - c.p, at);
    (state.on ??= {})[c.way] = { target, meta: { p: c.p }, ...(c.description ? { description: c.description } : {}) };
  }

  private removeWay(c: Extract<PlanChange, { change: 'remove-way' }>, state: StateConfig, at: string): void {
    if (!this.findWay(state, c.state, c.way, at) || !this.claim(`way:${c.state}:${c.way}`, at, `Removing ${c.state} ${c.way}`)) return;
    if (c.rebalance && !this.claim(`p:${c.state}:*`, at, `Rebalancing the ways out of ${c.state}`)) return;
    delete state.on![c.way];
    if (!Object.keys(state.on!).length)
      return void this.fail(at, `removing ${c.way} leaves ${c.state} with no way out.`, 'Redirect it instead, or add another way out.');
    if (c.rebalance) this.rebalance(state, c.state, [], 1, at);
  }

  private changeDuration(c: Extract<PlanChange, { change: 'duration' }>, state: StateConfig, at: string): void {
    const meta = (state.meta ??= {});
    if (!this.claim(`duration:${c.state}`, at, `Changing the duration of ${c.state}`)) return;
    if (c.duration) meta.duration = c.duration;
    else if (!meta.duration) this.fail(at, `${c.state} has no duration to scale.`, 'Use set: { dist: …, … } to give it one.');
    else meta.duration = scaleDuration(meta.duration as Record<string, unknown>, c.scale!);
  }

  private changeResource(c: Extract<PlanChange, { change: 'resource' }>, at: string): void {
    if (!this.claim(`resource:${c.state}`, at, `Changing the resource ${c.state}`)) return;
    const meta = (this.out.meta ??= {}) as { resources?: Record<string, Record<string, unknown>> };
    const existing = meta.resources?.[c.state];
    if (!existing && (c.label === undefined || c.units === undefined)) {
      const ids = Object.keys(meta.resources ?? {});
      return void this.fail(
        at,
        `the model has no resource "${c.state}".`,
        ids.length ? `Its resources are: ${ids.join(', ')}; or give label and units to add one.` : 'Give label and units to add one.',
      );
    }
    const resource = { ...(existing ?? {}) };
    if (c.label !== undefined) resource.label = c.label;
    if (c.units !== undefined) resource.units = c.units;
    if (c.schedule === null) delete resource.schedule;
    else if (c.schedule) resource.schedule = c.schedule;
    if (c.changes) resource.changes = [...((resource.changes as unknown[]) ?? []), ...c.changes];
    if (c.queue) resource.queue = c.queue;
    meta.resources = { ...(meta.resources ?? {}), [c.state]: resource };
  }

  /** Sets one number (see the `set` change): inside the meta of the root, a state or a way out; a probability rebalances the other ways. */
  private setNumber(c: Extract<PlanChange, { change: 'set' }>, at: string): void {
    const isRoot = c.state === String(this.out.id ?? '(machine)');
    const state = isRoot ? (this.out as StateConfig) : this.findState(c.state, at);
    if (!state) return;
    const way = c.way === undefined ? undefined : this.findWay(state, c.state, c.way, at);
    if (c.way !== undefined && !way) return;
    const meta = way ? (way.meta ??= {}) : (state.meta ??= {});
    const isP = way !== undefined && c.field === 'p';
    const key = isP ? `p:${c.state}:${c.way}` : `set:${c.state}:${c.way ?? ''}:${c.field}`;
    if (!this.claim(key, at, `Setting ${c.state}${c.way ? ` ${c.way}` : ''} ${c.field}`)) return;
    const keys = c.field.split('.');
    let holder: Record<string, unknown> = meta;
    for (const k of keys.slice(0, -1)) {
      const next = holder[k];
      if (!next || typeof next !== 'object')
        return void this.fail(at, `${c.state}${c.way ? ` ${c.way}` : ''} has no ${c.field} to set.`, 'Name a number the model already has.');
      // Copied before it is changed: a TypeScript model may share one object between states.
      holder = holder[k] = (Array.isArray(next) ? [...next] : { ...(next as Record<string, unknown>) }) as Record<string, unknown>;
    }
    const last = keys[keys.length - 1]!;
    if (typeof holder[last] !== 'number' && !(isP && holder[last] === undefined))
      return void this.fail(at, `${c.state}${c.way ? ` ${c.way}` : ''} has no number at ${c.field} to set.`, 'Name a number the model already has.');
    if (isP && (c.value < 0 || c.value > 1)) return void this.fail(at, `a probability must be from 0 to 1, not ${c.value}.`);
    if (isP && !this.claim(`p:${c.state}:*`, at, `Rebalancing the ways out of ${c.state}`)) return;
    holder[last] = c.value;
    if (isP) this.rebalance(state, c.state, [c.way!], 1 - c.value, at);
  }

  private changeWaitingRoom(c: Extract<PlanChange, { change: 'waiting-room' }>, state: StateConfig, at: string): void {
    const meta = (state.meta ??= {});
    if (!this.claim(`waiting-room:${c.state}`, at, `Changing the waiting room of ${c.state}`)) return;
    if (c.places === null) delete meta.waitingRoom;
    else if (c.places !== undefined) meta.waitingRoom = c.places;
    if (c.patience === null) delete meta.patience;
    else if (c.patience !== undefined) meta.patience = c.patience;
  }

  private changeCapacity(c: Extract<PlanChange, { change: 'capacity' }>, state: StateConfig, at: string): void {
    const meta = (state.meta ??= {});
    if (!this.claim(`capacity:${c.state}`, at, `Changing the capacity of ${c.state}`)) return;
    if (!meta.capacity && c.servers === undefined) return void this.fail(at, `${c.state} has no capacity to change.`, 'Give servers to add one.');
    const capacity = { ...((meta.capacity as Record<string, unknown> | undefined) ?? {}) };
    if (c.servers !== undefined) capacity.servers = c.servers;
    if (c.schedule === null) delete capacity.schedule;
    else if (c.schedule) capacity.schedule = c.schedule;
    if (c.queue) capacity.queue = c.queue;
    meta.capacity = capacity;
  }

  private rebalance(state: StateConfig, path: string, fixed: string[], room: number, at: string): void {
    const others = Object.keys(state.on ?? {}).filter((e) => !fixed.includes(e));
    const ways = others.map((e) => this.findWay(state, path, e, at)!);
    const old = ways.map((w) => (ways.length === 1 && w.meta?.p === undefined ? 1 : w.meta?.p));
    if (room < -1e-12) return void this.fail(at, `the probabilities given for ${path} add up to more than 1 (${(1 - room).toFixed(3)}).`);
    if (!old.every((p): p is number => typeof p === 'number')) return void this.fail(at, `the other ways out of ${path} have no probabilities to rebalance.`);
    const sum = old.reduce((a, b) => a + b, 0);
    if (sum <= 0)
      return void this.fail(
        at,
        `the other ways out of ${path} have probability 0, so there is nothing to scale.`,
        'Give every way out its probability instead of rebalance.',
      );
    ways.forEach((w, k) => setP(w, (old[k]! * Math.max(0, room)) / sum));
  }

  private addService(c: AddService, at: string): void {
    const cut = c.state.lastIndexOf('.');
    const parentPath = c.state.slice(0, cut);
    const key = c.state.slice(cut + 1);
    if (this.states.has(c.state)) return void this.fail(at, `there is already a state ${c.state}.`, 'Give the new service another name.');
    const parent = cut > 0 ? this.states.get(parentPath) : undefined;
    if (!parent || !parent.states) {
      const hint = suggestPath(
        parentPath,
        [...this.states.keys()].filter((p) => this.states.get(p)!.states),
      );
      return void this.fail(at, `a new service goes inside an agency, but ${parentPath || 'its parent'} is not a state with states inside it.`, hint);
    }
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key))
      return void this.fail(at, `"${key}" is not a usable state name.`, 'Use letters and digits, such as directBooking.');
    if (!this.claim(`state:${c.state}`, at, `Adding ${c.state}`)) return;
    const node: StateConfig = {
      description: c.description,
      meta: { function: c.function, ...(c.duration ? { duration: c.duration } : {}), ...(c.capacity ? { capacity: c.capacity } : {}) },
      on: {},
    };
    parent.states[key] = node;
    this.states.set(c.state, node);
    const plan = this.plan;
    this.pending.push(() => {
      // Resolved after every plan's new states exist; problems are still the adding plan's.
      this.plan = plan;
      for (const [event, w] of Object.entries(c.ways)) {
        const target = this.targetOf(w.to, `${at}.ways.${event}.to`);
        if (target) node.on![event] = { target, ...(w.p !== undefined ? { meta: { p: w.p } } : {}) };
      }
    });
  }
}

/** Whether two claims touch the same thing: a rebalance of a state's ways touches every probability there. */
function conflicts(a: string, b: string): boolean {
  const [ka, sa, ea] = a.split(':');
  const [kb, sb, eb] = b.split(':');
  if (sa !== sb || ka === 'demand' || kb === 'demand') return false;
  if (ka === 'p' && kb === 'p') return ea === '*' || eb === '*';
  // Adding or removing a way clashes with anything else done to that way, and with a rebalance.
  if (ka === 'way' || kb === 'way') {
    const other = ka === 'way' ? { k: kb, e: eb } : { k: ka, e: ea };
    const mine = ka === 'way' ? ea : eb;
    return (other.k === 'p' || other.k === 'target') && (other.e === mine || other.e === '*');
  }
  return false;
}

function setP(way: Way, p: number): void {
  way.meta = { ...(way.meta ?? {}), p };
}

const durationFields: Record<string, string[]> = {
  fixed: ['value'],
  exponential: ['mean'],
  lognormal: ['median', 'p90'],
  triangular: ['min', 'mode', 'max'],
  gamma: ['mean', 'sd'],
};

function scaleDuration(d: Record<string, unknown>, scale: number): Record<string, unknown> {
  const out = { ...d };
  for (const f of durationFields[d.dist as string] ?? []) if (typeof out[f] === 'number') out[f] = (out[f] as number) * scale;
  if ((d.dist === 'empirical' || d.dist === 'quantiles') && Array.isArray(d.values)) out.values = d.values.map((v) => (typeof v === 'number' ? v * scale : v));
  return out;
}

/** Every state config by its full path. */
function indexStates(config: MachineConfig): Map<string, StateConfig> {
  const index = new Map<string, StateConfig>();
  const visit = (node: StateConfig, path: string) => {
    index.set(path, node);
    for (const [key, child] of Object.entries(node.states ?? {})) visit(child, `${path}.${key}`);
  };
  visit(config as StateConfig, String(config.id ?? '(machine)'));
  return index;
}

/** A deep copy of plain objects and lists; functions and other values are shared. */
function cloneConfig<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneConfig) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneConfig(v)])) as T;
  }
  return value;
}

/** "Did you mean …" for a state path that does not exist. */
export function suggestPath(path: string, paths: string[]): string {
  const last = path.split('.').pop()!.toLowerCase();
  const sameName = paths.filter((p) => p.split('.').pop()!.toLowerCase() === last);
  const byDistance = paths.map((p) => ({ p, d: distance(p, path) })).sort((a, b) => a.d - b.d);
  // The nearest, and any others nearly as near.
  const ranked = sameName.length ? sameName : byDistance.filter((x) => x.d <= byDistance[0]!.d + 1).map((x) => x.p);
  return `Did you mean ${ranked.slice(0, 3).join(' or ')}? State paths start with the model id and name every state on the way, such as ${paths[1] ?? paths[0]}.`;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = next;
    }
  }
  return row[b.length]!;
}
