import { record } from '../autograd.js';
import type { Tensor } from '../tensor.js';
import { shapeError } from '../shape.js';

/** PyTorch's default ignore index. */
export const IGNORE_INDEX = -100;

/**
 * Mean cross-entropy of softmax(logits) against labels, over rows whose label is not ignoreIndex. logits
 * [rows, classes] (any leading shape whose last dimension is the classes); labels one per row.
 */
export function softmaxCrossEntropy(logits: Tensor, labels: Int32Array, ignoreIndex = IGNORE_INDEX): Tensor {
  if (logits.shape.length < 1) throw shapeError('softmaxCrossEntropy', 'logits need a class dimension', logits.shape);
  const cols = logits.shape[logits.shape.length - 1]!;
  const rows = logits.size / Math.max(cols, 1);
  if (labels.length !== rows) {
    throw new Error(`softmaxCrossEntropy: ${labels.length} labels for ${rows} rows of logits [${logits.shape.join(', ')}]`);
  }
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l !== ignoreIndex && !(l >= 0 && l < cols)) {
      throw new Error(`softmaxCrossEntropy: label ${l} at row ${i} is outside 0..${cols - 1}`);
    }
  }
  const e = logits.engine;
  const loss = e.zeros([]);
  const lse = e.zeros([rows]);
  e.backend.crossEntropyForward(logits.buffer('softmaxCrossEntropy'), labels, ignoreIndex, loss.buffer(), lse.buffer(), rows, cols);
  const ls = labels.slice();
  record(e, 'softmaxCrossEntropy', loss, [logits], [logits, lse], (g, [sx, sl]) => {
    const d = e.zeros(logits.shape);
    e.backend.crossEntropyBackward(sx!.buf, ls, ignoreIndex, sl!.buf, g.buffer(), d.buffer(), rows, cols);
    return [d];
  });
  lse.dispose();
  return loss;
}
