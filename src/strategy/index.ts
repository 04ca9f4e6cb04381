export { applyPlans, suggestPath } from './applyPlans.ts';
export type { MachineConfig, PlanProblem } from './applyPlans.ts';
export { checkMeasure, getMeasureValues, getSelectedNodes } from './getMeasureValues.ts';
export type { MeasureValue } from './getMeasureValues.ts';
export { getMeasureSource, getMeasureUnit, measureCatalogue, toMeasureText, toTargetValue } from './measureCatalogue.ts';
export { parseDocument } from './parseDocument.ts';
export { changeKinds, readPlan } from './readPlan.ts';
export { defaultStrategySimulation, readStrategy } from './readStrategy.ts';
export type * from './types.ts';
