import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { checkModel } from '../../src/model/checkModel.ts';
import { toCareMachine } from '../../src/model/defineCareModel.ts';

/** A valid two-step model: ask for help, get treated, go home. Tests break one thing at a time. */
function model(overrides: Record<string, unknown> = {}, states: Record<string, unknown> = {}) {
  return toCareMachine({
    id: 'm',
    meta: { title: 'Test', description: 'A test model.' },
    initial: 'ask',
    states: {
      ask: {
        description: 'Asks for help.',
        meta: { agency: 'person', function: 'seek-help' },
        on: { TO_GP: { target: 'gp', meta: { p: 0.5 } }, TO_ED: { target: 'ed', meta: { p: 0.5 } } },
      },
      gp: { description: 'Sees a GP.', meta: { agency: 'gp', function: 'treat' }, on: { DONE: 'home' } },
      ed: { description: 'Goes to ED.', meta: { agency: 'ed', function: 'emergency-treatment' }, on: { DONE: 'home' } },
      home: { type: 'final', description: 'Home.', meta: { agency: 'person', outcome: 'home' } },
      ...states,
    },
    ...overrides,
  });
}

const codes = (m: ReturnType<typeof model>) => checkModel(m).diagnostics.map((d) => `${d.severity} ${d.code} ${d.path}`);

describe('checkModel', () => {
  it('passes a valid model with no diagnostics', () => {
    const result = checkModel(model());
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.graph?.nodes.map((n) => n.id)).toEqual(['m.ask', 'm.gp', 'm.ed', 'm.home']);
  });

  it('reports an atomic state with no agency, with its path', () => {
    expect(codes(model({}, { gp: { description: 'Sees a GP.', meta: { function: 'treat' }, on: { DONE: 'home' } } }))).toContain('error missing-agency m.gp');
  });

  it('inherits the agency from the nearest ancestor that declares one', () => {
    const m = model(
      {},
      {
        gp: { meta: { agency: 'gp' }, initial: 'see', states: { see: { description: 'Sees a GP.', meta: { function: 'treat' }, on: { DONE: '#m.home' } } } },
      },
    );
    const result = checkModel(m);
    expect(result.diagnostics).toEqual([]);
    expect(result.graph?.nodes.find((n) => n.id === 'm.gp.see')?.agency).toBe('gp');
  });

  it('reports an agency missing from the declared list', () => {
    const m = model({
      meta: {
        title: 'T',
        description: 'D',
        agencies: [
          { id: 'person', label: 'Person' },
          { id: 'gp', label: 'GP' },
        ],
      },
    });
    expect(codes(m)).toEqual(['error unknown-agency m.ed']);
  });

  it('reports a non-final atomic state with no function', () => {
    expect(codes(model({}, { gp: { description: 'Sees a GP.', meta: { agency: 'gp' }, on: { DONE: 'home' } } }))).toEqual(['error missing-function m.gp']);
  });

  it('reports an unknown function against the default list and against a declared list', () => {
    expect(codes(model({}, { gp: { description: 'GP.', meta: { agency: 'gp', function: 'cure' }, on: { DONE: 'home' } } }))).toEqual([
      'error unknown-function m.gp',
    ]);
    const declared = model({
      meta: {
        title: 'T',
        description: 'D',
        functions: [
          { id: 'seek-help', label: 'Seek', description: 'd' },
          { id: 'treat', label: 'Treat', description: 'd' },
        ],
      },
    });
    expect(codes(declared)).toEqual(['error unknown-function m.ed']);
  });

  it('reports probabilities that do not sum to 1, giving the sum', () => {
    const m = model(
      {},
      {
        ask: {
          description: 'Asks.',
          meta: { agency: 'person', function: 'seek-help' },
          on: { TO_GP: { target: 'gp', meta: { p: 0.5 } }, TO_ED: { target: 'ed', meta: { p: 0.4 } } },
        },
      },
    );
    const [d] = checkModel(m).diagnostics;
    expect(d).toMatchObject({ code: 'probability-sum', severity: 'error', path: 'm.ask' });
    expect(d!.message).toContain('sum to 0.9, not 1');
    expect(d!.hint).toContain('0.1 is unaccounted for');
  });

  it('reports a missing probability when there is more than one way out', () => {
    const m = model(
      {},
      { ask: { description: 'Asks.', meta: { agency: 'person', function: 'seek-help' }, on: { TO_GP: { target: 'gp', meta: { p: 0.5 } }, TO_ED: 'ed' } } },
    );
    const [d] = checkModel(m).diagnostics;
    expect(d).toMatchObject({ code: 'probability-missing', path: 'm.ask' });
    expect(d!.message).toContain('"TO_ED"');
  });

  it.each([[-0.2], [1.5], ['half']])('reports an invalid probability (%s) at the state that declares it', (p) => {
    const m = model(
      {},
      {
        ask: {
          description: 'Asks.',
          meta: { agency: 'person', function: 'seek-help' },
          on: { TO_GP: { target: 'gp', meta: { p } }, TO_ED: { target: 'ed', meta: { p: 0.5 } } },
        },
      },
    );
    expect(codes(m)).toEqual(['error probability-invalid m.ask']);
  });

  it('counts ways out inherited from an ancestor', () => {
    const m = model(
      {},
      {
        gp: {
          meta: { agency: 'gp' },
          initial: 'see',
          on: { ESCALATE: { target: '#m.ed', meta: { p: 0.1 } } },
          states: { see: { description: 'Sees a GP.', meta: { function: 'treat' }, on: { DONE: { target: '#m.home', meta: { p: 0.8 } } } } },
        },
      },
    );
    const [d] = checkModel(m).diagnostics;
    expect(d).toMatchObject({ code: 'probability-sum', path: 'm.gp.see' });
    expect(d!.message).toContain('(ESCALATE 0.1, DONE 0.8)');
  });

  it('renormalises the ways out a guard leaves enabled, without an error', () => {
    const m = toCareMachine({
      id: 'g',
      context: { category: 1 },
      initial: 'triage',
      meta: { title: 'T', description: 'D' },
      states: {
        triage: {
          description: 'Triage.',
          meta: { agency: 'a', function: 'assess' },
          on: {
            FAST: { target: 'done', guard: { type: 'equals', params: { key: 'category', value: 1 } }, meta: { p: 0.2 } },
            SLOW: { target: 'done', guard: { type: 'equals', params: { key: 'category', value: 2 } }, meta: { p: 0.5 } },
            ADVICE: { target: 'done', meta: { p: 0.3 } },
          },
        },
        done: { type: 'final', description: 'Done.', meta: { agency: 'a', outcome: 'home' } },
      },
    });
    const { diagnostics, graph } = checkModel(m);
    expect(diagnostics).toEqual([]);
    expect(graph!.nodes[0]!.guardedWays).toBe(1);
    expect(graph!.edges.map((e) => [e.event, e.p])).toEqual([
      ['FAST', 0.4],
      ['ADVICE', 0.6],
    ]);
  });

  it('reports a dead end: a non-final state with no way out', () => {
    expect(codes(model({}, { gp: { description: 'GP.', meta: { agency: 'gp', function: 'treat' } } }))).toEqual(['error dead-end m.gp']);
  });

  it('reports a trap: ways out that only go round in a loop', () => {
    const m = model(
      {},
      {
        gp: { description: 'GP.', meta: { agency: 'gp', function: 'treat' }, on: { REFER: 'loop' } },
        loop: { description: 'Loop.', meta: { agency: 'gp', function: 'follow-up' }, on: { BACK: 'gp' } },
      },
    );
    expect(codes(m)).toEqual(['error trap m.gp', 'error trap m.loop']);
  });

  it('reports a model with no reachable outcome', () => {
    const m = toCareMachine({
      id: 'n',
      meta: { title: 'T', description: 'D' },
      initial: 'a',
      states: { a: { description: 'A.', meta: { agency: 'x', function: 'assess' }, on: { GO: 'a' } } },
    });
    expect(codes(m)).toEqual(['error no-outcome n']);
  });

  it('warns about an unreachable state, once for a whole unreachable agency', () => {
    const m = model(
      {},
      {
        orphan: { description: 'Nobody comes here.', meta: { agency: 'x', function: 'treat' }, on: { DONE: 'home' } },
        lostAgency: { meta: { agency: 'y' }, initial: 'one', states: { one: { description: 'One.', meta: { function: 'treat' }, on: { DONE: '#m.home' } } } },
      },
    );
    expect(codes(m)).toEqual(['warning unreachable-state m.orphan', 'warning unreachable-state m.lostAgency']);
  });

  it.each([
    [{ dist: 'weibull', shape: 2 }, 'not one carepaths knows'],
    [{ dist: 'exponential' }, 'needs mean'],
    [{ dist: 'gamma', mean: -3, sd: 1 }, 'zero or more'],
    [{ dist: 'lognormal', median: 30, p90: 20 }, 'below the median'],
    [{ dist: 'triangular', min: 5, mode: 2, max: 9 }, 'in order'],
    [{ dist: 'empirical', values: [1, 2], weights: [1] }, 'as long as values'],
  ])('reports an invalid duration %j', (duration, words) => {
    const m = model({}, { gp: { description: 'GP.', meta: { agency: 'gp', function: 'treat', duration }, on: { DONE: 'home' } } });
    const [d] = checkModel(m).diagnostics;
    expect(d).toMatchObject({ code: 'invalid-duration', path: 'm.gp' });
    expect(d!.message).toContain(words);
  });

  it('reports an invalid capacity', () => {
    const m = model(
      {},
      { gp: { description: 'GP.', meta: { agency: 'gp', function: 'treat', capacity: { servers: 2, schedule: [1, 2] } }, on: { DONE: 'home' } } },
    );
    expect(codes(m)).toEqual(['error invalid-capacity m.gp']);
  });

  it('reports invalid demand on the model', () => {
    const m = model({ meta: { title: 'T', description: 'D', demand: { perDay: 100, hourly: [1, 2, 3] } } });
    expect(codes(m)).toEqual(['error model-meta m']);
  });

  it('reports invoke and after as features the analysis cannot honour, and warns about always', () => {
    const m = createMachine({
      id: 'f',
      meta: { title: 'T', description: 'D' },
      initial: 'a',
      states: {
        a: { description: 'A.', meta: { agency: 'x', function: 'assess' }, invoke: { src: 'thing' }, on: { GO: 'b' } },
        b: { description: 'B.', meta: { agency: 'x', function: 'treat' }, after: { 1000: 'c' }, on: { GO: 'c' } },
        c: { description: 'C.', meta: { agency: 'x', function: 'treat' }, always: { target: 'd' } },
        d: { type: 'final', description: 'D.', meta: { agency: 'x', outcome: 'home' } },
      },
    });
    const found = checkModel(m).diagnostics.filter((d) => d.code === 'unsupported-feature');
    expect(found.map((d) => `${d.severity} ${d.path}`)).toEqual(['error f.a', 'error f.b', 'warning f.c']);
    expect(found[0]!.hint).toContain('states and events');
  });

  it('stops at the configuration limit with the count and the likely cause', () => {
    const m = toCareMachine({
      id: 'grow',
      meta: { title: 'T', description: 'D' },
      context: { contacts: 0 },
      initial: 'call',
      states: {
        call: {
          description: 'Calls again.',
          meta: { agency: 'x', function: 'receive' },
          on: {
            AGAIN: { target: 'call', reenter: true, actions: { type: 'increment', params: { key: 'contacts' } }, meta: { p: 0.5 } },
            STOP: { target: 'done', meta: { p: 0.5 } },
          },
        },
        done: { type: 'final', description: 'Done.', meta: { agency: 'x', outcome: 'home' } },
      },
    });
    const result = checkModel(m, { maxConfigurations: 50 });
    expect(result.ok).toBe(false);
    expect(result.graph).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ code: 'configuration-limit', path: 'grow' });
    expect(result.diagnostics[0]!.message).toContain('more than 50 configurations');
    expect(result.diagnostics[0]!.message).toContain('context can grow without end');
  });

  it('keeps a capped counter finite, so re-contact loops compile', () => {
    const m = toCareMachine({
      id: 'capped',
      meta: { title: 'T', description: 'D' },
      context: { contacts: 0 },
      initial: 'call',
      states: {
        call: {
          description: 'Calls.',
          meta: { agency: 'x', function: 'receive' },
          on: {
            AGAIN: {
              target: 'call',
              reenter: true,
              guard: { type: 'below', params: { key: 'contacts', value: 2 } },
              actions: { type: 'increment', params: { key: 'contacts' } },
              meta: { p: 0.5 },
            },
            STOP: { target: 'done', meta: { p: 0.5 } },
          },
        },
        done: { type: 'final', description: 'Done.', meta: { agency: 'x', outcome: 'home' } },
      },
    });
    const { graph, diagnostics } = checkModel(m);
    expect(diagnostics).toEqual([]);
    expect(graph!.nodes.map((n) => n.id)).toEqual([
      'capped.call {"contacts":0}',
      'capped.call {"contacts":1}',
      'capped.done {"contacts":0}',
      'capped.call {"contacts":2}',
      'capped.done {"contacts":1}',
      'capped.done {"contacts":2}',
    ]);
  });

  it('reports an error inside xstate as a diagnostic at the state, not an exception', () => {
    const m = createMachine({
      id: 'x',
      initial: 'a',
      states: {
        a: {
          description: 'A.',
          meta: { agency: 'x', function: 'assess' },
          on: {
            GO: {
              target: 'b',
              guard: () => {
                throw new Error('guard broke');
              },
            },
          },
        },
        b: { type: 'final' },
      },
    });
    const [d] = checkModel(m).diagnostics;
    expect(d).toMatchObject({ code: 'xstate-error', path: 'x.a' });
    expect(d!.message).toContain('guard broke');
  });

  it('warns about final states without an outcome and states without a description', () => {
    const m = model({}, { home: { type: 'final', meta: { agency: 'person' } } });
    expect(codes(m)).toEqual(['warning missing-outcome m.home', 'warning missing-description m.home']);
  });

  it('lists errors before warnings, each in the order of the model', () => {
    const m = model({ meta: { title: 'T' } }, { ed: { meta: { agency: 'ed' }, on: { DONE: 'home' } } });
    expect(codes(m)).toEqual(['error missing-function m.ed', 'warning model-meta m', 'warning missing-description m.ed']);
  });
});
