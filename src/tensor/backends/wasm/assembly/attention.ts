// Fused scaled-dot-product attention, forward and backward. Threads take (batch, head) items from a shared
// counter; each item runs small GEMMs through the packed micro-kernel on its own scratch.
import { argF, argI, argP, shareStart } from './common';
import { MR, computeBlock, gemmStrided, packB } from './gemm';
import { dropHash } from './elementwise';
import { dot, softmaxRow } from './rows';

/** Hugging Face's torch.finfo(float32).min, added to the scores of padded keys. */
const MASKED: f32 = -3.4028234663852886e38;

// Argument slots shared by forward and backward:
//  0 batch, 1 seq, 2 heads, 3 headDim, 4 q, 5 qLd, 6 k, 7 kLd, 8 v, 9 vLd (q/k/v already offset, in bytes),
// 10 mask (i32 [batch][seq], 0 = none), 11 dropout rate, 12 seed, 13 drop threshold (u32), 14 keepScale,
// 15 probs, 16 out (forward) / dOut (backward), 17 scratch base, 18 scratch bytes per thread,
// 19 work counter, 20 per-thread tmp base, 21 dq, 22 dk, 23 dv

/**
 * Packs one MR-row panel of op(P) with dropout applied (keep ? p·keepScale : 0), P being one (b,h) block of
 * probs [seq][seq] whose element (i, j) has dropout index base + i·seq + j.
 * op(P)(r, l) = transP ? P[l][r] : P[r][l].
 */
function packProbsPanel(p: usize, seq: i32, transP: bool, i: i32, mr: i32, dst: usize,
  dropping: bool, base: u32, seed: u32, threshold: u32, keep: f32): void {
  for (let l = 0; l < seq; l++) {
    for (let r = 0; r < MR; r++) {
      let val: f32 = 0;
      if (r < mr) {
        const e = transP ? l * seq + i + r : (i + r) * seq + l;
        val = load<f32>(p + (<usize>e << 2));
        if (dropping) val = dropHash(base + <u32>e, seed) < threshold ? 0 : val * keep;
      }
      store<f32>(dst + (<usize>(l * MR + r) << 2), val);
    }
  }
}

function packProbs(p: usize, seq: i32, transP: bool, dst: usize, dropping: bool, base: u32, seed: u32,
  threshold: u32, keep: f32): void {
  for (let i = 0; i < seq; i += MR) {
    packProbsPanel(p, seq, transP, i, min(MR, seq - i), dst, dropping, base, seed, threshold, keep);
    dst += <usize>(MR * seq) << 2;
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
  const probs = argP(args, 15), out = argP(args, 16);
  const scratch = argP(args, 17) + <usize>tid * argP(args, 18), counter = argP(args, 19);
  const tmp = argP(args, 20) + (<usize>tid << 8);
  const dim = max(seq, d);
  const packedA = scratch, packedB = scratch + (packFloats(dim) << 2);
  const width = heads * d;
  const scale = <f32>(1 / Math.sqrt(<f64>d));
  const dropping = rate > 0;
  const total = batch * heads;
  for (;;) {
    const w = atomic.add<i32>(counter, 1);
    if (w >= total) break;
    const b = w / heads, h = w % heads;
    const qb = q + ((<usize>b * <usize>seq * <usize>qLd + <usize>h * <usize>d) << 2);
    const kb = k + ((<usize>b * <usize>seq * <usize>kLd + <usize>h * <usize>d) << 2);
    const vb = v + ((<usize>b * <usize>seq * <usize>vLd + <usize>h * <usize>d) << 2);
    const pIndex = <u32>w * <u32>seq * <u32>seq;
    const pb = probs + (<usize>pIndex << 2);
    // scores = Q·Kᵀ·scale
    gemmStrided(seq, seq, d, qb, qLd, false, kb, kLd, true, pb, seq, scale, false, packedA, packedB, tmp);
    for (let i = 0; i < seq; i++) {
      const row = pb + ((<usize>i * <usize>seq) << 2);
      if (mask != 0) {
        const mrow = mask + ((<usize>b * <usize>seq) << 2);
        for (let j = 0; j < seq; j++) {
          if (load<i32>(mrow + (<usize>j << 2)) == 0) store<f32>(row + (<usize>j << 2), load<f32>(row + (<usize>j << 2)) + MASKED);
        }
      }
      softmaxRow(row, row, seq);
    }
    // ctx = dropout(P)·V
    packProbs(pb, seq, false, packedA, dropping, pIndex, seed, threshold, keep);
    packB(vb, vLd, false, d, seq, packedB);
    const ob = out + ((<usize>b * <usize>seq * <usize>width + <usize>h * <usize>d) << 2);
    computeBlock(seq, d, seq, packedA, packedB, ob, width, 1, 0, false, tmp);
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
  const dq = argP(args, 21), dk = argP(args, 22), dv = argP(args, 23);
  const dim = max(seq, d);
  const packedA = scratch, packedB = scratch + (packFloats(dim) << 2);
  const ds = packedB + (packFloats(dim) << 2);
  const width = heads * d;
  const scale = <f32>(1 / Math.sqrt(<f64>d));
  const dropping = rate > 0;
  const total = batch * heads;
  for (;;) {
    const w = atomic.add<i32>(counter, 1);
    if (w >= total) break;
    const b = w / heads, h = w % heads;
    const qb = q + ((<usize>b * <usize>seq * <usize>qLd + <usize>h * <usize>d) << 2);
    const kb = k + ((<usize>b * <usize>seq * <usize>kLd + <usize>h * <usize>d) << 2);
    const vb = v + ((<usize>b * <usize>seq * <usize>vLd + <usize>h * <usize>d) << 2);
    const headOff = (<usize>b * <usize>seq * <usize>width + <usize>h * <usize>d) << 2;
    const gb = dOut + headOff;
    const pIndex = <u32>w * <u32>seq * <u32>seq;
    const pb = probs + (<usize>pIndex << 2);
    // dP_dropped = dOut·Vᵀ
    gemmStrided(seq, seq, d, gb, width, false, vb, vLd, true, ds, seq, 1, false, packedA, packedB, tmp);
    // dP = dP_dropped·keep; dS = P·(dP - Σ dP·P)·scale
    for (let i = 0; i < seq; i++) {
      const row = ds + ((<usize>i * <usize>seq) << 2), prow = pb + ((<usize>i * <usize>seq) << 2);
      if (dropping) {
        const base = pIndex + <u32>(i * seq);
        for (let j = 0; j < seq; j++) {
          const e = row + (<usize>j << 2);
          store<f32>(e, dropHash(base + <u32>j, seed) < threshold ? 0 : load<f32>(e) * keep);
        }
      }
      const dt = dot(row, prow, seq);
      for (let j = 0; j < seq; j++) {
        const e = row + (<usize>j << 2);
        store<f32>(e, load<f32>(prow + (<usize>j << 2)) * (load<f32>(e) - dt) * scale);
      }
    }
    // dV = dropout(P)ᵀ·dOut
    packProbs(pb, seq, true, packedA, dropping, pIndex, seed, threshold, keep);
    packB(gb, width, false, d, seq, packedB);
    computeBlock(seq, d, seq, packedA, packedB, dv + headOff, width, 1, 0, false, tmp);
    // dQ = dS·K ; dK = dSᵀ·Q
    gemmStrided(seq, d, seq, ds, seq, false, kb, kLd, false, dq + headOff, width, 1, false, packedA, packedB, tmp);
    gemmStrided(seq, d, seq, ds, seq, true, qb, qLd, false, dk + headOff, width, 1, false, packedA, packedB, tmp);
  }
}

/** Bytes of scratch each thread needs for attention over (seq, headDim); mirrored by the host. */
export function attentionScratchBytes(seq: i32, d: i32): usize {
  const dim = max(seq, d);
  return ((packFloats(dim) * 2 + <usize>seq * <usize>seq) << 2) + 64;
}

