import { record } from '../autograd.js';
import type { Tensor } from '../tensor.js';

/** Σ x, as a scalar. */
export function sum(x: Tensor): Tensor {
  return sumScaled(x, 1, 'sum');
}

/** Mean of all elements, as a scalar. */
export function mean(x: Tensor): Tensor {
  return sumScaled(x, 1 / Math.max(x.size, 1), 'mean');
}

function sumScaled(x: Tensor, s: number, op: string): Tensor {
  const e = x.engine;
  const out = e.zeros([]);
  e.backend.sum(x.buffer(op), out.buffer(), x.size, false);
  if (s !== 1) e.backend.scale(out.buffer(), s, out.buffer(), 1);
  record(e, op, out, [x], [], (g) => {
    // Every element gets s·g: broadcast the scalar by gathering its one row x.size times (g stays on the device).
    const d = e.zeros(x.shape);
    e.backend.gatherRows(g.buffer(), new Int32Array(x.size), d.buffer(), 1);
    if (s !== 1) e.backend.scale(d.buffer(), s, d.buffer(), d.size);
    return [d];
  });
  return out;
}
