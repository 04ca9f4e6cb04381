export { getFunctionalAnalysis } from './getFunctionalAnalysis.ts';
export { getModelSummary } from './getModelSummary.ts';
export type { ModelSummary, SummaryCount } from './getModelSummary.ts';
export type { AgencyRow, FunctionalAnalysis, FunctionCell, FunctionRow, HandoffFlow } from './types.ts';
