export { createRandom } from './createRandom.ts';
export type { Random } from './createRandom.ts';
export { walkCareGraph } from './walkCareGraph.ts';
export { chooseWayOut } from './chooseWayOut.ts';
export { runReplications, runReplicationJob } from './runReplications.ts';
export type { ReplicationJob, ReplicationPlan, ReplicationRunOptions } from './runReplications.ts';
