#!/usr/bin/env node
// The published entry point: registers tsx so that both our TypeScript sources and
// TypeScript models written by users load without a build step, and the hooks that let a model
// anywhere on disk import from 'carepaths' as an ES module (see resolveCarepaths.mjs).
import { register as registerHooks } from 'node:module';
import { register } from 'tsx/esm/api';

register();
registerHooks('./resolveCarepaths.mjs', import.meta.url);
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
