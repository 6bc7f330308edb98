// Row-wise kernels (layerNorm, softmax, cross-entropy) and reductions. Threads split rows (or columns);
// reductions over many elements go through fixed-size chunks whose partial sums are combined in chunk
// order, so the result does not depend on the thread count.
import { argF, argI, argP, hmax, hsum, shareStart } from './common';
import { exp4, expNonPositive4 } from './simd-math';

@inline function at(p: usize, i: i32): usize {
  return p + (<usize>i << 2);
}

/** Σ x[0..n) in f32 lanes, combined in a fixed order. */
function rowSum(x: usize, n: i32): f32 {
  let a0 = f32x4.splat(0), a1 = f32x4.splat(0);
  let j = 0;
  for (; j + 8 <= n; j += 8) {
    a0 = f32x4.add(a0, v128.load(at(x, j)));
    a1 = f32x4.add(a1, v128.load(at(x, j), 16));
  }
  let s = hsum(f32x4.add(a0, a1));
  for (; j < n; j++) s += load<f32>(at(x, j));
  return s;
}

/** Σ (x - mu)² over x[0..n). */
function rowSqDev(x: usize, n: i32, mu: f32): f32 {
  const m = f32x4.splat(mu);
  let a0 = f32x4.splat(0), a1 = f32x4.splat(0);
  let j = 0;
  for (; j + 8 <= n; j += 8) {
    const d0 = f32x4.sub(v128.load(at(x, j)), m), d1 = f32x4.sub(v128.load(at(x, j), 16), m);
    a0 = f32x4.add(a0, f32x4.mul(d0, d0));
    a1 = f32x4.add(a1, f32x4.mul(d1, d1));
  }
  let s = hsum(f32x4.add(a0, a1));
  for (; j < n; j++) {
    const d = load<f32>(at(x, j)) - mu;
    s += d * d;
  }
  return s;
}

// layerNorm forward: 0 x, 1 gamma, 2 beta, 3 y, 4 mean, 5 rstd, 6 rows, 7 cols, 8 eps
export function layerNormForwardKernel(tid: i32, nt: i32, args: usize): void {
  const x = argP(args, 0), g = argP(args, 1), b = argP(args, 2), y = argP(args, 3);
  const mean = argP(args, 4), rstd = argP(args, 5), rows = argI(args, 6), cols = argI(args, 7);
  const eps = argF(args, 8);
  const r0 = shareStart(rows, tid, nt, 1), r1 = shareStart(rows, tid + 1, nt, 1);
  for (let r = r0; r < r1; r++) {
    const xr = x + ((<usize>r * <usize>cols) << 2), yr = y + ((<usize>r * <usize>cols) << 2);
    const mu = rowSum(xr, cols) / <f32>cols;
    const variance = rowSqDev(xr, cols, mu) / <f32>cols;
    const rs = <f32>(1 / Math.sqrt(<f64>variance + eps));
    store<f32>(at(mean, r), mu);
    store<f32>(at(rstd, r), rs);
    const mv = f32x4.splat(mu), rv = f32x4.splat(rs);
    let j = 0;
    for (; j + 4 <= cols; j += 4) {
      const xh = f32x4.mul(f32x4.sub(v128.load(at(xr, j)), mv), rv);
      v128.store(at(yr, j), f32x4.add(f32x4.mul(xh, v128.load(at(g, j))), v128.load(at(b, j))));
    }
    for (; j < cols; j++) store<f32>(at(yr, j), (load<f32>(at(xr, j)) - mu) * rs * load<f32>(at(g, j)) + load<f32>(at(b, j)));
  }
}

/** Rows per chunk of the layerNorm-backward parameter gradients (fixed: results must not depend on threads). */
const LN_CHUNK: i32 = 32;

// layerNorm backward phase 1: dx rows and per-chunk partial dgamma/dbeta.
// 0 dy, 1 x, 2 mean, 3 rstd, 4 gamma, 5 dx, 6 dgamma, 7 dbeta, 8 rows, 9 cols, 10 partials [chunks][2][cols]
export function layerNormBackwardRows(tid: i32, nt: i32, args: usize): void {
  const dy = argP(args, 0), x = argP(args, 1), mean = argP(args, 2), rstd = argP(args, 3), g = argP(args, 4);
  const dx = argP(args, 5), rows = argI(args, 8), cols = argI(args, 9), partials = argP(args, 10);
  const chunks = (rows + LN_CHUNK - 1) / LN_CHUNK;
  const c0 = shareStart(chunks, tid, nt, 1), c1 = shareStart(chunks, tid + 1, nt, 1);
  const invCols: f32 = 1 / <f32>cols;
  for (let ch = c0; ch < c1; ch++) {
    const pg = partials + ((<usize>ch * 2 * <usize>cols) << 2), pb = pg + (<usize>cols << 2);
    memory.fill(pg, 0, (<usize>cols * 2) << 2);
    const rEnd = min(rows, (ch + 1) * LN_CHUNK);
    for (let r = ch * LN_CHUNK; r < rEnd; r++) {
      const off = (<usize>r * <usize>cols) << 2;
      const dyr = dy + off, xr = x + off, dxr = dx + off;
      const mu = load<f32>(at(mean, r)), rs = load<f32>(at(rstd, r));
      const mv = f32x4.splat(mu), rv = f32x4.splat(rs);
      let sd = f32x4.splat(0), sdx = f32x4.splat(0);
      let j = 0;
      for (; j + 4 <= cols; j += 4) {
        const xh = f32x4.mul(f32x4.sub(v128.load(at(xr, j)), mv), rv);
        const dyv = v128.load(at(dyr, j));
        const d = f32x4.mul(dyv, v128.load(at(g, j)));
        sd = f32x4.add(sd, d);
        sdx = f32x4.add(sdx, f32x4.mul(d, xh));
        v128.store(at(pg, j), f32x4.add(v128.load(at(pg, j)), f32x4.mul(dyv, xh)));
        v128.store(at(pb, j), f32x4.add(v128.load(at(pb, j)), dyv));
      }
      let sumD = hsum(sd), sumDX = hsum(sdx);
      for (; j < cols; j++) {
        const xh = (load<f32>(at(xr, j)) - mu) * rs;
        const dyv = load<f32>(at(dyr, j));
        const d = dyv * load<f32>(at(g, j));
        sumD += d;
        sumDX += d * xh;
        store<f32>(at(pg, j), load<f32>(at(pg, j)) + dyv * xh);
        store<f32>(at(pb, j), load<f32>(at(pb, j)) + dyv);
      }
      const meanD = f32x4.splat(sumD * invCols), meanDX = f32x4.splat(sumDX * invCols);
      j = 0;
      for (; j + 4 <= cols; j += 4) {
        const xh = f32x4.mul(f32x4.sub(v128.load(at(xr, j)), mv), rv);
        const d = f32x4.mul(v128.load(at(dyr, j)), v128.load(at(g, j)));
        v128.store(at(dxr, j), f32x4.mul(rv, f32x4.sub(f32x4.sub(d, meanD), f32x4.mul(xh, meanDX))));
      }
      const mD = sumD * invCols, mDX = sumDX * invCols;
      for (; j < cols; j++) {
        const xh = (load<f32>(at(xr, j)) - mu) * rs;
        const d = load<f32>(at(dyr, j)) * load<f32>(at(g, j));
        store<f32>(at(dxr, j), rs * ((d - mD) - xh * mDX));
      }
    }
  }
}

// layerNorm backward phase 2: dgamma/dbeta += Σ chunk partials, in chunk order, threads split columns.
export function layerNormBackwardParams(tid: i32, nt: i32, args: usize): void {
  const dg = argP(args, 6), db = argP(args, 7), rows = argI(args, 8), cols = argI(args, 9), partials = argP(args, 10);
  const chunks = (rows + LN_CHUNK - 1) / LN_CHUNK;
  const j0 = shareStart(cols, tid, nt, 4), j1 = shareStart(cols, tid + 1, nt, 4);
  for (let j = j0; j < j1; j++) {
    let sg: f32 = 0, sb: f32 = 0;
    for (let ch = 0; ch < chunks; ch++) {
      const pg = partials + ((<usize>ch * 2 * <usize>cols) << 2);
      sg += load<f32>(at(pg, j));
      sb += load<f32>(at(pg + (<usize>cols << 2), j));
    }
    store<f32>(at(dg, j), load<f32>(at(dg, j)) + sg);
    store<f32>(at(db, j), load<f32>(at(db, j)) + sb);
  }
}

/**
 * Max of x[0..n). pmax (one instruction) skips NaNs where max would propagate them; a NaN still makes every
 * result that uses this max NaN, through the exp-sum that follows.
 */
function rowMax(x: usize, n: i32): f32 {
  let m0 = f32x4.splat(-Infinity), m1 = f32x4.splat(-Infinity);
  let j = 0;
  for (; j + 8 <= n; j += 8) {
    m0 = f32x4.pmax(m0, v128.load(at(x, j)));
    m1 = f32x4.pmax(m1, v128.load(at(x, j), 16));
  }
  let m = hmax(f32x4.max(m0, m1));
  for (; j < n; j++) m = max(m, load<f32>(at(x, j)));
  return m;
}

/**
 * dst[j] = e^(src[j] - mx) for j < n (dst may be src, or 0 to store nothing); returns Σ in f64 per 64-block.
 * mx is the row's max, so src[j] - mx is <= 0 or NaN: exp4's overflow lanes are not needed (same bits).
 */
function expShiftSum(src: usize, dst: usize, n: i32, mx: f32): f64 {
  const mv = f32x4.splat(mx);
  let total: f64 = 0;
  let j = 0;
  while (j + 4 <= n) {
    let acc = f32x4.splat(0), acc2 = f32x4.splat(0);
    const end = min(n, j + 64);
    // two independent exps per iteration (each is a long dependency chain)
    for (; j + 8 <= end; j += 8) {
      const e = expNonPositive4(f32x4.sub(v128.load(at(src, j)), mv));
      const e2 = expNonPositive4(f32x4.sub(v128.load(at(src, j), 16), mv));
      if (dst != 0) {
        v128.store(at(dst, j), e);
        v128.store(at(dst, j), e2, 16);
      }
      acc = f32x4.add(acc, e);
      acc2 = f32x4.add(acc2, e2);
    }
    for (; j + 4 <= end; j += 4) {
      const e = expNonPositive4(f32x4.sub(v128.load(at(src, j)), mv));
      if (dst != 0) v128.store(at(dst, j), e);
      acc = f32x4.add(acc, e);
    }
    total += <f64>hsum(f32x4.add(acc, acc2));
  }
  for (; j < n; j++) {
    const e = f32x4.extract_lane(expNonPositive4(f32x4.splat(load<f32>(at(src, j)) - mx)), 0);
    if (dst != 0) store<f32>(at(dst, j), e);
    total += <f64>e;
  }
  return total;
}

/** Softmax of src[0..n) into dst (may alias). */
export function softmaxRow(src: usize, dst: usize, n: i32): void {
  const mx = rowMax(src, n);
  const s = expShiftSum(src, dst, n, mx);
  const inv = f32x4.splat(<f32>(1 / s));
  let j = 0;
  for (; j + 4 <= n; j += 4) v128.store(at(dst, j), f32x4.mul(v128.load(at(dst, j)), inv));
  const invS = f32x4.extract_lane(inv, 0);
  for (; j < n; j++) store<f32>(at(dst, j), load<f32>(at(dst, j)) * invS);
}

// softmax forward: 0 x, 1 y, 2 rows, 3 cols
export function softmaxForwardKernel(tid: i32, nt: i32, args: usize): void {
  const x = argP(args, 0), y = argP(args, 1), rows = argI(args, 2), cols = argI(args, 3);
  const r0 = shareStart(rows, tid, nt, 1), r1 = shareStart(rows, tid + 1, nt, 1);
  for (let r = r0; r < r1; r++) {
    const off = (<usize>r * <usize>cols) << 2;
    softmaxRow(x + off, y + off, cols);
  }
}

/** Σ a[j]·b[j] over [0, n). */
export function dot(a: usize, b: usize, n: i32): f32 {
  let a0 = f32x4.splat(0), a1 = f32x4.splat(0);
  let j = 0;
  for (; j + 8 <= n; j += 8) {
    a0 = f32x4.add(a0, f32x4.mul(v128.load(at(a, j)), v128.load(at(b, j))));
    a1 = f32x4.add(a1, f32x4.mul(v128.load(at(a, j), 16), v128.load(at(b, j), 16)));
  }
  let s = hsum(f32x4.add(a0, a1));
  for (; j < n; j++) s += load<f32>(at(a, j)) * load<f32>(at(b, j));
  return s;
}

// softmax backward: 0 y, 1 dy, 2 dx, 3 rows, 4 cols.  dx = y·(dy - Σ y·dy)
export function softmaxBackwardKernel(tid: i32, nt: i32, args: usize): void {
  const y = argP(args, 0), dy = argP(args, 1), dx = argP(args, 2), rows = argI(args, 3), cols = argI(args, 4);
  const r0 = shareStart(rows, tid, nt, 1), r1 = shareStart(rows, tid + 1, nt, 1);
  for (let r = r0; r < r1; r++) {
    const off = (<usize>r * <usize>cols) << 2;
    const yr = y + off, dyr = dy + off, dxr = dx + off;
    const d = dot(yr, dyr, cols);
    const dv = f32x4.splat(d);
    let j = 0;
    for (; j + 4 <= cols; j += 4) v128.store(at(dxr, j), f32x4.mul(v128.load(at(yr, j)), f32x4.sub(v128.load(at(dyr, j)), dv)));
    for (; j < cols; j++) store<f32>(at(dxr, j), load<f32>(at(yr, j)) * (load<f32>(at(dyr, j)) - d));
  }
}

// cross-entropy forward, phase 1 (parallel rows): lse[r] = max + log Σ e^(x - max).
// 0 logits, 1 labels (i32), 2 ignoreIndex, 3 loss, 4 lse, 5 rows, 6 cols
export function crossEntropyLse(tid: i32, nt: i32, args: usize): void {
  const x = argP(args, 0), lse = argP(args, 4), rows = argI(args, 5), cols = argI(args, 6);
  const r0 = shareStart(rows, tid, nt, 1), r1 = shareStart(rows, tid + 1, nt, 1);
  for (let r = r0; r < r1; r++) {
    const xr = x + ((<usize>r * <usize>cols) << 2);
    const mx = rowMax(xr, cols);
    store<f32>(at(lse, r), <f32>(<f64>mx + Math.log(expShiftSum(xr, 0, cols, mx))));
  }
}

// cross-entropy forward, phase 2 (one thread): loss[0] = mean over labelled rows of lse - x[label].
export function crossEntropyLoss(tid: i32, nt: i32, args: usize): void {
  if (tid != 0) return;
  const x = argP(args, 0), labels = argP(args, 1), ignore = argI(args, 2), loss = argP(args, 3);
  const lse = argP(args, 4), rows = argI(args, 5), cols = argI(args, 6);
  let total: f64 = 0;
  let count = 0;
  for (let r = 0; r < rows; r++) {
    const label = load<i32>(labels + (<usize>r << 2));
    if (label == ignore) continue;
    total += <f64>load<f32>(at(lse, r)) - <f64>load<f32>(x + ((<usize>r * <usize>cols + <usize>label) << 2));
    count++;
  }
  store<f32>(loss, count == 0 ? 0 : <f32>(total / <f64>count));
}

// cross-entropy backward: 0 logits, 1 labels, 2 ignoreIndex, 3 lse, 4 scale (= dLoss/count), 5 dLogits,
// 6 rows, 7 cols.  dLogits = scale·(e^(x - lse) - onehot(label)); ignored rows are zero.
export function crossEntropyBackwardKernel(tid: i32, nt: i32, args: usize): void {
  const x = argP(args, 0), labels = argP(args, 1), ignore = argI(args, 2), lse = argP(args, 3);
  const sc = <f32>argF(args, 4), g = argP(args, 5), rows = argI(args, 6), cols = argI(args, 7);
  const r0 = shareStart(rows, tid, nt, 1), r1 = shareStart(rows, tid + 1, nt, 1);
  const sv = f32x4.splat(sc);
  for (let r = r0; r < r1; r++) {
    const off = (<usize>r * <usize>cols) << 2;
    const xr = x + off, gr = g + off;
    const label = load<i32>(labels + (<usize>r << 2));
    if (label == ignore) {
      memory.fill(gr, 0, <usize>cols << 2);
      continue;
    }
    const l = load<f32>(at(lse, r));
    const lv = f32x4.splat(l);
    let j = 0;
    for (; j + 8 <= cols; j += 8) {
      const e = exp4(f32x4.sub(v128.load(at(xr, j)), lv));
      const e2 = exp4(f32x4.sub(v128.load(at(xr, j), 16), lv));
      v128.store(at(gr, j), f32x4.mul(sv, e));
      v128.store(at(gr, j), f32x4.mul(sv, e2), 16);
    }
    for (; j + 4 <= cols; j += 4) v128.store(at(gr, j), f32x4.mul(sv, exp4(f32x4.sub(v128.load(at(xr, j)), lv))));
    for (; j < cols; j++) {
      const e = f32x4.extract_lane(exp4(f32x4.splat(load<f32>(at(xr, j)) - l)), 0);
      store<f32>(at(gr, j), sc * e);
    }
    const e = f32x4.extract_lane(exp4(f32x4.splat(load<f32>(at(xr, label)) - l)), 0);
    store<f32>(at(gr, label), sc * (e - 1));
  }
}

/** Elements per partial sum of sum / sumSquares (fixed: results must not depend on threads). */
export const SUM_CHUNK: i32 = 4096;

// sum / sumSquares phase 1: 0 x, 1 n, 2 squares flag, 3 partials (f64 per chunk)
export function sumChunks(tid: i32, nt: i32, args: usize): void {
  const x = argP(args, 0), n = argI(args, 1), squares = argI(args, 2) != 0, partials = argP(args, 3);
  const chunks = (n + SUM_CHUNK - 1) / SUM_CHUNK;
  const c0 = shareStart(chunks, tid, nt, 1), c1 = shareStart(chunks, tid + 1, nt, 1);
  for (let ch = c0; ch < c1; ch++) {
    const s = ch * SUM_CHUNK, e = min(n, s + SUM_CHUNK);
    let a0 = f32x4.splat(0), a1 = f32x4.splat(0);
    let j = s;
    if (squares) {
      for (; j + 8 <= e; j += 8) {
        const v0 = v128.load(at(x, j)), v1 = v128.load(at(x, j), 16);
        a0 = f32x4.add(a0, f32x4.mul(v0, v0));
        a1 = f32x4.add(a1, f32x4.mul(v1, v1));
      }
    } else {
      for (; j + 8 <= e; j += 8) {
        a0 = f32x4.add(a0, v128.load(at(x, j)));
        a1 = f32x4.add(a1, v128.load(at(x, j), 16));
      }
    }
    let t = <f64>hsum(f32x4.add(a0, a1));
    for (; j < e; j++) {
      const v = <f64>load<f32>(at(x, j));
      t += squares ? v * v : v;
    }
    store<f64>(partials + (<usize>ch << 3), t);
  }
}

// sum phase 2 (one thread): 0 x, 1 n, 2 squares, 3 partials, 4 out, 5 accumulate
export function sumFinish(tid: i32, nt: i32, args: usize): void {
  if (tid != 0) return;
  const n = argI(args, 1), partials = argP(args, 3), out = argP(args, 4), accumulate = argI(args, 5) != 0;
  const chunks = (n + SUM_CHUNK - 1) / SUM_CHUNK;
  let t: f64 = 0;
  for (let ch = 0; ch < chunks; ch++) t += load<f64>(partials + (<usize>ch << 3));
  store<f32>(out, accumulate ? <f32>(<f64>load<f32>(out) + t) : <f32>t);
}

// sumRows: 0 x, 1 out, 2 rows, 3 cols, 4 accumulate, 5 scratch (cols floats).  out[j] (+)= Σ_i x[i][j].
// Threads split columns; each walks its columns row by row (contiguous reads), summing rows in order into
// scratch, so every column is the same running sum whatever the split.
export function sumRowsKernel(tid: i32, nt: i32, args: usize): void {
  const x = argP(args, 0), out = argP(args, 1), rows = argI(args, 2), cols = argI(args, 3), accumulate = argI(args, 4) != 0;
  const acc = argP(args, 5);
  const j0 = shareStart(cols, tid, nt, 4), j1 = shareStart(cols, tid + 1, nt, 4);
  const step = <usize>cols << 2;
  let row = x;
  memory.fill(at(acc, j0), 0, <usize>(j1 - j0) << 2);
  for (let i = 0; i < rows; i++) {
    let j = j0;
    for (; j + 4 <= j1; j += 4) v128.store(at(acc, j), f32x4.add(v128.load(at(acc, j)), v128.load(at(row, j))));
    for (; j < j1; j++) store<f32>(at(acc, j), load<f32>(at(acc, j)) + load<f32>(at(row, j)));
    row += step;
  }
  let j = j0;
  for (; j + 4 <= j1; j += 4) {
    const s = v128.load(at(acc, j));
    v128.store(at(out, j), accumulate ? f32x4.add(v128.load(at(out, j)), s) : s);
  }
  for (; j < j1; j++) {
    const s = load<f32>(at(acc, j));
    store<f32>(at(out, j), accumulate ? load<f32>(at(out, j)) + s : s);
  }
}

// transpose: 0 x, 1 out, 2 batch, 3 rows, 4 cols.  Threads split (batch, 32-row block) items.
export function transposeKernel(tid: i32, nt: i32, args: usize): void {
  const x = argP(args, 0), out = argP(args, 1), batch = argI(args, 2), rows = argI(args, 3), cols = argI(args, 4);
  const rowBlocks = (rows + 31) / 32;
  const total = batch * rowBlocks;
  const w0 = shareStart(total, tid, nt, 1), w1 = shareStart(total, tid + 1, nt, 1);
  for (let w = w0; w < w1; w++) {
    const b = w / rowBlocks, i0 = (w % rowBlocks) * 32, i1 = min(rows, i0 + 32);
    const base = <usize>b * <usize>rows * <usize>cols;
    for (let j0 = 0; j0 < cols; j0 += 32) {
      const j1 = min(cols, j0 + 32);
      for (let i = i0; i < i1; i++) {
        for (let j = j0; j < j1; j++) {
          store<f32>(out + ((base + <usize>j * <usize>rows + <usize>i) << 2), load<f32>(x + ((base + <usize>i * <usize>cols + <usize>j) << 2)));
        }
      }
    }
  }
}

// gatherRows: 0 table, 1 idx (i32), 2 count, 3 out, 4 cols
export function gatherRowsKernel(tid: i32, nt: i32, args: usize): void {
  const table = argP(args, 0), idx = argP(args, 1), count = argI(args, 2), out = argP(args, 3), cols = argI(args, 4);
  const i0 = shareStart(count, tid, nt, 1), i1 = shareStart(count, tid + 1, nt, 1);
  const bytes = <usize>cols << 2;
  for (let i = i0; i < i1; i++) {
    const r = load<i32>(idx + (<usize>i << 2));
    memory.copy(out + <usize>i * bytes, table + <usize>r * bytes, bytes);
  }
}

// scatterAddRows: 0 dOut, 1 idx (i32), 2 count, 3 dTable, 4 cols.  Threads split columns; indices in order.
export function scatterAddRowsKernel(tid: i32, nt: i32, args: usize): void {
  const g = argP(args, 0), idx = argP(args, 1), count = argI(args, 2), t = argP(args, 3), cols = argI(args, 4);
  const j0 = shareStart(cols, tid, nt, 4), j1 = shareStart(cols, tid + 1, nt, 4);
  for (let i = 0; i < count; i++) {
    const r = load<i32>(idx + (<usize>i << 2));
    const src = g + ((<usize>i * <usize>cols) << 2), dst = t + ((<usize>r * <usize>cols) << 2);
    let j = j0;
    for (; j + 4 <= j1; j += 4) v128.store(at(dst, j), f32x4.add(v128.load(at(dst, j)), v128.load(at(src, j))));
    for (; j < j1; j++) store<f32>(at(dst, j), load<f32>(at(dst, j)) + load<f32>(at(src, j)));
  }
}
