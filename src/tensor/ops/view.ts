import { record } from '../autograd.js';
import type { Tensor } from '../tensor.js';
import { shapeError } from '../shape.js';

/** The same values with another shape (a view: no copy). */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const e = x.engine;
  const out = e.view(x, shape);
  record(e, 'reshape', out, [x], [], (g) => [e.view(g, x.shape)]);
  return out;
}

/** Swaps the last two dimensions (a copy; matmul's transA/transB avoid it where they can). */
export function transpose(x: Tensor): Tensor {
  if (x.shape.length < 2) throw shapeError('transpose', 'needs at least 2 dimensions', x.shape);
  const rows = x.shape[x.shape.length - 2]!, cols = x.shape[x.shape.length - 1]!;
  const batch = x.size / Math.max(rows * cols, 1);
  const e = x.engine;
  const out = e.zeros([...x.shape.slice(0, -2), cols, rows]);
  e.backend.transpose(x.buffer('transpose'), out.buffer(), batch, rows, cols);
  record(e, 'transpose', out, [x], [], (g) => {
    const d = e.zeros(x.shape);
    e.backend.transpose(g.buffer(), d.buffer(), batch, cols, rows);
    return [d];
  });
  return out;
}
