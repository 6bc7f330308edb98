// One thread per element: arithmetic, fill/copy, activations (GELU erf form, tanh), dropout, AdamW.
import { DROPOUT_HASH, ENTRY_ARGS, GROUP_INDEX, WG, type KernelSource } from './kernel.js';

/** A kernel over elements P.first <= i < P.end (a call splits into such pieces): `stmt` is run for element i. */
function perElement(label: string, params: KernelSource['params'], bindings: KernelSource['bindings'], stmt: string,
  helpers = ''): KernelSource {
  return {
    label, params: [['first', 'u32'], ['end', 'u32'], ...params], bindings,
    body: `${GROUP_INDEX}${helpers}
@compute @workgroup_size(${WG})
fn main(${ENTRY_ARGS}) {
  let i = P.first + groupIndex(wid, nwg) * ${WG}u + li;
  if (i >= P.end) { return; }
  ${stmt}
}
`,
  };
}

export const ADD = perElement('add', [], [['a', 'read'], ['b', 'read'], ['out', 'read_write']], 'out[i] = a[i] + b[i];');
export const MUL = perElement('mul', [], [['a', 'read'], ['b', 'read'], ['out', 'read_write']], 'out[i] = a[i] * b[i];');
export const SCALE = perElement('scale', [['s', 'f32']], [['a', 'read'], ['out', 'read_write']], 'out[i] = P.s * a[i];');
export const AXPY = perElement('axpy', [['alpha', 'f32']], [['x', 'read'], ['y', 'read_write']],
  'y[i] = y[i] + P.alpha * x[i];');
export const FILL = perElement('fill', [['value', 'f32']], [['out', 'read_write']], 'out[i] = P.value;');

/**
 * Φ(x) = ½(1 + erf(x/√2)) from erfc (Numerical Recipes' erfcc, fractional error < 1.2e-7), so the far tail
 * stays accurate; φ(x) the standard normal density. The same approximation as the wasm kernels.
 */
const NORMAL = /* wgsl */ `
fn erfcAbs(x: f32) -> f32 {
  let z = abs(x);
  let t = 1.0 / (1.0 + 0.5 * z);
  var p = 0.17087277;
  p = p * t - 0.82215223;
  p = p * t + 1.48851587;
  p = p * t - 1.13520398;
  p = p * t + 0.27886807;
  p = p * t - 0.18628806;
  p = p * t + 0.09678418;
  p = p * t + 0.37409196;
  p = p * t + 1.00002368;
  p = p * t - 1.26551223;
  return t * exp(p - z * z);
}
fn normalCdf(x: f32) -> f32 {
  let half = 0.5 * erfcAbs(x * 0.70710678118654752);
  return select(1.0 - half, half, x < 0.0);
}
fn normalPdf(x: f32) -> f32 { return 0.3989422804014327 * exp(-0.5 * x * x); }
`;

export const GELU_FORWARD = perElement('geluForward', [], [['x', 'read'], ['y', 'read_write']],
  'let v = x[i]; y[i] = v * normalCdf(v);', NORMAL);
export const GELU_BACKWARD = perElement('geluBackward', [], [['x', 'read'], ['dy', 'read'], ['dx', 'read_write']],
  'let v = x[i]; dx[i] = dy[i] * (normalCdf(v) + v * normalPdf(v));', NORMAL);

/**
 * tanh without the builtin (some drivers overflow e^2x for large x): (1 - e^-2|x|)/(1 + e^-2|x|), and the
 * Taylor series near 0 where that form cancels.
 */
const TANH = /* wgsl */ `
fn tanhSafe(x: f32) -> f32 {
  let a = abs(x);
  if (a < 0.0625) { let x2 = x * x; return x * (1.0 + x2 * (-0.33333333 + x2 * 0.13333333)); }
  let t = exp(-2.0 * a);
  return sign(x) * (1.0 - t) / (1.0 + t);
}
`;
export const TANH_FORWARD = perElement('tanhForward', [], [['x', 'read'], ['y', 'read_write']], 'y[i] = tanhSafe(x[i]);', TANH);
export const TANH_BACKWARD = perElement('tanhBackward', [], [['y', 'read'], ['dy', 'read'], ['dx', 'read_write']],
  'let v = y[i]; dx[i] = dy[i] * (1.0 - v * v);');

/** Inverted dropout: dropped when dropHash(seed, i) < threshold, else scaled by 1/(1 - p). */
export const DROPOUT = perElement('dropout', [['threshold', 'u32'], ['seed', 'u32'], ['keepScale', 'f32']],
  [['x', 'read'], ['y', 'read_write']],
  'y[i] = select(x[i] * P.keepScale, 0.0, dropHash(P.seed, i) < P.threshold);', DROPOUT_HASH);

/** AdamW; 1 - β1, 1 - β2 and the bias corrections c1 = 1 - β1^t, c2 = 1 - β2^t come from the host in double precision. */
export const ADAMW = perElement('adamw',
  [['lr', 'f32'], ['beta1', 'f32'], ['beta2', 'f32'], ['oneMinusBeta1', 'f32'], ['oneMinusBeta2', 'f32'], ['eps', 'f32'], ['weightDecay', 'f32'], ['c1', 'f32'], ['c2', 'f32'],
    ['gradScale', 'f32']],
  [['param', 'read_write'], ['grad', 'read'], ['m', 'read_write'], ['v', 'read_write']], `
  let g = grad[i] * P.gradScale;
  let mi = P.beta1 * m[i] + P.oneMinusBeta1 * g;
  let vi = P.beta2 * v[i] + P.oneMinusBeta2 * g * g;
  m[i] = mi;
  v[i] = vi;
  let update = (mi / P.c1) / (sqrt(vi / P.c2) + P.eps);
  let p = param[i];
  param[i] = p - P.lr * (update + P.weightDecay * p);`);
