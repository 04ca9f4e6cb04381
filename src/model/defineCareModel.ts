import { assign, setup } from 'xstate';
import { builtinGuards, builtinUpdates, type CareContext } from './builtins.ts';
import type { ModelMeta, StateMeta, TransitionMeta } from './types.ts';

const careSetup = setup({
  types: {
    context: {} as CareContext,
    events: {} as { type: string },
    meta: {} as StateMeta,
    transitionMeta: {} as TransitionMeta,
  },
  guards: builtinGuards,
  actions: { set: assign(builtinUpdates.set), increment: assign(builtinUpdates.increment) },
});

type SetupConfig = Parameters<typeof careSetup.createMachine>[0];

/** A care model's machine config: an xstate config whose root `meta` is the model's own. */
export type CareModelConfig = Omit<SetupConfig, 'meta' | 'id'> & {
  /** The model id; the first part of every state path. */
  id: string;
  /** Title, description, demand, sources and the declared agencies and functions. */
  meta: ModelMeta;
};

/**
 * Builds a care model from an xstate config, so that an editor completes and checks the
 * `meta` annotations (agency, function, duration, capacity, outcome, p) while you write.
 * The built-in guards and actions (`equals`, `oneOf`, `below`, `set`, `increment`) are available.
 */
export function defineCareModel(config: CareModelConfig) {
  return careSetup.createMachine(config as unknown as SetupConfig);
}

/** Builds a machine from a config that has already been read (a JSON model), with the built-ins. */
export function toCareMachine(config: Record<string, unknown>) {
  return careSetup.createMachine(config as unknown as SetupConfig);
}
