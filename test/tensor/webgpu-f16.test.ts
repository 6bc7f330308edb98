// f16 GEMM operands (shader-f16, MEDBERT_WEBGPU_F16=1): on an adapter without the feature (llvmpipe) asking
// for it is a clear error naming the adapter; on one with it, GEMMs match the reference within f16 rounding
// of the operands (fp32 accumulation). Skips when Dawn finds no adapter at all.
import assert from 'node:assert/strict';
import test from 'node:test';
import { ReferenceBackend } from '../../src/tensor/backends/reference/index.js';
import { tryCreateWebGpuBackend } from '../../src/tensor/backends/webgpu/index.js';
import { assertClose, runCase, seededInputs, type Case } from './kernel-harness.js';

const got = await tryCreateWebGpuBackend({ f16: true });
const skip = typeof got === 'string' && got.startsWith('no WebGPU adapter found') ? got : false;

test('f16 GEMMs: a clear error without shader-f16, else within f16 rounding of the reference', { skip }, async () => {
  if (typeof got === 'string') {
    assert.match(got, /f16 GEMM operands were asked for \(MEDBERT_WEBGPU_F16=1\), but the adapter \(.+\) does not offer 'shader-f16'/);
    return;
  }
  try {
    assert.equal(got.info.f16, true);
    const { rand } = seededInputs(5);
    const ref = new ReferenceBackend();
    for (const [m, n, k, transA, transB] of [[70, 90, 130, false, false], [33, 17, 300, true, true]] as const) {
      const c: Case = { name: `f16 gemm ${m}x${n}x${k}`, buffers: { A: rand(m * k), B: rand(k * n), C: rand(m * n), bias: rand(n) },
        check: ['C'], run: (be, b) => be.gemm({ batch: 1, m, n, k, a: b['A']!, transA, b: b['B']!, transB, strideA: 0, strideB: 0,
          c: b['C']!, bias: b['bias']!, alpha: 1, accumulate: false }) };
      const want = await runCase(ref, c);
      const have = await runCase(got, c);
      // each operand in [-1, 1] is off by at most 2^-11 after rounding: a product by 2^-10, a sum of k by k·2^-10
      assertClose(have['C']!, want['C']!, k * 2 ** -10, 0, c.name);
    }
  } finally {
    got.dispose();
  }
});
