#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('medbert: not built yet: run `npm install` (or `npm run build`) in the medbert folder first\n');
  process.exit(2);
}
// prepare's V8 settings before anything runs (see tuneV8ForPrepare: set later, they can crash V8).
const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (command === 'prepare' || command === 'demo') {
  const { tuneV8ForPrepare } = await import(new URL('../dist/src/cli/runtime.js', import.meta.url).href);
  tuneV8ForPrepare();
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
// A safety net: whatever a command leaves open (a socket of a failed rendezvous, a worker), the process ends.
setTimeout(() => process.exit(), 2000).unref();
