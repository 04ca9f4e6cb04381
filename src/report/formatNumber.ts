/** A whole number with thousands separators, as British readers write it: 12,345. */
export const toCount = (n: number): string => Math.round(n).toLocaleString('en-GB');

/** "1 state", "2 states". */
export const toPlural = (n: number, one: string, many = `${one}s`): string => `${toCount(n)} ${n === 1 ? one : many}`;
