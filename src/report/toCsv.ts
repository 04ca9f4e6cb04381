/** One CSV field, quoted as RFC 4180 asks when it holds a comma, quote or line break. */
export function toCsvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, ended with CRLF as RFC 4180 asks. */
export const toCsvRow = (values: (string | number | boolean | null | undefined)[]): string => values.map(toCsvField).join(',') + '\r\n';
