// Buffers of the WebGPU backend: zero-filled allocation (also when a pooled buffer is reused), ordering of
// host writes against queued kernels, clear errors on use after free, foreign buffers and overflowing
// writes, no device-memory growth over a training-like loop, grids beyond 65535 workgroups, dispose.
// Skips when Dawn finds no adapter.
import assert from 'node:assert/strict';
import test from 'node:test';
import { ReferenceBackend } from '../../src/tensor/backends/reference/index.js';
import { sizeClass } from '../../src/tensor/backends/webgpu/buffer-pool.js';
import { tryCreateWebGpuBackend } from '../../src/tensor/backends/webgpu/index.js';
import { scatterPlan } from '../../src/tensor/backends/webgpu/gather-plan.js';

const created = await tryCreateWebGpuBackend();
const skip = typeof created === 'string' ? created : false;
const gpu = typeof created === 'string' ? null : created;
test.after(() => gpu?.dispose());

test('size classes waste at most a quarter; the scatter plan groups positions by row in index order', () => {
  for (const bytes of [1, 256, 257, 1000, 4096, 4097, 123456, 1 << 20]) {
    const c = sizeClass(bytes, 1 << 30);
    assert.ok(c >= bytes && (bytes <= 256 || c <= bytes * 1.25), `${bytes} -> ${c}`);
    assert.equal(c % 4, 0);
  }
  assert.equal(sizeClass(1000, 512), 1000, 'never below the request');
  // rows 4, 1, 4, 2, 1 → groups [4, 1, 2], starts [0, 2, 4, 5], positions [0, 2 | 1, 4 | 3]
  assert.deepEqual(Array.from(scatterPlan(Int32Array.from([4, 1, 4, 2, 1])).plan), [4, 1, 2, 0, 2, 4, 5, 0, 2, 1, 4, 3]);
});

test('alloc zero-fills, even a reused buffer; writes land in order with queued kernels', { skip }, async () => {
  const be = gpu!;
  const before = be.allocatedBytes();
  const a = be.alloc(1000);
  be.fill(a, 3, 1000);
  be.free(a);
  const b = be.alloc(1000);
  assert.equal(be.stats.deviceBytes > 0, true);
  assert.deepEqual(await be.read(b), new Float32Array(1000));
  assert.equal(be.allocatedBytes() - before, 4000);
  // fill, then a host write over part of it, then a kernel that reads both: all in call order
  be.fill(b, 1, 1000);
  be.write(b, [5, 6], 10);
  be.scale(b, 2, b, 1000);
  const got = await be.read(b);
  assert.deepEqual([got[0], got[9], got[10], got[11], got[12], got[999]], [2, 2, 10, 12, 2, 2]);
  // two reads in flight at once
  const c = be.alloc(3);
  be.write(c, [1, 2, 3]);
  const [x, y] = await Promise.all([be.read(b), be.read(c)]);
  assert.equal(x[10], 10);
  assert.deepEqual(Array.from(y), [1, 2, 3]);
  await be.sync();
  be.free(b);
  be.free(c);
  assert.equal(be.allocatedBytes(), before);
  assert.deepEqual(await be.read(be.alloc(0)), new Float32Array(0));
});

test('use after free, double free, foreign buffers, overflowing writes and oversized tensors throw clear errors', { skip }, async () => {
  const be = gpu!;
  const a = be.alloc(4), out = be.alloc(4);
  be.free(a);
  assert.throws(() => be.add(a, out, out, 4), /webgpu backend: add: buffer used after free/);
  assert.throws(() => be.free(a), /buffer used after free/);
  await assert.rejects(be.read(a), /buffer used after free/);
  const foreign = new ReferenceBackend().alloc(4);
  assert.throws(() => be.add(foreign, out, out, 4), /buffer belongs to backend 'reference'/);
  assert.throws(() => be.write(out, [1, 2, 3, 4, 5]), /write of 5 at 0 overflows buffer of 4/);
  assert.throws(() => be.add(out, out, out, 5), /add: a needs 5 elements but its buffer has 4/);
  assert.throws(() => be.alloc(be.maxTensorBytes / 4 + 1), /exceeds this adapter's largest buffer/);
  be.free(out);
});

test('a training-like loop does not grow device memory, and its loss falls', { skip }, async () => {
  const be = gpu!;
  const rows = 32, cols = 48, hidden = 64;
  const w = be.alloc(cols * hidden), x = be.alloc(rows * cols);
  be.write(x, Float32Array.from({ length: rows * cols }, (_, i) => Math.sin(i)));
  be.write(w, Float32Array.from({ length: cols * hidden }, (_, i) => Math.cos(i) * 0.05));
  const m = be.alloc(cols * hidden), v = be.alloc(cols * hidden);
  const labels = Int32Array.from({ length: rows }, (_, i) => (i * 7) % hidden);
  let device = 0, firstLoss = 0, lastLoss = 0;
  for (let step = 1; step <= 30; step++) {
    const logits = be.alloc(rows * hidden), loss = be.alloc(1), lse = be.alloc(rows), dl = be.alloc(1);
    const dLogits = be.alloc(rows * hidden), dw = be.alloc(cols * hidden);
    be.gemm({ batch: 1, m: rows, n: hidden, k: cols, a: x, transA: false, b: w, transB: false, strideA: 0, strideB: 0,
      c: logits, bias: null, alpha: 1, accumulate: false });
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
    for (const b of [logits, loss, lse, dl, dLogits, dw]) be.free(b);
    if (step === 2) device = be.stats.deviceBytes;
    else if (step > 2) assert.equal(be.stats.deviceBytes, device, `device bytes changed at step ${step}`);
  }
  assert.ok(lastLoss < firstLoss * 0.5, `loss should fall: ${firstLoss} -> ${lastLoss}`);
  // emptying the pool keeps live tensors intact
  be.trimPool();
  assert.equal(be.stats.pooledBytes, 0);
  const wv = await be.read(w);
  assert.ok(wv.every(Number.isFinite) && wv.some((q) => q !== 0));
  for (const b of [w, x, m, v]) be.free(b);
});

test("a step's freed buffers stay pooled for the next step, even past the pool's limit; a change of shapes trims", { skip }, async () => {
  const MiB = 1 << 20;
  const be = await tryCreateWebGpuBackend({ poolLimitBytes: MiB });
  if (typeof be === 'string') return;
  try {
    const step = (count: number, floats: number): void => {
      const bufs = Array.from({ length: count }, () => be.alloc(floats));
      for (const b of bufs) be.free(b);
    };
    step(4, MiB / 4);
    assert.equal(be.stats.pooledBytes, 4 * MiB, 'all four 1 MiB buffers pooled (4 MiB > the 1 MiB limit, = the peak in use)');
    const device = be.stats.deviceBytes;
    step(4, MiB / 4);
    assert.equal(be.stats.deviceBytes, device, 'the second step created no buffer');
    step(6, 300_000);
    assert.ok(be.stats.deviceBytes < device + 6 * 1_200_000, `other shapes beyond the peak emptied the pool (${be.stats.deviceBytes} bytes)`);
  } finally {
    be.dispose();
  }
});

test('grids beyond 65535 workgroups fold into two dimensions', { skip }, async () => {
  const be = gpu!;
  const n = 65536 * 256 + 6;
  const a = be.alloc(n), s = be.alloc(1);
  be.fill(a, 0.5, n);
  be.sum(a, s, n, false);
  const got = await be.read(a);
  assert.equal(got[n - 1], 0.5);
  assert.equal(got[n - 300], 0.5);
  assert.equal((await be.read(s))[0], n / 2, "sum of halves (exact in f32)");
  be.free(a);
  be.free(s);
  // one workgroup per row: 65600 rows fold too
  const rows = 65600, x = be.alloc(2 * rows), y = be.alloc(2 * rows);
  be.write(x, Float32Array.from({ length: 2 * rows }, (_, i) => (i % 2 === 0 ? 0 : Math.log(3))));
  be.softmaxForward(x, y, rows, 2);
  const p = await be.read(y);
  for (const r of [0, 65534, 65535, 65536, rows - 1]) {
    assert.ok(Math.abs(p[2 * r]! - 0.25) < 1e-6 && Math.abs(p[2 * r + 1]! - 0.75) < 1e-6, `softmax row ${r}: ${p[2 * r]}, ${p[2 * r + 1]}`);
  }
  be.free(x);
  be.free(y);
});

test("the device has the adapter's own limits (largest binding and buffer, offset alignment), not WebGPU's defaults", { skip }, () => {
  const be = gpu!;
  const requested = be.info.requestedLimits;
  for (const name of ['maxStorageBufferBindingSize', 'maxBufferSize', 'minStorageBufferOffsetAlignment', 'maxComputeWorkgroupStorageSize']) {
    assert.equal(typeof requested[name], 'number', `${name} requested`);
    assert.equal(be.deviceLimits[name as 'maxBufferSize'], requested[name], `${name} granted at the adapter's value`);
  }
  assert.equal(be.limits.maxBytes, Math.floor(Math.min(requested['maxStorageBufferBindingSize']!, requested['maxBufferSize']!) / 4) * 4);
  assert.equal(be.maxTensorBytes, Math.min(requested['maxBufferSize']!, 2 ** 33));
});

test("a tensor above the adapter's own binding limit is used through windows", { skip }, async () => {
  const be = gpu!;
  const n = be.limits.maxBytes / 4 + 1000;
  if (n > 2 ** 26) return; // a discrete GPU's limit (often 2 GiB and more): too big for a test
  const a = be.alloc(n), s = be.alloc(1), tail = be.alloc(8);
  be.fill(a, 0.25, n);
  be.sum(a, s, n, false);
  assert.equal((await be.read(s))[0], n / 4, 'sum of quarters (exact in f32)');
  be.write(a, [1, 2, 3, 4, 5, 6, 7, 8], n - 8);
  be.copy(a, n - 8, tail, 0, 8);
  assert.deepEqual(Array.from(await be.read(tail)), [1, 2, 3, 4, 5, 6, 7, 8]);
  for (const b of [a, s, tail]) be.free(b);
  be.trimPool();
});

test('calls after dispose() throw', { skip }, async () => {
  const other = await tryCreateWebGpuBackend();
  assert.ok(typeof other !== 'string');
  assert.match(other.info.adapter, /./);
  const a = other.alloc(4);
  other.dispose();
  assert.throws(() => other.alloc(4), /webgpu backend: alloc after dispose\(\)/);
  await assert.rejects(other.read(a), /read after dispose\(\)/);
});
