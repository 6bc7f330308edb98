import test from 'node:test';
import assert from 'node:assert/strict';
import {
  Engine, ReferenceBackend, add, attention, backward, dropout, gatherRows, gelu, layerNorm, matmul, reshape, softmaxCrossEntropy,
} from '../../src/tensor/index.js';
import { Rng } from '../../src/tensor/rng.js';
import { f64Engine, randomTensor } from './gradcheck.js';

const close = (a: number, b: number, tol: number, what: string): void =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

test('gelu is the erf form BERT uses', async () => {
  const { engine } = f64Engine();
  const y = await gelu(engine.fromArray([1, -1, 0, 3], [4])).data();
  // x·Φ(x): Φ(1) = 0.8413447460685429, Φ(3) = 0.9986501019683699
  close(y[0]!, 0.8413447460685429, 1e-7, 'gelu(1)');
  close(y[1]!, -0.15865525393145707, 1e-7, 'gelu(-1)');
  close(y[2]!, 0, 0, 'gelu(0)');
  close(y[3]!, 3 * 0.9986501019683699, 1e-6, 'gelu(3)');
});

test('layerNorm gives zero mean and unit variance per row before the affine part', async () => {
  const { engine } = f64Engine();
  const rng = new Rng(3);
  const x = randomTensor(engine, [3, 16], rng, 5);
  const y = await layerNorm(x, engine.full([16], 1), engine.zeros([16]), 1e-12).data();
  for (let r = 0; r < 3; r++) {
    const row = y.subarray(r * 16, r * 16 + 16);
    const mu = row.reduce((s, v) => s + v, 0) / 16;
    const variance = row.reduce((s, v) => s + (v - mu) ** 2, 0) / 16;
    close(mu, 0, 1e-6, 'mean');
    close(variance, 1, 1e-5, 'variance');
  }
});

test('softmaxCrossEntropy: known values and ignored rows', async () => {
  const { engine } = f64Engine();
  const logits = engine.fromArray([0, 0, 1, 2, 3, 4], [3, 2]);
  const loss = await softmaxCrossEntropy(logits, Int32Array.from([0, -100, 1])).item();
  // rows 0 and 2: ln 2 and ln(1 + e^-1); mean over the two
  close(loss, (Math.LN2 + Math.log(1 + Math.exp(-1))) / 2, 1e-7, 'loss');
  const none = await softmaxCrossEntropy(logits, Int32Array.from([-100, -100, -100])).item();
  assert.equal(none, 0);
});

test('fused attention equals a plain per-head computation, also with fewer queries than keys', async () => {
  const { engine, backend } = f64Engine();
  const rng = new Rng(11);
  const [B, S, H, D] = [2, 5, 2, 3];
  const q = randomTensor(engine, [B, S, H * D], rng), k = randomTensor(engine, [B, S, H * D], rng);
  const v = randomTensor(engine, [B, S, H * D], rng);
  const mask = Int32Array.from([1, 1, 1, 1, 0, 1, 1, 0, 0, 0]);
  const got = backend.values(attention(q, k, v, { heads: H, mask }).buffer());
  const [qv, kv, vv] = [q, k, v].map((t) => backend.values(t.buffer())) as [Float64Array, Float64Array, Float64Array];
  for (let b = 0; b < B; b++) for (let h = 0; h < H; h++) for (let i = 0; i < S; i++) {
    const scores: number[] = [];
    for (let j = 0; j < S; j++) {
      let s = 0;
      for (let t = 0; t < D; t++) s += qv[(b * S + i) * H * D + h * D + t]! * kv[(b * S + j) * H * D + h * D + t]!;
      scores.push(mask[b * S + j] === 1 ? s / Math.sqrt(D) : -Infinity);
    }
    const max = Math.max(...scores);
    const ex = scores.map((s) => Math.exp(s - max));
    const z = ex.reduce((a, c) => a + c, 0);
    for (let t = 0; t < D; t++) {
      let o = 0;
      for (let j = 0; j < S; j++) o += (ex[j]! / z) * vv[(b * S + j) * H * D + h * D + t]!;
      close(got[(b * S + i) * H * D + h * D + t]!, o, 1e-12, `ctx b${b} h${h} i${i} t${t}`);
    }
  }
  // Fewer queries than keys give exactly those queries' rows: queries 3, 0 of the first sequence, 1, 4 of the second.
  const picked = Int32Array.from([3, 0, S + 1, S + 4]);
  const subset = reshape(gatherRows(reshape(q, [B * S, H * D]), picked), [B, 2, H * D]);
  const rows = backend.values(attention(subset, k, v, { heads: H, mask }).buffer());
  picked.forEach((row, r) => {
    for (let c = 0; c < H * D; c++) close(rows[r * H * D + c]!, got[row * H * D + c]!, 1e-12, `query row ${row} column ${c}`);
  });
});

test('dropout is seeded: same seed same mask, rate close to p, kept values scaled', async () => {
  const engine = new Engine(new ReferenceBackend());
  const x = engine.full([100000], 1);
  const a = await dropout(x, 0.1, 42).data();
  const b = await dropout(x, 0.1, 42).data();
  const c = await dropout(x, 0.1, 43).data();
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
  const dropped = a.filter((v) => v === 0).length / a.length;
  assert.ok(Math.abs(dropped - 0.1) < 0.005, `drop rate ${dropped}`);
  assert.ok(a.every((v) => v === 0 || Math.abs(v - 1 / 0.9) < 1e-6));
});

test('errors name the op and the shapes; nothing is silently broadcast', () => {
  const engine = new Engine(new ReferenceBackend());
  const a = engine.zeros([2, 3]), b = engine.zeros([4, 5]);
  assert.throws(() => matmul(a, b), /matmul: inner dimensions differ \(3 vs 4\) \(shapes \[2, 3\] and \[4, 5\]\)/);
  assert.throws(() => add(a, engine.zeros([3])), /add: shapes must match \(shapes \[2, 3\] and \[3\]\)/);
  assert.throws(() => layerNorm(a, engine.zeros([2]), engine.zeros([2])), /layerNorm: gamma and beta must be \[3\]/);
  assert.throws(() => softmaxCrossEntropy(a, Int32Array.from([0, 5])), /label 5 at row 1 is outside 0..2/);
  assert.throws(() => engine.fromArray([1, 2, 3], [2, 2]), /3 values do not fill shape \[2, 2\]/);
  a.dispose();
  assert.throws(() => matmul(a, engine.zeros([3, 1])), /matmul: tensor \[2, 3\] was used after it was disposed/);
});

test('backward accumulates into leaf gradients and frees graph intermediates', async () => {
  const backend = new ReferenceBackend();
  const engine = new Engine(backend);
  const w = engine.fromArray([1, 2, 3, 4], [2, 2], true).keep();
  const x = engine.fromArray([1, 1], [1, 2]);
  const before = backend.allocatedBytes();
  const run = (): void => engine.tidy(() => {
    const h = matmul(x, w);
    const loss = softmaxCrossEntropy(gelu(h), Int32Array.from([1]));
    backward(loss);
    assert.ok(h.disposed, 'intermediate released by backward');
  });
  run();
  const g1 = await w.grad!.data();
  run();
  const g2 = await w.grad!.data();
  g1.forEach((v, i) => close(g2[i]!, 2 * v, 1e-6, 'accumulated grad'));
  w.grad!.dispose();
  w.grad = null;
  assert.equal(backend.allocatedBytes(), before, 'everything but the leaves was freed');
});
