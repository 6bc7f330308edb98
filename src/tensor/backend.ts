/**
 * The kernel interface every backend implements (reference TypeScript, WebAssembly, later WebGPU).
 *
 * Kernels work on opaque device buffers (`Buffer`) holding row-major, contiguous float values. Sizes are
 * given in elements. Integer inputs (token ids, labels, masks) are host `Int32Array`s: a GPU backend uploads
 * them, a CPU backend reads them directly. Kernels never allocate their outputs: the caller (the op layer in
 * src/tensor/ops) allocates and frees. Outputs are overwritten unless a kernel says it accumulates.
 *
 * Every kernel must be deterministic: the same inputs give bit-identical outputs, whatever the thread
 * count. Randomness (dropout) comes from a counter-based hash of (seed, element index): see `dropoutKeep`.
 */
export interface Buffer {
  /** Number of float elements. */
  readonly length: number;
  /** Name of the backend that owns it (a buffer never crosses backends). */
  readonly backend: string;
}

/** A view into a buffer: `offset` elements in, rows `ld` elements apart (for fused QKV layouts). */
export interface Strided {
  readonly buf: Buffer;
  readonly offset: number;
  /** Leading dimension: distance in elements between consecutive rows. */
  readonly ld: number;
}

export interface GemmArgs {
  readonly batch: number;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  /** A is [batch][m][k], or [batch][k][m] when transA. */
  readonly a: Buffer;
  readonly transA: boolean;
  /** B is [batch][k][n], or [batch][n][k] when transB. */
  readonly b: Buffer;
  readonly transB: boolean;
  /** Elements between consecutive batch matrices; 0 broadcasts one matrix over the batch. */
  readonly strideA: number;
  readonly strideB: number;
  /** C is [batch][m][n], contiguous. */
  readonly c: Buffer;
  /** Optional [n] vector added to every row of C. */
  readonly bias: Buffer | null;
  /** C = alpha·op(A)·op(B) (+ bias), or C += ... when accumulate. */
  readonly alpha: number;
  readonly accumulate: boolean;
}

export interface AttentionArgs {
  readonly batch: number;
  /** Keys (and values) per sequence. */
  readonly seq: number;
  /**
   * Queries per sequence: `seq` for self-attention over every position; fewer when only some positions'
   * outputs are wanted (the encoder's last layer in pretraining).
   */
  readonly querySeq: number;
  readonly heads: number;
  readonly headDim: number;
  /**
   * Q: [batch][querySeq][heads·headDim] rows; K, V: [batch][seq][heads·headDim] rows (possibly inside a fused
   * QKV buffer, hence Strided).
   */
  readonly q: Strided;
  readonly k: Strided;
  readonly v: Strided;
  /** Key padding mask [batch][seq]: 1 = attend, 0 = padding. Null: attend everywhere. */
  readonly mask: Int32Array | null;
  /**
   * Attention-probability dropout rate and its seed (mask regenerated in backward from the seed). The
   * dropout element index is the flat index into probs [batch][heads][querySeq][seq].
   */
  readonly dropout: number;
  readonly seed: number;
}

/**
 * Scaled dot-product attention, as Hugging Face BERT computes it:
 *   scores = Q·Kᵀ / sqrt(headDim) + (mask == 0 ? -3.4028234663852886e38 : 0)
 *   probs  = softmax(scores)            (saved: [batch][heads][querySeq][seq])
 *   ctx    = dropout(probs) · V         (written as [batch][querySeq][heads·headDim], contiguous)
 */
export interface AttentionForwardArgs extends AttentionArgs {
  readonly probs: Buffer;
  readonly out: Buffer;
}

export interface AttentionBackwardArgs extends AttentionArgs {
  readonly probs: Buffer;
  /** dL/dctx, [batch][querySeq][heads·headDim] contiguous. */
  readonly dOut: Buffer;
  /** Gradients written contiguous (not strided), dq [batch][querySeq][heads·headDim], dk and dv [batch][seq][...]. */
  readonly dq: Buffer;
  readonly dk: Buffer;
  readonly dv: Buffer;
}

export interface AdamWArgs {
  readonly n: number;
  readonly param: Buffer;
  readonly grad: Buffer;
  readonly m: Buffer;
  readonly v: Buffer;
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;
  /** 1-based step count, for bias correction. */
  readonly step: number;
  /** Multiplies the gradient before use (global-norm clipping, loss scaling). */
  readonly gradScale: number;
}

export interface Kernels {
  /** Batched GEMM, either side transposed, optional bias, optional accumulation. */
  gemm(args: GemmArgs): void;

  /** out = a + b */
  add(a: Buffer, b: Buffer, out: Buffer, n: number): void;
  /** out = a ⊙ b */
  mul(a: Buffer, b: Buffer, out: Buffer, n: number): void;
  /** out = s·a */
  scale(a: Buffer, s: number, out: Buffer, n: number): void;
  /** y += alpha·x */
  axpy(alpha: number, x: Buffer, y: Buffer, n: number): void;
  fill(out: Buffer, value: number, n: number): void;
  /** Copies n elements from src[srcOffset..] to dst[dstOffset..]; the two ranges must not overlap. */
  copy(src: Buffer, srcOffset: number, dst: Buffer, dstOffset: number, n: number): void;
  /** out[b][j][i] = x[b][i][j] for x [batch][rows][cols]. */
  transpose(x: Buffer, out: Buffer, batch: number, rows: number, cols: number): void;
  /** out[j] (+)= Σ_i x[i][j] for x [rows][cols]; accumulates when `accumulate`. */
  sumRows(x: Buffer, out: Buffer, rows: number, cols: number, accumulate: boolean): void;
  /** out[0] = Σ x[i] (out[0] += ... when accumulate). */
  sum(x: Buffer, out: Buffer, n: number, accumulate: boolean): void;
  /** out[0] = Σ x[i]² (out[0] += ... when accumulate): global gradient norms. */
  sumSquares(x: Buffer, out: Buffer, n: number, accumulate: boolean): void;

  /** y = (x - mean)·rstd·gamma + beta per row; mean and rstd [rows] saved for backward. */
  layerNormForward(x: Buffer, gamma: Buffer, beta: Buffer, y: Buffer, mean: Buffer, rstd: Buffer,
    rows: number, cols: number, eps: number): void;
  /** Writes dx; ACCUMULATES into dgamma and dbeta (callers zero them first). */
  layerNormBackward(dy: Buffer, x: Buffer, mean: Buffer, rstd: Buffer, gamma: Buffer,
    dx: Buffer, dgamma: Buffer, dbeta: Buffer, rows: number, cols: number): void;

  /** GELU, erf form (BERT): y = x·½·(1 + erf(x/√2)). */
  geluForward(x: Buffer, y: Buffer, n: number): void;
  geluBackward(x: Buffer, dy: Buffer, dx: Buffer, n: number): void;
  tanhForward(x: Buffer, y: Buffer, n: number): void;
  /** dx = dy·(1 - y²), from the forward output y. */
  tanhBackward(y: Buffer, dy: Buffer, dx: Buffer, n: number): void;
  /** Softmax over the last dimension of [rows][cols]. */
  softmaxForward(x: Buffer, y: Buffer, rows: number, cols: number): void;
  softmaxBackward(y: Buffer, dy: Buffer, dx: Buffer, rows: number, cols: number): void;

  /** Inverted dropout: y = keep ? x / (1 - p) : 0, keep = dropoutKeep(seed, i, p). */
  dropoutForward(x: Buffer, y: Buffer, n: number, p: number, seed: number): void;
  dropoutBackward(dy: Buffer, dx: Buffer, n: number, p: number, seed: number): void;

  attentionForward(args: AttentionForwardArgs): void;
  attentionBackward(args: AttentionBackwardArgs): void;

  /** out[i][:] = table[idx[i]][:] for table [rows][cols] (embedding lookup, row selection). */
  gatherRows(table: Buffer, idx: Int32Array, out: Buffer, cols: number): void;
  /** dTable[idx[i]][:] += dOut[i][:], duplicates summed in index order (deterministic). */
  scatterAddRows(dOut: Buffer, idx: Int32Array, dTable: Buffer, cols: number): void;

  /**
   * Mean softmax cross-entropy over rows whose label != ignoreIndex: loss[0] = Σ -log softmax(x)[label] / count.
   * Saves logsumexp per row in lse [rows]. count = 0 gives loss 0.
   */
  crossEntropyForward(logits: Buffer, labels: Int32Array, ignoreIndex: number, loss: Buffer, lse: Buffer,
    rows: number, cols: number): void;
  /** dLogits = dLoss[0]·(softmax(x) - onehot(label)) / count; zero rows for ignored labels. */
  crossEntropyBackward(logits: Buffer, labels: Int32Array, ignoreIndex: number, lse: Buffer, dLoss: Buffer,
    dLogits: Buffer, rows: number, cols: number): void;

  /** Decoupled-weight-decay Adam update, in place on param, m and v. */
  adamw(args: AdamWArgs): void;
}

export interface Backend extends Kernels {
  readonly name: string;
  /** A new buffer of `length` elements, zero-filled. */
  alloc(length: number): Buffer;
  /** Returns the buffer's memory; using the buffer afterwards is an error. */
  free(buf: Buffer): void;
  /** Copies host values into the buffer at `offset`. */
  write(buf: Buffer, data: ArrayLike<number>, offset?: number): void;
  /** Copies the buffer's values to the host. Async so that GPU backends fit. */
  read(buf: Buffer): Promise<Float32Array>;
  /** Bytes currently allocated (for leak tests and memory reports). */
  allocatedBytes(): number;
  /** Waits for queued work (GPU); CPU backends resolve at once. */
  sync(): Promise<void>;
  /** Releases threads and memory. */
  dispose(): void;
}

/**
 * The dropout keep decision for element `index` under `seed`, shared by every backend so their masks agree
 * bit for bit: a 32-bit integer hash (lowbias32 by Chris Wellons) of seed and index, compared with the keep
 * probability scaled to 2^32. Counter-based, so threads need no shared RNG state and backward regenerates
 * the mask instead of storing it.
 */
export function dropoutHash(seed: number, index: number): number {
  let x = (Math.imul(index ^ seed, 0x9e3779b1) + seed) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  x ^= x >>> 16;
  return x >>> 0;
}

/** Drop threshold: an element is dropped when dropoutHash(seed, i) < dropThreshold(p). */
export function dropThreshold(p: number): number {
  return Math.min(0xffffffff, Math.floor(p * 4294967296));
}

/** Hugging Face adds torch.finfo(float32).min to the scores of padded keys. */
export const MASKED_SCORE = -3.4028234663852886e38;
