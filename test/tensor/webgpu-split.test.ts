// Tensors larger than one storage binding: the WebGPU backend with a forced 32 KiB binding limit (8,129
// elements per window), so every kernel call below must split into dispatches over windows of its buffers
// (a window over the limit throws). Results against the reference backend, as in webgpu-kernels.test.ts.
// The GEMM and gather planners are also checked on their own (no GPU needed), and a small BERT trains through
// the split paths as on the reference backend.
import assert from 'node:assert/strict';
import test from 'node:test';
import { collate } from '../../src/data/collate.js';
import { maskSequence } from '../../src/data/masking.js';
import { BertForPretraining, presetConfig } from '../../src/model/index.js';
import type { Backend, GemmArgs } from '../../src/tensor/backend.js';
import { ReferenceBackend } from '../../src/tensor/backends/reference/index.js';
import { rowPieces } from '../../src/tensor/backends/webgpu/gather-plan.js';
import { gemmSpans, planGemm, type GemmShape } from '../../src/tensor/backends/webgpu/gemm-plan.js';
import { tryCreateWebGpuBackend } from '../../src/tensor/backends/webgpu/index.js';
import { Engine, Rng, backward } from '../../src/tensor/index.js';
import { AdamW } from '../../src/train/adamw.js';
import { optimizerStep } from '../../src/train/step.js';
import { assertClose, paddingMask, runAttention, runCase, seededInputs, type Case } from './kernel-harness.js';

const LIMIT = 32768;
const created = await tryCreateWebGpuBackend({ maxBindingBytes: LIMIT });
const skip = typeof created === 'string' ? created : false;
const gpu = typeof created === 'string' ? null : created;
test.after(() => gpu?.dispose());

const { rand, ints } = seededInputs(777);
const ref = new ReferenceBackend();

/** Like the kernel tests' verify, and checks that the call did split (at least `minDispatches` dispatches). */
async function verify(c: Case, minDispatches = 2): Promise<void> {
  const want = await runCase(ref, c);
  const before = gpu!.stats.dispatches;
  const got = await runCase(gpu!, c);
  const dispatches = gpu!.stats.dispatches - before;
  assert.ok(dispatches >= minDispatches, `${c.name}: ${dispatches} dispatches, expected a split into at least ${minDispatches}`);
  for (const k of c.check) assertClose(got[k]!, want[k]!, c.atol ?? 1e-6, c.rtol ?? 1e-5, `${c.name} ${k}`);
}

test('the GEMM planner covers every output once over all of k, each block inside the window budget', () => {
  const budget = 1000;
  const shapes: GemmShape[] = [];
  for (const [batch, m, n, k, sA, sB] of [[1, 90, 70, 40, 1, 1], [3, 20, 30, 17, 1, 0], [2, 1, 2500, 3, 1, 1], [1, 5, 3, 2600, 1, 1],
    [4, 9, 9, 9, 0, 1], [1, 40, 40, 0, 1, 1]]) {
    for (const transA of [false, true]) for (const transB of [false, true]) {
      shapes.push({ batch: batch!, m: m!, n: n!, k: k!, transA, transB, strideA: sA! * m! * k!, strideB: sB! * k! * n! });
    }
  }
  for (const s of shapes) {
    const depth = new Uint32Array(s.batch * s.m * s.n);
    const blocks = planGemm(s, budget);
    for (const x of blocks) {
      const spans = gemmSpans(s, x);
      for (const [name, sp] of Object.entries(spans)) assert.ok(sp.count <= budget, `${JSON.stringify(s)} ${name} spans ${sp.count}`);
      for (let b = x.b0; b < x.b1; b++) for (let i = x.m0; i < x.m1; i++) for (let j = x.n0; j < x.n1; j++) {
        depth[(b * s.m + i) * s.n + j]! += Math.max(x.k1 - x.k0, s.k === 0 ? 1 : 0);
      }
    }
    assert.ok(depth.every((d) => d === Math.max(1, s.k)), `${JSON.stringify(s)}: some output is not covered exactly once over k`);
  }
});

test('gather pieces: every position once, each table window inside the budget', () => {
  const idx = ints(500, 300);
  const seen = new Uint8Array(idx.length);
  for (const p of rowPieces(idx, 300, 64)) {
    assert.ok(p.p1 - p.p0 <= 64 && p.r1 - p.r0 <= 64);
    for (let i = p.p0; i < p.p1; i++) if (idx[i]! >= p.r0 && idx[i]! < p.r1) seen[i]!++;
  }
  assert.ok(seen.every((s) => s === 1));
});

test('elementwise, dropout, activations and AdamW over several windows', { skip }, async () => {
  const n = 20001;
  const bufs = () => ({ a: rand(n), b: rand(n), out: rand(n) });
  await verify({ name: 'add', buffers: bufs(), check: ['out'], run: (be, b) => be.add(b.a!, b.b!, b.out!, n) });
  await verify({ name: 'in-place mul, axpy', buffers: bufs(), check: ['a'], run: (be, b) => {
    be.mul(b.a!, b.b!, b.a!, n);
    be.axpy(0.5, b.a!, b.a!, n);
  } });
  await verify({ name: 'fill, scale', buffers: bufs(), check: ['out', 'b'], run: (be, b) => {
    be.fill(b.out!, 1.5, n);
    be.scale(b.a!, -2, b.b!, n);
  } });
  await verify({ name: 'copy within one buffer', buffers: { a: rand(3 * n) }, check: ['a'], run: (be, b) => be.copy(b.a!, 5, b.a!, n + 9, n) }, 0);
  await verify({ name: 'dropout', buffers: bufs(), check: ['out'], atol: 0, rtol: 2e-7,
    run: (be, b) => be.dropoutForward(b.a!, b.out!, n, 0.3, 99) });
  await verify({ name: 'gelu', buffers: bufs(), check: ['out', 'b'], atol: 5e-7, rtol: 2e-6, run: (be, b) => {
    be.geluBackward(b.a!, b.b!, b.out!, n);
    be.geluForward(b.a!, b.b!, n);
  } });
  await verify({ name: 'adamw', buffers: { p: rand(n), g: rand(n), m: rand(n, -0.1, 0.1), v: rand(n, 0, 0.01) }, check: ['p', 'm', 'v'],
    atol: 1e-7, rtol: 1e-5, run: (be, b) => be.adamw({ n, param: b.p!, grad: b.g!, m: b.m!, v: b.v!, lr: 1e-3, beta1: 0.9,
      beta2: 0.999, eps: 1e-6, weightDecay: 0.01, step: 3, gradScale: 0.5 }) });
});

test('reductions and transposes over several windows', { skip }, async () => {
  const n = 70001;
  await verify({ name: 'sum', buffers: { x: rand(n), out: rand(1) }, check: ['out'], atol: 1e-4,
    run: (be, b) => be.sum(b.x!, b.out!, n, true) });
  await verify({ name: 'sumSquares', buffers: { x: rand(n), out: rand(1) }, check: ['out'], atol: 1e-4,
    run: (be, b) => be.sumSquares(b.x!, b.out!, n, false) });
  await verify({ name: 'sumRows', buffers: { x: rand(700 * 29), out: rand(29) }, check: ['out'], atol: 1e-5,
    run: (be, b) => be.sumRows(b.x!, b.out!, 700, 29, true) });
  // rows too wide for 64-row chunks: summed directly in row ranges (200 columns) and column blocks (9000 columns)
  for (const [rows, cols] of [[50, 200], [3, 9000]]) {
    await verify({ name: `sumRows ${rows}x${cols}`, buffers: { x: rand(rows * cols), out: rand(cols) }, check: ['out'], atol: 1e-5,
      run: (be, b) => be.sumRows(b.x!, b.out!, rows, cols, true) });
  }
  for (const [batch, rows, cols] of [[5, 40, 50], [1, 150, 130], [2, 90, 97]]) {
    const size = batch! * rows! * cols!;
    await verify({ name: `transpose ${batch}x${rows}x${cols}`, buffers: { x: rand(size), out: rand(size) }, check: ['out'], atol: 0,
      rtol: 0, run: (be, b) => be.transpose(b.x!, b.out!, batch!, rows!, cols!) });
  }
});

test('layerNorm, softmax and cross-entropy over row pieces', { skip }, async () => {
  const rows = 300, cols = 101, n = rows * cols;
  const x = rand(n, -3, 5), g = rand(cols, 0.5, 1.5), beta = rand(cols);
  const fwd: Case = { name: 'layerNorm fwd', check: ['y', 'mean', 'rstd'], atol: 2e-5, rtol: 2e-5,
    buffers: { x, g, beta, y: rand(n), mean: rand(rows), rstd: rand(rows) },
    run: (be, b) => be.layerNormForward(b.x!, b.g!, b.beta!, b.y!, b.mean!, b.rstd!, rows, cols, 1e-12) };
  await verify(fwd);
  const { mean, rstd } = await runCase(ref, fwd);
  await verify({ name: 'layerNorm bwd', check: ['dx', 'dg', 'db'], atol: 2e-5, rtol: 1e-4,
    buffers: { dy: rand(n), x, mean: mean!, rstd: rstd!, g, dx: rand(n), dg: rand(cols), db: rand(cols) },
    run: (be, b) => be.layerNormBackward(b.dy!, b.x!, b.mean!, b.rstd!, b.g!, b.dx!, b.dg!, b.db!, rows, cols) });
  await verify({ name: 'softmax', buffers: { x: rand(100 * 300, -10, 10), y: rand(100 * 300), dy: rand(100 * 300), dx: rand(100 * 300) },
    check: ['y', 'dx'], atol: 1e-6, rtol: 1e-5, run: (be, b) => {
      be.softmaxForward(b.x!, b.y!, 100, 300);
      be.softmaxBackward(b.y!, b.dy!, b.dx!, 100, 300);
    } });
  const ceRows = 40, ceCols = 1031;
  const labels = ints(ceRows, ceCols);
  labels[3] = -100;
  await verify({ name: 'cross-entropy', check: ['loss', 'lse', 'g'], atol: 1e-5, rtol: 1e-5,
    buffers: { x: rand(ceRows * ceCols, -8, 8), loss: rand(1), lse: rand(ceRows), dl: Float32Array.of(0.7), g: rand(ceRows * ceCols) },
    run: (be, b) => {
      be.crossEntropyForward(b.x!, labels, -100, b.loss!, b.lse!, ceRows, ceCols);
      be.crossEntropyBackward(b.x!, labels, -100, b.lse!, b.dl!, b.g!, ceRows, ceCols);
    } });
  const wide = gpu!.alloc(9000), out = gpu!.alloc(9000);
  assert.throws(() => gpu!.softmaxForward(wide, out, 1, 9000), /softmaxForward: a row of 9000 elements exceeds one storage binding \(32768 bytes\)/);
  gpu!.free(wide);
  gpu!.free(out);
});

test('gatherRows and scatterAddRows over table windows and position ranges (bit for bit)', { skip }, async () => {
  const rows = 700, cols = 37, count = 400;
  const idx = ints(count, rows);
  idx.set([rows - 1, 0, rows - 1, 5, 5], 0);
  await verify({ name: 'gather', buffers: { t: rand(rows * cols), out: rand(count * cols) }, check: ['out'], atol: 0, rtol: 0,
    run: (be, b) => be.gatherRows(b.t!, idx, b.out!, cols) });
  await verify({ name: 'scatterAdd', buffers: { g: rand(count * cols), t: rand(rows * cols) }, check: ['t'], atol: 0, rtol: 0,
    run: (be, b) => be.scatterAddRows(b.g!, idx, b.t!, cols) });
});

test('gemm split over batches, m, n and k (every transpose, bias, alpha, accumulate)', { skip }, async () => {
  const cases: [number, number, number, number, boolean, boolean, boolean][] = [];
  for (const transA of [false, true]) for (const transB of [false, true]) cases.push([1, 150, 140, 90, transA, transB, false]);
  // 5×3 over k = 5000 with A stored [k][m]: k splits, later blocks accumulate into C
  cases.push([3, 60, 50, 40, false, true, true], [1, 5, 3, 5000, true, false, false], [1, 1, 20000, 3, true, false, false],
    [1, 200, 3, 300, true, true, false]);
  for (const [index, [batch, m, n, k, transA, transB, broadcastB]] of cases.entries()) {
    const accumulate = index % 2 === 1;
    const A = rand(batch * m * k), B = rand((broadcastB ? 1 : batch) * k * n);
    await verify({
      name: `gemm [${batch}] ${m}x${n}x${k} ${transA} ${transB} acc=${accumulate}`, check: ['C'], atol: 2e-6 * k + 2e-6, rtol: 1e-5,
      buffers: { A, B, C: rand(batch * m * n), bias: rand(n) },
      run: (be, b) => {
        const args: GemmArgs = { batch, m, n, k, a: b.A!, transA, b: b.B!, transB, strideA: m * k, strideB: broadcastB ? 0 : k * n,
          c: b.C!, bias: b.bias!, alpha: 0.75, accumulate };
        be.gemm(args);
      },
    });
  }
});

test('attention split over batch items (mask, dropout, fused QKV; all queries and fewer queries than keys)', { skip }, async () => {
  for (const querySeq of [40, 7]) {
    const s = { batch: 3, seq: 40, querySeq, heads: 2, d: 16, fused: true, mask: true, dropout: 0.2 };
    const rows = s.batch * s.seq, width = s.heads * s.d;
    const qkv = rand(3 * rows * width, -2, 2), dOut = rand(rows * width), mask = paddingMask(s);
    const want = await runAttention(ref, s, qkv, mask, dOut, (n) => rand(n));
    const got = await runAttention(gpu!, s, qkv, mask, dOut, (n) => rand(n));
    for (const key of ['probs', 'out', 'dq', 'dk', 'dv']) assertClose(got[key]!, want[key]!, 2e-5 * s.seq, 1e-4, `attention (${querySeq} queries) ${key}`);
  }
});

test('a small BERT trains the same through the split paths as on the reference backend', { skip }, async () => {
  // vocab 1000 × hidden 64: the embedding (64,000 elements), the feed-forward weights and activations and the
  // MLM logits all exceed the 8,129-element windows, so gather/scatter, GEMM, rows, sums and AdamW all split.
  const config = presetConfig('tiny', { vocab_size: 1000, hidden_size: 64, num_hidden_layers: 1, num_attention_heads: 2,
    intermediate_size: 256, max_position_embeddings: 64 });
  const train = async (be: Backend): Promise<{ losses: number[]; embedding: Float32Array }> => {
    const engine = new Engine(be);
    const model = new BertForPretraining(engine, config, new Rng(1), new Rng(2));
    const optimizer = new AdamW(engine, model.namedParameters(), { lr: 1e-3 });
    const rng = new Rng(3);
    const masking = { rate: 0.15, entityShare: 0, maskId: config.mask_token_id, vocabSize: config.vocab_size, specialIds: new Set([0, 1, 2, 3, 4]) };
    const losses: number[] = [];
    for (let step = 0; step < 2; step++) {
      const items = Array.from({ length: 4 }, () => maskSequence({ ids: Int32Array.from({ length: 32 }, (_, i) =>
        i === 0 ? config.cls_token_id : i === 31 ? config.sep_token_id : 5 + rng.int(config.vocab_size - 5)), entities: [] }, masking, rng));
      const batch = collate(items, config.pad_token_id);
      losses.push(await engine.tidyAsync(async () => {
        const out = model.forward(batch);
        backward(out.loss);
        return out.loss.item();
      }));
      await optimizerStep(engine, model, optimizer, { lr: 1e-3, clip: 1 });
    }
    const embedding = await model.namedParameters().find(([name]) => name.endsWith('word_embeddings.weight'))![1].data();
    model.dispose();
    optimizer.dispose();
    return { losses, embedding };
  };
  const want = await train(ref);
  const got = await train(gpu!);
  for (let i = 0; i < want.losses.length; i++) {
    assert.ok(Math.abs(got.losses[i]! - want.losses[i]!) <= 1e-5 * Math.abs(want.losses[i]!), `loss ${i}: ${got.losses[i]} vs ${want.losses[i]}`);
  }
  assertClose(got.embedding, want.embedding, 1e-6, 1e-4, 'word embeddings after two steps');
});
