import { rmSync } from 'node:fs';

/**
 * Every temporary file or folder carepaths has made and not yet renamed into place. A path is
 * recorded before its first byte is written, so that a failure, Ctrl-C or SIGTERM at any moment
 * can remove it (`removeTemporaryFiles`); carepaths never removes anything else.
 */
const temporary = new Set<string>();

/**
 * While any temporary path is recorded, Ctrl-C (SIGINT) and SIGTERM remove them first and then end
 * the process as the signal would have (exit status 130 or 143). At other times the signals keep
 * their usual effect, so a long calculation stops at once.
 */
const onSignal = (signal: NodeJS.Signals) => {
  removeTemporaryFiles();
  process.kill(process.pid, signal);
};
const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/** Records a temporary path before it is created. */
export function trackTemporary(file: string): void {
  if (temporary.size === 0) for (const s of signals) process.once(s, onSignal);
  temporary.add(file);
}

/** Forgets a temporary path once it has been renamed into place or removed. */
export function releaseTemporary(file: string): void {
  temporary.delete(file);
  if (temporary.size === 0) for (const s of signals) process.removeListener(s, onSignal);
}

/** Removes one temporary path (quietly, if it is already gone) and forgets it. */
export function removeTemporary(file: string): void {
  try {
    rmSync(file, { force: true, recursive: true });
  } catch {
    // Nothing more can be done about a temporary file that cannot be removed.
  }
  releaseTemporary(file);
}

/** Removes every temporary path still recorded: on a failure or an interrupt. */
export function removeTemporaryFiles(): void {
  for (const file of [...temporary]) removeTemporary(file);
}
