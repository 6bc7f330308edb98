// Fused scaled-dot-product attention, forward and backward. Threads take (batch, head) items from a shared
// counter; each item runs small GEMMs through the packed micro-kernel on its own scratch.
import { argF, argI, argP } from './common';
import { computeBlock, gemmStrided, packA, packB } from './gemm';
import { dropHash, dropHash4 } from './elementwise';
import { dot, softmaxRow } from './rows';

/** Hugging Face's torch.finfo(float32).min, added to the scores of padded keys. */
const MASKED: f32 = -3.4028234663852886e38;

// Argument slots shared by forward and backward:
//  0 batch, 1 seq (keys), 2 heads, 3 headDim, 4 q, 5 qLd, 6 k, 7 kLd, 8 v, 9 vLd (q/k/v already offset, in
// bytes), 10 mask (i32 [batch][seq], 0 = none), 11 dropout rate, 12 seed, 13 drop threshold (u32),
// 14 keepScale, 15 probs, 16 out (forward) / dOut (backward), 17 scratch base, 18 scratch bytes per thread,
// 19 work counter, 20 per-thread tmp base, 21 dq, 22 dk, 23 dv (backward only), 24 querySeq (queries)

/**
 * Row dropout for probabilities: dst[j] = dropped(base + j) ? 0 : src[j]·keep (dst may be src), the same
 * decision as the reference's dropoutHash(seed, base + j) < threshold.
 */
function dropRow(src: usize, dst: usize, n: i32, base: u32, seed: u32, threshold: u32, keep: f32): void {
  const seedV = i32x4.splat(seed), thrV = i32x4.splat(threshold), keepV = f32x4.splat(keep);
  let idx = i32x4.add(i32x4.splat(base), i32x4(0, 1, 2, 3));
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const dropped = i32x4.lt_u(dropHash4(idx, seedV), thrV);
    v128.store(dst + (<usize>j << 2), v128.andnot(f32x4.mul(v128.load(src + (<usize>j << 2)), keepV), dropped));
    idx = i32x4.add(idx, i32x4.splat(4));
  }
  for (; j < n; j++) {
    const e = <usize>j << 2;
    store<f32>(dst + e, dropHash(base + <u32>j, seed) < threshold ? 0 : load<f32>(src + e) * keep);
  }
}

/** Whether any of the n i32 at p is 0 (a sequence with padding). */
function anyZero(p: usize, n: i32): bool {
  for (let j = 0; j < n; j++) if (load<i32>(p + (<usize>j << 2)) == 0) return true;
  return false;
}

/** row[j] += MASKED where mask[j] == 0 (the reference's padding rule), four keys at a time. */
function maskRow(row: usize, mrow: usize, n: i32): void {
  const big = f32x4.splat(MASKED), zero = i32x4.splat(0);
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const e = row + (<usize>j << 2);
    const x = v128.load(e);
    v128.store(e, v128.bitselect(f32x4.add(x, big), x, i32x4.eq(v128.load(mrow + (<usize>j << 2)), zero)));
  }
  for (; j < n; j++) {
    const e = row + (<usize>j << 2);
    if (load<i32>(mrow + (<usize>j << 2)) == 0) store<f32>(e, load<f32>(e) + MASKED);
  }
}

/**
 * The backward's dropout on one row, one hash per element for both rows: g[j] = dropped ? 0 : g[j]·keep (in
 * place) and dst[j] = dropped ? 0 : p[j]·keep, the decisions of dropRow.
 */
function dropRowPair(g: usize, p: usize, dst: usize, n: i32, base: u32, seed: u32, threshold: u32, keep: f32): void {
  const seedV = i32x4.splat(seed), thrV = i32x4.splat(threshold), keepV = f32x4.splat(keep);
  let idx = i32x4.add(i32x4.splat(base), i32x4(0, 1, 2, 3));
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const dropped = i32x4.lt_u(dropHash4(idx, seedV), thrV);
    const e = <usize>j << 2;
    v128.store(g + e, v128.andnot(f32x4.mul(v128.load(g + e), keepV), dropped));
    v128.store(dst + e, v128.andnot(f32x4.mul(v128.load(p + e), keepV), dropped));
    idx = i32x4.add(idx, i32x4.splat(4));
  }
  for (; j < n; j++) {
    const e = <usize>j << 2;
    const dropped = dropHash(base + <u32>j, seed) < threshold;
    store<f32>(g + e, dropped ? 0 : load<f32>(g + e) * keep);
    store<f32>(dst + e, dropped ? 0 : load<f32>(p + e) * keep);
  }
}

/** Floats of pack buffer needed for operands up to `dim` in every direction. */
@inline function packFloats(dim: i32): usize {
  const r = (dim + 23) / 24 * 24;
  return <usize>r * <usize>r;
}

export function attentionForwardKernel(tid: i32, nt: i32, args: usize): void {
  const batch = argI(args, 0), seq = argI(args, 1), heads = argI(args, 2), d = argI(args, 3);
  const q = argP(args, 4), qLd = argI(args, 5), k = argP(args, 6), kLd = argI(args, 7);
  const v = argP(args, 8), vLd = argI(args, 9), mask = argP(args, 10), rate = argF(args, 11);
  const seed = <u32>argF(args, 12), threshold = <u32>argF(args, 13), keep = <f32>argF(args, 14);
  const probs = argP(args, 15), out = argP(args, 16), qs = argI(args, 24);
  const scratch = argP(args, 17) + <usize>tid * argP(args, 18), counter = argP(args, 19);
  const tmp = argP(args, 20) + (<usize>tid << 8);
  const dim = max(max(seq, qs), d);
  const packedA = scratch, packedB = scratch + (packFloats(dim) << 2);
  const dropped = packedB + (packFloats(dim) << 2);
  const width = heads * d;
  const scale = <f32>(1 / Math.sqrt(<f64>d));
  const dropping = rate > 0;
  const total = batch * heads;
  for (;;) {
    const w = atomic.add<i32>(counter, 1);
    if (w >= total) break;
    const b = w / heads, h = w % heads;
    const qb = q + ((<usize>b * <usize>qs * <usize>qLd + <usize>h * <usize>d) << 2);
    const kb = k + ((<usize>b * <usize>seq * <usize>kLd + <usize>h * <usize>d) << 2);
    const vb = v + ((<usize>b * <usize>seq * <usize>vLd + <usize>h * <usize>d) << 2);
    const pIndex = <u32>w * <u32>qs * <u32>seq;
    const pb = probs + (<usize>pIndex << 2);
    // scores = Q·Kᵀ·scale
    gemmStrided(qs, seq, d, qb, qLd, false, kb, kLd, true, pb, seq, scale, false, packedA, packedB, tmp);
    const mrow = mask == 0 ? <usize>0 : mask + ((<usize>b * <usize>seq) << 2);
    const masking = mrow != 0 && anyZero(mrow, seq);
    for (let i = 0; i < qs; i++) {
      const row = pb + ((<usize>i * <usize>seq) << 2);
      if (masking) maskRow(row, mrow, seq);
      softmaxRow(row, row, seq);
      if (dropping) dropRow(row, dropped + ((<usize>i * <usize>seq) << 2), seq, pIndex + <u32>(i * seq), seed, threshold, keep);
    }
    // ctx = dropout(P)·V
    packA(dropping ? dropped : pb, seq, false, qs, seq, packedA);
    packB(vb, vLd, false, d, seq, packedB);
    const ob = out + ((<usize>b * <usize>qs * <usize>width + <usize>h * <usize>d) << 2);
    computeBlock(qs, d, seq, packedA, packedB, ob, width, 1, 0, false, tmp);
  }
}

export function attentionBackwardKernel(tid: i32, nt: i32, args: usize): void {
  const batch = argI(args, 0), seq = argI(args, 1), heads = argI(args, 2), d = argI(args, 3);
  const q = argP(args, 4), qLd = argI(args, 5), k = argP(args, 6), kLd = argI(args, 7);
  const v = argP(args, 8), vLd = argI(args, 9), rate = argF(args, 11);
  const seed = <u32>argF(args, 12), threshold = <u32>argF(args, 13), keep = <f32>argF(args, 14);
  const probs = argP(args, 15), dOut = argP(args, 16);
  const scratch = argP(args, 17) + <usize>tid * argP(args, 18), counter = argP(args, 19);
  const tmp = argP(args, 20) + (<usize>tid << 8);
  const dq = argP(args, 21), dk = argP(args, 22), dv = argP(args, 23), qs = argI(args, 24);
  const dim = max(max(seq, qs), d);
  const packedA = scratch, packedB = scratch + (packFloats(dim) << 2);
  const ds = packedB + (packFloats(dim) << 2);
  const dropped = ds + ((<usize>qs * <usize>seq) << 2);
  const width = heads * d;
  const scale = <f32>(1 / Math.sqrt(<f64>d));
  const dropping = rate > 0;
  const total = batch * heads;
  for (;;) {
    const w = atomic.add<i32>(counter, 1);
    if (w >= total) break;
    const b = w / heads, h = w % heads;
    const qb = q + ((<usize>b * <usize>qs * <usize>qLd + <usize>h * <usize>d) << 2);
    const kb = k + ((<usize>b * <usize>seq * <usize>kLd + <usize>h * <usize>d) << 2);
    const vb = v + ((<usize>b * <usize>seq * <usize>vLd + <usize>h * <usize>d) << 2);
    const queryOff = (<usize>b * <usize>qs * <usize>width + <usize>h * <usize>d) << 2;
    const keyOff = (<usize>b * <usize>seq * <usize>width + <usize>h * <usize>d) << 2;
    const gb = dOut + queryOff;
    const pIndex = <u32>w * <u32>qs * <u32>seq;
    const pb = probs + (<usize>pIndex << 2);
    // dP_dropped = dOut·Vᵀ
    gemmStrided(qs, seq, d, gb, width, false, vb, vLd, true, ds, seq, 1, false, packedA, packedB, tmp);
    // dP = dP_dropped·keep; dS = P·(dP - Σ dP·P)·scale
    const sv = f32x4.splat(scale);
    for (let i = 0; i < qs; i++) {
      const row = ds + ((<usize>i * <usize>seq) << 2), prow = pb + ((<usize>i * <usize>seq) << 2);
      if (dropping) {
        const base = pIndex + <u32>(i * seq);
        dropRowPair(row, prow, dropped + ((<usize>i * <usize>seq) << 2), seq, base, seed, threshold, keep);
      }
      const dt = dot(row, prow, seq);
      const dv4 = f32x4.splat(dt);
      let j = 0;
      for (; j + 4 <= seq; j += 4) {
        const e = row + (<usize>j << 2);
        v128.store(e, f32x4.mul(f32x4.mul(v128.load(prow + (<usize>j << 2)), f32x4.sub(v128.load(e), dv4)), sv));
      }
      for (; j < seq; j++) {
        const e = row + (<usize>j << 2);
        store<f32>(e, load<f32>(prow + (<usize>j << 2)) * (load<f32>(e) - dt) * scale);
      }
    }
    // dV = dropout(P)ᵀ·dOut
    packA(dropping ? dropped : pb, seq, true, seq, qs, packedA);
    packB(gb, width, false, d, qs, packedB);
    computeBlock(seq, d, qs, packedA, packedB, dv + keyOff, width, 1, 0, false, tmp);
    // dQ = dS·K ; dK = dSᵀ·Q
    gemmStrided(qs, d, seq, ds, seq, false, kb, kLd, false, dq + queryOff, width, 1, false, packedA, packedB, tmp);
    gemmStrided(seq, d, qs, ds, seq, true, qb, qLd, false, dk + keyOff, width, 1, false, packedA, packedB, tmp);
  }
}
