import {
  MASKED_SCORE, dropThreshold, dropoutHash,
  type AdamWArgs, type AttentionBackwardArgs, type AttentionForwardArgs, type Backend, type Buffer, type GemmArgs,
} from '../../backend.js';
import { erf } from './erf.js';

type Values = Float32Array | Float64Array;

class HostBuffer implements Buffer {
  freed = false;
  constructor(readonly backend: string, readonly data: Values) {}
  get length(): number {
    return this.data.length;
  }
}

export interface ReferenceOptions {
  /** 'f64' stores and computes in double precision: the oracle for finite-difference gradient checks. */
  readonly precision?: 'f32' | 'f64';
}

/**
 * Plain TypeScript kernels: slow, written to be obviously right, the oracle every fast kernel is tested
 * against. Loops follow the math in backend.ts line by line; sums accumulate in JS doubles.
 */
export class ReferenceBackend implements Backend {
  readonly name: string;
  private readonly f64: boolean;
  private bytes = 0;

  constructor(options: ReferenceOptions = {}) {
    this.f64 = options.precision === 'f64';
    this.name = this.f64 ? 'reference-f64' : 'reference';
  }

  alloc(length: number): Buffer {
    this.bytes += length * (this.f64 ? 8 : 4);
    return new HostBuffer(this.name, this.f64 ? new Float64Array(length) : new Float32Array(length));
  }

  free(buf: Buffer): void {
    const b = this.host(buf);
    b.freed = true;
    this.bytes -= b.data.length * (this.f64 ? 8 : 4);
  }

  write(buf: Buffer, data: ArrayLike<number>, offset = 0): void {
    const b = this.v(buf);
    if (offset + data.length > b.length) throw new RangeError(`write of ${data.length} at ${offset} overflows buffer of ${b.length}`);
    for (let i = 0; i < data.length; i++) b[offset + i] = data[i]!;
  }

  async read(buf: Buffer): Promise<Float32Array> {
    return Float32Array.from(this.v(buf));
  }

  /** Host values without a copy (tests, f64 gradient checks). */
  values(buf: Buffer): Values {
    return this.v(buf);
  }

  allocatedBytes(): number {
    return this.bytes;
  }

  async sync(): Promise<void> {}

  dispose(): void {}

  private host(buf: Buffer): HostBuffer {
    if (!(buf instanceof HostBuffer) || buf.backend !== this.name) {
      throw new Error(`${this.name} backend: buffer belongs to backend '${buf.backend}'`);
    }
    if (buf.freed) throw new Error(`${this.name} backend: buffer used after free`);
    return buf;
  }

  private v(buf: Buffer): Values {
    return this.host(buf).data;
  }

  gemm(g: GemmArgs): void {
    const a = this.v(g.a), b = this.v(g.b), c = this.v(g.c);
    const bias = g.bias === null ? null : this.v(g.bias);
    const { m, n, k } = g;
    for (let p = 0; p < g.batch; p++) {
      const ao = p * g.strideA, bo = p * g.strideB, co = p * m * n;
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let l = 0; l < k; l++) {
            const av = g.transA ? a[ao + l * m + i]! : a[ao + i * k + l]!;
            const bv = g.transB ? b[bo + j * k + l]! : b[bo + l * n + j]!;
            s += av * bv;
          }
          s *= g.alpha;
          if (bias !== null) s += bias[j]!;
          c[co + i * n + j] = g.accumulate ? c[co + i * n + j]! + s : s;
        }
      }
    }
  }

  add(a: Buffer, b: Buffer, out: Buffer, n: number): void {
    const x = this.v(a), y = this.v(b), o = this.v(out);
    for (let i = 0; i < n; i++) o[i] = x[i]! + y[i]!;
  }

  mul(a: Buffer, b: Buffer, out: Buffer, n: number): void {
    const x = this.v(a), y = this.v(b), o = this.v(out);
    for (let i = 0; i < n; i++) o[i] = x[i]! * y[i]!;
  }

  scale(a: Buffer, s: number, out: Buffer, n: number): void {
    const x = this.v(a), o = this.v(out);
    for (let i = 0; i < n; i++) o[i] = s * x[i]!;
  }

  axpy(alpha: number, x: Buffer, y: Buffer, n: number): void {
    const xv = this.v(x), yv = this.v(y);
    for (let i = 0; i < n; i++) yv[i] = yv[i]! + alpha * xv[i]!;
  }

  fill(out: Buffer, value: number, n: number): void {
    this.v(out).fill(value, 0, n);
  }

  copy(src: Buffer, srcOffset: number, dst: Buffer, dstOffset: number, n: number): void {
    const s = this.v(src), d = this.v(dst);
    for (let i = 0; i < n; i++) d[dstOffset + i] = s[srcOffset + i]!;
  }

  transpose(x: Buffer, out: Buffer, batch: number, rows: number, cols: number): void {
    const xv = this.v(x), o = this.v(out);
    for (let b = 0; b < batch; b++) {
      const base = b * rows * cols;
      for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) o[base + j * rows + i] = xv[base + i * cols + j]!;
    }
  }

  sumRows(x: Buffer, out: Buffer, rows: number, cols: number, accumulate: boolean): void {
    const xv = this.v(x), o = this.v(out);
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let i = 0; i < rows; i++) s += xv[i * cols + j]!;
      o[j] = accumulate ? o[j]! + s : s;
    }
  }

  sum(x: Buffer, out: Buffer, n: number, accumulate: boolean): void {
    const xv = this.v(x), o = this.v(out);
    let s = 0;
    for (let i = 0; i < n; i++) s += xv[i]!;
    o[0] = accumulate ? o[0]! + s : s;
  }

  sumSquares(x: Buffer, out: Buffer, n: number, accumulate: boolean): void {
    const xv = this.v(x), o = this.v(out);
    let s = 0;
    for (let i = 0; i < n; i++) s += xv[i]! * xv[i]!;
    o[0] = accumulate ? o[0]! + s : s;
  }

  layerNormForward(x: Buffer, gamma: Buffer, beta: Buffer, y: Buffer, mean: Buffer, rstd: Buffer,
    rows: number, cols: number, eps: number): void {
    const xv = this.v(x), g = this.v(gamma), bt = this.v(beta), yv = this.v(y), mv = this.v(mean), rv = this.v(rstd);
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      let mu = 0;
      for (let j = 0; j < cols; j++) mu += xv[o + j]!;
      mu /= cols;
      let variance = 0;
      for (let j = 0; j < cols; j++) variance += (xv[o + j]! - mu) ** 2;
      variance /= cols;
      const rs = 1 / Math.sqrt(variance + eps);
      mv[r] = mu;
      rv[r] = rs;
      for (let j = 0; j < cols; j++) yv[o + j] = (xv[o + j]! - mu) * rs * g[j]! + bt[j]!;
    }
  }

  layerNormBackward(dy: Buffer, x: Buffer, mean: Buffer, rstd: Buffer, gamma: Buffer,
    dx: Buffer, dgamma: Buffer, dbeta: Buffer, rows: number, cols: number): void {
    const dyv = this.v(dy), xv = this.v(x), mv = this.v(mean), rv = this.v(rstd), g = this.v(gamma);
    const dxv = this.v(dx), dg = this.v(dgamma), db = this.v(dbeta);
    for (let r = 0; r < rows; r++) {
      const o = r * cols, mu = mv[r]!, rs = rv[r]!;
      // xhat = (x - mu)·rstd; dxhat = dy·gamma; dx = rstd·(dxhat - mean(dxhat) - xhat·mean(dxhat·xhat))
      let sumD = 0, sumDX = 0;
      for (let j = 0; j < cols; j++) {
        const xhat = (xv[o + j]! - mu) * rs;
        const d = dyv[o + j]! * g[j]!;
        sumD += d;
        sumDX += d * xhat;
        dg[j] = dg[j]! + dyv[o + j]! * xhat;
        db[j] = db[j]! + dyv[o + j]!;
      }
      for (let j = 0; j < cols; j++) {
        const xhat = (xv[o + j]! - mu) * rs;
        const d = dyv[o + j]! * g[j]!;
        dxv[o + j] = rs * (d - sumD / cols - xhat * sumDX / cols);
      }
    }
  }

  geluForward(x: Buffer, y: Buffer, n: number): void {
    const xv = this.v(x), yv = this.v(y);
    for (let i = 0; i < n; i++) {
      const t = xv[i]!;
      yv[i] = 0.5 * t * (1 + erf(t / Math.SQRT2));
    }
  }

  geluBackward(x: Buffer, dy: Buffer, dx: Buffer, n: number): void {
    const xv = this.v(x), dyv = this.v(dy), dxv = this.v(dx);
    const invSqrt2Pi = 1 / Math.sqrt(2 * Math.PI);
    for (let i = 0; i < n; i++) {
      const t = xv[i]!;
      const cdf = 0.5 * (1 + erf(t / Math.SQRT2));
      const pdf = invSqrt2Pi * Math.exp(-0.5 * t * t);
      dxv[i] = dyv[i]! * (cdf + t * pdf);
    }
  }

  tanhForward(x: Buffer, y: Buffer, n: number): void {
    const xv = this.v(x), yv = this.v(y);
    for (let i = 0; i < n; i++) yv[i] = Math.tanh(xv[i]!);
  }

  tanhBackward(y: Buffer, dy: Buffer, dx: Buffer, n: number): void {
    const yv = this.v(y), dyv = this.v(dy), dxv = this.v(dx);
    for (let i = 0; i < n; i++) dxv[i] = dyv[i]! * (1 - yv[i]! * yv[i]!);
  }

  softmaxForward(x: Buffer, y: Buffer, rows: number, cols: number): void {
    const xv = this.v(x), yv = this.v(y);
    for (let r = 0; r < rows; r++) softmaxRow(xv, yv, r * cols, cols);
  }

  softmaxBackward(y: Buffer, dy: Buffer, dx: Buffer, rows: number, cols: number): void {
    const yv = this.v(y), dyv = this.v(dy), dxv = this.v(dx);
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      let dot = 0;
      for (let j = 0; j < cols; j++) dot += yv[o + j]! * dyv[o + j]!;
      for (let j = 0; j < cols; j++) dxv[o + j] = yv[o + j]! * (dyv[o + j]! - dot);
    }
  }

  dropoutForward(x: Buffer, y: Buffer, n: number, p: number, seed: number): void {
    const xv = this.v(x), yv = this.v(y);
    const threshold = dropThreshold(p), keepScale = 1 / (1 - p);
    for (let i = 0; i < n; i++) yv[i] = dropoutHash(seed, i) < threshold ? 0 : xv[i]! * keepScale;
  }

  dropoutBackward(dy: Buffer, dx: Buffer, n: number, p: number, seed: number): void {
    this.dropoutForward(dy, dx, n, p, seed);
  }

  attentionForward(a: AttentionForwardArgs): void {
    const { batch, seq, querySeq: qs, heads, headDim: d } = a;
    const q = this.v(a.q.buf), k = this.v(a.k.buf), v = this.v(a.v.buf);
    const probs = this.v(a.probs), out = this.v(a.out);
    const scale = 1 / Math.sqrt(d), width = heads * d;
    const threshold = dropThreshold(a.dropout), keepScale = 1 / (1 - a.dropout);
    for (let b = 0; b < batch; b++) {
      for (let h = 0; h < heads; h++) {
        for (let i = 0; i < qs; i++) {
          const pRow = ((b * heads + h) * qs + i) * seq;
          const qo = a.q.offset + (b * qs + i) * a.q.ld + h * d;
          for (let j = 0; j < seq; j++) {
            const ko = a.k.offset + (b * seq + j) * a.k.ld + h * d;
            let s = 0;
            for (let t = 0; t < d; t++) s += q[qo + t]! * k[ko + t]!;
            s *= scale;
            if (a.mask !== null && a.mask[b * seq + j] === 0) s += MASKED_SCORE;
            probs[pRow + j] = s;
          }
          softmaxRow(probs, probs, pRow, seq);
          const oo = (b * qs + i) * width + h * d;
          for (let t = 0; t < d; t++) {
            let s = 0;
            for (let j = 0; j < seq; j++) {
              const pj = a.dropout > 0 && dropoutHash(a.seed, pRow + j) < threshold ? 0
                : probs[pRow + j]! * (a.dropout > 0 ? keepScale : 1);
              s += pj * v[a.v.offset + (b * seq + j) * a.v.ld + h * d + t]!;
            }
            out[oo + t] = s;
          }
        }
      }
    }
  }

  attentionBackward(a: AttentionBackwardArgs): void {
    const { batch, seq, querySeq: qs, heads, headDim: d } = a;
    const q = this.v(a.q.buf), k = this.v(a.k.buf), v = this.v(a.v.buf);
    const probs = this.v(a.probs), dOut = this.v(a.dOut);
    const dq = this.v(a.dq), dk = this.v(a.dk), dv = this.v(a.dv);
    const scale = 1 / Math.sqrt(d), width = heads * d;
    const threshold = dropThreshold(a.dropout), keepScale = 1 / (1 - a.dropout);
    const keep = (index: number): number =>
      a.dropout > 0 ? (dropoutHash(a.seed, index) < threshold ? 0 : keepScale) : 1;
    dq.fill(0, 0, batch * qs * width);
    dk.fill(0, 0, batch * seq * width);
    dv.fill(0, 0, batch * seq * width);
    const dScores = new Float64Array(seq);
    for (let b = 0; b < batch; b++) {
      for (let h = 0; h < heads; h++) {
        for (let i = 0; i < qs; i++) {
          const pRow = ((b * heads + h) * qs + i) * seq;
          const go = (b * qs + i) * width + h * d;
          // dP_dropped = dOut·Vᵀ; dP = dP_dropped·keep; dV += P_droppedᵀ·dOut
          let dot = 0;
          for (let j = 0; j < seq; j++) {
            const vo = a.v.offset + (b * seq + j) * a.v.ld + h * d;
            const kj = keep(pRow + j);
            let s = 0;
            for (let t = 0; t < d; t++) s += dOut[go + t]! * v[vo + t]!;
            const dp = s * kj;
            dScores[j] = dp;
            dot += dp * probs[pRow + j]!;
            const pd = probs[pRow + j]! * kj;
            const dvo = (b * seq + j) * width + h * d;
            for (let t = 0; t < d; t++) dv[dvo + t] = dv[dvo + t]! + pd * dOut[go + t]!;
          }
          // softmax backward, then the 1/sqrt(d) scale
          for (let j = 0; j < seq; j++) dScores[j] = probs[pRow + j]! * (dScores[j]! - dot) * scale;
          const qo = a.q.offset + (b * qs + i) * a.q.ld + h * d;
          for (let j = 0; j < seq; j++) {
            const ko = a.k.offset + (b * seq + j) * a.k.ld + h * d;
            const dko = (b * seq + j) * width + h * d;
            const ds = dScores[j]!;
            for (let t = 0; t < d; t++) {
              dq[go + t] = dq[go + t]! + ds * k[ko + t]!;
              dk[dko + t] = dk[dko + t]! + ds * q[qo + t]!;
            }
          }
        }
      }
    }
  }

  gatherRows(table: Buffer, idx: Int32Array, out: Buffer, cols: number): void {
    const t = this.v(table), o = this.v(out);
    const rows = t.length / cols;
    for (let i = 0; i < idx.length; i++) {
      const r = idx[i]!;
      if (r < 0 || r >= rows) throw new RangeError(`gatherRows: index ${r} at position ${i} is outside 0..${rows - 1}`);
      for (let j = 0; j < cols; j++) o[i * cols + j] = t[r * cols + j]!;
    }
  }

  scatterAddRows(dOut: Buffer, idx: Int32Array, dTable: Buffer, cols: number): void {
    const g = this.v(dOut), t = this.v(dTable);
    for (let i = 0; i < idx.length; i++) {
      const r = idx[i]!;
      for (let j = 0; j < cols; j++) t[r * cols + j] = t[r * cols + j]! + g[i * cols + j]!;
    }
  }

  crossEntropyForward(logits: Buffer, labels: Int32Array, ignoreIndex: number, loss: Buffer, lse: Buffer,
    rows: number, cols: number): void {
    const x = this.v(logits), l = this.v(lse), out = this.v(loss);
    let total = 0, count = 0;
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      let max = -Infinity;
      for (let j = 0; j < cols; j++) max = Math.max(max, x[o + j]!);
      let s = 0;
      for (let j = 0; j < cols; j++) s += Math.exp(x[o + j]! - max);
      const logSumExp = max + Math.log(s);
      l[r] = logSumExp;
      const label = labels[r]!;
      if (label === ignoreIndex) continue;
      total += logSumExp - x[o + label]!;
      count++;
    }
    out[0] = count === 0 ? 0 : total / count;
  }

  crossEntropyBackward(logits: Buffer, labels: Int32Array, ignoreIndex: number, lse: Buffer, dLoss: Buffer,
    dLogits: Buffer, rows: number, cols: number): void {
    const x = this.v(logits), l = this.v(lse), dl = this.v(dLoss), g = this.v(dLogits);
    let count = 0;
    for (let r = 0; r < rows; r++) if (labels[r] !== ignoreIndex) count++;
    const s = count === 0 ? 0 : dl[0]! / count;
    for (let r = 0; r < rows; r++) {
      const o = r * cols, label = labels[r]!;
      if (label === ignoreIndex) {
        g.fill(0, o, o + cols);
        continue;
      }
      for (let j = 0; j < cols; j++) g[o + j] = s * (Math.exp(x[o + j]! - l[r]!) - (j === label ? 1 : 0));
    }
  }

  adamw(a: AdamWArgs): void {
    const p = this.v(a.param), g = this.v(a.grad), m = this.v(a.m), v = this.v(a.v);
    const c1 = 1 - a.beta1 ** a.step, c2 = 1 - a.beta2 ** a.step;
    for (let i = 0; i < a.n; i++) {
      const gi = g[i]! * a.gradScale;
      m[i] = a.beta1 * m[i]! + (1 - a.beta1) * gi;
      v[i] = a.beta2 * v[i]! + (1 - a.beta2) * gi * gi;
      const update = (m[i]! / c1) / (Math.sqrt(v[i]! / c2) + a.eps);
      p[i] = p[i]! - a.lr * (update + a.weightDecay * p[i]!);
    }
  }
}

/** Numerically stable softmax of src[o..o+n) into dst (may alias src). */
function softmaxRow(src: Values, dst: Values, o: number, n: number): void {
  let max = -Infinity;
  for (let j = 0; j < n; j++) max = Math.max(max, src[o + j]!);
  let s = 0;
  for (let j = 0; j < n; j++) {
    const e = Math.exp(src[o + j]! - max);
    dst[o + j] = e;
    s += e;
  }
  for (let j = 0; j < n; j++) dst[o + j] = dst[o + j]! / s;
}
