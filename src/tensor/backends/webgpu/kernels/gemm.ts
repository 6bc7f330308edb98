// Tiled GEMM: a 64×64 block of C per workgroup of 256 threads, each holding a 4×4 register tile; A and B
// pass through workgroup memory in 16-deep slices. One pipeline per transpose combination (the loads
// differ); alpha, bias and accumulation are fused into the store. Grid (n/64, m/64, batch).
import type { KernelSource } from './kernel.js';

export const GEMM_TILE = 64;
const BK = 16;

/**
 * Loads of one slice: element e = li + 256·q of the 64×16 tile, mapped so that consecutive threads read
 * consecutive addresses for either layout.
 */
function loadA(transA: boolean): string {
  return transA
    // A is [k][m]: walk along m
    ? `let kk = e / 64u; let ii = e % 64u; let gi = m0 + ii; let gk = k0 + kk;
       As[kk][ii] = select(0.0, a[aBase + gk * P.m + gi], gi < P.m && gk < P.k);`
    // A is [m][k]: walk along k
    : `let ii = e / 16u; let kk = e % 16u; let gi = m0 + ii; let gk = k0 + kk;
       As[kk][ii] = select(0.0, a[aBase + gi * P.k + gk], gi < P.m && gk < P.k);`;
}

function loadB(transB: boolean): string {
  return transB
    // B is [n][k]: walk along k
    ? `let jj = e / 16u; let kk = e % 16u; let gj = n0 + jj; let gk = k0 + kk;
       Bs[kk][jj] = select(0.0, b[bBase + gj * P.k + gk], gj < P.n && gk < P.k);`
    // B is [k][n]: walk along n
    : `let kk = e / 64u; let jj = e % 64u; let gj = n0 + jj; let gk = k0 + kk;
       Bs[kk][jj] = select(0.0, b[bBase + gk * P.n + gj], gj < P.n && gk < P.k);`;
}

function gemmKernel(transA: boolean, transB: boolean): KernelSource {
  return {
    label: `gemm${transA ? 'T' : 'N'}${transB ? 'T' : 'N'}`,
    params: [['m', 'u32'], ['n', 'u32'], ['k', 'u32'], ['strideA', 'u32'], ['strideB', 'u32'], ['alpha', 'f32'],
      ['hasBias', 'u32'], ['accumulate', 'u32'], ['batch0', 'u32']],
    bindings: [['a', 'read'], ['b', 'read'], ['bias', 'read'], ['c', 'read_write']],
    body: `
var<workgroup> As: array<array<f32, 64>, ${BK}>;
var<workgroup> Bs: array<array<f32, 64>, ${BK}>;
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) li: u32) {
  let batch = wid.z + P.batch0;
  let m0 = wid.y * 64u;
  let n0 = wid.x * 64u;
  let tx = li % 16u;
  let ty = li / 16u;
  // Batch offsets folded into the per-dispatch origin of A and B (strides may be 0: broadcast).
  let aBase = batch * P.strideA;
  let bBase = batch * P.strideB;
  var acc: array<array<f32, 4>, 4>;
  for (var k0 = 0u; k0 < P.k; k0 += ${BK}u) {
    for (var q = 0u; q < 4u; q++) {
      let e = li + q * 256u;
      { ${loadA(transA)} }
      { ${loadB(transB)} }
    }
    workgroupBarrier();
    for (var kk = 0u; kk < ${BK}u; kk++) {
      var av: array<f32, 4>;
      var bv: array<f32, 4>;
      for (var r = 0u; r < 4u; r++) { av[r] = As[kk][ty + 16u * r]; bv[r] = Bs[kk][tx + 16u * r]; }
      for (var r = 0u; r < 4u; r++) {
        for (var s = 0u; s < 4u; s++) { acc[r][s] = fma(av[r], bv[s], acc[r][s]); }
      }
    }
    workgroupBarrier();
  }
  let cBase = batch * P.m * P.n;
  for (var r = 0u; r < 4u; r++) {
    let i = m0 + ty + 16u * r;
    if (i >= P.m) { continue; }
    for (var s = 0u; s < 4u; s++) {
      let j = n0 + tx + 16u * s;
      if (j >= P.n) { continue; }
      var v = acc[r][s] * P.alpha;
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

/** The four pipelines, indexed by transA·2 + transB. */
export const GEMM = [gemmKernel(false, false), gemmKernel(false, true), gemmKernel(true, false), gemmKernel(true, true)] as const;
