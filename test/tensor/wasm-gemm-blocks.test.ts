// The GEMM work split: blocks cover C in whole micro-tiles, and on several threads the last thread finishes
// close to the ideal (total work / threads) for the training step's shapes. (That the split never changes a
// result is wasm-gemm.test.ts's bit-identity across 1, 2 and 3 threads.)
import assert from 'node:assert/strict';
import test from 'node:test';
import { gemmBlocks, lastFinish } from '../../src/tensor/backends/wasm/gemm-blocks.js';

const STEP_SHAPES: [number, number, number][] = [
  [256, 256, 2048], [1024, 256, 2048], [256, 1024, 2048], [2048, 256, 256], [2048, 1024, 256], [2048, 256, 1024],
  [304, 8000, 256], [8000, 256, 304], [304, 256, 256],
];

function cuts(total: number, block: number): number[] {
  const out: number[] = [];
  for (let at = 0; at < total; at += block) out.push(Math.min(block, total - at));
  return out;
}

test('blocks are whole micro-tiles and one thread keeps the L2-sized row block', () => {
  for (const [m, n, k] of [...STEP_SHAPES, [5, 3, 7], [1, 1, 1], [97, 13, 4000]] as [number, number, number][]) {
    for (const threads of [1, 2, 3, 8]) {
      const { mc, nc } = gemmBlocks(1, m, n, k, 6, 8, threads);
      assert.equal(mc % 6, 0, `${m}x${n}x${k}/${threads}: mc ${mc}`);
      assert.equal(nc % 8, 0, `${m}x${n}x${k}/${threads}: nc ${nc}`);
      assert.ok(mc >= 6 && nc >= 8, `${m}x${n}x${k}/${threads}: ${mc}x${nc}`);
    }
  }
  assert.deepEqual(gemmBlocks(1, 2048, 256, 256, 6, 8, 1), { mc: 126, nc: 256 });
  assert.deepEqual(gemmBlocks(1, 2048, 256, 1024, 6, 8, 1), { mc: 96, nc: 256 });
});

test('on 2 and 3 threads the last thread finishes within 1% of the ideal on the step shapes', () => {
  for (const [m, n, k] of STEP_SHAPES) {
    for (const threads of [2, 3]) {
      const { mc, nc } = gemmBlocks(1, m, n, k, 6, 8, threads);
      const finish = lastFinish(1, cuts(m, mc), cuts(n, nc), threads);
      const ideal = (m * n) / threads;
      assert.ok(finish <= 1.01 * ideal, `${m}x${n}x${k} on ${threads}: last thread at ${(finish / ideal).toFixed(3)} of ideal (${mc}x${nc})`);
    }
  }
  // the old split (4 items per thread, full-size row blocks: 11 items) finished 1024×256×2048 6% late on 2 threads
  assert.ok(lastFinish(1, cuts(1024, 96), cuts(256, 256), 2) > 1.05 * (1024 * 256) / 2);
});
