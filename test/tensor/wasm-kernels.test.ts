// Every non-GEMM kernel of the wasm backend against the reference backend, for both builds (when the runtime
// has relaxed SIMD) and 1, 2 and 3 threads; results must also be bit-identical across thread counts and runs.
import assert from 'node:assert/strict';
import test from 'node:test';
import { ReferenceBackend } from '../../src/tensor/backends/reference/index.js';
import { wasmBackendsUnderTest } from './wasm-backends.js';
import { assertClose, runCase, seededInputs, type Case, type Values } from './kernel-harness.js';

const { rand, ints } = seededInputs(12345);

function sameBits(a: Float32Array, b: Float32Array, what: string): void {
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length), y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) assert.fail(`${what}[${i}]: ${a[i]} vs ${b[i]} differ in bits`);
}

const backends = wasmBackendsUnderTest();
const ref = new ReferenceBackend();

async function verify(c: Case): Promise<void> {
  const want = await runCase(ref, c);
  const byBuild = new Map<string, Values>();
  for (const be of backends) {
    const got = await runCase(be, c);
    for (const k of c.check) assertClose(got[k]!, want[k]!, c.atol ?? 1e-6, c.rtol ?? 1e-5, `${c.name} ${be.name}/${be.threads}t ${k}`);
    const again = await runCase(be, c);
    for (const k of c.check) sameBits(again[k]!, got[k]!, `${c.name} ${be.name} rerun ${k}`);
    const other = byBuild.get(be.name);
    if (other === undefined) byBuild.set(be.name, got);
    else for (const k of c.check) sameBits(got[k]!, other[k]!, `${c.name} ${be.name} 1 vs N threads ${k}`);
  }
}

const SIZES = [1, 3, 4, 7, 31, 97, 1031, 40009];
const ROW_SHAPES: [number, number][] = [[1, 1], [1, 7], [3, 5], [7, 64], [13, 97], [2, 1031], [129, 768], [61, 1031]];

test('elementwise: add, mul, scale, axpy, fill, copy', async () => {
  for (const n of SIZES) {
    const bufs = (): Values => ({ a: rand(n), b: rand(n), out: rand(n, 5, 6) });
    await verify({ name: `add ${n}`, buffers: bufs(), check: ['out'], run: (be, b) => be.add(b.a!, b.b!, b.out!, n) });
    await verify({ name: `mul ${n}`, buffers: bufs(), check: ['out'], run: (be, b) => be.mul(b.a!, b.b!, b.out!, n) });
    await verify({ name: `scale ${n}`, buffers: bufs(), check: ['out'], run: (be, b) => be.scale(b.a!, -1.7, b.out!, n) });
    await verify({ name: `axpy ${n}`, buffers: bufs(), check: ['b'], run: (be, b) => be.axpy(0.3, b.a!, b.b!, n) });
    await verify({ name: `fill ${n}`, buffers: bufs(), check: ['out'], run: (be, b) => be.fill(b.out!, 2.5, n) });
    await verify({
      name: `copy ${n}`, buffers: { a: rand(n + 5), out: rand(n + 9) }, check: ['out'],
      run: (be, b) => be.copy(b.a!, 2, b.out!, 7, n),
    });
    // partial n: elements past n untouched
    await verify({ name: `add partial ${n}`, buffers: { a: rand(n + 3), b: rand(n + 3), out: rand(n + 3) }, check: ['out'],
      run: (be, b) => be.add(b.a!, b.b!, b.out!, n) });
  }
});

test('activations: gelu (erf form), tanh, forward and backward', async () => {
  for (const n of SIZES) {
    const x = rand(n, -6, 6);
    if (n > 4) x.set([0, -0, 10, -10, 1e-8].slice(0, Math.min(5, n)));
    await verify({ name: `gelu fwd ${n}`, buffers: { x, y: rand(n) }, check: ['y'], atol: 3e-7, rtol: 2e-6,
      run: (be, b) => be.geluForward(b.x!, b.y!, n) });
    await verify({ name: `gelu bwd ${n}`, buffers: { x, dy: rand(n), dx: rand(n) }, check: ['dx'], atol: 3e-7, rtol: 2e-6,
      run: (be, b) => be.geluBackward(b.x!, b.dy!, b.dx!, n) });
    await verify({ name: `tanh fwd ${n}`, buffers: { x, y: rand(n) }, check: ['y'],
      run: (be, b) => be.tanhForward(b.x!, b.y!, n) });
    await verify({ name: `tanh bwd ${n}`, buffers: { y: rand(n), dy: rand(n), dx: rand(n) }, check: ['dx'],
      run: (be, b) => be.tanhBackward(b.y!, b.dy!, b.dx!, n) });
  }
});

test('gelu: dense grid over both tails and special values', async () => {
  // Φ(-t) = e^(-t²/2)·R(t) with R fitted on [0, 13]: the grid crosses the clamp at 13 and the exponential's
  // underflow (~13.2); ±Infinity and NaN must give the reference's Infinity/NaN (e.g. gelu(-Infinity) = NaN)
  const n = 200003;
  const x = Float32Array.from({ length: n }, (_, i) => -16 + (32 * i) / (n - 1));
  x.set([-Infinity, Infinity, NaN, -1e30, 1e30, -40, 40, -13, 13, -0, 0, 1e-30, -1e-30]);
  const dy = rand(n, -2, 2);
  await verify({ name: 'gelu fwd grid', buffers: { x, y: rand(n) }, check: ['y'], atol: 3e-7, rtol: 2e-6,
    run: (be, b) => be.geluForward(b.x!, b.y!, n) });
  await verify({ name: 'gelu bwd grid', buffers: { x, dy, dx: rand(n) }, check: ['dx'], atol: 3e-7, rtol: 2e-6,
    run: (be, b) => be.geluBackward(b.x!, b.dy!, b.dx!, n) });
});

test('dropout masks match the reference bit for bit', async () => {
  for (const n of SIZES) {
    for (const [p, seed] of [[0, 1], [0.1, 42], [0.5, 0xdeadbeef], [0.9, 7]] as const) {
      const c: Case = { name: `dropout ${n} p=${p}`, buffers: { x: rand(n), y: rand(n) }, check: ['y'], atol: 0, rtol: 2e-7,
        run: (be, b) => be.dropoutForward(b.x!, b.y!, n, p, seed) };
      await verify(c);
      await verify({ ...c, name: `dropout bwd ${n} p=${p}`, run: (be, b) => be.dropoutBackward(b.x!, b.y!, n, p, seed) });
    }
  }
});

test('reductions: sum, sumSquares, sumRows', async () => {
  for (const n of [...SIZES, 100003]) {
    for (const accumulate of [false, true]) {
      await verify({ name: `sum ${n}`, buffers: { x: rand(n), out: rand(1) }, check: ['out'], atol: 1e-5,
        run: (be, b) => be.sum(b.x!, b.out!, n, accumulate) });
      await verify({ name: `sumSquares ${n}`, buffers: { x: rand(n), out: rand(1) }, check: ['out'], atol: 1e-5,
        run: (be, b) => be.sumSquares(b.x!, b.out!, n, accumulate) });
    }
  }
  for (const [rows, cols] of [...ROW_SHAPES, [1000, 65]] as [number, number][]) {
    for (const accumulate of [false, true]) {
      await verify({ name: `sumRows ${rows}x${cols}`, buffers: { x: rand(rows * cols), out: rand(cols) }, check: ['out'],
        atol: 1e-5, run: (be, b) => be.sumRows(b.x!, b.out!, rows, cols, accumulate) });
    }
  }
});

test('transpose', async () => {
  for (const [batch, rows, cols] of [[1, 1, 1], [1, 3, 5], [2, 33, 65], [3, 100, 129]]) {
    const n = batch! * rows! * cols!;
    await verify({ name: `transpose ${batch}x${rows}x${cols}`, buffers: { x: rand(n), out: rand(n) }, check: ['out'], atol: 0,
      rtol: 0, run: (be, b) => be.transpose(b.x!, b.out!, batch!, rows!, cols!) });
  }
});

test('layerNorm forward and backward (dgamma/dbeta accumulate)', async () => {
  for (const [rows, cols] of ROW_SHAPES) {
    const n = rows * cols;
    const x = rand(n, -3, 5);
    const buffers: Values = { x, g: rand(cols, 0.5, 1.5), bt: rand(cols), y: rand(n), mean: rand(rows), rstd: rand(rows) };
    await verify({ name: `layerNorm fwd ${rows}x${cols}`, buffers, check: ['y', 'mean', 'rstd'], atol: 2e-5, rtol: 2e-5,
      run: (be, b) => be.layerNormForward(b.x!, b.g!, b.bt!, b.y!, b.mean!, b.rstd!, rows, cols, 1e-12) });
    // backward from the reference's saved statistics
    const mean = new Float32Array(rows), rstd = new Float32Array(rows);
    for (let r = 0; r < rows; r++) {
      let mu = 0;
      for (let j = 0; j < cols; j++) mu += x[r * cols + j]!;
      mu /= cols;
      let v = 0;
      for (let j = 0; j < cols; j++) v += (x[r * cols + j]! - mu) ** 2;
      mean[r] = mu;
      rstd[r] = 1 / Math.sqrt(v / cols + 1e-12);
    }
    await verify({
      name: `layerNorm bwd ${rows}x${cols}`, check: ['dx', 'dg', 'db'], atol: 2e-5, rtol: 1e-4,
      buffers: { dy: rand(n), x, mean, rstd, g: rand(cols, 0.5, 1.5), dx: rand(n), dg: rand(cols), db: rand(cols) },
      run: (be, b) => be.layerNormBackward(b.dy!, b.x!, b.mean!, b.rstd!, b.g!, b.dx!, b.dg!, b.db!, rows, cols),
    });
  }
});

test('softmax forward and backward', async () => {
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

test('a NaN in a row makes that row NaN in softmax and cross-entropy, as in the reference', async () => {
  for (const at of [0, 5, 12]) {
    const x = rand(2 * 13);
    x[at] = NaN;
    await verify({ name: `softmax NaN at ${at}`, buffers: { x, y: rand(26) }, check: ['y'],
      run: (be, b) => be.softmaxForward(b.x!, b.y!, 2, 13) });
    await verify({ name: `ce NaN at ${at}`, buffers: { x, loss: rand(1), lse: rand(2) }, check: ['loss', 'lse'],
      run: (be, b) => be.crossEntropyForward(b.x!, Int32Array.of(1, 2), -100, b.loss!, b.lse!, 2, 13) });
  }
});

test('gatherRows and scatterAddRows (duplicates summed)', async () => {
  for (const [rows, cols, count] of [[1, 1, 1], [5, 3, 9], [50, 97, 200], [1000, 768, 300]]) {
    const idx = ints(count!, rows!);
    idx[0] = rows! - 1;
    await verify({ name: `gather ${rows}x${cols} ${count}`, buffers: { t: rand(rows! * cols!), out: rand(count! * cols!) },
      check: ['out'], atol: 0, rtol: 0, run: (be, b) => be.gatherRows(b.t!, idx, b.out!, cols!) });
    await verify({ name: `scatterAdd ${rows}x${cols} ${count}`, buffers: { g: rand(count! * cols!), t: rand(rows! * cols!) },
      check: ['t'], atol: 1e-6, run: (be, b) => be.scatterAddRows(b.g!, idx, b.t!, cols!) });
  }
  for (const be of backends) {
    const t = be.alloc(6), out = be.alloc(3);
    assert.throws(() => be.gatherRows(t, Int32Array.from([2]), out, 3), /gatherRows: index 2 at position 0 is outside 0\.\.1/);
    be.free(t);
    be.free(out);
  }
});

test('softmax cross-entropy forward and backward, ignore index, 64k vocabulary', async () => {
  for (const [rows, cols] of [[1, 1], [1, 5], [4, 7], [9, 1031], [3, 65536], [37, 2048]] as [number, number][]) {
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
  await verify({ name: 'ce all ignored', buffers: { x: rand(6), loss: rand(1), lse: rand(2) }, check: ['loss'],
    run: (be, b) => be.crossEntropyForward(b.x!, all, -100, b.loss!, b.lse!, 2, 3) });
});

test('AdamW update', async () => {
  for (const n of SIZES) {
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
