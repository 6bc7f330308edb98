import { BufferUsage, MapMode, type GpuBuffer, type GpuDevice } from './gpu-types.js';
import {
  dropThreshold,
  type AdamWArgs, type AttentionArgs, type AttentionBackwardArgs, type AttentionForwardArgs, type Backend, type Buffer,
  type GemmArgs, type Strided,
} from '../../backend.js';
import { BufferPool } from './buffer-pool.js';
import { ATTENTION_BACKWARD_KEY, ATTENTION_BACKWARD_QUERY, ATTENTION_FORWARD } from './kernels/attention.js';
import {
  ADAMW, ADD, AXPY, COPY_WITHIN, DROPOUT, FILL, GELU_BACKWARD, GELU_FORWARD, MUL, SCALE, TANH_BACKWARD, TANH_FORWARD,
} from './kernels/elementwise.js';
import { GATHER_ROWS, SCATTER_ADD_ROWS } from './kernels/gather.js';
import { GEMM, gemmTile } from './kernels/gemm.js';
import { WG, type KernelSource } from './kernels/kernel.js';
import { BLOCK_SUM, BLOCK_SUM_SQUARES, COLUMN_FINAL, COLUMN_PARTIAL, COL_CHUNK, FINAL_SUM, SUM_BLOCK, TRANSPOSE } from './kernels/reduce.js';
import {
  CROSS_ENTROPY_BACKWARD, CROSS_ENTROPY_FINAL, CROSS_ENTROPY_ROWS, LAYER_NORM_BACKWARD_DX, LAYER_NORM_BACKWARD_PARTIAL,
  LAYER_NORM_FORWARD, SOFTMAX_BACKWARD, SOFTMAX_FORWARD,
} from './kernels/rows.js';
import { Recorder } from './recorder.js';

/** Workgroups per grid dimension (WebGPU's guaranteed maximum). */
const MAX_GROUPS = 65535;
/** Unused pooled bytes beyond which the pool is emptied (shapes that change, e.g. padded batches). */
const POOL_LIMIT = 1 << 30;

class TensorBuffer implements Buffer {
  freed = false;
  constructor(readonly backend: string, readonly length: number, readonly gpu: GpuBuffer) {}
}

export interface WebGpuDeviceInfo {
  /** What the adapter says it is (vendor, architecture, description; llvmpipe on software GL). */
  readonly adapter: string;
  readonly featureLevel: string;
}

/**
 * The WebGPU backend: buffers stay on the device, kernels (WGSL, in kernels/) are recorded into command
 * encoders as they are called and submitted in batches; only `read` (staging buffer + mapAsync) and `sync`
 * wait. Platform-neutral: it takes a GpuDevice, which node-gpu.ts (Dawn in Node) or `navigator.gpu` provides.
 */
export class WebGpuBackend implements Backend {
  readonly name = 'webgpu';
  private readonly recorder: Recorder;
  private readonly storage: BufferPool;
  private readonly staging: BufferPool;
  private readonly dummy: GpuBuffer;
  private userBytes = 0;
  private disposed = false;
  private error: string | null = null;
  /** Forces the GEMM tile (tests of both kernels on small shapes, benchmarks); null picks by size. */
  gemmTileOverride: 64 | 128 | null = null;
  /** Largest buffer one binding may cover: larger tensors are refused at alloc. */
  readonly maxBindingBytes: number;

  constructor(private readonly device: GpuDevice, readonly info: WebGpuDeviceInfo, private readonly onDispose: () => void = () => {}) {
    this.recorder = new Recorder(device);
    this.maxBindingBytes = Math.min(device.limits.maxStorageBufferBindingSize, device.limits.maxBufferSize);
    this.storage = new BufferPool(device, BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST,
      'medbert tensor', this.maxBindingBytes);
    this.staging = new BufferPool(device, BufferUsage.MAP_READ | BufferUsage.COPY_DST, 'medbert read-back',
      device.limits.maxBufferSize);
    this.dummy = device.createBuffer({ label: 'medbert unused binding', size: 16, usage: BufferUsage.STORAGE });
    device.addEventListener('uncapturederror', (e) => {
      this.error ??= e.error.message;
    });
    void device.lost.then((lost) => {
      if (!this.disposed) this.error ??= `device lost (${lost.reason}): ${lost.message}`;
    });
  }

  /** Dispatches and submits so far (tests, benchmarks). */
  get stats(): { dispatches: number; submits: number; deviceBytes: number; pooledBytes: number } {
    return { dispatches: this.recorder.dispatches, submits: this.recorder.submits,
      deviceBytes: this.storage.deviceBytes, pooledBytes: this.storage.pooledBytes };
  }

  // ---- buffers ----

  alloc(length: number): Buffer {
    this.live('alloc');
    if (!Number.isInteger(length) || length < 0) throw new RangeError(`webgpu backend: alloc of invalid length ${length}`);
    const bytes = length * 4;
    if (bytes > this.maxBindingBytes) {
      throw new RangeError(`webgpu backend: a tensor of ${length} elements (${bytes} bytes) exceeds this adapter's largest `
        + `storage binding (${this.maxBindingBytes} bytes)`);
    }
    const { buffer, fresh } = this.storage.acquire(bytes);
    if (!fresh) this.recorder.commands().clearBuffer(buffer, 0, buffer.size);
    this.userBytes += bytes;
    return new TensorBuffer(this.name, length, buffer);
  }

  free(buf: Buffer): void {
    const b = this.own(buf, 'free');
    b.freed = true;
    this.userBytes -= b.length * 4;
    // Safe at once: later work that reuses the buffer is recorded after the work that used it.
    this.storage.release(b.gpu);
    if (this.storage.pooledBytes > POOL_LIMIT) this.trimPool();
  }

  /** Destroys the unused pooled buffers (after submitting the work that may still use them). */
  trimPool(): void {
    this.live('trimPool');
    this.recorder.flush();
    this.storage.trim();
    this.staging.trim();
  }

  write(buf: Buffer, data: ArrayLike<number>, offset = 0): void {
    const b = this.own(buf, 'write');
    if (offset < 0 || offset + data.length > b.length) {
      throw new RangeError(`write of ${data.length} at ${offset} overflows buffer of ${b.length}`);
    }
    if (data.length === 0) return;
    // Through a staging buffer copied in command order, so the write lands after the work recorded before it.
    const upload = this.device.createBuffer({ label: 'medbert upload', size: data.length * 4, usage: BufferUsage.COPY_SRC,
      mappedAtCreation: true });
    new Float32Array(upload.getMappedRange()).set(data);
    upload.unmap();
    this.recorder.commands().copyBufferToBuffer(upload, 0, b.gpu, offset * 4, data.length * 4);
    this.recorder.destroyAfterSubmit(upload);
  }

  async read(buf: Buffer): Promise<Float32Array> {
    const b = this.own(buf, 'read');
    const bytes = b.length * 4;
    if (bytes === 0) return new Float32Array(0);
    const { buffer: staging } = this.staging.acquire(bytes);
    this.recorder.commands().copyBufferToBuffer(b.gpu, 0, staging, 0, bytes);
    this.recorder.flush();
    try {
      await staging.mapAsync(MapMode.READ, 0, bytes);
    } catch (e) {
      this.check();
      throw new Error(`webgpu backend: read failed: ${(e as Error).message}`);
    }
    const out = new Float32Array(staging.getMappedRange(0, bytes).slice(0));
    staging.unmap();
    this.staging.release(staging);
    this.check();
    return out;
  }

  allocatedBytes(): number {
    return this.userBytes;
  }

  async sync(): Promise<void> {
    this.live('sync');
    this.recorder.flush();
    await this.device.queue.onSubmittedWorkDone();
    this.check();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.recorder.flush();
    this.recorder.dispose();
    this.storage.trim();
    this.staging.trim();
    this.device.destroy();
    this.onDispose();
  }

  /** Throws the first device error since the last check (validation errors do not stop the device). */
  private check(): void {
    const error = this.error;
    this.error = null;
    if (error !== null) throw new Error(`webgpu backend: ${error}`);
  }

  private live(op: string): void {
    if (this.disposed) throw new Error(`webgpu backend: ${op} after dispose()`);
  }

  private own(buf: Buffer, op: string): TensorBuffer {
    this.live(op);
    if (!(buf instanceof TensorBuffer) || buf.backend !== this.name) {
      throw new Error(`webgpu backend: ${op}: buffer belongs to backend '${buf.backend}'`);
    }
    if (buf.freed) throw new Error(`webgpu backend: ${op}: buffer used after free`);
    return buf;
  }

  /** The device buffer of `buf`, checking that elements [offset, offset + need) lie inside it. */
  private at(buf: Buffer, need: number, op: string, what: string, offset = 0): GpuBuffer {
    const b = this.own(buf, op);
    if (!(need >= 0) || offset < 0 || offset + need > b.length) {
      throw new RangeError(`${op}: ${what} needs ${offset + need} elements but its buffer has ${b.length}`);
    }
    return b.gpu;
  }

  /** Host integers as a storage buffer that lives until the batch is submitted. */
  private ints(data: Int32Array): GpuBuffer {
    if (data.length === 0) return this.dummy;
    const buf = this.device.createBuffer({ label: 'medbert ints', size: data.length * 4, usage: BufferUsage.STORAGE,
      mappedAtCreation: true });
    new Int32Array(buf.getMappedRange()).set(data);
    buf.unmap();
    this.recorder.destroyAfterSubmit(buf);
    return buf;
  }

  /**
   * Records a dispatch. A buffer bound both as an input and as an output (in-place calls such as add(a, b, a))
   * is not allowed in one dispatch by WebGPU: the input side reads a copy.
   */
  private run(k: KernelSource, params: readonly number[], buffers: readonly GpuBuffer[], groups: readonly [number, number, number]):
    void {
    const written = new Set<GpuBuffer>();
    k.bindings.forEach(([, access], i) => {
      if (access === 'read_write') written.add(buffers[i]!);
    });
    const copies: GpuBuffer[] = [];
    const bound = buffers.map((b, i) => {
      if (k.bindings[i]![1] === 'read_write' || !written.has(b)) return b;
      const { buffer: copy } = this.storage.acquire(b.size);
      this.recorder.commands().copyBufferToBuffer(b, 0, copy, 0, b.size);
      copies.push(copy);
      return copy;
    });
    this.recorder.dispatch(k, params, bound, groups);
    for (const c of copies) this.storage.release(c);
  }

  /** A grid of `groups` workgroups folded into x and y; kernels recover the flat index with groupIndex(). */
  private grid(groups: number): [number, number, number] {
    if (groups <= MAX_GROUPS) return [groups, 1, 1];
    const y = Math.ceil(groups / MAX_GROUPS);
    return [Math.ceil(groups / y), y, 1];
  }

  private elementwise(k: KernelSource, n: number, params: readonly number[], buffers: readonly GpuBuffer[]): void {
    this.run(k, [n, ...params], buffers, this.grid(Math.ceil(n / WG)));
  }

  /** Runs `body(z0, count)` over the batch in slices of at most 65535 (the z dimension of a grid). */
  private batched(batch: number, body: (z0: number, count: number) => void): void {
    for (let z0 = 0; z0 < batch; z0 += MAX_GROUPS) body(z0, Math.min(MAX_GROUPS, batch - z0));
  }

  // ---- GEMM ----

  gemm(g: GemmArgs): void {
    const { batch, m, n, k } = g;
    for (const [name, v] of [['batch', batch], ['m', m], ['n', n], ['k', k], ['strideA', g.strideA], ['strideB', g.strideB]] as const) {
      if (!Number.isInteger(v) || v < 0) throw new RangeError(`gemm: ${name} must be a non-negative integer, got ${v}`);
    }
    const shape = `gemm [${batch}] ${m}x${k}${g.transA ? 'ᵀ' : ''} · ${k}x${n}${g.transB ? 'ᵀ' : ''}`;
    const span = (stride: number, size: number): number => batch === 0 ? 0 : stride * (batch - 1) + size;
    const a = this.at(g.a, span(g.strideA, m * k), shape, 'A');
    const b = this.at(g.b, span(g.strideB, k * n), shape, 'B');
    const c = this.at(g.c, batch * m * n, shape, 'C');
    const bias = g.bias === null ? this.dummy : this.at(g.bias, n, shape, 'bias');
    if (batch * m * n === 0) return;
    const tile = this.gemmTileOverride ?? gemmTile(batch, m, n);
    const kernel = GEMM[tile][(g.transA ? 2 : 0) + (g.transB ? 1 : 0)]!;
    this.batched(batch, (z0, count) => {
      this.run(kernel, [m, n, k, g.strideA, g.strideB, g.alpha, g.bias === null ? 0 : 1, g.accumulate ? 1 : 0, z0],
        [a, b, bias, c], [Math.ceil(n / tile), Math.ceil(m / tile), count]);
    });
  }

  // ---- elementwise ----

  add(a: Buffer, b: Buffer, out: Buffer, n: number): void {
    this.elementwise(ADD, n, [], [this.at(a, n, 'add', 'a'), this.at(b, n, 'add', 'b'), this.at(out, n, 'add', 'out')]);
  }

  mul(a: Buffer, b: Buffer, out: Buffer, n: number): void {
    this.elementwise(MUL, n, [], [this.at(a, n, 'mul', 'a'), this.at(b, n, 'mul', 'b'), this.at(out, n, 'mul', 'out')]);
  }

  scale(a: Buffer, s: number, out: Buffer, n: number): void {
    this.elementwise(SCALE, n, [s], [this.at(a, n, 'scale', 'a'), this.at(out, n, 'scale', 'out')]);
  }

  axpy(alpha: number, x: Buffer, y: Buffer, n: number): void {
    this.elementwise(AXPY, n, [alpha], [this.at(x, n, 'axpy', 'x'), this.at(y, n, 'axpy', 'y')]);
  }

  fill(out: Buffer, value: number, n: number): void {
    this.elementwise(FILL, n, [value], [this.at(out, n, 'fill', 'out')]);
  }

  copy(src: Buffer, srcOffset: number, dst: Buffer, dstOffset: number, n: number): void {
    const s = this.at(src, n, 'copy', 'src', srcOffset), d = this.at(dst, n, 'copy', 'dst', dstOffset);
    if (n === 0) return;
    if (s !== d) this.recorder.commands().copyBufferToBuffer(s, srcOffset * 4, d, dstOffset * 4, n * 4);
    else this.elementwise(COPY_WITHIN, n, [srcOffset, dstOffset], [d]);
  }

  transpose(x: Buffer, out: Buffer, batch: number, rows: number, cols: number): void {
    const n = batch * rows * cols;
    const xb = this.at(x, n, 'transpose', 'x'), ob = this.at(out, n, 'transpose', 'out');
    if (n === 0) return;
    this.batched(batch, (z0, count) => this.run(TRANSPOSE, [rows, cols, z0], [xb, ob],
      [Math.ceil(cols / 16), Math.ceil(rows / 16), count]));
  }

  /** Column sums in two stages through a scratch [chunks][cols]. */
  sumRows(x: Buffer, out: Buffer, rows: number, cols: number, accumulate: boolean): void {
    const xb = this.at(x, rows * cols, 'sumRows', 'x'), ob = this.at(out, cols, 'sumRows', 'out');
    if (cols === 0) return;
    const chunks = Math.ceil(rows / COL_CHUNK);
    const { buffer: partial } = this.storage.acquire(Math.max(1, chunks * cols) * 4);
    if (chunks > 0) this.run(COLUMN_PARTIAL, [rows, cols], [xb, partial], [Math.ceil(cols / WG), chunks, 1]);
    this.run(COLUMN_FINAL, [chunks, cols, accumulate ? 1 : 0], [partial, ob], [Math.ceil(cols / WG), 1, 1]);
    this.storage.release(partial);
  }

  private total(k: KernelSource, x: Buffer, out: Buffer, n: number, accumulate: boolean, op: string): void {
    const xb = this.at(x, n, op, 'x'), ob = this.at(out, 1, op, 'out');
    const blocks = Math.ceil(n / SUM_BLOCK);
    const { buffer: partial } = this.storage.acquire(Math.max(1, blocks) * 4);
    if (blocks > 0) this.run(k, [n], [xb, partial], this.grid(blocks));
    this.run(FINAL_SUM, [blocks, accumulate ? 1 : 0], [partial, ob], [1, 1, 1]);
    this.storage.release(partial);
  }

  sum(x: Buffer, out: Buffer, n: number, accumulate: boolean): void {
    this.total(BLOCK_SUM, x, out, n, accumulate, 'sum');
  }

  sumSquares(x: Buffer, out: Buffer, n: number, accumulate: boolean): void {
    this.total(BLOCK_SUM_SQUARES, x, out, n, accumulate, 'sumSquares');
  }

  // ---- rows ----

  layerNormForward(x: Buffer, gamma: Buffer, beta: Buffer, y: Buffer, mean: Buffer, rstd: Buffer,
    rows: number, cols: number, eps: number): void {
    const op = 'layerNormForward', n = rows * cols;
    const bufs = [this.at(x, n, op, 'x'), this.at(gamma, cols, op, 'gamma'), this.at(beta, cols, op, 'beta'),
      this.at(y, n, op, 'y'), this.at(mean, rows, op, 'mean'), this.at(rstd, rows, op, 'rstd')];
    this.run(LAYER_NORM_FORWARD, [rows, cols, eps], bufs, this.grid(rows));
  }

  layerNormBackward(dy: Buffer, x: Buffer, mean: Buffer, rstd: Buffer, gamma: Buffer,
    dx: Buffer, dgamma: Buffer, dbeta: Buffer, rows: number, cols: number): void {
    const op = 'layerNormBackward', n = rows * cols;
    const dyb = this.at(dy, n, op, 'dy'), xb = this.at(x, n, op, 'x'), mb = this.at(mean, rows, op, 'mean');
    const rb = this.at(rstd, rows, op, 'rstd'), gb = this.at(gamma, cols, op, 'gamma'), dxb = this.at(dx, n, op, 'dx');
    const dgb = this.at(dgamma, cols, op, 'dgamma'), dbb = this.at(dbeta, cols, op, 'dbeta');
    if (rows === 0 || cols === 0) return;
    this.run(LAYER_NORM_BACKWARD_DX, [rows, cols], [dyb, xb, mb, rb, gb, dxb], this.grid(rows));
    const chunks = Math.ceil(rows / COL_CHUNK);
    const { buffer: partial } = this.storage.acquire(2 * chunks * cols * 4);
    this.run(LAYER_NORM_BACKWARD_PARTIAL, [rows, cols, chunks], [dyb, xb, mb, rb, partial], [Math.ceil(cols / WG), chunks, 1]);
    // dgamma from partial[0..chunks), dbeta from partial[chunks..2·chunks): the second through a shifted copy
    this.run(COLUMN_FINAL, [chunks, cols, 1], [partial, dgb], [Math.ceil(cols / WG), 1, 1]);
    const { buffer: second } = this.storage.acquire(chunks * cols * 4);
    this.recorder.commands().copyBufferToBuffer(partial, chunks * cols * 4, second, 0, chunks * cols * 4);
    this.run(COLUMN_FINAL, [chunks, cols, 1], [second, dbb], [Math.ceil(cols / WG), 1, 1]);
    this.storage.release(partial);
    this.storage.release(second);
  }

  geluForward(x: Buffer, y: Buffer, n: number): void {
    this.elementwise(GELU_FORWARD, n, [], [this.at(x, n, 'geluForward', 'x'), this.at(y, n, 'geluForward', 'y')]);
  }

  geluBackward(x: Buffer, dy: Buffer, dx: Buffer, n: number): void {
    const op = 'geluBackward';
    this.elementwise(GELU_BACKWARD, n, [], [this.at(x, n, op, 'x'), this.at(dy, n, op, 'dy'), this.at(dx, n, op, 'dx')]);
  }

  tanhForward(x: Buffer, y: Buffer, n: number): void {
    this.elementwise(TANH_FORWARD, n, [], [this.at(x, n, 'tanhForward', 'x'), this.at(y, n, 'tanhForward', 'y')]);
  }

  tanhBackward(y: Buffer, dy: Buffer, dx: Buffer, n: number): void {
    const op = 'tanhBackward';
    this.elementwise(TANH_BACKWARD, n, [], [this.at(y, n, op, 'y'), this.at(dy, n, op, 'dy'), this.at(dx, n, op, 'dx')]);
  }

  softmaxForward(x: Buffer, y: Buffer, rows: number, cols: number): void {
    const n = rows * cols;
    this.run(SOFTMAX_FORWARD, [rows, cols], [this.at(x, n, 'softmaxForward', 'x'), this.at(y, n, 'softmaxForward', 'y')],
      this.grid(cols === 0 ? 0 : rows));
  }

  softmaxBackward(y: Buffer, dy: Buffer, dx: Buffer, rows: number, cols: number): void {
    const op = 'softmaxBackward', n = rows * cols;
    this.run(SOFTMAX_BACKWARD, [rows, cols], [this.at(y, n, op, 'y'), this.at(dy, n, op, 'dy'), this.at(dx, n, op, 'dx')],
      this.grid(cols === 0 ? 0 : rows));
  }

  dropoutForward(x: Buffer, y: Buffer, n: number, p: number, seed: number): void {
    this.dropout(x, y, n, p, seed, 'dropoutForward');
  }

  dropoutBackward(dy: Buffer, dx: Buffer, n: number, p: number, seed: number): void {
    this.dropout(dy, dx, n, p, seed, 'dropoutBackward');
  }

  private dropout(x: Buffer, y: Buffer, n: number, p: number, seed: number, op: string): void {
    if (!(p >= 0 && p < 1)) throw new RangeError(`${op}: dropout rate must be in [0, 1), got ${p}`);
    checkSeed(seed, op);
    this.elementwise(DROPOUT, n, [dropThreshold(p), seed >>> 0, 1 / (1 - p)], [this.at(x, n, op, 'x'), this.at(y, n, op, 'y')]);
  }

  // ---- attention ----

  private attentionParams(a: AttentionArgs, op: string): { params: number[]; strided: GpuBuffer[]; mask: GpuBuffer } {
    const { batch, seq, heads, headDim: d } = a;
    for (const [name, v] of [['batch', batch], ['seq', seq], ['heads', heads], ['headDim', d]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new RangeError(`${op}: ${name} must be a positive integer, got ${v}`);
    }
    const width = heads * d;
    const view = (s: Strided, what: string): GpuBuffer => {
      if (s.ld < width && batch * seq > 1) throw new RangeError(`${op}: ${what} rows are ${s.ld} apart, less than heads·headDim = ${width}`);
      return this.at(s.buf, (batch * seq - 1) * s.ld + width, op, what, s.offset);
    };
    const strided = [view(a.q, 'q'), view(a.k, 'k'), view(a.v, 'v')];
    if (a.mask !== null && a.mask.length < batch * seq) {
      throw new RangeError(`${op}: mask has ${a.mask.length} entries, needs batch·seq = ${batch * seq}`);
    }
    if (!(a.dropout >= 0 && a.dropout < 1)) throw new RangeError(`${op}: dropout rate must be in [0, 1), got ${a.dropout}`);
    checkSeed(a.seed, op);
    const params = [seq, heads, d, 1 / Math.sqrt(d), a.q.offset, a.q.ld, a.k.offset, a.k.ld, a.v.offset, a.v.ld,
      a.mask === null ? 0 : 1, a.dropout > 0 ? 1 : 0, dropThreshold(a.dropout), a.seed >>> 0, 1 / (1 - a.dropout)];
    return { params, strided, mask: a.mask === null ? this.dummy : this.ints(a.mask) };
  }

  attentionForward(a: AttentionForwardArgs): void {
    const op = 'attentionForward', { batch, seq, heads, headDim: d } = a;
    const { params, strided: [q, k, v], mask } = this.attentionParams(a, op);
    const probs = this.at(a.probs, batch * heads * seq * seq, op, 'probs'), out = this.at(a.out, batch * seq * heads * d, op, 'out');
    this.batched(batch, (z0, count) =>
      this.run(ATTENTION_FORWARD, [...params, z0], [q!, k!, v!, mask, probs, out], [seq, heads, count]));
  }

  attentionBackward(a: AttentionBackwardArgs): void {
    const op = 'attentionBackward', { batch, seq, heads, headDim: d } = a;
    const { params, strided: [q, k, v] } = this.attentionParams(a, op);
    const n = batch * seq * heads * d;
    const probs = this.at(a.probs, batch * heads * seq * seq, op, 'probs'), dOut = this.at(a.dOut, n, op, 'dOut');
    const dq = this.at(a.dq, n, op, 'dq'), dk = this.at(a.dk, n, op, 'dk'), dv = this.at(a.dv, n, op, 'dv');
    const { buffer: ds } = this.storage.acquire(batch * heads * seq * seq * 4);
    this.batched(batch, (z0, count) => {
      this.run(ATTENTION_BACKWARD_QUERY, [...params, z0], [k!, v!, probs, dOut, ds, dq], [seq, heads, count]);
      this.run(ATTENTION_BACKWARD_KEY, [...params, z0], [q!, probs, dOut, ds, dk, dv], [seq, heads, count]);
    });
    this.storage.release(ds);
  }

  // ---- rows by index ----

  gatherRows(table: Buffer, idx: Int32Array, out: Buffer, cols: number): void {
    const op = 'gatherRows';
    const t = this.own(table, op);
    const rows = cols === 0 ? 0 : Math.floor(t.length / cols);
    checkIndices(idx, rows, op);
    const n = idx.length * cols;
    const ob = this.at(out, n, op, 'out');
    if (n === 0) return;
    this.elementwise(GATHER_ROWS, n, [cols], [t.gpu, this.ints(idx), ob]);
  }

  scatterAddRows(dOut: Buffer, idx: Int32Array, dTable: Buffer, cols: number): void {
    const op = 'scatterAddRows';
    const t = this.own(dTable, op);
    const rows = cols === 0 ? 0 : Math.floor(t.length / cols);
    checkIndices(idx, rows, op);
    const g = this.at(dOut, idx.length * cols, op, 'dOut');
    if (idx.length === 0 || cols === 0) return;
    const plan = scatterPlan(idx);
    const groups = (plan.length - 1 - idx.length) / 2;
    this.elementwise(SCATTER_ADD_ROWS, groups * cols, [cols, groups], [g, this.ints(plan), t.gpu]);
  }

  // ---- loss, optimizer ----

  crossEntropyForward(logits: Buffer, labels: Int32Array, ignoreIndex: number, loss: Buffer, lse: Buffer,
    rows: number, cols: number): void {
    const op = 'crossEntropyForward';
    const count = checkLabels(labels, rows, cols, ignoreIndex, op);
    const x = this.at(logits, rows * cols, op, 'logits'), l = this.at(lse, rows, op, 'lse'), out = this.at(loss, 1, op, 'loss');
    const { buffer: rowLoss } = this.storage.acquire(Math.max(1, rows) * 4);
    if (rows > 0) this.run(CROSS_ENTROPY_ROWS, [rows, cols, ignoreIndex], [x, this.ints(labels.subarray(0, rows)), l, rowLoss], this.grid(rows));
    this.run(CROSS_ENTROPY_FINAL, [rows, count], [rowLoss, out], [1, 1, 1]);
    this.storage.release(rowLoss);
  }

  crossEntropyBackward(logits: Buffer, labels: Int32Array, ignoreIndex: number, lse: Buffer, dLoss: Buffer,
    dLogits: Buffer, rows: number, cols: number): void {
    const op = 'crossEntropyBackward';
    const count = checkLabels(labels, rows, cols, ignoreIndex, op);
    const n = rows * cols;
    const bufs = [this.at(logits, n, op, 'logits'), this.ints(labels.subarray(0, rows)), this.at(lse, rows, op, 'lse'),
      this.at(dLoss, 1, op, 'dLoss'), this.at(dLogits, n, op, 'dLogits')];
    this.elementwise(CROSS_ENTROPY_BACKWARD, n, [cols, ignoreIndex, count], bufs);
  }

  adamw(a: AdamWArgs): void {
    const op = 'adamw', n = a.n;
    const bufs = [this.at(a.param, n, op, 'param'), this.at(a.grad, n, op, 'grad'), this.at(a.m, n, op, 'm'), this.at(a.v, n, op, 'v')];
    this.elementwise(ADAMW, n, [a.lr, a.beta1, a.beta2, 1 - a.beta1, 1 - a.beta2, a.eps, a.weightDecay,
      1 - a.beta1 ** a.step, 1 - a.beta2 ** a.step, a.gradScale], bufs);
  }
}

function checkSeed(seed: number, op: string): void {
  if (!Number.isInteger(seed)) throw new RangeError(`${op}: dropout seed must be an integer, got ${seed}`);
}

function checkIndices(idx: Int32Array, rows: number, op: string): void {
  for (let i = 0; i < idx.length; i++) {
    const r = idx[i]!;
    if (r < 0 || r >= rows) throw new RangeError(`${op}: index ${r} at position ${i} is outside 0..${rows - 1}`);
  }
}

/** Checks the labels and returns how many rows count (label != ignoreIndex). */
function checkLabels(labels: Int32Array, rows: number, cols: number, ignoreIndex: number, op: string): number {
  if (labels.length < rows) throw new RangeError(`${op}: ${labels.length} labels for ${rows} rows`);
  let count = 0;
  for (let r = 0; r < rows; r++) {
    const l = labels[r]!;
    if (l === ignoreIndex) continue;
    if (l < 0 || l >= cols) throw new RangeError(`${op}: label ${l} at row ${r} is outside 0..${cols - 1} (ignore index ${ignoreIndex})`);
    count++;
  }
  return count;
}

/**
 * The scatter-add plan of kernels/gather.ts: the distinct rows of `idx` (in first-seen order), where each
 * one's positions start in the list, and the positions grouped by row, each group in index order.
 */
export function scatterPlan(idx: Int32Array): Int32Array {
  const groupOf = new Map<number, number>();
  const counts: number[] = [];
  const rows: number[] = [];
  for (const r of idx) {
    let g = groupOf.get(r);
    if (g === undefined) {
      g = rows.length;
      groupOf.set(r, g);
      rows.push(r);
      counts.push(0);
    }
    counts[g]!++;
  }
  const groups = rows.length;
  const plan = new Int32Array(2 * groups + 1 + idx.length);
  plan.set(rows);
  let start = 0;
  for (let g = 0; g < groups; g++) {
    plan[groups + g] = start;
    start += counts[g]!;
  }
  plan[2 * groups] = start;
  const next = plan.slice(groups, 2 * groups);
  for (let i = 0; i < idx.length; i++) {
    const g = groupOf.get(idx[i]!)!;
    plan[2 * groups + 1 + next[g]!++] = i;
  }
  return plan;
}
