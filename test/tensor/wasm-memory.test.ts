// Buffers of the wasm backend: zero-filled allocation, reuse after free, no memory growth over a training-like
// loop of 100 steps, clear errors on use after free, foreign buffers, and writes past the end.
import assert from 'node:assert/strict';
import test from 'node:test';
import { ReferenceBackend } from '../../src/tensor/backends/reference/index.js';
import { createWasmBackend, relaxedSimdSupported } from '../../src/tensor/backends/wasm/index.js';

test('alloc zero-fills, even memory reused from a freed buffer', async () => {
  const be = await createWasmBackend({ threads: 1 });
  try {
    const a = be.alloc(1000);
    be.fill(a, 3, 1000);
    be.free(a);
    const b = be.alloc(1000);
    assert.deepEqual(await be.read(b), new Float32Array(1000));
    assert.equal(be.allocatedBytes(), 4000);
    be.free(b);
    assert.equal(be.allocatedBytes(), 0);
  } finally {
    be.dispose();
  }
});

test('reused memory reads as zeros wherever a kernel did not overwrite it (zeros are filled lazily)', async () => {
  const be = await createWasmBackend({ threads: 1 });
  try {
    const n = 1000;
    const junk = (): void => {
      const j = be.alloc(4 * n);
      be.fill(j, 7, 4 * n);
      be.free(j);
    };
    const ones = be.alloc(n);
    be.fill(ones, 1, n);
    // a kernel that writes only part of its output: the rest must be zeros, not the freed buffer's sevens
    junk();
    const part = be.alloc(n);
    be.add(ones, ones, part, n - 10);
    const p = await be.read(part);
    assert.deepEqual([p[0], p[n - 11], p[n - 10], p[n - 1]], [2, 2, 0, 0]);
    // kernels that accumulate into their output start from zeros
    junk();
    const acc = be.alloc(n);
    be.axpy(0.5, ones, acc, n);
    assert.deepEqual(await be.read(acc), new Float32Array(n).fill(0.5));
    junk();
    const col = be.alloc(8);
    be.sumRows(ones, col, 5, 8, true);
    assert.deepEqual(await be.read(col), new Float32Array(8).fill(5));
    // a copy into the middle and a partial write leave zeros around them
    junk();
    const mid = be.alloc(n);
    be.copy(ones, 0, mid, 100, 10);
    const m = await be.read(mid);
    assert.deepEqual([m[99], m[100], m[109], m[110]], [0, 1, 1, 0]);
    junk();
    const w = be.alloc(n);
    be.write(w, [3, 3], 5);
    const wr = await be.read(w);
    assert.deepEqual([wr[4], wr[5], wr[6], wr[7]], [0, 3, 3, 0]);
    // a whole overwrite (gemm without accumulate) skips the fill and gives the product alone
    junk();
    const c = be.alloc(4);
    be.gemm({ batch: 1, m: 2, n: 2, k: 2, a: ones, transA: false, b: ones, transB: false, strideA: 0, strideB: 0,
      c, bias: null, alpha: 1, accumulate: false });
    assert.deepEqual(await be.read(c), new Float32Array(4).fill(2));
    junk();
    const c2 = be.alloc(4);
    be.gemm({ batch: 1, m: 2, n: 2, k: 2, a: ones, transA: false, b: ones, transB: false, strideA: 0, strideB: 0,
      c: c2, bias: null, alpha: 1, accumulate: true });
    assert.deepEqual(await be.read(c2), new Float32Array(4).fill(2));
    for (const b of [ones, part, acc, col, mid, w, c, c2]) be.free(b);
  } finally {
    be.dispose();
  }
});

test('use after free, double free, foreign buffers and overflowing writes throw clear errors', async () => {
  const be = await createWasmBackend({ threads: 1 });
  try {
    const a = be.alloc(4), out = be.alloc(4);
    be.free(a);
    assert.throws(() => be.add(a, out, out, 4), /wasm-.*: add: buffer used after free/);
    assert.throws(() => be.free(a), /buffer used after free/);
    await assert.rejects(be.read(a), /buffer used after free/);
    const foreign = new ReferenceBackend().alloc(4);
    assert.throws(() => be.add(foreign, out, out, 4), /buffer belongs to backend 'reference'/);
    assert.throws(() => be.write(out, [1, 2, 3, 4, 5]), /write of 5 at 0 overflows buffer of 4/);
    assert.throws(() => be.add(out, out, out, 5), /add: a needs 5 elements but its buffer has 4/);
  } finally {
    be.dispose();
  }
});

test('a training-like loop does not grow memory over 100 steps', async () => {
  const be = await createWasmBackend({ threads: 2 });
  try {
    const rows = 64, cols = 96, hidden = 128;
    const w = be.alloc(cols * hidden), x = be.alloc(rows * cols);
    be.write(x, Float32Array.from({ length: rows * cols }, (_, i) => Math.sin(i)));
    be.write(w, Float32Array.from({ length: cols * hidden }, (_, i) => Math.cos(i) * 0.05));
    const m = be.alloc(cols * hidden), v = be.alloc(cols * hidden);
    const labels = Int32Array.from({ length: rows }, (_, i) => (i * 7) % hidden);
    let bytes = 0, memory = 0, firstLoss = 0, lastLoss = 0;
    for (let step = 1; step <= 100; step++) {
      // forward: logits = x·w, loss = CE; backward: dlogits, dw = xᵀ·dlogits; AdamW
      const logits = be.alloc(rows * hidden), loss = be.alloc(1), lse = be.alloc(rows), dl = be.alloc(1);
      const dLogits = be.alloc(rows * hidden), dw = be.alloc(cols * hidden), act = be.alloc(rows * hidden);
      be.gemm({ batch: 1, m: rows, n: hidden, k: cols, a: x, transA: false, b: w, transB: false, strideA: 0, strideB: 0,
        c: logits, bias: null, alpha: 1, accumulate: false });
      be.geluForward(logits, act, rows * hidden);
      be.crossEntropyForward(logits, labels, -100, loss, lse, rows, hidden);
      be.fill(dl, 1, 1);
      be.crossEntropyBackward(logits, labels, -100, lse, dl, dLogits, rows, hidden);
      be.gemm({ batch: 1, m: cols, n: hidden, k: rows, a: x, transA: true, b: dLogits, transB: false, strideA: 0, strideB: 0,
        c: dw, bias: null, alpha: 1, accumulate: false });
      be.adamw({ n: cols * hidden, param: w, grad: dw, m, v, lr: 1e-2, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0,
        step, gradScale: 1 });
      const l = (await be.read(loss))[0]!;
      if (step === 1) firstLoss = l;
      lastLoss = l;
      for (const b of [logits, loss, lse, dl, dLogits, dw, act]) be.free(b);
      if (step === 2) {
        bytes = be.allocatedBytes();
        memory = be.memoryBytes();
      } else if (step > 2) {
        assert.equal(be.allocatedBytes(), bytes, `allocated bytes changed at step ${step}`);
        assert.equal(be.memoryBytes(), memory, `wasm memory grew at step ${step}`);
      }
    }
    assert.ok(lastLoss < firstLoss * 0.5, `loss should fall: ${firstLoss} -> ${lastLoss}`);
  } finally {
    be.dispose();
  }
});

test('MEDBERT_THREADS sets the default thread count', async () => {
  const saved = process.env['MEDBERT_THREADS'];
  process.env['MEDBERT_THREADS'] = '3';
  try {
    const be = await createWasmBackend();
    assert.equal(be.threads, 3);
    be.dispose();
    const one = await createWasmBackend({ threads: 1 });
    assert.equal(one.threads, 1);
    one.dispose();
    process.env['MEDBERT_THREADS'] = 'lots';
    await assert.rejects(createWasmBackend(), /MEDBERT_THREADS must be a positive integer, got 'lots'/);
  } finally {
    if (saved === undefined) delete process.env['MEDBERT_THREADS'];
    else process.env['MEDBERT_THREADS'] = saved;
  }
});

test('the chosen build is named; the plain-SIMD build can be forced; calls after dispose() throw', async () => {
  const auto = await createWasmBackend({ threads: 1 });
  assert.match(auto.name, /^wasm-(relaxed-simd|simd)$/);
  if (relaxedSimdSupported()) assert.equal(auto.name, 'wasm-relaxed-simd');
  auto.dispose();
  assert.throws(() => auto.alloc(4), /wasm-.*: alloc after dispose\(\)/);
  const plain = await createWasmBackend({ threads: 2, build: 'simd' });
  assert.equal(plain.name, 'wasm-simd');
  assert.equal(plain.threads, 2);
  plain.dispose();
});
