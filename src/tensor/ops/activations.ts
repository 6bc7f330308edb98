import { record } from '../autograd.js';
import type { Tensor } from '../tensor.js';
import { rowsCols } from '../shape.js';

/** GELU in BERT's erf form: x·Φ(x). */
export function gelu(x: Tensor): Tensor {
  const e = x.engine;
  const out = e.zeros(x.shape);
  e.backend.geluForward(x.buffer('gelu'), out.buffer(), x.size);
  record(e, 'gelu', out, [x], [x], (g, [sx]) => {
    const d = e.zeros(x.shape);
    e.backend.geluBackward(sx!.buf, g.buffer(), d.buffer(), x.size);
    return [d];
  });
  return out;
}

export function tanh(x: Tensor): Tensor {
  const e = x.engine;
  const out = e.zeros(x.shape);
  e.backend.tanhForward(x.buffer('tanh'), out.buffer(), x.size);
  record(e, 'tanh', out, [x], [out], (g, [sy]) => {
    const d = e.zeros(x.shape);
    e.backend.tanhBackward(sy!.buf, g.buffer(), d.buffer(), x.size);
    return [d];
  });
  return out;
}

/** Softmax over the last dimension. */
export function softmax(x: Tensor): Tensor {
  const e = x.engine;
  const [rows, cols] = rowsCols(x.shape);
  const out = e.zeros(x.shape);
  e.backend.softmaxForward(x.buffer('softmax'), out.buffer(), rows, cols);
  record(e, 'softmax', out, [x], [out], (g, [sy]) => {
    const d = e.zeros(x.shape);
    e.backend.softmaxBackward(sy!.buf, g.buffer(), d.buffer(), rows, cols);
    return [d];
  });
  return out;
}

/** Inverted dropout with a counter-based mask from `seed` (reproducible; backward regenerates it). */
export function dropout(x: Tensor, p: number, seed: number): Tensor {
  if (!(p >= 0 && p < 1)) throw new Error(`dropout: rate ${p} must be in [0, 1)`);
  const e = x.engine;
  const out = e.zeros(x.shape);
  e.backend.dropoutForward(x.buffer('dropout'), out.buffer(), x.size, p, seed);
  record(e, 'dropout', out, [x], [], (g) => {
    const d = e.zeros(x.shape);
    e.backend.dropoutBackward(g.buffer(), d.buffer(), x.size, p, seed);
    return [d];
  });
  return out;
}
