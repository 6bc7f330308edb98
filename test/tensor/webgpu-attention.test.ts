// Fused attention of the WebGPU backend against the reference: padding masks (incl. a fully padded sequence),
// dropout, q/k/v inside a fused QKV buffer (Strided), forward and backward, and bit-identical reruns.
// Skips when Dawn finds no adapter.
import assert from 'node:assert/strict';
import test from 'node:test';
import type { Backend } from '../../src/tensor/backend.js';
import { ReferenceBackend } from '../../src/tensor/backends/reference/index.js';
import { tryCreateWebGpuBackend } from '../../src/tensor/backends/webgpu/index.js';

const created = await tryCreateWebGpuBackend();
const skip = typeof created === 'string' ? created : false;
const gpu = typeof created === 'string' ? null : created;
test.after(() => gpu?.dispose());

let seed = 7;
function rand(n: number, scale = 1): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    a[i] = ((seed / 4294967296) * 2 - 1) * scale;
  }
  return a;
}

interface Shape { batch: number; seq: number; heads: number; d: number; fused: boolean; mask: boolean; dropout: number }

async function attention(be: Backend, s: Shape, qkv: Float32Array, mask: Int32Array | null, dOut: Float32Array):
  Promise<Record<string, Float32Array>> {
  const width = s.heads * s.d, rows = s.batch * s.seq;
  const buf = be.alloc(qkv.length);
  be.write(buf, qkv);
  // fused: rows of [q | k | v] (ld = 3·width); else three separate matrices one after another (ld = width)
  const view = (i: number) => s.fused ? { buf, offset: i * width, ld: 3 * width } : { buf, offset: i * rows * width, ld: width };
  const probs = be.alloc(s.batch * s.heads * s.seq * s.seq), out = be.alloc(rows * width);
  be.write(out, rand(rows * width));
  const common = { batch: s.batch, seq: s.seq, heads: s.heads, headDim: s.d, q: view(0), k: view(1), v: view(2), mask,
    dropout: s.dropout, seed: 1234 };
  be.attentionForward({ ...common, probs, out });
  const g = be.alloc(rows * width), dq = be.alloc(rows * width), dk = be.alloc(rows * width), dv = be.alloc(rows * width);
  be.write(g, dOut);
  for (const x of [dq, dk, dv]) be.write(x, rand(rows * width));
  be.attentionBackward({ ...common, probs, dOut: g, dq, dk, dv });
  const result = { probs: await be.read(probs), out: await be.read(out), dq: await be.read(dq), dk: await be.read(dk),
    dv: await be.read(dv) };
  for (const b of [buf, probs, out, g, dq, dk, dv]) be.free(b);
  return result;
}

const ref = new ReferenceBackend();

async function check(s: Shape): Promise<void> {
  const width = s.heads * s.d, rows = s.batch * s.seq;
  const qkv = rand(3 * rows * width, 2);
  let mask: Int32Array | null = null;
  if (s.mask) {
    mask = new Int32Array(rows).fill(1);
    for (let b = 0; b < s.batch; b++) for (let j = s.seq - b; j < s.seq; j++) if (j >= 0) mask[b * s.seq + j] = 0;
    if (s.batch > 2) mask.fill(0, 2 * s.seq, 3 * s.seq); // a sequence that is all padding
  }
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

test('attention: dropout on the probabilities (mask regenerated in backward)', { skip }, async () => {
  for (const [batch, seq, heads, d] of [[1, 5, 1, 4], [2, 19, 2, 8], [3, 40, 2, 24]]) {
    for (const dropout of [0.1, 0.5]) await check({ batch: batch!, seq: seq!, heads: heads!, d: d!, fused: true, mask: true, dropout });
  }
});

test('attention: bad arguments throw, naming the op', { skip }, async () => {
  const buf = gpu!.alloc(12), probs = gpu!.alloc(4), out = gpu!.alloc(4);
  const v = { buf, offset: 0, ld: 4 };
  const args = { batch: 1, seq: 2, heads: 2, headDim: 2, q: v, k: v, v, mask: Int32Array.of(1), dropout: 0, seed: 1, probs, out };
  assert.throws(() => gpu!.attentionForward(args), /attentionForward: mask has 1 entries, needs batch·seq = 2/);
  assert.throws(() => gpu!.attentionForward({ ...args, mask: null, probs: out, out: probs, dropout: 1 }),
    /attentionForward: dropout rate must be in \[0, 1\), got 1/);
  assert.throws(() => gpu!.attentionForward({ ...args, mask: null, q: { buf, offset: 10, ld: 4 } }), /attentionForward: q needs 18 elements/);
  for (const b of [buf, probs, out]) gpu!.free(b);
});
