// Row gather and its deterministic scatter-add. The host turns the index list into groups (one per distinct
// table row, positions in index order), so each output element is summed by one thread, in the reference's
// order, without float atomics.
import { ENTRY_ARGS, GROUP_INDEX, WG, type KernelSource } from './kernel.js';

/** pairs = [position, table row] per output row copied; one thread per (pair, column). */
export const GATHER_ROWS: KernelSource = {
  label: 'gatherRows', params: [['n', 'u32'], ['cols', 'u32']],
  bindings: [['table', 'read'], ['pairs', 'read', 'i32'], ['out', 'read_write']],
  body: `${GROUP_INDEX}
@compute @workgroup_size(${WG})
fn main(${ENTRY_ARGS}) {
  let i = groupIndex(wid, nwg) * ${WG}u + li;
  if (i >= P.n) { return; }
  let e = i / P.cols;
  let j = i - e * P.cols;
  out[u32(pairs[2u * e]) * P.cols + j] = table[u32(pairs[2u * e + 1u]) * P.cols + j];
}
`,
};

/**
 * plan = [row of group 0..groups) | start of group 0..groups] | positions...]: group u adds dOut rows
 * plan[starts + u .. starts + u + 1) of the positions list into dTable row plan[u]. One thread per (group, column).
 */
export const SCATTER_ADD_ROWS: KernelSource = {
  label: 'scatterAddRows', params: [['n', 'u32'], ['cols', 'u32'], ['groups', 'u32']],
  bindings: [['dOut', 'read'], ['plan', 'read', 'i32'], ['dTable', 'read_write']],
  body: `${GROUP_INDEX}
@compute @workgroup_size(${WG})
fn main(${ENTRY_ARGS}) {
  let i = groupIndex(wid, nwg) * ${WG}u + li;
  if (i >= P.n) { return; }
  let u = i / P.cols;
  let j = i - u * P.cols;
  let row = u32(plan[u]);
  let positions = 2u * P.groups + 1u;
  let first = u32(plan[P.groups + u]);
  let last = u32(plan[P.groups + u + 1u]);
  var s = dTable[row * P.cols + j];
  for (var p = first; p < last; p++) { s += dOut[u32(plan[positions + p]) * P.cols + j]; }
  dTable[row * P.cols + j] = s;
}
`,
};
