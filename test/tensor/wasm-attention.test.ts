// Fused attention of the wasm backend against the reference: padding masks (incl. a fully padded sequence),
// dropout, q/k/v inside a fused QKV buffer (Strided), forward and backward; both builds, 1, 2 and 3 threads.
import assert from 'node:assert/strict';
import test from 'node:test';
import type { Backend } from '../../src/tensor/backend.js';
import { ReferenceBackend } from '../../src/tensor/backends/reference/index.js';
import { paddingMask, runAttention, seededInputs, type AttentionShape, type Values } from './kernel-harness.js';
import { wasmBackendsUnderTest } from './wasm-backends.js';

const inputs = seededInputs(7);
const rand = (n: number, scale = 1): Float32Array => inputs.rand(n, -scale, scale);
const attention = (be: Backend, s: AttentionShape, qkv: Float32Array, mask: Int32Array | null, dOut: Float32Array): Promise<Values> =>
  runAttention(be, s, qkv, mask, dOut, rand);

const backends = wasmBackendsUnderTest();
const ref = new ReferenceBackend();

async function check(s: AttentionShape): Promise<void> {
  const width = s.heads * s.d, rows = s.batch * s.seq;
  const qkv = rand(3 * rows * width, 2);
  const mask = paddingMask(s);
  const dOut = rand(rows * width);
  const want = await attention(ref, s, qkv, mask, dOut);
  const first = new Map<string, Record<string, Float32Array>>();
  for (const be of backends) {
    const got = await attention(be, s, qkv, mask, dOut);
    for (const key of ['probs', 'out', 'dq', 'dk', 'dv']) {
      const x = got[key]!, y = want[key]!;
      const tol = key === 'probs' ? 2e-6 : 2e-5 * Math.max(s.seq, s.d);
      for (let i = 0; i < y.length; i++) {
        if (!(Math.abs(x[i]! - y[i]!) <= tol + 1e-4 * Math.abs(y[i]!))) {
          assert.fail(`${JSON.stringify(s)} ${be.name}/${be.threads}t ${key}[${i}]: ${x[i]} vs reference ${y[i]}`);
        }
      }
    }
    const prev = first.get(be.name);
    if (prev === undefined) first.set(be.name, got);
    else for (const key of Object.keys(got)) {
      assert.deepEqual(new Uint32Array(got[key]!.buffer), new Uint32Array(prev[key]!.buffer), `${key}: 1 vs N threads differ`);
    }
  }
}

test('attention: shapes, masks, fused QKV', async () => {
  for (const [batch, seq, heads, d] of [[1, 1, 1, 1], [1, 5, 2, 3], [2, 7, 3, 8], [3, 13, 2, 16], [2, 37, 3, 64], [1, 64, 2, 32]]) {
    for (const fused of [false, true]) for (const mask of [false, true]) {
      await check({ batch: batch!, seq: seq!, heads: heads!, d: d!, fused, mask, dropout: 0 });
    }
  }
});

test('attention: fewer queries than keys (only some positions read), masks, dropout', async () => {
  for (const [batch, seq, querySeq, heads, d, dropout] of [[1, 5, 1, 1, 4, 0], [2, 13, 3, 2, 16, 0], [3, 40, 7, 2, 24, 0.1], [2, 64, 27, 4, 64, 0.1]]) {
    for (const fused of [false, true]) {
      await check({ batch: batch!, seq: seq!, querySeq: querySeq!, heads: heads!, d: d!, fused, mask: true, dropout: dropout! });
    }
  }
});

test('attention: dropout on the probabilities (mask regenerated in backward)', async () => {
  for (const [batch, seq, heads, d] of [[1, 5, 1, 4], [2, 19, 2, 8], [3, 40, 2, 24]]) {
    for (const dropout of [0.1, 0.5]) await check({ batch: batch!, seq: seq!, heads: heads!, d: d!, fused: true, mask: true, dropout });
  }
});
