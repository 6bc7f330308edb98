// The wasm thread pool's dispatch protocol: every share of a kernel runs exactly once, whether workers join
// or never show up (a worker the OS does not schedule must not hold up the main thread). Real workers joining
// are covered by the 2- and 3-thread backends of the other wasm-*.test.ts files.
import assert from 'node:assert/strict';
import test from 'node:test';
import type { KernelFn } from '../../src/tensor/backends/wasm/kernel-table.js';
import { ThreadPool, type SpawnWorker } from '../../src/tensor/backends/wasm/thread-pool.js';

const emptyModule = new WebAssembly.Module(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
const memory = new WebAssembly.Memory({ initial: 1 });

test('workers that never run: the main thread runs every share itself, once', async () => {
  const absent: SpawnWorker = async () => ({ terminate: () => {} });
  const calls: [number, number][] = [];
  const record: KernelFn = (tid, nt) => void calls.push([tid, nt]);
  const pool = await ThreadPool.start(4, emptyModule, memory, [record], 0, absent);
  for (let round = 0; round < 3; round++) {
    calls.length = 0;
    pool.run(0, true);
    assert.deepEqual(calls.sort((a, b) => a[0] - b[0]), [[0, 4], [1, 4], [2, 4], [3, 4]]);
  }
  calls.length = 0;
  pool.run(0, false);
  assert.deepEqual(calls, [[0, 1]]);
  pool.dispose();
});

test('a failing share on the main thread is rethrown, not swallowed', async () => {
  const absent: SpawnWorker = async () => ({ terminate: () => {} });
  const ran: number[] = [];
  const failing: KernelFn = (tid) => {
    ran.push(tid);
    if (tid === 0) throw new Error('share 0 failed');
  };
  const pool = await ThreadPool.start(2, emptyModule, memory, [failing], 0, absent);
  assert.throws(() => pool.run(0, true), /share 0 failed/);
  pool.dispose();
});
