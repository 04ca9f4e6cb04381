import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

type Generator = ReturnType<typeof xoroshiro128plus>;

/** A stream of random numbers in [0, 1), reproducible from its seed and stream number. */
export interface Random {
  /** The next number, uniform in (0, 1), in steps of 2^-32 (never 0 or 1, so logarithms are safe). */
  next(): number;
  /**
   * The second standard normal of the last Box–Muller pair, kept for the next normal draw (NaN
   * when there is none). It lives on the stream, so engines sharing a stream stay in step.
   */
  spareNormal: number;
}

/**
 * A seeded stream (xoroshiro128+ from pure-rand). Streams with the same seed and different
 * `stream` numbers are independent: each is jumped 2^64 steps ahead of the one before.
 *
 * xoroshiro128+ seeded straight from a small number starts badly mixed (its first output is close
 * to 1 for seeds 0, 1, 2, …), so the seed is scrambled first and the first outputs are discarded.
 * Each uniform takes one 32-bit output (the midpoint of its step): fine enough for simulation, and
 * about a third faster than building 53-bit doubles from two outputs.
 */
export function createRandom(seed: number, stream = 0): Random {
  const rng = xoroshiro128plus(scramble(seed));
  for (let i = 0; i < stream; i++) rng.jump();
  for (let i = 0; i < WARM_UP; i++) rng.next();
  return new SeededRandom(rng);
}

/**
 * A class, not an object of closures: every stream's `next` is then the same function, so the
 * simulation's call sites stay monomorphic from one replication to the next (a new closure per
 * stream made V8 throw away its optimised code at each replication).
 */
class SeededRandom implements Random {
  spareNormal = Number.NaN;
  constructor(private readonly rng: Generator) {}
  next(): number {
    return ((this.rng.next() >>> 0) + 0.5) * TWO_TO_MINUS_32;
  }
}

const WARM_UP = 16;
const TWO_TO_MINUS_32 = 2 ** -32;

/** MurmurHash3's 32-bit finaliser: nearby seeds give unrelated starting states. */
function scramble(seed: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
