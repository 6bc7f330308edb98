// A stand-in for the medbert CLI in a rank thread started by launchRankThreads (the launcher tests): joins the
// ring and does a few all-reduces; `crash` or `hang` as the first argument makes rank 1 (or the third argument)
// misbehave. Loaded by the test runner as a file of its own too, where it does nothing.
import { isMainThread } from 'node:worker_threads';
import { allReduceSmall } from '../../src/dist/collectives.js';
import { joinRing } from '../../src/dist/join.js';
import { rankFromEnv } from '../../src/dist/launch.js';

const env = rankFromEnv();
if (!isMainThread && env !== null) {
  const [behaviour, timeoutMs, badRank] = process.argv.slice(2);
  const ring = await joinRing(env, Number(timeoutMs));
  const bad = env.rank === Number(badRank ?? 1);
  if (bad && behaviour === 'crash') process.exit(3);
  if (bad && behaviour === 'hang') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  try {
    for (let i = 0; i < 3; i++) await allReduceSmall(ring, Float64Array.of(env.rank));
  } catch (error) {
    process.stderr.write(`fake rank ${env.rank}: ${(error as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    ring.close();
  }
}
