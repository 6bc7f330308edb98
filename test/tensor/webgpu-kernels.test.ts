// Every kernel of the WebGPU backend against the reference backend on random inputs (odd sizes, size 1),
// forward and backward, plus determinism (a rerun gives the same bits). Runs on any adapter Dawn finds; on a
// machine without a GPU that is Mesa's llvmpipe (slow, so sizes stay small). Skips when there is no adapter.
import assert from 'node:assert/strict';
import test from 'node:test';
import type { GemmArgs } from '../../src/tensor/backend.js';
import { ReferenceBackend } from '../../src/tensor/backends/reference/index.js';
import { tryCreateWebGpuBackend } from '../../src/tensor/backends/webgpu/index.js';
import { assertClose, runCase, seededInputs, type Case, type Values } from './kernel-harness.js';

const created = await tryCreateWebGpuBackend();
const skip = typeof created === 'string' ? created : false;
const gpu = typeof created === 'string' ? null : created;
test.after(() => gpu?.dispose());

const { rand, ints } = seededInputs(12345);

const ref = new ReferenceBackend();

/** Runs on the reference and (twice) on the GPU: close to the reference, identical bits across runs. */
async function verify(c: Case, rerun = false): Promise<void> {
  const want = await runCase(ref, c);
  const got = await runCase(gpu!, c);
  for (const k of c.check) assertClose(got[k]!, want[k]!, c.atol ?? 1e-6, c.rtol ?? 1e-5, `${c.name} ${k}`);
  if (!rerun) return;
  const again = await runCase(gpu!, c);
  for (const k of c.check) {
    assert.deepEqual(new Uint32Array(again[k]!.buffer), new Uint32Array(got[k]!.buffer), `${c.name} ${k}: rerun differs in bits`);
  }
}

const SIZES = [1, 7, 97, 1031, 70001];
const ROW_SHAPES: [number, number][] = [[1, 1], [1, 7], [3, 5], [13, 97], [2, 1031], [70, 300]];

test('elementwise: add, mul, scale, axpy, fill, copy (also in place)', { skip }, async () => {
  for (const n of SIZES) {
    const bufs = (): Values => ({ a: rand(n + 3), b: rand(n + 3), out: rand(n + 3, 5, 6) });
    await verify({ name: `add ${n}`, buffers: bufs(), check: ['out'], run: (be, b) => be.add(b.a!, b.b!, b.out!, n) });
    await verify({ name: `mul ${n}`, buffers: bufs(), check: ['out'], run: (be, b) => be.mul(b.a!, b.b!, b.out!, n) });
    await verify({ name: `scale ${n}`, buffers: bufs(), check: ['out'], run: (be, b) => be.scale(b.a!, -1.7, b.out!, n) });
    await verify({ name: `axpy ${n}`, buffers: bufs(), check: ['b'], run: (be, b) => be.axpy(0.3, b.a!, b.b!, n) });
    await verify({ name: `fill ${n}`, buffers: bufs(), check: ['out'], run: (be, b) => be.fill(b.out!, 2.5, n) });
    await verify({ name: `copy ${n}`, buffers: { a: rand(n + 5), out: rand(n + 9) }, check: ['out'],
      run: (be, b) => be.copy(b.a!, 2, b.out!, 7, n) });
    // one buffer as input and output of one kernel (WebGPU forbids binding it both ways: the backend copies)
    await verify({ name: `in place ${n}`, buffers: bufs(), check: ['a'], run: (be, b) => {
      be.add(b.a!, b.b!, b.a!, n);
      be.mul(b.a!, b.a!, b.a!, n);
      be.scale(b.a!, 0.5, b.a!, n);
      be.axpy(2, b.a!, b.a!, n);
    } });
  }
  await verify({ name: 'copy within one buffer', buffers: { a: rand(40) }, check: ['a'], run: (be, b) => be.copy(b.a!, 30, b.a!, 3, 10) });
});

test('activations: gelu (erf form), tanh, forward and backward', { skip }, async () => {
  for (const n of [1, 7, 97, 4099]) {
    const x = rand(n, -6, 6);
    if (n > 4) x.set([0, -0, 10, -10, 1e-8].slice(0, Math.min(5, n)));
    await verify({ name: `gelu fwd ${n}`, buffers: { x, y: rand(n) }, check: ['y'], atol: 5e-7, rtol: 2e-6,
      run: (be, b) => be.geluForward(b.x!, b.y!, n) });
    await verify({ name: `gelu bwd ${n}`, buffers: { x, dy: rand(n), dx: rand(n) }, check: ['dx'], atol: 5e-7, rtol: 2e-6,
      run: (be, b) => be.geluBackward(b.x!, b.dy!, b.dx!, n) });
    await verify({ name: `tanh fwd ${n}`, buffers: { x, y: rand(n) }, check: ['y'], atol: 2e-7, rtol: 1e-6,
      run: (be, b) => be.tanhForward(b.x!, b.y!, n) });
    await verify({ name: `tanh bwd ${n}`, buffers: { y: rand(n), dy: rand(n), dx: rand(n) }, check: ['dx'],
      run: (be, b) => be.tanhBackward(b.y!, b.dy!, b.dx!, n) });
  }
});

test('dropout masks match the reference bit for bit', { skip }, async () => {
  for (const n of [1, 97, 70001]) {
    for (const [p, seed] of [[0, 1], [0.1, 42], [0.5, 0xdeadbeef], [0.9, 7]] as const) {
      const c: Case = { name: `dropout ${n} p=${p}`, buffers: { x: rand(n), y: rand(n) }, check: ['y'], atol: 0, rtol: 2e-7,
        run: (be, b) => be.dropoutForward(b.x!, b.y!, n, p, seed) };
      await verify(c);
      await verify({ ...c, name: `dropout bwd ${n} p=${p}`, run: (be, b) => be.dropoutBackward(b.x!, b.y!, n, p, seed) });
      // the same elements are zero on both sides
      const got = (await runCase(gpu!, c))['y']!, want = (await runCase(ref, c))['y']!;
      for (let i = 0; i < n; i++) assert.equal(got[i] === 0, want[i] === 0, `dropout ${n} p=${p}: mask differs at ${i}`);
    }
  }
});

test('reductions: sum, sumSquares, sumRows (accumulate too), deterministic', { skip }, async () => {
  for (const n of [0, 1, 7, 4096, 4097, 70001]) {
    for (const accumulate of [false, true]) {
      await verify({ name: `sum ${n}`, buffers: { x: rand(n), out: rand(1) }, check: ['out'], atol: 1e-5,
        run: (be, b) => be.sum(b.x!, b.out!, n, accumulate) }, true);
      await verify({ name: `sumSquares ${n}`, buffers: { x: rand(n), out: rand(1) }, check: ['out'], atol: 1e-5,
        run: (be, b) => be.sumSquares(b.x!, b.out!, n, accumulate) });
    }
  }
  for (const [rows, cols] of [...ROW_SHAPES, [0, 3], [200, 65]] as [number, number][]) {
    for (const accumulate of [false, true]) {
      await verify({ name: `sumRows ${rows}x${cols}`, buffers: { x: rand(rows * cols), out: rand(cols) }, check: ['out'],
        atol: 1e-5, run: (be, b) => be.sumRows(b.x!, b.out!, rows, cols, accumulate) }, true);
    }
  }
});

test('transpose', { skip }, async () => {
  for (const [batch, rows, cols] of [[1, 1, 1], [1, 3, 5], [2, 33, 65], [3, 17, 16]]) {
    const n = batch! * rows! * cols!;
    await verify({ name: `transpose ${batch}x${rows}x${cols}`, buffers: { x: rand(n), out: rand(n) }, check: ['out'], atol: 0,
      rtol: 0, run: (be, b) => be.transpose(b.x!, b.out!, batch!, rows!, cols!) });
  }
});

test('layerNorm forward and backward (dgamma/dbeta accumulate)', { skip }, async () => {
  for (const [rows, cols] of ROW_SHAPES) {
    const n = rows * cols;
    const x = rand(n, -3, 5);
    const fwd: Case = { name: `layerNorm fwd ${rows}x${cols}`, check: ['y', 'mean', 'rstd'], atol: 2e-5, rtol: 2e-5,
      buffers: { x, g: rand(cols, 0.5, 1.5), bt: rand(cols), y: rand(n), mean: rand(rows), rstd: rand(rows) },
      run: (be, b) => be.layerNormForward(b.x!, b.g!, b.bt!, b.y!, b.mean!, b.rstd!, rows, cols, 1e-12) };
    await verify(fwd);
    const { mean, rstd } = await runCase(ref, fwd);
    const dy = rand(n), g = rand(cols, 0.5, 1.5);
    // dx = rstd·(dy·γ − mean(dy·γ) − ...) cancels to ~0 on a constant row (1 column), where rstd = 1/√eps = 1e6:
    // whether the GPU fuses dy·γ − mean into one FMA (NVIDIA does) moves dx by rstd × one rounding of dy·γ.
    // The tolerance carries that term, negligible (< 1e-6) on every other shape, where rstd ≈ 0.3.
    const roundingOfProduct = Math.max(...dy.map((v, i) => Math.abs(v * g[i % cols]!))) * 2 ** -23;
    const atol = 2e-5 + 2 * Math.max(...rstd!) * roundingOfProduct;
    await verify({
      name: `layerNorm bwd ${rows}x${cols}`, check: ['dx', 'dg', 'db'], atol, rtol: 1e-4,
      buffers: { dy, x, mean: mean!, rstd: rstd!, g, dx: rand(n), dg: rand(cols), db: rand(cols) },
      run: (be, b) => be.layerNormBackward(b.dy!, b.x!, b.mean!, b.rstd!, b.g!, b.dx!, b.dg!, b.db!, rows, cols),
    }, true);
  }
});

test('softmax forward and backward', { skip }, async () => {
  for (const [rows, cols] of ROW_SHAPES) {
    const n = rows * cols;
    const x = rand(n, -20, 20);
    if (n > 2) x[1] = -3.4028234663852886e38;
    await verify({ name: `softmax fwd ${rows}x${cols}`, buffers: { x, y: rand(n) }, check: ['y'], atol: 1e-7, rtol: 1e-5,
      run: (be, b) => be.softmaxForward(b.x!, b.y!, rows, cols) });
    await verify({ name: `softmax bwd ${rows}x${cols}`, buffers: { y: rand(n, 0, 1), dy: rand(n), dx: rand(n) }, check: ['dx'],
      atol: 1e-5, run: (be, b) => be.softmaxBackward(b.y!, b.dy!, b.dx!, rows, cols) });
  }
});

test('gatherRows and scatterAddRows (duplicates summed in index order, bit for bit)', { skip }, async () => {
  for (const [rows, cols, count] of [[1, 1, 1], [5, 3, 9], [50, 97, 200]]) {
    const idx = ints(count!, rows!);
    idx[0] = rows! - 1;
    await verify({ name: `gather ${rows}x${cols} ${count}`, buffers: { t: rand(rows! * cols!), out: rand(count! * cols!) },
      check: ['out'], atol: 0, rtol: 0, run: (be, b) => be.gatherRows(b.t!, idx, b.out!, cols!) });
    await verify({ name: `scatterAdd ${rows}x${cols} ${count}`, buffers: { g: rand(count! * cols!), t: rand(rows! * cols!) },
      check: ['t'], atol: 0, rtol: 0, run: (be, b) => be.scatterAddRows(b.g!, idx, b.t!, cols!) });
  }
  const t = gpu!.alloc(6), out = gpu!.alloc(3);
  assert.throws(() => gpu!.gatherRows(t, Int32Array.from([2]), out, 3), /gatherRows: index 2 at position 0 is outside 0\.\.1/);
  gpu!.free(t);
  gpu!.free(out);
});

test('softmax cross-entropy forward and backward, ignore index', { skip }, async () => {
  for (const [rows, cols] of [[1, 1], [1, 5], [4, 7], [9, 1031], [2, 30000]] as [number, number][]) {
    const labels = ints(rows, cols);
    if (rows > 2) labels[1] = -100;
    const x = rand(rows * cols, -8, 8);
    const c: Case = {
      name: `ce fwd ${rows}x${cols}`, buffers: { x, loss: rand(1), lse: rand(rows) }, check: ['loss', 'lse'], atol: 1e-5,
      run: (be, b) => be.crossEntropyForward(b.x!, labels, -100, b.loss!, b.lse!, rows, cols),
    };
    await verify(c);
    const lse = (await runCase(ref, c))['lse']!;
    await verify({
      name: `ce bwd ${rows}x${cols}`, buffers: { x, lse, dl: Float32Array.of(0.7), g: rand(rows * cols) }, check: ['g'],
      atol: 1e-8, rtol: 1e-5, run: (be, b) => be.crossEntropyBackward(b.x!, labels, -100, b.lse!, b.dl!, b.g!, rows, cols),
    });
  }
  const all = Int32Array.from([-100, -100]);
  await verify({ name: 'ce all ignored', buffers: { x: rand(6), loss: rand(1), lse: rand(2), dl: Float32Array.of(1), g: rand(6) },
    check: ['loss', 'g'], run: (be, b) => {
      be.crossEntropyForward(b.x!, all, -100, b.loss!, b.lse!, 2, 3);
      be.crossEntropyBackward(b.x!, all, -100, b.lse!, b.dl!, b.g!, 2, 3);
    } });
});

test('AdamW update', { skip }, async () => {
  for (const n of [1, 97, 4099]) {
    for (const step of [1, 10]) {
      await verify({
        name: `adamw ${n} step ${step}`, check: ['p', 'm', 'v'], atol: 1e-7, rtol: 1e-5,
        buffers: { p: rand(n), g: rand(n), m: rand(n, -0.1, 0.1), v: rand(n, 0, 0.01) },
        run: (be, b) => be.adamw({ n, param: b.p!, grad: b.g!, m: b.m!, v: b.v!, lr: 1e-3, beta1: 0.9, beta2: 0.999,
          eps: 1e-6, weightDecay: 0.01, step, gradScale: 0.5 }),
      });
    }
  }
});

// ---- GEMM ----

interface GemmSpec {
  batch: number; m: number; n: number; k: number; transA: boolean; transB: boolean;
  broadcastA: boolean; broadcastB: boolean; bias: boolean; alpha: number; accumulate: boolean;
}
const base: GemmSpec = { batch: 1, m: 1, n: 1, k: 1, transA: false, transB: false, broadcastA: false, broadcastB: false,
  bias: false, alpha: 1, accumulate: false };

async function checkGemm(s: GemmSpec): Promise<void> {
  const A = rand((s.broadcastA ? 1 : s.batch) * s.m * s.k), B = rand((s.broadcastB ? 1 : s.batch) * s.k * s.n);
  const label = JSON.stringify(s);
  // inputs in [-1, 1]: a sum of k products has rounding error well under 1e-6·k in f32
  const tol = 2e-6 * s.k * Math.abs(s.alpha) + 2e-6;
  await verify({
    name: label, buffers: { A, B, C: rand(s.batch * s.m * s.n), bias: rand(Math.max(1, s.n)) }, check: ['C'], atol: tol, rtol: 1e-6,
    run: (be, b) => {
      const args: GemmArgs = { batch: s.batch, m: s.m, n: s.n, k: s.k, a: b.A!, transA: s.transA, b: b.B!, transB: s.transB,
        strideA: s.broadcastA ? 0 : s.m * s.k, strideB: s.broadcastB ? 0 : s.k * s.n, c: b.C!, bias: s.bias ? b.bias! : null,
        alpha: s.alpha, accumulate: s.accumulate };
      be.gemm(args);
    },
  });
}

test('gemm: edge tiles, every transpose combination, both tile sizes', { skip }, async () => {
  for (const tile of [64, 128] as const) {
    gpu!.gemmTileOverride = tile;
    try {
      for (const [m, n] of [[1, 1], [1, 7], [5, 1], [63, 65], [64, 64], [65, 17], [129, 130]]) {
        for (const [transA, transB] of [[false, false], [true, false], [false, true], [true, true]] as const) {
          await checkGemm({ ...base, m: m!, n: n!, k: (m! * 7 + n!) % 37 + 1, transA, transB });
        }
      }
      await checkGemm({ ...base, batch: 2, m: 130, n: 140, k: 33, bias: true, accumulate: true, alpha: 0.5, broadcastB: true });
    } finally {
      gpu!.gemmTileOverride = null;
    }
  }
});

test('gemm: bias, alpha, accumulate, batches with 0-stride broadcast, k = 0, large k', { skip }, async () => {
  for (const bias of [false, true]) for (const accumulate of [false, true]) {
    await checkGemm({ ...base, m: 37, n: 41, k: 23, bias, accumulate, alpha: 0.125 });
    await checkGemm({ ...base, m: 7, n: 9, k: 5, bias, accumulate, alpha: -1.5, transA: true, transB: true });
  }
  for (const [broadcastA, broadcastB] of [[false, false], [true, false], [false, true], [true, true]] as const) {
    await checkGemm({ ...base, batch: 3, m: 33, n: 18, k: 19, broadcastA, broadcastB, transB: broadcastA, bias: true });
  }
  await checkGemm({ ...base, m: 3, n: 5, k: 0, bias: true });
  await checkGemm({ ...base, m: 3, n: 5, k: 0, bias: true, accumulate: true });
  await checkGemm({ ...base, m: 5, n: 3, k: 1500, transB: true, bias: true });
  const a = gpu!.alloc(6), b = gpu!.alloc(6), c = gpu!.alloc(3);
  const args: GemmArgs = { batch: 1, m: 2, n: 2, k: 3, a, transA: false, b, transB: false, strideA: 0, strideB: 0, c,
    bias: null, alpha: 1, accumulate: false };
  assert.throws(() => gpu!.gemm(args), /gemm \[1\] 2x3 · 3x2: C needs 4 elements but its buffer has 3/);
  for (const x of [a, b, c]) gpu!.free(x);
});
