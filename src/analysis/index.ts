export { getFunctionalAnalysis } from './getFunctionalAnalysis.ts';
export { getHandoffSteps } from './getHandoffSteps.ts';
export type { HandoffSteps } from './getHandoffSteps.ts';
export { getModelSummary } from './getModelSummary.ts';
export type { ModelSummary, SummaryCount } from './getModelSummary.ts';
export type { AgencyRow, FunctionalAnalysis, FunctionCell, FunctionRow, HandoffFlow } from './types.ts';
export { getComparison } from './getComparison.ts';
export type { AgencyWorkload, ChangeStatus, Comparison, ObjectiveComparison, ObjectiveValue, PlanFindings } from './getComparison.ts';
