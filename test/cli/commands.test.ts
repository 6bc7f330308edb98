import test from 'node:test';
import assert from 'node:assert/strict';
import { commands } from '../../src/cli/commands.js';
import { main } from '../../src/cli/main.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/shared-data.js';

test('each listed command loads the command of its name, and the list names each once', async () => {
  const names = commands.map((c) => c.name);
  assert.equal(new Set(names).size, names.length, `duplicate names in ${names.join(', ')}`);
  for (const entry of commands) {
    const command = await entry.load();
    assert.equal(command.name, entry.name, `the entry '${entry.name}' loads the command '${command.name}'`);
    assert.ok(entry.summary.length > 0);
  }
});

/** What `run` writes to standard output, a string per write. */
async function stdoutOf(run: () => Promise<void>): Promise<string[]> {
  const written: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array): boolean => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    await run();
  } finally {
    process.stdout.write = write;
  }
  return written;
}

test('medbert --help lists every command with its summary', async () => {
  const help = (await stdoutOf(async () => assert.equal(await main(['--help']), 0))).join('');
  for (const entry of commands) assert.match(help, new RegExp(`\\n  ${entry.name} +${entry.summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
});

test('medbert --version prints the package\'s version', async () => {
  const written = await stdoutOf(async () => {
    for (const flag of ['--version', '-v', 'version']) assert.equal(await main([flag]), 0);
  });
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  assert.deepEqual(written, [`medbert ${version}\n`, `medbert ${version}\n`, `medbert ${version}\n`]);
});
