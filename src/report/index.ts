export { toCount, toPlural } from './formatNumber.ts';
export { toDiagnosticsText, toVerdict } from './toDiagnosticsText.ts';
export { toSummaryText } from './toSummaryText.ts';
