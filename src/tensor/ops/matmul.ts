import { record } from '../autograd.js';
import type { Tensor } from '../tensor.js';
import { formatShape, shapeError, sizeOf } from '../shape.js';

export interface MatmulOptions {
  /** Use Aᵀ: A's last two dimensions are [k, m]. */
  readonly transA?: boolean;
  /** Use Bᵀ: B's last two dimensions are [n, k] (a Linear weight stored [out, in]). */
  readonly transB?: boolean;
  /** [n], added to every output row. */
  readonly bias?: Tensor;
}

interface Plan {
  batch: number; m: number; n: number; k: number;
  strideA: number; strideB: number;
  outShape: number[];
}

/**
 * op(A)·op(B) (+ bias). A [..., m, k] times a 2-D B [k, n] folds A's leading dimensions into m (one GEMM);
 * A [..., m, k] times B [..., k, n] with equal leading dimensions is a batched GEMM.
 */
export function matmul(a: Tensor, b: Tensor, options: MatmulOptions = {}): Tensor {
  const transA = options.transA ?? false, transB = options.transB ?? false;
  const bias = options.bias ?? null;
  const plan = planMatmul(a, b, transA, transB);
  if (bias !== null && (bias.shape.length !== 1 || bias.shape[0] !== plan.n)) {
    throw shapeError('matmul', `bias must be [${plan.n}]`, a.shape, b.shape, bias.shape);
  }
  const engine = a.engine;
  const out = engine.zeros(plan.outShape);
  engine.backend.gemm({
    batch: plan.batch, m: plan.m, n: plan.n, k: plan.k,
    a: a.buffer('matmul'), transA, b: b.buffer('matmul'), transB,
    strideA: plan.strideA, strideB: plan.strideB, c: out.buffer(), bias: bias?.buffer('matmul') ?? null,
    alpha: 1, accumulate: false,
  });
  const inputs = bias === null ? [a, b] : [a, b, bias];
  record(engine, 'matmul', out, inputs, [a, b], (g, [sa, sb]) => {
    const { batch, m, n, k } = plan;
    const gb = g.buffer('matmul backward');
    let da: Tensor | null = null, db: Tensor | null = null, dbias: Tensor | null = null;
    if (a.requiresGrad) {
      da = engine.zeros(a.shape);
      // C = op(A)·op(B): dA = dC·op(B)ᵀ, or (transA) dA = op(B)·dCᵀ
      engine.backend.gemm(transA
        ? { batch, m: k, n: m, k: n, a: sb!.buf, transA: transB, b: gb, transB: true, strideA: plan.strideB, strideB: m * n, c: da.buffer(), bias: null, alpha: 1, accumulate: false }
        : { batch, m, n: k, k: n, a: gb, transA: false, b: sb!.buf, transB: !transB, strideA: m * n, strideB: plan.strideB, c: da.buffer(), bias: null, alpha: 1, accumulate: false });
    }
    if (b.requiresGrad) {
      db = engine.zeros(b.shape);
      // dB = op(A)ᵀ·dC, or (transB) dB = dCᵀ·op(A); a broadcast B sums over the batch (folded into m)
      engine.backend.gemm(transB
        ? { batch, m: n, n: k, k: m, a: gb, transA: true, b: sa!.buf, transB: transA, strideA: m * n, strideB: plan.strideA, c: db.buffer(), bias: null, alpha: 1, accumulate: false }
        : { batch, m: k, n, k: m, a: sa!.buf, transA: !transA, b: gb, transB: false, strideA: plan.strideA, strideB: m * n, c: db.buffer(), bias: null, alpha: 1, accumulate: false });
    }
    if (bias !== null && bias.requiresGrad) {
      dbias = engine.zeros(bias.shape);
      engine.backend.sumRows(gb, dbias.buffer(), batch * m, n, false);
    }
    return bias === null ? [da, db] : [da, db, dbias];
  });
  return out;
}

function planMatmul(a: Tensor, b: Tensor, transA: boolean, transB: boolean): Plan {
  const as = a.shape, bs = b.shape;
  if (as.length < 2 || bs.length < 2) throw shapeError('matmul', 'both inputs need at least 2 dimensions', as, bs);
  const [bk, bn] = transB ? [bs[bs.length - 1]!, bs[bs.length - 2]!] : [bs[bs.length - 2]!, bs[bs.length - 1]!];
  if (bs.length === 2 && !transA) {
    const k = as[as.length - 1]!;
    if (k !== bk) throw shapeError('matmul', `inner dimensions differ (${k} vs ${bk})`, as, bs);
    const m = sizeOf(as) / Math.max(k, 1);
    return { batch: 1, m, n: bn, k, strideA: 0, strideB: 0, outShape: [...as.slice(0, -1), bn] };
  }
  if (as.length !== bs.length || as.slice(0, -2).some((d, i) => d !== bs[i])) {
    throw shapeError('matmul', `leading (batch) dimensions must match${transA ? ' when A is transposed' : ''}`, as, bs);
  }
  const [m, k] = transA ? [as[as.length - 1]!, as[as.length - 2]!] : [as[as.length - 2]!, as[as.length - 1]!];
  if (k !== bk) throw shapeError('matmul', `inner dimensions differ (${k} vs ${bk})`, as, bs);
  const batch = sizeOf(as.slice(0, -2));
  if (batch === 0) throw new Error(`matmul: empty batch in ${formatShape(as)}`);
  return { batch, m, n: bn, k, strideA: m * k, strideB: k * bn, outShape: [...as.slice(0, -2), m, bn] };
}
