// Shared by the fast backends' kernel tests (wasm, WebGPU): seeded inputs, running a case on a backend, and
// comparing with the reference backend.
import assert from 'node:assert/strict';
import type { Backend, Buffer } from '../../src/tensor/backend.js';
import { mulberry32 } from '../../src/random.js';

export type Values = Record<string, Float32Array>;
export type Bufs = Record<string, Buffer>;

export interface Case {
  readonly name: string;
  /** Initial contents of every buffer (outputs start as junk, so a kernel that skips an element is caught). */
  readonly buffers: Values;
  /** Buffers compared after the run. */
  readonly check: readonly string[];
  readonly run: (be: Backend, b: Bufs) => void;
  /** |fast - ref| <= atol + rtol·|ref| */
  readonly atol?: number;
  readonly rtol?: number;
}

/** Seeded random inputs: uniform floats in [lo, hi) and integers in [0, hi). */
export function seededInputs(seed: number): { rand: (n: number, lo?: number, hi?: number) => Float32Array; ints: (n: number, hi: number) => Int32Array } {
  const random = mulberry32(seed);
  return {
    rand: (n, lo = -1, hi = 1) => Float32Array.from({ length: n }, () => lo + (hi - lo) * random()),
    ints: (n, hi) => Int32Array.from({ length: n }, () => Math.floor(random() * hi)),
  };
}

/** Allocates and fills the case's buffers, runs it, reads back the checked ones, frees everything. */
export async function runCase(be: Backend, c: Case): Promise<Values> {
  const bufs: Bufs = {};
  for (const [k, v] of Object.entries(c.buffers)) {
    bufs[k] = be.alloc(v.length);
    be.write(bufs[k]!, v);
  }
  c.run(be, bufs);
  const out: Values = {};
  for (const k of c.check) out[k] = await be.read(bufs[k]!);
  for (const b of Object.values(bufs)) be.free(b);
  return out;
}

export function assertClose(got: Float32Array, want: Float32Array, atol: number, rtol: number, what: string): void {
  assert.equal(got.length, want.length, `${what}: length`);
  for (let i = 0; i < want.length; i++) {
    const g = got[i]!, w = want[i]!;
    if (!(Math.abs(g - w) <= atol + rtol * Math.abs(w)) && !(g === w) && !(Number.isNaN(g) && Number.isNaN(w))) {
      assert.fail(`${what}[${i}]: ${g} vs reference ${w} (|diff| ${Math.abs(g - w)})`);
    }
  }
}

export interface AttentionShape {
  batch: number;
  seq: number;
  /** Queries per sequence (the first rows of q's block), when fewer than seq. */
  querySeq?: number;
  heads: number;
  d: number;
  /** q, k, v as rows of one [q | k | v] buffer (ld = 3·width) rather than three matrices. */
  fused: boolean;
  mask: boolean;
  dropout: number;
}

/** A padding mask with a different length per sequence, and one sequence all padding when batch > 2. */
export function paddingMask(s: AttentionShape): Int32Array | null {
  if (!s.mask) return null;
  const mask = new Int32Array(s.batch * s.seq).fill(1);
  for (let b = 0; b < s.batch; b++) for (let j = s.seq - b; j < s.seq; j++) if (j >= 0) mask[b * s.seq + j] = 0;
  if (s.batch > 2) mask.fill(0, 2 * s.seq, 3 * s.seq);
  return mask;
}

/** Fused attention forward then backward on a backend; outputs start as junk. */
export async function runAttention(be: Backend, s: AttentionShape, qkv: Float32Array, mask: Int32Array | null, dOut: Float32Array,
  junk: (n: number) => Float32Array): Promise<Values> {
  const width = s.heads * s.d, rows = s.batch * s.seq, querySeq = s.querySeq ?? s.seq, queries = s.batch * querySeq;
  const buf = be.alloc(qkv.length);
  be.write(buf, qkv);
  const view = (i: number) => s.fused ? { buf, offset: i * width, ld: 3 * width } : { buf, offset: i * rows * width, ld: width };
  const probs = be.alloc(s.batch * s.heads * querySeq * s.seq), out = be.alloc(queries * width);
  be.write(out, junk(queries * width));
  const common = { batch: s.batch, seq: s.seq, querySeq, heads: s.heads, headDim: s.d, q: view(0), k: view(1), v: view(2), mask,
    dropout: s.dropout, seed: 1234 };
  be.attentionForward({ ...common, probs, out });
  const g = be.alloc(queries * width), dq = be.alloc(queries * width), dk = be.alloc(rows * width), dv = be.alloc(rows * width);
  be.write(g, dOut.subarray(0, queries * width));
  for (const x of [dq, dk, dv]) be.write(x, junk(x === dq ? queries * width : rows * width));
  be.attentionBackward({ ...common, probs, dOut: g, dq, dk, dv });
  const result = { probs: await be.read(probs), out: await be.read(out), dq: await be.read(dq), dk: await be.read(dk), dv: await be.read(dv) };
  for (const b of [buf, probs, out, g, dq, dk, dv]) be.free(b);
  return result;
}
