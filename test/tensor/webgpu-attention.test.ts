// Fused attention of the WebGPU backend against the reference: padding masks (incl. a fully padded sequence),
// dropout, q/k/v inside a fused QKV buffer (Strided), forward and backward, and bit-identical reruns.
// Skips when Dawn finds no adapter.
import assert from 'node:assert/strict';
import test from 'node:test';
import type { Backend } from '../../src/tensor/backend.js';
import { ReferenceBackend } from '../../src/tensor/backends/reference/index.js';
import { paddingMask, runAttention, seededInputs, type AttentionShape, type Values } from './kernel-harness.js';
import { tryCreateWebGpuBackend } from '../../src/tensor/backends/webgpu/index.js';

const created = await tryCreateWebGpuBackend();
const skip = typeof created === 'string' ? created : false;
const gpu = typeof created === 'string' ? null : created;
test.after(() => gpu?.dispose());

const inputs = seededInputs(7);
const rand = (n: number, scale = 1): Float32Array => inputs.rand(n, -scale, scale);
const attention = (be: Backend, s: AttentionShape, qkv: Float32Array, mask: Int32Array | null, dOut: Float32Array): Promise<Values> =>
  runAttention(be, s, qkv, mask, dOut, rand);

const ref = new ReferenceBackend();

async function check(s: AttentionShape): Promise<void> {
  const width = s.heads * s.d, rows = s.batch * s.seq;
  const qkv = rand(3 * rows * width, 2);
  const mask = paddingMask(s);
  const dOut = rand(rows * width);
  const want = await attention(ref, s, qkv, mask, dOut);
  const got = await attention(gpu!, s, qkv, mask, dOut);
  for (const key of ['probs', 'out', 'dq', 'dk', 'dv']) {
    const x = got[key]!, y = want[key]!;
    const tol = key === 'probs' ? 2e-6 : 2e-5 * Math.max(s.seq, s.d);
    for (let i = 0; i < y.length; i++) {
      if (!(Math.abs(x[i]! - y[i]!) <= tol + 1e-4 * Math.abs(y[i]!))) {
        assert.fail(`${JSON.stringify(s)} ${key}[${i}]: webgpu ${x[i]} vs reference ${y[i]}`);
      }
    }
  }
  const again = await attention(gpu!, s, qkv, mask, dOut);
  for (const key of Object.keys(got)) {
    assert.deepEqual(new Uint32Array(again[key]!.buffer), new Uint32Array(got[key]!.buffer), `${JSON.stringify(s)} ${key}: rerun differs`);
  }
}

test('attention: shapes, masks, fused QKV', { skip }, async () => {
  for (const [batch, seq, heads, d] of [[1, 1, 1, 1], [1, 5, 2, 3], [2, 7, 3, 8], [3, 13, 2, 16], [2, 37, 3, 64], [1, 70, 1, 65]]) {
    for (const fused of [false, true]) for (const mask of [false, true]) {
      await check({ batch: batch!, seq: seq!, heads: heads!, d: d!, fused, mask, dropout: 0 });
    }
  }
});

test('attention: fewer queries than keys (only some positions read), masks, dropout', { skip }, async () => {
  for (const [batch, seq, querySeq, heads, d, dropout] of [[1, 5, 1, 1, 4, 0], [2, 13, 3, 2, 16, 0], [3, 40, 7, 2, 24, 0.1], [2, 64, 27, 4, 64, 0.1]]) {
    for (const fused of [false, true]) {
      await check({ batch: batch!, seq: seq!, querySeq: querySeq!, heads: heads!, d: d!, fused, mask: true, dropout: dropout! });
    }
  }
});

test('attention: dropout on the probabilities (mask regenerated in backward)', { skip }, async () => {
  for (const [batch, seq, heads, d] of [[1, 5, 1, 4], [2, 19, 2, 8], [3, 40, 2, 24]]) {
    for (const dropout of [0.1, 0.5]) await check({ batch: batch!, seq: seq!, heads: heads!, d: d!, fused: true, mask: true, dropout });
  }
});

test('attention: bad arguments throw, naming the op', { skip }, async () => {
  const buf = gpu!.alloc(12), probs = gpu!.alloc(4), out = gpu!.alloc(4);
  const v = { buf, offset: 0, ld: 4 };
  const args = { batch: 1, seq: 2, querySeq: 2, heads: 2, headDim: 2, q: v, k: v, v, mask: Int32Array.of(1), dropout: 0, seed: 1, probs, out };
  assert.throws(() => gpu!.attentionForward(args), /attentionForward: mask has 1 entries, needs batch·seq = 2/);
  assert.throws(() => gpu!.attentionForward({ ...args, mask: null, probs: out, out: probs, dropout: 1 }),
    /attentionForward: dropout rate must be in \[0, 1\), got 1/);
  assert.throws(() => gpu!.attentionForward({ ...args, mask: null, q: { buf, offset: 10, ld: 4 } }), /attentionForward: q needs 18 elements/);
  for (const b of [buf, probs, out]) gpu!.free(b);
});
