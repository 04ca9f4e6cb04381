import fc from 'fast-check';

/**
 * Generated care models for property tests: agencies as compound states with atomic services,
 * transitions between any of them (inherited ones on the agencies too), guarded alternatives over
 * a counter capped by those guards, an optional parallel agency, and one or two outcomes. Probabilities are set so
 * that each state's declared ways out sum to 1, so the models also pass the check when no guard bites.
 */
export interface ArbitraryModelOptions {
  /** Largest number of agencies. */
  maxAgencies?: number;
  /** Largest number of services in an agency. */
  maxServices?: number;
  /** Allow guards and a counter in the context. */
  guards?: boolean;
  /** Allow a parallel agency. */
  parallel?: boolean;
}

const EVENTS = ['A', 'B', 'C', 'D'] as const;

interface Way {
  event: (typeof EVENTS)[number];
  target: number;
  guarded: boolean;
  increments: boolean;
}

export function arbitraryModelConfig(options: ArbitraryModelOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const { maxAgencies = 4, maxServices = 3, guards = true, parallel = true } = options;
  const way = fc.record({
    event: fc.constantFrom(...EVENTS),
    target: fc.nat(),
    guarded: guards ? fc.boolean() : fc.constant(false),
    increments: guards ? fc.boolean() : fc.constant(false),
  });
  return fc
    .record({
      agencies: fc.array(fc.array(fc.array(way, { maxLength: 3 }), { minLength: 1, maxLength: maxServices }), { minLength: 1, maxLength: maxAgencies }),
      inherited: fc.array(fc.option(way, { nil: undefined }), { minLength: maxAgencies, maxLength: maxAgencies }),
      finals: fc.integer({ min: 1, max: 2 }),
      withParallel: parallel ? fc.boolean() : fc.constant(false),
    })
    .map(({ agencies, inherited, finals, withParallel }) => buildConfig(agencies, inherited, finals, withParallel, guards));
}

function buildConfig(agencies: Way[][][], inherited: (Way | undefined)[], finals: number, withParallel: boolean, guards: boolean): Record<string, unknown> {
  const targets: string[] = [];
  agencies.forEach((services, a) => services.forEach((_, s) => targets.push(`#gen.a${a}.s${s}`)));
  for (let f = 0; f < finals; f++) targets.push(`#gen.out${f}`);
  if (withParallel) targets.push('#gen.par');
  agencies.forEach((_, a) => targets.push(`#gen.a${a}`));

  const toOn = (ways: Way[]) => {
    const on: Record<string, unknown[]> = {};
    ways.forEach((w) => {
      const transition: Record<string, unknown> = { target: targets[w.target % targets.length], meta: { p: 1 / ways.length } };
      if (w.guarded) transition.guard = { type: 'below', params: { key: 'n', value: 2 } };
      if (w.guarded && w.increments) transition.actions = { type: 'increment', params: { key: 'n' } };
      (on[w.event] ??= []).push(transition);
    });
    return on;
  };

  const states: Record<string, unknown> = {};
  agencies.forEach((services, a) => {
    const children: Record<string, unknown> = {};
    services.forEach((ways, s) => {
      // Every service can also finish, so most generated models reach an outcome.
      children[`s${s}`] = { description: `Service ${s}.`, meta: { function: 'treat' }, on: { ...toOn(ways), FINISH: { target: '#gen.out0', meta: { p: 0 } } } };
    });
    const parentWay = inherited[a];
    states[`a${a}`] = {
      meta: { agency: `agency${a}` },
      initial: 's0',
      ...(parentWay ? { on: toOn([parentWay]) } : {}),
      states: children,
    };
  });
  if (withParallel) {
    states.par = {
      type: 'parallel',
      meta: { agency: 'parallel' },
      onDone: '#gen.out0',
      states: {
        left: {
          initial: 'x',
          states: {
            x: { description: 'Left.', meta: { function: 'assess' }, on: { A: 'y', B: '#gen.a0' } },
            y: { type: 'final', description: 'Left done.', meta: { outcome: 'home' } },
          },
        },
        right: {
          initial: 'x',
          states: {
            x: { description: 'Right.', meta: { function: 'assess' }, on: { C: 'y' } },
            y: { type: 'final', description: 'Right done.', meta: { outcome: 'home' } },
          },
        },
      },
    };
  }
  for (let f = 0; f < finals; f++) states[`out${f}`] = { type: 'final', description: `Outcome ${f}.`, meta: { agency: 'person', outcome: `outcome${f}` } };
  return {
    id: 'gen',
    meta: { title: 'Generated', description: 'A generated model.' },
    ...(guards ? { context: { n: 0 } } : {}),
    initial: 'a0',
    states,
  };
}
