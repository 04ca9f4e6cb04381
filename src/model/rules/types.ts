import type { CareGraph, StateInfo } from '../../graph/types.ts';
import type { Diagnostic } from '../types.ts';

/** What a rule reads: every state node, and the compiled graph when compilation finished. */
export interface RuleInput {
  /** The model id. */
  modelId: string;
  /** Every state node in document order, with its own meta and what xstate features it uses. */
  states: StateInfo[];
  /** The compiled graph; absent when compilation stopped, so graph rules have nothing to say. */
  graph?: CareGraph;
  /** The machine config as written, for rules about the numbers in it (assumptions). */
  config?: Record<string, unknown>;
}

/** A model check: one concern, returning diagnostics rather than throwing. */
export type Rule = (input: RuleInput) => Diagnostic[];
