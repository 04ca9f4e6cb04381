/**
 * The stationary distribution of a continuous-time Markov chain given by its transitions, for the
 * exact answers the discrete-event tests are judged against. States are explored from `start` by
 * `next` (each state's ways out with their rates), so a test writes only the chain's rules. Solved
 * by Gauss–Seidel sweeps on πQ = 0 until no probability moves by more than 1e-13.
 */
export function solveCtmc<S>(start: S, next: (s: S) => [S, number][], key: (s: S) => string = (s) => JSON.stringify(s)): { states: S[]; p: Float64Array } {
  const index = new Map<string, number>([[key(start), 0]]);
  const states: S[] = [start];
  const into: { from: number; rate: number }[][] = [[]];
  const outRate: number[] = [];
  for (let i = 0; i < states.length; i++) {
    let total = 0;
    for (const [to, rate] of next(states[i]!)) {
      if (!(rate > 0)) continue;
      const k = key(to);
      let j = index.get(k);
      if (j === undefined) {
        j = states.length;
        index.set(k, j);
        states.push(to);
        into.push([]);
      }
      if (j === i) continue;
      into[j]!.push({ from: i, rate });
      total += rate;
    }
    outRate[i] = total;
  }
  const n = states.length;
  let p = new Float64Array(n).fill(1 / n);
  for (let sweep = 0; sweep < 200_000; sweep++) {
    let moved = 0;
    for (let j = 0; j < n; j++) {
      if (outRate[j] === 0) continue;
      let inflow = 0;
      for (const { from, rate } of into[j]!) inflow += p[from]! * rate;
      const v = inflow / outRate[j]!;
      moved = Math.max(moved, Math.abs(v - p[j]!));
      p[j] = v;
    }
    const total = p.reduce((a, b) => a + b, 0);
    p = p.map((x) => x / total);
    if (moved < 1e-13) break;
  }
  return { states, p };
}

/** The expectation of f under the stationary distribution. */
export const expectation = <S>(solved: { states: S[]; p: Float64Array }, f: (s: S) => number): number =>
  solved.states.reduce((a, s, i) => a + solved.p[i]! * f(s), 0);
