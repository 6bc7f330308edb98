// Tiled GEMM: a 64×64 (or 128×128) block of C per workgroup of 256 threads, each holding a 4×4 (8×8)
// register tile; A and B pass through workgroup memory in 16-deep slices. One pipeline per transpose
// combination and tile (the loads differ); alpha, bias and accumulation are fused into the store.
// Grid (n/tile, m/tile, batch) over the block [mStart, mEnd) × [nStart, nEnd) of C, summing over [kStart, kEnd)
// (m, n, k are the whole product's, for the layouts; a call splits into such blocks when its matrices exceed
// a binding, see gemm-plan.ts).
import type { KernelSource } from './kernel.js';

const BK = 16;
/** 16×16 threads per workgroup, each holding a (tile/16)² register block. */
const THREADS = 256;

/**
 * Loads of one slice: element e = li + 256·q of the tile×16 slice, mapped so that consecutive threads read
 * consecutive addresses for either layout.
 */
function loadA(transA: boolean, t: number): string {
  return transA
    // A is [k][m]: walk along m
    ? `let kk = e / ${t}u; let ii = e % ${t}u; let gi = m0 + ii; let gk = k0 + kk;
       As[kk][ii] = select(0.0, a[aBase + gk * P.m + gi], gi < P.mEnd && gk < P.kEnd);`
    // A is [m][k]: walk along k
    : `let ii = e / ${BK}u; let kk = e % ${BK}u; let gi = m0 + ii; let gk = k0 + kk;
       As[kk][ii] = select(0.0, a[aBase + gi * P.k + gk], gi < P.mEnd && gk < P.kEnd);`;
}

function loadB(transB: boolean, t: number): string {
  return transB
    // B is [n][k]: walk along k
    ? `let jj = e / ${BK}u; let kk = e % ${BK}u; let gj = n0 + jj; let gk = k0 + kk;
       Bs[kk][jj] = select(0.0, b[bBase + gj * P.k + gk], gj < P.nEnd && gk < P.kEnd);`
    // B is [k][n]: walk along n
    : `let kk = e / ${t}u; let jj = e % ${t}u; let gj = n0 + jj; let gk = k0 + kk;
       Bs[kk][jj] = select(0.0, b[bBase + gk * P.n + gj], gj < P.nEnd && gk < P.kEnd);`;
}

/**
 * `half`: the tiles in workgroup memory hold f16 (operands rounded to half precision, half the shared-memory
 * traffic); products and sums stay f32. Needs shader-f16; untested on hardware so far.
 */
function gemmKernel(transA: boolean, transB: boolean, t: 64 | 128, half = false): KernelSource {
  const r = t / 16, loads = (t * BK) / THREADS;
  const tileType = half ? 'f16' : 'f32';
  const load = (code: string): string => half ? code.replace(/(As|Bs)\[kk\]\[(ii|jj)\] = (select\(.*\));/, '$1[kk][$2] = f16($3);') : code;
  return {
    label: `gemm${transA ? 'T' : 'N'}${transB ? 'T' : 'N'}${t}${half ? 'h' : ''}`,
    ...(half ? { enable: ['f16'] } : {}),
    params: [['m', 'u32'], ['n', 'u32'], ['k', 'u32'], ['strideA', 'u32'], ['strideB', 'u32'], ['alpha', 'f32'],
      ['hasBias', 'u32'], ['accumulate', 'u32'], ['batch0', 'u32'], ['mStart', 'u32'], ['mEnd', 'u32'], ['nStart', 'u32'],
      ['nEnd', 'u32'], ['kStart', 'u32'], ['kEnd', 'u32']],
    bindings: [['a', 'read'], ['b', 'read'], ['bias', 'read'], ['c', 'read_write']],
    body: `
var<workgroup> As: array<array<${tileType}, ${t}>, ${BK}>;
var<workgroup> Bs: array<array<${tileType}, ${t}>, ${BK}>;
@compute @workgroup_size(${THREADS})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) li: u32) {
  let batch = wid.z + P.batch0;
  let m0 = P.mStart + wid.y * ${t}u;
  let n0 = P.nStart + wid.x * ${t}u;
  let tx = li % 16u;
  let ty = li / 16u;
  // Batch offsets (strides may be 0: one matrix broadcast over the batch).
  let aBase = batch * P.strideA;
  let bBase = batch * P.strideB;
  var acc: array<array<f32, ${r}>, ${r}>;
  for (var k0 = P.kStart; k0 < P.kEnd; k0 += ${BK}u) {
    for (var q = 0u; q < ${loads}u; q++) {
      let e = li + q * ${THREADS}u;
      { ${load(loadA(transA, t))} }
      { ${load(loadB(transB, t))} }
    }
    workgroupBarrier();
    for (var kk = 0u; kk < ${BK}u; kk++) {
      var av: array<f32, ${r}>;
      var bv: array<f32, ${r}>;
      for (var x = 0u; x < ${r}u; x++) { av[x] = f32(As[kk][ty + 16u * x]); bv[x] = f32(Bs[kk][tx + 16u * x]); }
      for (var x = 0u; x < ${r}u; x++) {
        for (var y = 0u; y < ${r}u; y++) { acc[x][y] = fma(av[x], bv[y], acc[x][y]); }
      }
    }
    workgroupBarrier();
  }
  let cBase = batch * P.m * P.n;
  for (var x = 0u; x < ${r}u; x++) {
    let i = m0 + ty + 16u * x;
    if (i >= P.mEnd) { continue; }
    for (var y = 0u; y < ${r}u; y++) {
      let j = n0 + tx + 16u * y;
      if (j >= P.nEnd) { continue; }
      var v = acc[x][y] * P.alpha;
      if (P.hasBias != 0u) { v += bias[j]; }
      let at = cBase + i * P.n + j;
      if (P.accumulate != 0u) { v = c[at] + v; }
      c[at] = v;
    }
  }
}
`,
  };
}

const variants = (t: 64 | 128, half = false): readonly KernelSource[] =>
  [gemmKernel(false, false, t, half), gemmKernel(false, true, t, half), gemmKernel(true, false, t, half), gemmKernel(true, true, t, half)];

/** The pipelines by tile, each indexed by transA·2 + transB. */
export const GEMM: Readonly<Record<64 | 128, readonly KernelSource[]>> = { 64: variants(64), 128: variants(128) };
/** The same with f16 tiles in workgroup memory (shader-f16). */
export const GEMM_F16: Readonly<Record<64 | 128, readonly KernelSource[]>> = { 64: variants(64, true), 128: variants(128, true) };

/**
 * The tile for a product: 64×64. Measured on an H100 (Dawn, Vulkan; BENCHMARKS.md), the 128×128 kernel ran 7-19×
 * slower than the 64×64 one at every shape, 4096³ included (1.9 against 23.8 TFLOP/s), so it is never picked by
 * size; it stays selectable through `gemmTileOverride` for other GPUs and for its tests.
 */
export function gemmTile(): 64 | 128 {
  return 64;
}
