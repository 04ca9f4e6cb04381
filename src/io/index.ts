export { defaultModelPath, loadModel } from './loadModel.ts';
export type { LoadResult } from './loadModel.ts';
export { writeFileAtomic } from './writeFileAtomic.ts';
