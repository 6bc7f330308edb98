// The wasm GEMM against the reference backend: transposes, batch and 0-stride broadcast, bias, alpha,
// accumulate, edge tiles of every size, large K; both builds, 1, 2 and 3 threads, bit-identical across threads.
import assert from 'node:assert/strict';
import test from 'node:test';
import type { Backend, GemmArgs } from '../../src/tensor/backend.js';
import { ReferenceBackend } from '../../src/tensor/backends/reference/index.js';
import { wasmBackendsUnderTest } from './wasm-backends.js';

interface Spec {
  batch: number;
  m: number;
  n: number;
  k: number;
  transA: boolean;
  transB: boolean;
  broadcastA: boolean;
  broadcastB: boolean;
  bias: boolean;
  alpha: number;
  accumulate: boolean;
}

let seed = 99;
function rand(n: number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    a[i] = (seed / 4294967296) * 2 - 1;
  }
  return a;
}

async function gemmOn(be: Backend, s: Spec, A: Float32Array, B: Float32Array, C: Float32Array, bias: Float32Array): Promise<Float32Array> {
  const a = be.alloc(A.length), b = be.alloc(B.length), c = be.alloc(C.length), bb = be.alloc(bias.length);
  be.write(a, A);
  be.write(b, B);
  be.write(c, C);
  be.write(bb, bias);
  const args: GemmArgs = {
    batch: s.batch, m: s.m, n: s.n, k: s.k, a, transA: s.transA, b, transB: s.transB,
    strideA: s.broadcastA ? 0 : s.m * s.k, strideB: s.broadcastB ? 0 : s.k * s.n, c, bias: s.bias ? bb : null,
    alpha: s.alpha, accumulate: s.accumulate,
  };
  be.gemm(args);
  const out = await be.read(c);
  for (const x of [a, b, c, bb]) be.free(x);
  return out;
}

const backends = wasmBackendsUnderTest();
const ref = new ReferenceBackend();

async function check(s: Spec): Promise<void> {
  const A = rand((s.broadcastA ? 1 : s.batch) * s.m * s.k), B = rand((s.broadcastB ? 1 : s.batch) * s.k * s.n);
  const C = rand(s.batch * s.m * s.n), bias = rand(s.n);
  const want = await gemmOn(ref, s, A, B, C, bias);
  const label = JSON.stringify(s);
  const first = new Map<string, Float32Array>();
  for (const be of backends) {
    const got = await gemmOn(be, s, A, B, C, bias);
    // inputs in [-1, 1]: a sum of k products has rounding error well under 1e-6·k in f32
    const tol = 2e-6 * s.k * Math.abs(s.alpha) + 2e-6;
    for (let i = 0; i < want.length; i++) {
      if (!(Math.abs(got[i]! - want[i]!) <= tol + 1e-6 * Math.abs(want[i]!))) {
        assert.fail(`${label} ${be.name}/${be.threads}t: C[${i}] = ${got[i]} vs reference ${want[i]}`);
      }
    }
    const prev = first.get(be.name);
    if (prev === undefined) first.set(be.name, got);
    else assert.deepEqual(new Uint32Array(got.buffer), new Uint32Array(prev.buffer), `${label}: 1 vs N threads differ in bits`);
  }
}

const base: Spec = { batch: 1, m: 1, n: 1, k: 1, transA: false, transB: false, broadcastA: false, broadcastB: false,
  bias: false, alpha: 1, accumulate: false };

test('gemm: edge tiles of every size, each transpose combination', async () => {
  const dims = [1, 2, 5, 6, 7, 8, 9, 13, 17, 31];
  for (const m of dims) for (const n of dims) {
    for (const [transA, transB] of [[false, false], [true, false], [false, true], [true, true]] as const) {
      await check({ ...base, m, n, k: (m * 7 + n) % 11 + 1, transA, transB });
    }
  }
});

test('gemm: bias, alpha, accumulate', async () => {
  for (const [m, n, k] of [[7, 9, 5], [37, 41, 23], [64, 200, 96]]) {
    for (const bias of [false, true]) for (const accumulate of [false, true]) {
      await check({ ...base, m: m!, n: n!, k: k!, bias, accumulate, alpha: 0.125 });
      await check({ ...base, m: m!, n: n!, k: k!, bias, accumulate, alpha: -1.5, transA: true, transB: true });
    }
  }
});

test('gemm: batches, 0-stride broadcast of either side', async () => {
  for (const [batch, m, n, k] of [[3, 5, 7, 9], [4, 33, 18, 65], [12, 64, 64, 32]]) {
    for (const [broadcastA, broadcastB] of [[false, false], [true, false], [false, true], [true, true]] as const) {
      await check({ ...base, batch: batch!, m: m!, n: n!, k: k!, broadcastA, broadcastB, transB: broadcastA, bias: true });
    }
  }
});

test('gemm: large and prime sizes, large K, k = 0', async () => {
  await check({ ...base, m: 127, n: 131, k: 1031 });
  await check({ ...base, m: 257, n: 97, k: 263, transA: true });
  await check({ ...base, m: 5, n: 3, k: 4099, transB: true, bias: true });
  await check({ ...base, m: 300, n: 520, k: 64, transA: true, transB: true, accumulate: true });
  await check({ ...base, m: 3, n: 5, k: 0, bias: true });
  await check({ ...base, m: 3, n: 5, k: 0, bias: true, accumulate: true });
});

test('gemm: size mismatches and freed buffers throw, naming the op and shapes', async () => {
  const be = backends[0]!;
  const a = be.alloc(6), b = be.alloc(6), c = be.alloc(3);
  const args: GemmArgs = { batch: 1, m: 2, n: 2, k: 3, a, transA: false, b, transB: false, strideA: 0, strideB: 0, c,
    bias: null, alpha: 1, accumulate: false };
  assert.throws(() => be.gemm(args), /gemm \[1\] 2x3 · 3x2: C needs 4 elements but its buffer has 3/);
  be.free(c);
  assert.throws(() => be.gemm({ ...args, c }), /buffer used after free/);
  be.free(a);
  be.free(b);
});
