import { record } from '../autograd.js';
import type { Tensor } from '../tensor.js';
import { shapeError } from '../shape.js';

/**
 * Rows of a 2-D table picked by index: [idx.length, cols]. An embedding lookup when the table is a weight;
 * also picks positions out of hidden states ([CLS], masked positions). Backward scatter-adds into the table,
 * summing duplicate indices.
 */
export function gatherRows(table: Tensor, idx: Int32Array): Tensor {
  if (table.shape.length !== 2) throw shapeError('gatherRows', 'table must be 2-D', table.shape);
  const [rows, cols] = table.shape as [number, number];
  for (let i = 0; i < idx.length; i++) {
    const r = idx[i]!;
    if (!(r >= 0 && r < rows)) throw new Error(`gatherRows: index ${r} at position ${i} is outside the table's ${rows} rows`);
  }
  const e = table.engine;
  const out = e.zeros([idx.length, cols]);
  e.backend.gatherRows(table.buffer('gatherRows'), idx, out.buffer(), cols);
  const ids = idx.slice();
  record(e, 'gatherRows', out, [table], [], (g) => {
    const d = e.zeros(table.shape);
    e.backend.scatterAddRows(g.buffer(), ids, d.buffer(), cols);
    return [d];
  });
  return out;
}
