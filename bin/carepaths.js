#!/usr/bin/env node
// The published entry point: carepaths runs compiled (dist/). Models written in TypeScript load
// through tsx, which loadModel registers when the first one is read.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('carepaths: this copy has not been built yet. Run npm run build (npm ci and npm install do it for you).\n');
  process.exit(70);
}
const { main: run } = await import(main.href);
await run(process.argv);
