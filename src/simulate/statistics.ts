/** Two-sided 95% quantiles of Student's t for 1 to 30 degrees of freedom; 1.96 beyond. */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069,
  2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** A mean with its 95% confidence interval over replications (t distribution); [mean, mean] for one. */
export function toMeanInterval(values: number[]): { mean: number; ci95: [number, number] } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, ci95: [mean, mean] };
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const half = (T95[n - 2] ?? 1.96) * Math.sqrt(variance / n);
  return { mean, ci95: [mean - half, mean + half] };
}

/** A proportion's 95% Wilson interval, for a single replication of `n` trials. */
export function toWilsonInterval(successes: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.959963984540054;
  const p = successes / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * A share's 95% interval over replications: the replications' t interval, widened where needed to
 * hold the Wilson score interval of the pooled counts (so a share seen 0 times in every replication
 * still gets an upper bound), and always within 0 to 1.
 */
export function toShareInterval(perReplication: number[], successes: number, trials: number): { mean: number; ci95: [number, number] } {
  const { mean, ci95 } = toMeanInterval(perReplication);
  const [low, high] = toWilsonInterval(successes, trials);
  return { mean, ci95: [Math.max(0, Math.min(ci95[0], low)), Math.min(1, Math.max(ci95[1], high))] };
}

/** An interval clamped to 0 to 1, for a share whose counts are not to hand. */
export const toShareBounds = ([low, high]: [number, number]): [number, number] => [Math.max(0, low), Math.min(1, high)];
