export { builtinGuards, builtinUpdates } from './builtins.ts';
export type { CareContext, CareContextValue } from './builtins.ts';
export { checkModel, rules } from './checkModel.ts';
export type { CheckResult } from './checkModel.ts';
export { defineCareModel, toCareMachine } from './defineCareModel.ts';
export type { CareModelConfig } from './defineCareModel.ts';
export { checkDuration, durationKinds, getMeanMinutes, Z90 } from './duration.ts';
export { defaultFunctions } from './functions.ts';
export type * from './types.ts';
