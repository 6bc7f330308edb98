import { record } from '../autograd.js';
import type { Tensor } from '../tensor.js';
import { rowsCols, shapeError } from '../shape.js';

/** BERT's epsilon. */
export const BERT_LAYER_NORM_EPS = 1e-12;

/** Normalizes the last dimension, then scales by gamma and shifts by beta (both [cols]). */
export function layerNorm(x: Tensor, gamma: Tensor, beta: Tensor, eps = BERT_LAYER_NORM_EPS): Tensor {
  const [rows, cols] = rowsCols(x.shape);
  if (gamma.shape.length !== 1 || gamma.shape[0] !== cols || beta.shape.length !== 1 || beta.shape[0] !== cols) {
    throw shapeError('layerNorm', `gamma and beta must be [${cols}]`, x.shape, gamma.shape, beta.shape);
  }
  const e = x.engine;
  const out = e.zeros(x.shape);
  const mean = e.zeros([rows]), rstd = e.zeros([rows]);
  e.backend.layerNormForward(x.buffer('layerNorm'), gamma.buffer('layerNorm'), beta.buffer('layerNorm'),
    out.buffer(), mean.buffer(), rstd.buffer(), rows, cols, eps);
  record(e, 'layerNorm', out, [x, gamma, beta], [x, mean, rstd, gamma], (g, [sx, sm, sr, sg]) => {
    const dx = e.zeros(x.shape), dgamma = e.zeros([cols]), dbeta = e.zeros([cols]);
    e.backend.layerNormBackward(g.buffer(), sx!.buf, sm!.buf, sr!.buf, sg!.buf, dx.buffer(), dgamma.buffer(),
      dbeta.buffer(), rows, cols);
    return [x.requiresGrad ? dx : (dx.dispose(), null), gamma.requiresGrad ? dgamma : (dgamma.dispose(), null),
      beta.requiresGrad ? dbeta : (dbeta.dispose(), null)];
  });
  mean.dispose();
  rstd.dispose();
  return out;
}
