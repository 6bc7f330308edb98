// Splitting a GEMM whose matrices exceed one storage binding into blocks whose windows fit (see windows.ts).
// Splitting m shrinks the window of C and of A (when A is [m][k]); splitting k shrinks A stored [k][m] and B
// stored [k][n]; splitting n shrinks B stored [n][k]. Blocks that split k add into C one after another, in k
// order (the first applies the call's accumulate flag and bias, the others accumulate), so results stay
// deterministic; they can differ from the unsplit product by rounding only.

export interface GemmShape {
  readonly batch: number;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly transA: boolean;
  readonly transB: boolean;
  readonly strideA: number;
  readonly strideB: number;
}

/** Batches [b0, b1), rows [m0, m1) and columns [n0, n1) of C, summed over [k0, k1). */
export interface GemmBlock {
  readonly b0: number; readonly b1: number;
  readonly m0: number; readonly m1: number;
  readonly n0: number; readonly n1: number;
  readonly k0: number; readonly k1: number;
}

export interface Span {
  readonly first: number;
  readonly count: number;
}

/** Elements from the first to the last one used, for a [rows][cols] layout with `ld` between rows, per batch item. */
function span(b0: number, b1: number, stride: number, r0: number, r1: number, c0: number, c1: number, ld: number): Span {
  if (b1 <= b0 || r1 <= r0 || c1 <= c0) return { first: b0 * stride, count: 0 };
  const first = b0 * stride + r0 * ld + c0;
  const last = (b1 - 1) * stride + (r1 - 1) * ld + c1 - 1;
  return { first, count: last - first + 1 };
}

/** The elements of A, B and C a block touches. */
export function gemmSpans(s: GemmShape, x: GemmBlock): { a: Span; b: Span; c: Span } {
  return {
    a: s.transA ? span(x.b0, x.b1, s.strideA, x.k0, x.k1, x.m0, x.m1, s.m) : span(x.b0, x.b1, s.strideA, x.m0, x.m1, x.k0, x.k1, s.k),
    b: s.transB ? span(x.b0, x.b1, s.strideB, x.n0, x.n1, x.k0, x.k1, s.k) : span(x.b0, x.b1, s.strideB, x.k0, x.k1, x.n0, x.n1, s.n),
    c: span(x.b0, x.b1, s.m * s.n, x.m0, x.m1, x.n0, x.n1, s.n),
  };
}

type Dim = 'm' | 'n' | 'k';

/** Which dimension to split first when a matrix's window is too big (the second when the first is down to 1). */
function preference(s: GemmShape, matrix: 'a' | 'b' | 'c'): readonly Dim[] {
  if (matrix === 'c') return ['m', 'n'];
  if (matrix === 'a') return s.transA ? ['k', 'm'] : ['m', 'k'];
  return s.transB ? ['n', 'k'] : ['k', 'n'];
}

/**
 * Blocks covering the product, each touching at most `budget` elements of A, B and C: the whole product when
 * it fits, else groups of whole batch items, else each batch item split along m, n and k.
 */
export function planGemm(s: GemmShape, budget: number): GemmBlock[] {
  const whole = (b0: number, b1: number): GemmBlock => ({ b0, b1, m0: 0, m1: s.m, n0: 0, n1: s.n, k0: 0, k1: s.k });
  const fits = (x: GemmBlock): boolean => {
    const { a, b, c } = gemmSpans(s, x);
    return a.count <= budget && b.count <= budget && c.count <= budget;
  };
  if (fits(whole(0, s.batch))) return [whole(0, s.batch)];
  if (fits(whole(0, 1))) {
    let lo = 1, hi = s.batch;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(whole(0, mid))) lo = mid;
      else hi = mid - 1;
    }
    const out: GemmBlock[] = [];
    for (let b0 = 0; b0 < s.batch; b0 += lo) out.push(whole(b0, Math.min(s.batch, b0 + lo)));
    return out;
  }
  const size: Record<Dim, number> = { m: s.m, n: s.n, k: s.k };
  const parts: Record<Dim, number> = { m: 1, n: 1, k: 1 };
  const chunk = (d: Dim): number => Math.ceil(size[d] / parts[d]);
  for (;;) {
    const first: GemmBlock = { b0: 0, b1: 1, m0: 0, m1: chunk('m'), n0: 0, n1: chunk('n'), k0: 0, k1: chunk('k') };
    const spans = gemmSpans(s, first);
    const over = (['c', 'a', 'b'] as const).find((x) => spans[x].count > budget);
    if (over === undefined) break;
    const dim = preference(s, over).find((d) => chunk(d) > 1);
    if (dim === undefined) {
      throw new RangeError(`gemm [${s.batch}] ${s.m}x${s.k}·${s.k}x${s.n}: ${over.toUpperCase()} cannot be split into windows of ${budget} elements`);
    }
    parts[dim] = Math.min(size[dim], parts[dim] * 2);
  }
  const out: GemmBlock[] = [];
  const cm = chunk('m'), cn = chunk('n'), ck = Math.max(1, chunk('k'));
  for (let b = 0; b < s.batch; b++) {
    for (let m0 = 0; m0 < s.m; m0 += cm) for (let n0 = 0; n0 < s.n; n0 += cn) {
      for (let k0 = 0; k0 < Math.max(1, s.k); k0 += ck) {
        out.push({ b0: b, b1: b + 1, m0, m1: Math.min(s.m, m0 + cm), n0, n1: Math.min(s.n, n0 + cn), k0: Math.min(k0, s.k), k1: Math.min(s.k, k0 + ck) });
      }
    }
  }
  return out;
}
