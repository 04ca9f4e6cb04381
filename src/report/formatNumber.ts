// Number formats are made once: toLocaleString builds a new formatter on every call, which is
// slow where reports format thousands of numbers.
const countFormat = new Intl.NumberFormat('en-GB');
const fixedFormats: Intl.NumberFormat[] = [];
const fixedFormat = (digits: number) => (fixedFormats[digits] ??= new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits }));

/** A whole number with thousands separators, as British readers write it: 12,345. */
export const toCount = (n: number | bigint): string => countFormat.format(typeof n === 'bigint' ? n : Math.round(n));

/** "1 state", "2 states". */
export const toPlural = (n: number, one: string, many = `${one}s`): string => `${toCount(n)} ${n === 1 ? one : many}`;

/** A probability as a percentage with sensible precision: 17.4%, 0.12%, under 0.01%. */
export function toPercent(p: number): string {
  const percent = p * 100;
  if (percent === 0) return '0%';
  if (percent < 0.01) return 'under 0.01%';
  if (percent >= 1) return `${percent.toFixed(1)}%`;
  return `${Number(percent.toPrecision(2))}%`;
}

/** A share as "17 in every 100", or "4 in every 1,000" when small, or "fewer than 1 in every 1,000". */
export function toInEvery(p: number): string {
  if (p * 100 >= 1) return `${Math.round(p * 100)} in every 100`;
  if (p * 1000 >= 0.5) return `${Math.round(p * 1000)} in every 1,000`;
  return p > 0 ? 'fewer than 1 in every 1,000' : 'none';
}

/** Minutes as a reader says them: "about 25 minutes", "about 4 hours 10 minutes", "about 2 days 3 hours". */
export function toDuration(minutes: number): string {
  if (minutes < 1) return minutes <= 0 ? 'no time' : 'under a minute';
  if (minutes < 60) return `about ${toPlural(Math.round(minutes), 'minute')}`;
  if (minutes < 24 * 60) {
    const rounded = Math.round(minutes / 5) * 5;
    const h = Math.floor(rounded / 60);
    const m = rounded % 60;
    return `about ${toPlural(h, 'hour')}${m ? ` ${toPlural(m, 'minute')}` : ''}`;
  }
  const hours = Math.round(minutes / 60);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return `about ${toPlural(d, 'day')}${h ? ` ${toPlural(h, 'hour')}` : ''}`;
}

/** The same without "about", for a box or a column that says it once: "25 minutes", "4 hours 10 minutes". */
export const toShortDuration = (minutes: number): string => toDuration(minutes).replace(/^about /, '');

/** A number for a table: up to `digits` decimals, trailing zeros dropped, thousands separated. */
export const toFixedTrim = (n: number, digits = 1): string => fixedFormat(digits).format(Number(n.toFixed(digits)));
