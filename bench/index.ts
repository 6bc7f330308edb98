// `npm run bench -- NAME [--json] [options]`: runs bench/NAME.ts's `run(argv)`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [name, ...rest] = process.argv.slice(2);
if (name === undefined || name === '--help') {
  process.stdout.write('Usage: npm run bench -- NAME [--json] [options]   (NAME: a file in bench/, e.g. gemm, tokenizer)\n');
  process.exit(name === undefined ? 2 : 0);
}
const url = new URL(`./${name}.js`, import.meta.url);
if (!/^[a-z0-9-]+$/.test(name) || !existsSync(fileURLToPath(url))) {
  process.stderr.write(`bench: no benchmark named '${name}' (bench/${name}.ts)\n`);
  process.exit(2);
}
// As `medbert prepare` runs: V8's settings for it first thing in the process (see tuneV8ForPrepare).
if (name === 'prepare') (await import('../src/cli/runtime.js')).tuneV8ForPrepare();
const mod = (await import(url.href)) as { run: (argv: string[]) => Promise<void> };
await mod.run(rest);
