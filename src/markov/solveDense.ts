/**
 * Solves A x = b in place for a small dense system (row-major, size s), by Gaussian elimination
 * with partial pivoting. Returns x in `b`. A is overwritten.
 */
export function solveDense(a: Float64Array, b: Float64Array, s: number): void {
  for (let col = 0; col < s; col++) {
    let pivot = col;
    for (let r = col + 1; r < s; r++) if (Math.abs(a[r * s + col]!) > Math.abs(a[pivot * s + col]!)) pivot = r;
    if (a[pivot * s + col] === 0) throw new Error('solveDense: singular matrix (a loop no request can leave)');
    if (pivot !== col) {
      for (let k = 0; k < s; k++) [a[col * s + k], a[pivot * s + k]] = [a[pivot * s + k]!, a[col * s + k]!];
      [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    }
    const d = a[col * s + col]!;
    for (let r = col + 1; r < s; r++) {
      const f = a[r * s + col]! / d;
      if (f === 0) continue;
      for (let k = col; k < s; k++) a[r * s + k]! -= f * a[col * s + k]!;
      b[r]! -= f * b[col]!;
    }
  }
  for (let r = s - 1; r >= 0; r--) {
    let sum = b[r]!;
    for (let k = r + 1; k < s; k++) sum -= a[r * s + k]! * b[k]!;
    b[r] = sum / a[r * s + r]!;
  }
}
