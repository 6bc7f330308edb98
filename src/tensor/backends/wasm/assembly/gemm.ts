// GEMM: op(A)·op(B) through packed panels and a register-blocked 6×8 micro-kernel.
//
// op(A) is cut into panels of MR rows stored [k][MR] (zero-padded past m), op(B) into panels of NR columns
// stored [k][NR] (zero-padded past n). The micro-kernel keeps a 6×8 block of C in twelve f32x4 registers
// (V8 gives wasm 16 xmm registers on x64: 12 accumulators, 2 B vectors, 1 broadcast A value) and walks the
// whole k extent, so every element of C is one running sum in k order: the same bits whatever the tiling of
// the work over threads, and whether the tile is an edge tile or not.
import { argF, argI, argP, madd } from './common';

/** Rows of the micro-kernel tile: 6 with FMA (12 accumulators); 4 for mul + add, which needs a temporary. */
export const MR: i32 = ASC_FEATURE_RELAXED_SIMD ? 6 : 4;
export const NR: i32 = 8;

/**
 * Packs one MR-row panel of op(A) (rows i..i+mr) for `k` columns into dst [k][MR].
 * op(A)(r, l) = transA ? a[l·lda + r] : a[r·lda + l]. Rows past mr are zero.
 */
export function packAPanel(a: usize, lda: i32, transA: bool, i: i32, mr: i32, k: i32, dst: usize): void {
  if (transA) {
    let src = a + (<usize>i << 2);
    const step = <usize>lda << 2;
    if (mr == MR) {
      for (let l = 0; l < k; l++) {
        v128.store(dst, v128.load(src));
        if (MR == 6) store<u64>(dst, load<u64>(src, 16), 16);
        src += step;
        dst += MR << 2;
      }
    } else {
      for (let l = 0; l < k; l++) {
        for (let r = 0; r < MR; r++) store<f32>(dst + (<usize>r << 2), r < mr ? load<f32>(src + (<usize>r << 2)) : 0);
        src += step;
        dst += MR << 2;
      }
    }
  } else if (mr == 6 && MR == 6) {
    // six rows, four columns at a time: a 4×4 transpose of rows 0-3 and pairs from rows 4-5
    const ld = <usize>lda << 2;
    let p0 = a + ((<usize>i * <usize>lda) << 2);
    let l = 0;
    for (; l + 4 <= k; l += 4) {
      const r0 = v128.load(p0), r1 = v128.load(p0 + ld), r2 = v128.load(p0 + 2 * ld), r3 = v128.load(p0 + 3 * ld);
      const r4 = v128.load(p0 + 4 * ld), r5 = v128.load(p0 + 5 * ld);
      const t0 = i32x4.shuffle(r0, r1, 0, 4, 1, 5), t1 = i32x4.shuffle(r2, r3, 0, 4, 1, 5);
      const t2 = i32x4.shuffle(r0, r1, 2, 6, 3, 7), t3 = i32x4.shuffle(r2, r3, 2, 6, 3, 7);
      const u0 = i32x4.shuffle(r4, r5, 0, 4, 1, 5), u1 = i32x4.shuffle(r4, r5, 2, 6, 3, 7);
      v128.store(dst, i64x2.shuffle(t0, t1, 0, 2));
      v128.store_lane<i64>(dst + 16, u0, 0);
      v128.store(dst + 24, i64x2.shuffle(t0, t1, 1, 3));
      v128.store_lane<i64>(dst + 40, u0, 1);
      v128.store(dst + 48, i64x2.shuffle(t2, t3, 0, 2));
      v128.store_lane<i64>(dst + 64, u1, 0);
      v128.store(dst + 72, i64x2.shuffle(t2, t3, 1, 3));
      v128.store_lane<i64>(dst + 88, u1, 1);
      p0 += 16;
      dst += 96;
    }
    for (; l < k; l++) {
      for (let r = 0; r < MR; r++) store<f32>(dst + (<usize>r << 2), load<f32>(p0 + <usize>r * ld));
      p0 += 4;
      dst += MR << 2;
    }
  } else {
    for (let r = 0; r < MR; r++) {
      const d = dst + (<usize>r << 2);
      if (r < mr) {
        const src = a + ((<usize>(i + r) * <usize>lda) << 2);
        for (let l = 0; l < k; l++) store<f32>(d + <usize>l * (MR << 2), load<f32>(src + (<usize>l << 2)));
      } else {
        for (let l = 0; l < k; l++) store<f32>(d + <usize>l * (MR << 2), 0);
      }
    }
  }
}

/**
 * Packs one NR-column panel of op(B) (columns j..j+nr) for `k` rows into dst [k][NR].
 * op(B)(l, c) = transB ? b[c·ldb + l] : b[l·ldb + c]. Columns past nr are zero.
 */
export function packBPanel(b: usize, ldb: i32, transB: bool, j: i32, nr: i32, k: i32, dst: usize): void {
  if (transB && nr == NR) {
    // eight rows of b (columns of op(B)), four k at a time: two 4×4 transposes
    const ld = <usize>ldb << 2;
    let p0 = b + ((<usize>j * <usize>ldb) << 2);
    let l = 0;
    for (; l + 4 <= k; l += 4) {
      const r0 = v128.load(p0), r1 = v128.load(p0 + ld), r2 = v128.load(p0 + 2 * ld), r3 = v128.load(p0 + 3 * ld);
      const r4 = v128.load(p0 + 4 * ld), r5 = v128.load(p0 + 5 * ld), r6 = v128.load(p0 + 6 * ld), r7 = v128.load(p0 + 7 * ld);
      const t0 = i32x4.shuffle(r0, r1, 0, 4, 1, 5), t1 = i32x4.shuffle(r2, r3, 0, 4, 1, 5);
      const t2 = i32x4.shuffle(r0, r1, 2, 6, 3, 7), t3 = i32x4.shuffle(r2, r3, 2, 6, 3, 7);
      const s0 = i32x4.shuffle(r4, r5, 0, 4, 1, 5), s1 = i32x4.shuffle(r6, r7, 0, 4, 1, 5);
      const s2 = i32x4.shuffle(r4, r5, 2, 6, 3, 7), s3 = i32x4.shuffle(r6, r7, 2, 6, 3, 7);
      v128.store(dst, i64x2.shuffle(t0, t1, 0, 2));
      v128.store(dst, i64x2.shuffle(s0, s1, 0, 2), 16);
      v128.store(dst, i64x2.shuffle(t0, t1, 1, 3), 32);
      v128.store(dst, i64x2.shuffle(s0, s1, 1, 3), 48);
      v128.store(dst, i64x2.shuffle(t2, t3, 0, 2), 64);
      v128.store(dst, i64x2.shuffle(s2, s3, 0, 2), 80);
      v128.store(dst, i64x2.shuffle(t2, t3, 1, 3), 96);
      v128.store(dst, i64x2.shuffle(s2, s3, 1, 3), 112);
      p0 += 16;
      dst += 128;
    }
    for (; l < k; l++) {
      for (let c = 0; c < NR; c++) store<f32>(dst + (<usize>c << 2), load<f32>(p0 + <usize>c * ld));
      p0 += 4;
      dst += NR << 2;
    }
  } else if (transB) {
    for (let c = 0; c < NR; c++) {
      const d = dst + (<usize>c << 2);
      if (c < nr) {
        const src = b + ((<usize>(j + c) * <usize>ldb) << 2);
        for (let l = 0; l < k; l++) store<f32>(d + (<usize>l << 5), load<f32>(src + (<usize>l << 2)));
      } else {
        for (let l = 0; l < k; l++) store<f32>(d + (<usize>l << 5), 0);
      }
    }
  } else {
    let src = b + (<usize>j << 2);
    const step = <usize>ldb << 2;
    if (nr == NR) {
      for (let l = 0; l < k; l++) {
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
        src += step;
        dst += NR << 2;
      }
    } else {
      for (let l = 0; l < k; l++) {
        for (let c = 0; c < NR; c++) store<f32>(dst + (<usize>c << 2), c < nr ? load<f32>(src + (<usize>c << 2)) : 0);
        src += step;
        dst += NR << 2;
      }
    }
  }
}

/**
 * Packs `panels` consecutive panels of `width` (MR or NR) columns of a row-major matrix whose panels run along
 * its rows (op(A) transposed, op(B) as is): panel p holds columns first + p·width .. (zero past `cols`) of
 * rows 0..k, stored [k][width]. Walking the rows once for the whole group reads each row's columns for all
 * its panels together (whole cache lines, one page per row) instead of once per panel.
 */
export function packRowPanels(src: usize, ld: i32, first: i32, cols: i32, width: i32, panels: i32, k: i32, dst: usize): void {
  const full = min(panels, (cols - first) / width);
  const panelBytes = <usize>(width * k) << 2;
  const rowStep = <usize>ld << 2, outStep = <usize>width << 2;
  let row = src + (<usize>first << 2);
  let out = dst;
  for (let l = 0; l < k; l++) {
    let s = row, d = out;
    if (width == 8) {
      for (let p = 0; p < full; p++) {
        v128.store(d, v128.load(s));
        v128.store(d, v128.load(s, 16), 16);
        s += 32;
        d += panelBytes;
      }
    } else if (width == 6) {
      for (let p = 0; p < full; p++) {
        v128.store(d, v128.load(s));
        store<u64>(d, load<u64>(s, 16), 16);
        s += 24;
        d += panelBytes;
      }
    } else {
      for (let p = 0; p < full; p++) {
        v128.store(d, v128.load(s));
        s += 16;
        d += panelBytes;
      }
    }
    if (full < panels) {
      // the edge panel: columns past `cols` are zero
      const have = cols - (first + full * width);
      for (let c = 0; c < width; c++) store<f32>(d + (<usize>c << 2), c < have ? load<f32>(s + (<usize>c << 2)) : 0);
    }
    row += rowStep;
    out += outStep;
  }
}

/** Panels per group of packRowPanels: a whole number of 64-byte lines of each row for both widths. */
const ROW_GROUP: i32 = 8;

/** Packs rows [0, m) of op(A) into consecutive panels. */
export function packA(a: usize, lda: i32, transA: bool, m: i32, k: i32, dst: usize): void {
  const panelBytes = <usize>(MR * k) << 2;
  if (transA) {
    const panels = (m + MR - 1) / MR;
    for (let p = 0; p < panels; p += ROW_GROUP) {
      packRowPanels(a, lda, p * MR, m, MR, min(ROW_GROUP, panels - p), k, dst + <usize>p * panelBytes);
    }
    return;
  }
  for (let i = 0; i < m; i += MR) {
    packAPanel(a, lda, transA, i, min(MR, m - i), k, dst);
    dst += panelBytes;
  }
}

/** Packs columns [0, n) of op(B) into consecutive panels. */
export function packB(b: usize, ldb: i32, transB: bool, n: i32, k: i32, dst: usize): void {
  const panelBytes = <usize>(NR * k) << 2;
  if (!transB) {
    const panels = (n + NR - 1) / NR;
    for (let p = 0; p < panels; p += ROW_GROUP) {
      packRowPanels(b, ldb, p * NR, n, NR, min(ROW_GROUP, panels - p), k, dst + <usize>p * panelBytes);
    }
    return;
  }
  for (let j = 0; j < n; j += NR) {
    packBPanel(b, ldb, transB, j, min(NR, n - j), k, dst);
    dst += panelBytes;
  }
}

/** One output row of a full tile: c = alpha·acc (+ bias) (c_old + ...), in the reference's order. */
@inline function storeRow(c: usize, v0: v128, v1: v128, alpha: v128, bias: usize, accumulate: bool): void {
  let s0 = f32x4.mul(v0, alpha);
  let s1 = f32x4.mul(v1, alpha);
  if (bias != 0) {
    s0 = f32x4.add(s0, v128.load(bias));
    s1 = f32x4.add(s1, v128.load(bias, 16));
  }
  if (accumulate) {
    s0 = f32x4.add(v128.load(c), s0);
    s1 = f32x4.add(v128.load(c, 16), s1);
  }
  v128.store(c, s0);
  v128.store(c, s1, 16);
}

/** The 6×8 tile (FMA build): twelve accumulators, two B vectors, one broadcast A value. */
function tile6(pa: usize, pb: usize, k: i32, c: usize, ldc: i32, mr: i32, nr: i32,
  alpha: f32, bias: usize, accumulate: bool, tmp: usize): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  let c40 = f32x4.splat(0), c41 = f32x4.splat(0);
  let c50 = f32x4.splat(0), c51 = f32x4.splat(0);
  for (let l = 0; l < k; l++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    c00 = madd(a, b0, c00); c01 = madd(a, b1, c01);
    a = v128.load32_splat(pa, 4);
    c10 = madd(a, b0, c10); c11 = madd(a, b1, c11);
    a = v128.load32_splat(pa, 8);
    c20 = madd(a, b0, c20); c21 = madd(a, b1, c21);
    a = v128.load32_splat(pa, 12);
    c30 = madd(a, b0, c30); c31 = madd(a, b1, c31);
    a = v128.load32_splat(pa, 16);
    c40 = madd(a, b0, c40); c41 = madd(a, b1, c41);
    a = v128.load32_splat(pa, 20);
    c50 = madd(a, b0, c50); c51 = madd(a, b1, c51);
    pa += 24;
    pb += NR << 2;
  }
  const av = f32x4.splat(alpha);
  if (mr == 6 && nr == NR) {
    const step = <usize>ldc << 2;
    storeRow(c, c00, c01, av, bias, accumulate); c += step;
    storeRow(c, c10, c11, av, bias, accumulate); c += step;
    storeRow(c, c20, c21, av, bias, accumulate); c += step;
    storeRow(c, c30, c31, av, bias, accumulate); c += step;
    storeRow(c, c40, c41, av, bias, accumulate); c += step;
    storeRow(c, c50, c51, av, bias, accumulate);
    return;
  }
  v128.store(tmp, c00); v128.store(tmp, c01, 16);
  v128.store(tmp, c10, 32); v128.store(tmp, c11, 48);
  v128.store(tmp, c20, 64); v128.store(tmp, c21, 80);
  v128.store(tmp, c30, 96); v128.store(tmp, c31, 112);
  v128.store(tmp, c40, 128); v128.store(tmp, c41, 144);
  v128.store(tmp, c50, 160); v128.store(tmp, c51, 176);
  storeEdge(c, ldc, mr, nr, alpha, bias, accumulate, tmp);
}

/** The 4×8 tile (mul + add build): eight accumulators leave registers for the products. */
function tile4(pa: usize, pb: usize, k: i32, c: usize, ldc: i32, mr: i32, nr: i32,
  alpha: f32, bias: usize, accumulate: bool, tmp: usize): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let l = 0; l < k; l++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    c00 = madd(a, b0, c00); c01 = madd(a, b1, c01);
    a = v128.load32_splat(pa, 4);
    c10 = madd(a, b0, c10); c11 = madd(a, b1, c11);
    a = v128.load32_splat(pa, 8);
    c20 = madd(a, b0, c20); c21 = madd(a, b1, c21);
    a = v128.load32_splat(pa, 12);
    c30 = madd(a, b0, c30); c31 = madd(a, b1, c31);
    pa += 16;
    pb += NR << 2;
  }
  const av = f32x4.splat(alpha);
  if (mr == 4 && nr == NR) {
    const step = <usize>ldc << 2;
    storeRow(c, c00, c01, av, bias, accumulate); c += step;
    storeRow(c, c10, c11, av, bias, accumulate); c += step;
    storeRow(c, c20, c21, av, bias, accumulate); c += step;
    storeRow(c, c30, c31, av, bias, accumulate);
    return;
  }
  v128.store(tmp, c00); v128.store(tmp, c01, 16);
  v128.store(tmp, c10, 32); v128.store(tmp, c11, 48);
  v128.store(tmp, c20, 64); v128.store(tmp, c21, 80);
  v128.store(tmp, c30, 96); v128.store(tmp, c31, 112);
  storeEdge(c, ldc, mr, nr, alpha, bias, accumulate, tmp);
}

/**
 * C[0..mr)[0..nr) (=|+=) alpha·Apanel·Bpanel (+ bias) for one MR×NR tile. `tmp` (MR·NR floats) holds edge
 * tiles, which the scalar epilogue then stores with the same operations as the vector one.
 */
@inline export function tile(pa: usize, pb: usize, k: i32, c: usize, ldc: i32, mr: i32, nr: i32,
  alpha: f32, bias: usize, accumulate: bool, tmp: usize): void {
  if (MR == 6) tile6(pa, pb, k, c, ldc, mr, nr, alpha, bias, accumulate, tmp);
  else tile4(pa, pb, k, c, ldc, mr, nr, alpha, bias, accumulate, tmp);
}

/** The scalar epilogue of an edge tile whose accumulators sit in tmp [MR][NR]. */
function storeEdge(c: usize, ldc: i32, mr: i32, nr: i32, alpha: f32, bias: usize, accumulate: bool, tmp: usize): void {
  for (let r = 0; r < mr; r++) {
    const crow = c + ((<usize>r * <usize>ldc) << 2);
    const trow = tmp + (<usize>(r * NR) << 2);
    for (let j = 0; j < nr; j++) {
      let s = load<f32>(trow + (<usize>j << 2)) * alpha;
      if (bias != 0) s = s + load<f32>(bias + (<usize>j << 2));
      if (accumulate) s = load<f32>(crow + (<usize>j << 2)) + s;
      store<f32>(crow + (<usize>j << 2), s);
    }
  }
}

/**
 * C (=|+=) alpha·A·B (+ bias) for an m×n block from packed panels (pa: ceil(m/MR) A panels, pb: ceil(n/NR)
 * B panels). C rows are ldc floats apart; bias (0 = none) is indexed by the block's column.
 */
export function computeBlock(m: i32, n: i32, k: i32, pa: usize, pb: usize, c: usize, ldc: i32,
  alpha: f32, bias: usize, accumulate: bool, tmp: usize): void {
  const aPanelBytes = <usize>(MR * k) << 2;
  const bPanelBytes = <usize>(NR * k) << 2;
  for (let j = 0; j < n; j += NR) {
    const nr = min(NR, n - j);
    const bp = pb + <usize>(j / NR) * bPanelBytes;
    const bj = bias == 0 ? <usize>0 : bias + (<usize>j << 2);
    for (let i = 0; i < m; i += MR) {
      tile(pa + <usize>(i / MR) * aPanelBytes, bp, k, c + ((<usize>i * <usize>ldc + <usize>j) << 2), ldc,
        min(MR, m - i), nr, alpha, bj, accumulate, tmp);
    }
  }
}

/** Single-threaded GEMM on strided operands through caller-provided pack buffers (attention uses it). */
export function gemmStrided(m: i32, n: i32, k: i32, a: usize, lda: i32, transA: bool, b: usize, ldb: i32,
  transB: bool, c: usize, ldc: i32, alpha: f32, accumulate: bool, packedA: usize, packedB: usize, tmp: usize): void {
  packA(a, lda, transA, m, k, packedA);
  packB(b, ldb, transB, n, k, packedB);
  computeBlock(m, n, k, packedA, packedB, c, ldc, alpha, 0, accumulate, tmp);
}

// Host-dispatched batched GEMM, two phases. Argument slots:
//  0 batch, 1 m, 2 n, 3 k, 4 a, 5 transA, 6 b, 7 transB, 8 strideA, 9 strideB, 10 c, 11 bias (0 = none),
// 12 alpha, 13 accumulate, 14 packedA, 15 packedB, 16 work counters (two i32: compute, pack), 17 per-thread tmp base,
// 18 rows per block (multiple of MR), 19 columns per block (multiple of NR).

/** Panels per grab of the packing phase for panels packed one at a time (rows of op(A), columns of op(B)). */
const PACK_GRAB: i32 = 4;

/**
 * Phase 1: packs every A and B panel (each matrix once; a 0 stride means one matrix for the batch). Threads
 * grab units from a counter (slot 16 address + 4): PACK_GRAB panels packed one by one, or ROW_GROUP panels
 * packed together along the rows (packRowPanels), so a descheduled thread holds up little.
 */
export function gemmPack(tid: i32, nt: i32, args: usize): void {
  const batch = argI(args, 0), m = argI(args, 1), n = argI(args, 2), k = argI(args, 3);
  const a = argP(args, 4), transA = argI(args, 5) != 0, b = argP(args, 6), transB = argI(args, 7) != 0;
  const strideA = argI(args, 8), strideB = argI(args, 9);
  const packedA = argP(args, 14), packedB = argP(args, 15), counter = argP(args, 16) + 4;
  const aMats = strideA == 0 ? 1 : batch, bMats = strideB == 0 ? 1 : batch;
  const aPanels = (m + MR - 1) / MR, bPanels = (n + NR - 1) / NR;
  const aGroup = transA ? ROW_GROUP : PACK_GRAB, bGroup = transB ? PACK_GRAB : ROW_GROUP;
  const aUnits = (aPanels + aGroup - 1) / aGroup, bUnits = (bPanels + bGroup - 1) / bGroup;
  const total = aMats * aUnits + bMats * bUnits;
  const lda = transA ? m : k, ldb = transB ? k : n;
  const aPanelBytes = <usize>(MR * k) << 2, bPanelBytes = <usize>(NR * k) << 2;
  for (;;) {
    const w = atomic.add<i32>(counter, 1);
    if (w >= total) break;
    if (w < aMats * aUnits) {
      const mat = w / aUnits, p0 = (w % aUnits) * aGroup, p1 = min(aPanels, p0 + aGroup);
      const src = a + ((<usize>mat * <usize>strideA) << 2);
      const dst = packedA + <usize>(mat * aPanels + p0) * aPanelBytes;
      if (transA) packRowPanels(src, lda, p0 * MR, m, MR, p1 - p0, k, dst);
      else for (let p = p0; p < p1; p++) packAPanel(src, lda, false, p * MR, min(MR, m - p * MR), k, dst + <usize>(p - p0) * aPanelBytes);
    } else {
      const v = w - aMats * aUnits;
      const mat = v / bUnits, p0 = (v % bUnits) * bGroup, p1 = min(bPanels, p0 + bGroup);
      const src = b + ((<usize>mat * <usize>strideB) << 2);
      const dst = packedB + <usize>(mat * bPanels + p0) * bPanelBytes;
      if (!transB) packRowPanels(src, ldb, p0 * NR, n, NR, p1 - p0, k, dst);
      else for (let p = p0; p < p1; p++) packBPanel(src, ldb, true, p * NR, min(NR, n - p * NR), k, dst + <usize>(p - p0) * bPanelBytes);
    }
  }
}

/** Phase 2: threads take (batch, row block, column block) items from a shared counter and compute them. */
export function gemmCompute(tid: i32, nt: i32, args: usize): void {
  const batch = argI(args, 0), m = argI(args, 1), n = argI(args, 2), k = argI(args, 3);
  const strideA = argI(args, 8), strideB = argI(args, 9);
  const c = argP(args, 10), bias = argP(args, 11), alpha = <f32>argF(args, 12), accumulate = argI(args, 13) != 0;
  const packedA = argP(args, 14), packedB = argP(args, 15), counter = argP(args, 16);
  const tmp = argP(args, 17) + (<usize>tid << 8);
  const mc = argI(args, 18), nc = argI(args, 19);
  const aPanels = (m + MR - 1) / MR, bPanels = (n + NR - 1) / NR;
  const mBlocks = (m + mc - 1) / mc, nBlocks = (n + nc - 1) / nc;
  const perMatrix = mBlocks * nBlocks;
  const total = batch * perMatrix;
  for (;;) {
    const w = atomic.add<i32>(counter, 1);
    if (w >= total) break;
    const p = w / perMatrix, r = w % perMatrix;
    const i0 = (r / nBlocks) * mc, j0 = (r % nBlocks) * nc;
    const pa = packedA + ((<usize>((strideA == 0 ? 0 : p) * aPanels + i0 / MR) * <usize>(MR * k)) << 2);
    const pb = packedB + ((<usize>((strideB == 0 ? 0 : p) * bPanels + j0 / NR) * <usize>(NR * k)) << 2);
    const cb = c + ((<usize>p * <usize>m * <usize>n + <usize>i0 * <usize>n + <usize>j0) << 2);
    computeBlock(min(mc, m - i0), min(nc, n - j0), k, pa, pb, cb, n, alpha, bias == 0 ? <usize>0 : bias + (<usize>j0 << 2),
      accumulate, tmp);
  }
}
