import { record } from '../autograd.js';
import type { Strided } from '../backend.js';
import type { Tensor } from '../tensor.js';
import { sameShape, shapeError } from '../shape.js';

export interface AttentionOptions {
  readonly heads: number;
  /** Key padding mask [batch·seq]: 1 = attend, 0 = padding. */
  readonly mask?: Int32Array | null;
  /** Dropout on the attention probabilities (0 at inference). */
  readonly dropout?: number;
  readonly seed?: number;
}

/**
 * Multi-head scaled dot-product attention as one fused op. q: [batch, querySeq, heads·headDim], k and v:
 * [batch, seq, heads·headDim] (the projections' outputs, heads interleaved as Hugging Face BERT lays them out;
 * querySeq = seq for self-attention, fewer when only some positions' outputs are wanted); returns the context
 * [batch, querySeq, heads·headDim]. The softmax probabilities are kept for backward; the dropout mask is
 * regenerated from seed.
 */
export function attention(q: Tensor, k: Tensor, v: Tensor, options: AttentionOptions): Tensor {
  if (q.shape.length !== 3 || !sameShape(k.shape, v.shape) || k.shape.length !== 3 || q.shape[0] !== k.shape[0] || q.shape[2] !== k.shape[2]) {
    throw shapeError('attention', 'q must be [batch, querySeq, heads·headDim], k and v [batch, seq, heads·headDim]', q.shape, k.shape, v.shape);
  }
  const [batch, querySeq, width] = q.shape as [number, number, number];
  const seq = k.shape[1]!;
  const heads = options.heads;
  if (!Number.isInteger(heads) || heads < 1 || width % heads !== 0) {
    throw shapeError('attention', `width ${width} does not split into ${heads} heads`, q.shape);
  }
  const mask = options.mask ?? null;
  if (mask !== null && mask.length !== batch * seq) {
    throw new Error(`attention: mask has ${mask.length} entries, expected batch·seq = ${batch * seq}`);
  }
  const dropout = options.dropout ?? 0, seed = options.seed ?? 0;
  if (!(dropout >= 0 && dropout < 1)) throw new Error(`attention: dropout ${dropout} must be in [0, 1)`);
  const e = q.engine;
  const headDim = width / heads;
  const probs = e.zeros([batch, heads, querySeq, seq]);
  const out = e.zeros(q.shape);
  const view = (t: Tensor): Strided => ({ buf: t.buffer('attention'), offset: 0, ld: width });
  const common = { batch, seq, querySeq, heads, headDim, mask, dropout, seed };
  e.backend.attentionForward({ ...common, q: view(q), k: view(k), v: view(v), probs: probs.buffer(), out: out.buffer() });
  record(e, 'attention', out, [q, k, v], [q, k, v, probs], (g, [sq, sk, sv, sp]) => {
    const dq = e.zeros(q.shape), dk = e.zeros(k.shape), dv = e.zeros(k.shape);
    const strided = (s: typeof sq): Strided => ({ buf: s!.buf, offset: 0, ld: width });
    e.backend.attentionBackward({
      ...common, q: strided(sq), k: strided(sk), v: strided(sv), probs: sp!.buf, dOut: g.buffer(),
      dq: dq.buffer(), dk: dk.buffer(), dv: dv.buffer(),
    });
    return [dq, dk, dv];
  });
  probs.dispose();
  return out;
}
