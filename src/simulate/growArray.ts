/** A copy of a typed array with room for `size` entries (the first ones copied over). */
export function growArray<T extends Int32Array | Float64Array | Uint8Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(size);
  bigger.set(array);
  return bigger;
}
