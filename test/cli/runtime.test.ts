import test from 'node:test';
import assert from 'node:assert/strict';
import { stopOnInterrupt } from '../../src/cli/runtime.js';

// (stderr is no terminal here: no new line before the stop line, as progress lines end each with one.)
test('one Ctrl-C inside a job that listens already (demo, then its prepare step) is said once', () => {
  const said: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string | Uint8Array): boolean => said.push(String(chunk)) > 0) as typeof process.stderr.write;
  const outer = stopOnInterrupt('demo');
  const inner = stopOnInterrupt('prepare');
  try {
    process.emit('SIGINT', 'SIGINT');
  } finally {
    inner.dispose();
    outer.dispose();
    process.stderr.write = write;
  }
  assert.equal(outer.requested() && inner.requested(), true, 'both stop');
  assert.deepEqual(said, ['demo: stopping after the current step (Ctrl-C again to quit at once)\n']);
  assert.equal(inner.exitCode(), 130);
});
