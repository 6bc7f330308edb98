// Row kernels (parameters: rows, the first row of this dispatch, then the kernel's own), one workgroup per row with fixed-order tree reductions: layer norm, softmax, cross-entropy.
import { COL_CHUNK } from './reduce.js';
import { ENTRY_ARGS, GROUP_INDEX, WG, reducers, type KernelSource } from './kernel.js';

const REDUCERS = reducers(WG, [['reduceSum', 'a + b', 'subgroupAdd'], ['reduceMax', 'max(a, b)', 'subgroupMax']]);

function rowKernel(label: string, params: KernelSource['params'], bindings: KernelSource['bindings'], code: string): KernelSource {
  return {
    label, params: [['rows', 'u32'], ['row0', 'u32'], ...params], bindings,
    body: `${GROUP_INDEX}${REDUCERS}
@compute @workgroup_size(${WG})
fn main(${ENTRY_ARGS}) {
  let r = P.row0 + groupIndex(wid, nwg);
  if (r >= P.rows) { return; }
  let o = r * P.cols;
${code}
}
`,
  };
}

/** Two passes (mean, then the variance of x - mean), as the reference computes them. */
export const LAYER_NORM_FORWARD = rowKernel('layerNormForward', [['cols', 'u32'], ['eps', 'f32']],
  [['x', 'read'], ['gamma', 'read'], ['beta', 'read'], ['y', 'read_write'], ['mean', 'read_write'], ['rstd', 'read_write']], `
  var s = 0.0;
  for (var j = li; j < P.cols; j += ${WG}u) { s += x[o + j]; }
  red[li] = s;
  let mu = reduceSum(li) / f32(P.cols);
  var q = 0.0;
  for (var j = li; j < P.cols; j += ${WG}u) { let d = x[o + j] - mu; q += d * d; }
  red[li] = q;
  let rs = 1.0 / sqrt(reduceSum(li) / f32(P.cols) + P.eps);
  if (li == 0u) { mean[r] = mu; rstd[r] = rs; }
  for (var j = li; j < P.cols; j += ${WG}u) { y[o + j] = (x[o + j] - mu) * rs * gamma[j] + beta[j]; }`);

/** dx = rstd·(dxhat - mean(dxhat) - xhat·mean(dxhat·xhat)), dxhat = dy·gamma. */
export const LAYER_NORM_BACKWARD_DX = rowKernel('layerNormBackwardDx', [['cols', 'u32']],
  [['dy', 'read'], ['x', 'read'], ['mean', 'read'], ['rstd', 'read'], ['gamma', 'read'], ['dx', 'read_write']], `
  let mu = mean[r];
  let rs = rstd[r];
  var sd = 0.0;
  var sdx = 0.0;
  for (var j = li; j < P.cols; j += ${WG}u) {
    let d = dy[o + j] * gamma[j];
    sd += d;
    sdx += d * (x[o + j] - mu) * rs;
  }
  red[li] = sd;
  let sumD = reduceSum(li);
  red[li] = sdx;
  let sumDX = reduceSum(li);
  let n = f32(P.cols);
  for (var j = li; j < P.cols; j += ${WG}u) {
    let xhat = (x[o + j] - mu) * rs;
    dx[o + j] = rs * (dy[o + j] * gamma[j] - sumD / n - xhat * sumDX / n);
  }`);

/**
 * Partial column sums of dy·xhat (dgamma) and dy (dbeta) over chunks of rows (from chunk0): [chunks][cols] each.
 * Reduced by COLUMN_FINAL into dgamma and dbeta, accumulating.
 */
export const LAYER_NORM_BACKWARD_PARTIAL: KernelSource = {
  label: 'layerNormBackwardPartial', params: [['rows', 'u32'], ['cols', 'u32'], ['chunks', 'u32'], ['chunk0', 'u32']],
  bindings: [['dy', 'read'], ['x', 'read'], ['mean', 'read'], ['rstd', 'read'], ['dgammaPartial', 'read_write'],
    ['dbetaPartial', 'read_write']],
  body: `
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) li: u32) {
  let j = wid.x * ${WG}u + li;
  if (j >= P.cols) { return; }
  let c = wid.y + P.chunk0;
  let r0 = c * ${COL_CHUNK}u;
  let r1 = min(r0 + ${COL_CHUNK}u, P.rows);
  var g = 0.0;
  var b = 0.0;
  for (var r = r0; r < r1; r++) {
    let d = dy[r * P.cols + j];
    g += d * (x[r * P.cols + j] - mean[r]) * rstd[r];
    b += d;
  }
  dgammaPartial[c * P.cols + j] = g;
  dbetaPartial[c * P.cols + j] = b;
}
`,
};

export const SOFTMAX_FORWARD = rowKernel('softmaxForward', [['cols', 'u32']], [['x', 'read'], ['y', 'read_write']], `
  var m = bitcast<f32>(0xff7fffffu);
  for (var j = li; j < P.cols; j += ${WG}u) { m = max(m, x[o + j]); }
  red[li] = m;
  let mx = reduceMax(li);
  var s = 0.0;
  for (var j = li; j < P.cols; j += ${WG}u) { let e = exp(x[o + j] - mx); y[o + j] = e; s += e; }
  red[li] = s;
  let total = reduceSum(li);
  for (var j = li; j < P.cols; j += ${WG}u) { y[o + j] = y[o + j] / total; }`);

export const SOFTMAX_BACKWARD = rowKernel('softmaxBackward', [['cols', 'u32']],
  [['y', 'read'], ['dy', 'read'], ['dx', 'read_write']], `
  var s = 0.0;
  for (var j = li; j < P.cols; j += ${WG}u) { s += y[o + j] * dy[o + j]; }
  red[li] = s;
  let dot = reduceSum(li);
  for (var j = li; j < P.cols; j += ${WG}u) { dx[o + j] = y[o + j] * (dy[o + j] - dot); }`);

/** Per row: lse[r] = logsumexp(x[r]); rowLoss[r] = lse - x[label] (0 for ignored rows). */
export const CROSS_ENTROPY_ROWS = rowKernel('crossEntropyRows', [['cols', 'u32'], ['ignoreIndex', 'i32']],
  [['x', 'read'], ['labels', 'read', 'i32'], ['lse', 'read_write'], ['rowLoss', 'read_write']], `
  var m = bitcast<f32>(0xff7fffffu);
  for (var j = li; j < P.cols; j += ${WG}u) { m = max(m, x[o + j]); }
  red[li] = m;
  let mx = reduceMax(li);
  var s = 0.0;
  for (var j = li; j < P.cols; j += ${WG}u) { s += exp(x[o + j] - mx); }
  red[li] = s;
  let l = mx + log(reduceSum(li));
  if (li == 0u) {
    lse[r] = l;
    let label = labels[r];
    rowLoss[r] = select(l - x[o + u32(max(label, 0))], 0.0, label == P.ignoreIndex);
  }`);

/** loss[0] = Σ rowLoss / count (count of labelled rows, from the host; 0 gives 0). */
export const CROSS_ENTROPY_FINAL: KernelSource = {
  label: 'crossEntropyFinal', params: [['rows', 'u32'], ['count', 'f32']], bindings: [['rowLoss', 'read'], ['loss', 'read_write']],
  body: `
${reducers(WG, [['reduceSum', 'a + b', 'subgroupAdd']])}
@compute @workgroup_size(${WG})
fn main(@builtin(local_invocation_index) li: u32) {
  var s = 0.0;
  for (var i = li; i < P.rows; i += ${WG}u) { s += rowLoss[i]; }
  red[li] = s;
  let total = reduceSum(li);
  if (li == 0u) { loss[0] = select(total / P.count, 0.0, P.count == 0.0); }
}
`,
};

/**
 * dLogits = dLoss[0]/count·(softmax(x) - onehot(label)); zero rows for ignored labels. One thread per element
 * of [first, end).
 */
export const CROSS_ENTROPY_BACKWARD: KernelSource = {
  label: 'crossEntropyBackward', params: [['first', 'u32'], ['end', 'u32'], ['cols', 'u32'], ['ignoreIndex', 'i32'], ['count', 'f32']],
  bindings: [['x', 'read'], ['labels', 'read', 'i32'], ['lse', 'read'], ['dLoss', 'read'], ['g', 'read_write']],
  body: `${GROUP_INDEX}
@compute @workgroup_size(${WG})
fn main(${ENTRY_ARGS}) {
  let i = P.first + groupIndex(wid, nwg) * ${WG}u + li;
  if (i >= P.end) { return; }
  let r = i / P.cols;
  let j = i - r * P.cols;
  let label = labels[r];
  if (label == P.ignoreIndex || P.count == 0.0) { g[i] = 0.0; return; }
  let s = dLoss[0] / P.count;
  g[i] = s * (exp(x[i] - lse[r]) - select(0.0, 1.0, i32(j) == label));
}
`,
};
