// Reductions in a fixed order (no atomics), so every run gives the same bits: whole-buffer sums in two
// stages (blocks, then one workgroup over the block partials), and column sums over chunks of rows.
import { ENTRY_ARGS, GROUP_INDEX, WG, reducers, type KernelSource } from './kernel.js';

/** Elements each workgroup of the first stage sums (16 per thread, strided so loads are coalesced). */
export const SUM_BLOCK = WG * 16;
/** Rows per chunk of the column-sum kernels. */
export const COL_CHUNK = 64;

function blockSum(label: string, term: string): KernelSource {
  return {
    label, params: [['n', 'u32'], ['block0', 'u32']], bindings: [['x', 'read'], ['partial', 'read_write']],
    body: `${GROUP_INDEX}
${reducers(WG, [['reduceSum', 'a + b', 'subgroupAdd']])}
@compute @workgroup_size(${WG})
fn main(${ENTRY_ARGS}) {
  let g = P.block0 + groupIndex(wid, nwg);
  let start = g * ${SUM_BLOCK}u;
  // A folded grid has a few workgroups past the last block (uniform per workgroup, so the barriers stay valid).
  if (start >= P.n) { return; }
  var s = 0.0;
  for (var t = 0u; t < 16u; t++) {
    let i = start + t * ${WG}u + li;
    if (i < P.n) { let v = x[i]; s += ${term}; }
  }
  red[li] = s;
  let total = reduceSum(li);
  if (li == 0u) { partial[g] = total; }
}
`,
  };
}

export const BLOCK_SUM = blockSum('blockSum', 'v');
export const BLOCK_SUM_SQUARES = blockSum('blockSumSquares', 'v * v');

/** out[0] (+)= Σ partial[0..count) in one workgroup. */
export const FINAL_SUM: KernelSource = {
  label: 'finalSum', params: [['count', 'u32'], ['accumulate', 'u32']], bindings: [['partial', 'read'], ['out', 'read_write']],
  body: `
${reducers(WG, [['reduceSum', 'a + b', 'subgroupAdd']])}
@compute @workgroup_size(${WG})
fn main(@builtin(local_invocation_index) li: u32) {
  var s = 0.0;
  for (var i = li; i < P.count; i += ${WG}u) { s += partial[i]; }
  red[li] = s;
  let total = reduceSum(li);
  if (li == 0u) { out[0] = select(total, out[0] + total, P.accumulate != 0u); }
}
`,
};

/** partial[c][j] = Σ x[r][j] over the rows r of chunk c. Grid: x = column groups, y = chunks from chunk0. */
export const COLUMN_PARTIAL: KernelSource = {
  label: 'columnPartial', params: [['rows', 'u32'], ['cols', 'u32'], ['chunk0', 'u32']], bindings: [['x', 'read'], ['partial', 'read_write']],
  body: `
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) li: u32) {
  let j = wid.x * ${WG}u + li;
  if (j >= P.cols) { return; }
  let c = wid.y + P.chunk0;
  let r0 = c * ${COL_CHUNK}u;
  let r1 = min(r0 + ${COL_CHUNK}u, P.rows);
  var s = 0.0;
  for (var r = r0; r < r1; r++) { s += x[r * P.cols + j]; }
  partial[c * P.cols + j] = s;
}
`,
};

/**
 * out[j] (+)= Σ_{c in [c0, c1)} partial[c][j] for columns [j0, j1): the second stage of the column sums, and the
 * whole column sum of rows too wide for 64-row chunks (in row ranges, later ranges accumulating).
 */
export const COLUMN_FINAL: KernelSource = {
  label: 'columnFinal', params: [['c0', 'u32'], ['c1', 'u32'], ['cols', 'u32'], ['accumulate', 'u32'], ['j0', 'u32'], ['j1', 'u32']],
  bindings: [['partial', 'read'], ['out', 'read_write']],
  body: `
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) li: u32) {
  let j = P.j0 + wid.x * ${WG}u + li;
  if (j >= P.j1) { return; }
  var s = 0.0;
  for (var c = P.c0; c < P.c1; c++) { s += partial[c * P.cols + j]; }
  out[j] = select(s, out[j] + s, P.accumulate != 0u);
}
`,
};

/**
 * 16×16 tiles through workgroup memory, so both the reads and the writes are coalesced. z = batch; the grid
 * covers rows [row0, rowEnd) and columns [col0, colEnd) of x (a call splits into such blocks).
 */
export const TRANSPOSE: KernelSource = {
  label: 'transpose', params: [['rows', 'u32'], ['cols', 'u32'], ['batch0', 'u32'], ['row0', 'u32'], ['rowEnd', 'u32'],
    ['col0', 'u32'], ['colEnd', 'u32']], bindings: [['x', 'read'], ['out', 'read_write']],
  body: `
var<workgroup> tile: array<array<f32, 17>, 16>;
@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let base = (wid.z + P.batch0) * P.rows * P.cols;
  let i = P.row0 + wid.y * 16u + lid.y;
  let j = P.col0 + wid.x * 16u + lid.x;
  if (i < P.rowEnd && j < P.colEnd) { tile[lid.y][lid.x] = x[base + i * P.cols + j]; }
  workgroupBarrier();
  let oi = P.col0 + wid.x * 16u + lid.y;
  let oj = P.row0 + wid.y * 16u + lid.x;
  if (oi < P.colEnd && oj < P.rowEnd) { out[base + oi * P.rows + oj] = tile[lid.x][lid.y]; }
}
`,
};
