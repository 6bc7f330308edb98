#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('medbert: not built yet: run `npm install` (or `npm run build`) in the medbert folder first\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
// A safety net: whatever a command leaves open (a socket of a failed rendezvous, a worker), the process ends.
setTimeout(() => process.exit(), 2000).unref();
