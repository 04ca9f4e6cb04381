export { defaultModelPath, loadModel } from './loadModel.ts';
export type { LoadResult } from './loadModel.ts';
export { writeFileAtomic } from './writeFileAtomic.ts';
export { createOutput } from './createOutput.ts';
export type { Output } from './createOutput.ts';
