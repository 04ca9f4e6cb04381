import type { Rule } from './types.ts';
import type { Diagnostic } from '../types.ts';

const advice: Record<string, { severity: Diagnostic['severity']; message: string; hint: string }> = {
  invoke: {
    severity: 'error',
    message: 'This state invokes an actor (invoke); carepaths cannot follow what an invoked actor does.',
    hint: 'Model the service as states and events instead, with meta.duration for the time it takes.',
  },
  after: {
    severity: 'error',
    message: 'This state uses a delayed transition (after); carepaths measures time with meta.duration, not timers.',
    hint: 'Replace after with an event carrying meta.p, and put the time in meta.duration.',
  },
  always: {
    severity: 'warning',
    message:
      'This state has eventless transitions (always). carepaths follows xstate: a request that enters it takes the first always transition whose guard holds at once, so it passes through without stopping, takes no time and is not a step of any pathway; those transitions carry no probability.',
    hint: 'Use always only to branch on context (a category set earlier); for a choice made by chance, use events with meta.p, and put any time on the states either side.',
  },
  wildcard: {
    severity: 'warning',
    message: 'This state listens for a wildcard event (*); carepaths does not offer wildcard events as ways out.',
    hint: 'Name each event the state accepts.',
  },
  history: {
    severity: 'warning',
    message: 'This is a history state; carepaths follows xstate here, but plain targets are easier for readers to follow.',
    hint: 'Target the state the request returns to directly where you can.',
  },
};

/** xstate features the analysis cannot honour, or honours only partly. */
export const checkFeatures: Rule = ({ states }) => states.flatMap((s) => s.features.map((f) => ({ code: 'unsupported-feature', path: s.path, ...advice[f]! })));
