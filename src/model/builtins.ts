/** Values a model's context may hold: finite, plain data, so that configurations can be counted. */
export type CareContextValue = string | number | boolean | null;
/** A model's context: a patient's category, triage colour, number of contacts so far, … */
export type CareContext = Record<string, CareContextValue>;

export interface KeyValue {
  key: string;
  value: CareContextValue;
}

/**
 * Guards that models written as JSON can name, since JSON carries no code:
 * `guard: { type: 'equals', params: { key: 'category', value: 2 } }`.
 */
export const builtinGuards = {
  /** The context value under `key` equals `value`. */
  equals: ({ context }: { context: CareContext }, params: KeyValue) => context[params.key] === params.value,
  /** The context value under `key` is one of `values`. */
  oneOf: ({ context }: { context: CareContext }, params: { key: string; values: CareContextValue[] }) => params.values.includes(context[params.key] ?? null),
  /** The context value under `key` is below `value` (for counting re-contacts). */
  below: ({ context }: { context: CareContext }, params: { key: string; value: number }) => Number(context[params.key]) < params.value,
};

/**
 * Context updates that models written as JSON can name as actions:
 * `actions: { type: 'set', params: { key: 'category', value: 2 } }` and
 * `actions: { type: 'increment', params: { key: 'contacts' } }`.
 */
export const builtinUpdates = {
  /** Sets the context value under `key` to `value`. */
  set: ({ context }: { context: CareContext }, params: KeyValue): CareContext => ({ ...context, [params.key]: params.value }),
  /** Adds one to the number under `key`. */
  increment: ({ context }: { context: CareContext }, params: { key: string }): CareContext => ({
    ...context,
    [params.key]: Number(context[params.key] ?? 0) + 1,
  }),
};
