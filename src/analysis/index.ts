export { getModelSummary } from './getModelSummary.ts';
export type { ModelSummary, SummaryCount } from './getModelSummary.ts';
