import test from 'node:test';
import assert from 'node:assert/strict';
import { Progress } from '../../src/cli/progress.js';

/** Runs fn with process.stderr.write captured; returns what was written. */
async function captureStderr(fn: () => Promise<void>): Promise<string> {
  const original = process.stderr.write.bind(process.stderr);
  let written = '';
  process.stderr.write = ((chunk: string | Uint8Array): boolean => {
    written += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stderr.write;
  try {
    await fn();
  } finally {
    process.stderr.write = original;
  }
  return written;
}

test('progress of a resumed run counts only the steps done since it started (rate and ETA)', async (t) => {
  if (process.stderr.isTTY) return t.skip('stderr is a terminal: the plain progress lines are not written');
  const out = await captureStderr(async () => {
    const progress = new Progress('pretrain', 'steps', 0);
    progress.start(4000, 2000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    progress.update({ done: 2001, total: 4000 });
  });
  const m = /2001\/4000 steps, ([\d.e+-]+) steps\/s, ETA (\d+)s/.exec(out);
  assert.ok(m, `no progress line in ${JSON.stringify(out)}`);
  // One step in about 50 ms is about 20 steps/s, and counting the 2,000 resumed steps would give ~40,000: the bounds
  // sit far from both, so that a timer firing a little early (49 ms gave 20.4) does not decide the test.
  assert.ok(Number(m[1]) <= 1000, `rate ${m[1]}`);
  assert.ok(Number(m[2]) >= 1999 / 1000, `ETA ${m[2]}`);
});
