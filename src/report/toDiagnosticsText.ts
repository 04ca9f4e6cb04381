import type { Diagnostic } from '../model/types.ts';
import { toPlural } from './formatNumber.ts';

/** One line that says whether a model passed: "no errors, 2 warnings". */
export function toVerdict(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors ? toPlural(errors, 'error') : 'no errors'}, ${toPlural(warnings, 'warning')}`;
}

/** Diagnostics as plain text for a terminal: what, where, and how to fix it. */
export function toDiagnosticsText(file: string, diagnostics: Diagnostic[]): string {
  const lines = [`${file}: ${toVerdict(diagnostics)}`];
  for (const d of diagnostics) {
    lines.push('', `${d.severity === 'error' ? 'Error' : 'Warning'} at ${d.path} (${d.code})`, `  ${d.message}`, `  How to fix: ${d.hint}`);
  }
  return lines.join('\n') + '\n';
}
