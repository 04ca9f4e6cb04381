/** Exit codes, the same for every command. */
export const exitCodes = {
  /** Done; the model may have warnings. */
  ok: 0,
  /** The model has errors (the messages say where and how to fix them). */
  modelErrors: 1,
  /** The input could not be used: a file that cannot be loaded, or an impossible option. */
  badInput: 2,
  /** carepaths itself went wrong. */
  internal: 70,
} as const;

/** An error the user can act on: its message is shown as it is, and the process exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
