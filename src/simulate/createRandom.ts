import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A stream of random numbers in [0, 1), reproducible from its seed and stream number. */
export interface Random {
  /** The next number, uniform in [0, 1). */
  next(): number;
}

/**
 * A seeded stream (xoroshiro128+ from pure-rand). Streams with the same seed and different
 * `stream` numbers are independent: each is jumped 2^64 steps ahead of the one before.
 */
export function createRandom(seed: number, stream = 0): Random {
  const rng = xoroshiro128plus(seed);
  for (let i = 0; i < stream; i++) rng.jump();
  return { next: () => uniformFloat64(rng) };
}
