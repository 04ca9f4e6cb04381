#!/usr/bin/env node
// The published entry point: registers tsx so that both our TypeScript sources and
// TypeScript models written by users load without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
