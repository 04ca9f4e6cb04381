// Run from the TypeScript source, workers do not inherit tsx's loader on Node 20: register it,
// then run the worker. The compiled package starts replicationWorker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./replicationWorker.ts');
