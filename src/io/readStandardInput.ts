import { fstatSync } from 'node:fs';

/** Everything on standard input, as text. */
export async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * True when something was piped or redirected into standard input: a file with content, or a
 * pipe that delivers data within `waitMs` (a pipe that is closed at once, or stays silent, is not).
 * A terminal, /dev/null or a closed input is not.
 */
export async function hasPipedInput(waitMs = 250): Promise<boolean> {
  let stats;
  try {
    stats = fstatSync(0);
  } catch {
    return false;
  }
  if (stats.isFile()) return stats.size > 0;
  if (!stats.isFIFO() && !stats.isSocket()) return false;
  return new Promise((resolve) => {
    const stdin = process.stdin;
    const finish = (piped: boolean) => {
      clearTimeout(timer);
      stdin.removeAllListeners('data').removeAllListeners('end');
      stdin.destroy();
      resolve(piped);
    };
    const timer = setTimeout(() => finish(false), waitMs);
    stdin.once('data', () => finish(true));
    stdin.once('end', () => finish(false));
  });
}
