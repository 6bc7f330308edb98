import { BufferUsage, MapMode, type GpuBuffer, type GpuDevice, type GpuLimits } from './gpu-types.js';
import {
  dropThreshold,
  type AdamWArgs, type AttentionArgs, type AttentionBackwardArgs, type AttentionForwardArgs, type Backend, type Buffer,
  type GemmArgs, type Strided,
} from '../../backend.js';
import { BufferPool } from './buffer-pool.js';
import { ATTENTION_BACKWARD_KEY, ATTENTION_BACKWARD_QUERY, ATTENTION_FORWARD } from './kernels/attention.js';
import {
  ADAMW, ADD, AXPY, DROPOUT, FILL, GELU_BACKWARD, GELU_FORWARD, MUL, SCALE, TANH_BACKWARD, TANH_FORWARD,
} from './kernels/elementwise.js';
import { GATHER_ROWS, SCATTER_ADD_ROWS } from './kernels/gather.js';
import { gatherPairs, rowPieces, scatterPlan } from './gather-plan.js';
import { gemmSpans, planGemm } from './gemm-plan.js';
import type { KernelTime } from './kernel-profile.js';
import { GEMM, GEMM_F16, gemmTile } from './kernels/gemm.js';
import { WG, type KernelSource } from './kernels/kernel.js';
import { BLOCK_SUM, BLOCK_SUM_SQUARES, COLUMN_FINAL, COLUMN_PARTIAL, COL_CHUNK, FINAL_SUM, SUM_BLOCK, TRANSPOSE } from './kernels/reduce.js';
import {
  CROSS_ENTROPY_BACKWARD, CROSS_ENTROPY_FINAL, CROSS_ENTROPY_ROWS, LAYER_NORM_BACKWARD_DX, LAYER_NORM_BACKWARD_PARTIAL,
  LAYER_NORM_FORWARD, SOFTMAX_BACKWARD, SOFTMAX_FORWARD,
} from './kernels/rows.js';
import { Recorder } from './recorder.js';
import { bindRange, pieces, wholeRange, windowElements, type Binding, type Range, type WindowLimits } from './windows.js';

/** Workgroups per grid dimension (WebGPU's guaranteed maximum). */
const MAX_GROUPS = 65535;
/**
 * Unused pooled bytes beyond which the pool is emptied (shapes that change, e.g. padded batches), unless the
 * peak of live tensor bytes is higher: a training step frees all its activations at once, and emptying the pool
 * then would make the next step create every buffer again (90 ms of a BERT-base step on an H100).
 */
const POOL_LIMIT = 1 << 30;
/** Kernels index elements with u32 arithmetic: tensors stay below 2^31 elements (8 GiB) so no index wraps. */
const MAX_TENSOR_ELEMENTS = 2 ** 31;

class TensorBuffer implements Buffer {
  freed = false;
  constructor(readonly backend: string, readonly length: number, readonly gpu: GpuBuffer) {}
}

export interface WebGpuDeviceInfo {
  /** What the adapter says it is (vendor, architecture, description; llvmpipe on software GL). */
  readonly adapter: string;
  readonly featureLevel: string;
  /** shader-f16 is on: GEMMs round their operands to f16 in workgroup memory (fp32 accumulation and tensors). */
  readonly f16: boolean;
  /** Timestamp queries around every dispatch (`kernelProfile()`); optional so other makers of an info need not say. */
  readonly profile?: boolean;
  /** Workgroup reductions through subgroup operations (the adapter offers 'subgroups' and WGSL subgroup_id). */
  readonly subgroups?: boolean;
  /** The limits requested at the adapter's values (the device must grant them: checked in tests). */
  readonly requestedLimits: Readonly<Record<string, number>>;
}

export interface WebGpuBackendOptions {
  /**
   * Bytes one storage binding may cover, below the adapter's maxStorageBufferBindingSize (tests force small
   * values, from 32 KiB, to exercise the split paths on small tensors). Default: the device's limit.
   */
  readonly maxBindingBytes?: number;
  /** Unused pooled bytes kept at least (default 1 GiB; the peak of live tensor bytes when higher). */
  readonly poolLimitBytes?: number;
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
  /** The most device bytes in live tensors so far (size classes): the pool may keep that much for the next step. */
  private peakInUseBytes = 0;
  private readonly poolLimitBytes: number;
  private disposed = false;
  private error: string | null = null;
  /** Forces the GEMM tile (tests of both kernels on small shapes, benchmarks); null picks by size. */
  gemmTileOverride: 64 | 128 | null = null;
  /** Binding windows: offset alignment and the largest window (kernel calls split into dispatches that fit). */
  readonly limits: WindowLimits;
  /** Elements a window always covers. */
  private readonly windowElements: number;
  /** Largest tensor (one device buffer: maxBufferSize, and 2^31 elements); larger ones are refused at alloc. */
  readonly maxTensorBytes: number;

  constructor(private readonly device: GpuDevice, readonly info: WebGpuDeviceInfo, private readonly onDispose: () => void = () => {},
    options: WebGpuBackendOptions = {}) {
    this.recorder = new Recorder(device, info.profile === true, info.subgroups === true);
    this.poolLimitBytes = options.poolLimitBytes ?? POOL_LIMIT;
    const align = device.limits.minStorageBufferOffsetAlignment;
    const deviceMax = Math.min(device.limits.maxStorageBufferBindingSize, device.limits.maxBufferSize);
    const forced = options.maxBindingBytes;
    // The smallest window must hold a block of the sum kernels (SUM_BLOCK elements) after alignment slack.
    const smallest = 32768;
    if (forced !== undefined && !(Number.isInteger(forced) && forced % 4 === 0 && forced >= smallest)) {
      throw new RangeError(`webgpu backend: maxBindingBytes must be a multiple of 4, at least ${smallest}, got ${forced}`);
    }
    // A binding's size is a multiple of 4 bytes.
    this.limits = { align, maxBytes: Math.floor(Math.min(deviceMax, forced ?? deviceMax) / 4) * 4 };
    this.windowElements = windowElements(this.limits);
    this.maxTensorBytes = Math.min(device.limits.maxBufferSize, MAX_TENSOR_ELEMENTS * 4);
    this.storage = new BufferPool(device, BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST,
      'medbert tensor', this.maxTensorBytes);
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

  /** The device's limits (what was granted). */
  get deviceLimits(): GpuLimits {
    return this.device.limits;
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
    if (bytes > this.maxTensorBytes) {
      throw new RangeError(`webgpu backend: a tensor of ${length} elements (${bytes} bytes) exceeds this adapter's largest `
        + `buffer (${this.maxTensorBytes} bytes)`);
    }
    const { buffer, fresh } = this.storage.acquire(bytes);
    if (!fresh) this.recorder.commands().clearBuffer(buffer, 0, buffer.size);
    this.userBytes += bytes;
    this.peakInUseBytes = Math.max(this.peakInUseBytes, this.storage.deviceBytes - this.storage.pooledBytes);
    return new TensorBuffer(this.name, length, buffer);
  }

  free(buf: Buffer): void {
    const b = this.own(buf, 'free');
    b.freed = true;
    this.userBytes -= b.length * 4;
    // Safe at once: later work that reuses the buffer is recorded after the work that used it.
    this.storage.release(b.gpu);
    if (this.storage.pooledBytes > Math.max(this.poolLimitBytes, this.peakInUseBytes)) this.trimPool();
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

  /** GPU time per kernel since the start, longest first; null unless the device was made with a profile. */
  async kernelProfile(): Promise<KernelTime[] | null> {
    this.live('kernelProfile');
    this.recorder.flush();
    return (await this.recorder.profile?.report()) ?? null;
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

  /** The tensor behind `buf`, checking that elements [offset, offset + need) lie inside it. */
  private at(buf: Buffer, need: number, op: string, what: string, offset = 0): TensorBuffer {
    const b = this.own(buf, op);
    if (!(need >= 0) || offset < 0 || offset + need > b.length) {
      throw new RangeError(`${op}: ${what} needs ${offset + need} elements but its buffer has ${b.length}`);
    }
    return b;
  }

  /** Host integers as a storage buffer that lives until the batch is submitted (bound whole). */
  private ints(data: Int32Array): Range {
    if (data.length === 0) return wholeRange(this.dummy);
    const buf = this.device.createBuffer({ label: 'medbert ints', size: data.length * 4, usage: BufferUsage.STORAGE,
      mappedAtCreation: true });
    new Int32Array(buf.getMappedRange()).set(data);
    buf.unmap();
    this.recorder.destroyAfterSubmit(buf);
    return wholeRange(buf);
  }

  /**
   * Records a dispatch binding a window of each range. A buffer bound both as an input and as an output
   * (in-place calls such as add(a, b, a)) is not allowed in one dispatch by WebGPU: the input side reads a
   * copy of its window.
   */
  private run(k: KernelSource, params: readonly number[], ranges: readonly Range[], groups: readonly [number, number, number]):
    void {
    const written = new Set<GpuBuffer>();
    k.bindings.forEach(([, access], i) => {
      if (access === 'read_write') written.add(ranges[i]!.buf);
    });
    const copies: GpuBuffer[] = [];
    const bound = ranges.map((r, i): Binding => {
      const [name, access] = k.bindings[i]!;
      const w = bindRange(r, this.limits, `${k.label} ${name}`);
      if (access === 'read_write' || !written.has(r.buf)) return w;
      const { buffer: copy } = this.storage.acquire(w.size);
      this.recorder.commands().copyBufferToBuffer(w.buffer, w.offset, copy, 0, w.size);
      copies.push(copy);
      return { buffer: copy, offset: 0, size: w.size, shift: w.shift };
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

  /** How many units of `size` elements fit one window (at least 1, else a clear error). */
  private perWindow(size: number, op: string, what: string): number {
    const per = Math.floor(this.windowElements / Math.max(1, size));
    if (per < 1) {
      throw new RangeError(`${op}: ${what} of ${size} elements exceeds one storage binding (${this.limits.maxBytes} bytes)`);
    }
    return per;
  }

  /** One thread per element i of [0, n), every buffer indexed by i; split into pieces that fit a window. */
  private elementwise(k: KernelSource, n: number, params: readonly number[], buffers: readonly TensorBuffer[]): void {
    for (const [s, e] of pieces(n, this.windowElements)) {
      this.run(k, [s, e, ...params], buffers.map((b) => ({ buf: b.gpu, first: s, count: e - s })), this.grid(Math.ceil((e - s) / WG)));
    }
  }

  /** Runs `body(z0, count)` over batch items [b0, b1) in slices of at most 65535 (the z dimension of a grid). */
  private batched(b0: number, b1: number, body: (z0: number, count: number) => void): void {
    for (let z0 = b0; z0 < b1; z0 += MAX_GROUPS) body(z0, Math.min(MAX_GROUPS, b1 - z0));
  }

  // ---- GEMM ----

  gemm(g: GemmArgs): void {
    const { batch, m, n, k } = g;
    for (const [name, v] of [['batch', batch], ['m', m], ['n', n], ['k', k], ['strideA', g.strideA], ['strideB', g.strideB]] as const) {
      if (!Number.isInteger(v) || v < 0) throw new RangeError(`gemm: ${name} must be a non-negative integer, got ${v}`);
    }
    const shape = `gemm [${batch}] ${m}x${k}${g.transA ? 'ᵀ' : ''} · ${k}x${n}${g.transB ? 'ᵀ' : ''}`;
    const extent = (stride: number, size: number): number => batch === 0 ? 0 : stride * (batch - 1) + size;
    const a = this.at(g.a, extent(g.strideA, m * k), shape, 'A').gpu;
    const b = this.at(g.b, extent(g.strideB, k * n), shape, 'B').gpu;
    const c = this.at(g.c, batch * m * n, shape, 'C').gpu;
    const bias = g.bias === null ? null : this.at(g.bias, n, shape, 'bias').gpu;
    if (batch * m * n === 0) return;
    const tile = this.gemmTileOverride ?? gemmTile();
    const kernel = (this.info.f16 ? GEMM_F16 : GEMM)[tile][(g.transA ? 2 : 0) + (g.transB ? 1 : 0)]!;
    const s = { batch, m, n, k, transA: g.transA, transB: g.transB, strideA: g.strideA, strideB: g.strideB };
    for (const x of planGemm(s, this.windowElements)) {
      const spans = gemmSpans(s, x);
      // The first block over k applies the call's bias and accumulate flag; later ones add to it.
      const firstOverK = x.k0 === 0;
      const biasRange = bias === null || !firstOverK ? wholeRange(this.dummy) : { buf: bias, first: x.n0, count: x.n1 - x.n0 };
      this.batched(x.b0, x.b1, (z0, count) => {
        this.run(kernel, [m, n, k, g.strideA, g.strideB, g.alpha, bias !== null && firstOverK ? 1 : 0,
          g.accumulate || !firstOverK ? 1 : 0, z0, x.m0, x.m1, x.n0, x.n1, x.k0, x.k1],
        [{ buf: a, ...spans.a }, { buf: b, ...spans.b }, biasRange, { buf: c, ...spans.c }],
        [Math.ceil((x.n1 - x.n0) / tile), Math.ceil((x.m1 - x.m0) / tile), count]);
      });
    }
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

  /** A copy engine transfer (no binding limit); within one buffer through a scratch (the ranges never overlap). */
  copy(src: Buffer, srcOffset: number, dst: Buffer, dstOffset: number, n: number): void {
    const s = this.at(src, n, 'copy', 'src', srcOffset).gpu, d = this.at(dst, n, 'copy', 'dst', dstOffset).gpu;
    if (n === 0) return;
    const commands = this.recorder.commands();
    if (s !== d) {
      commands.copyBufferToBuffer(s, srcOffset * 4, d, dstOffset * 4, n * 4);
      return;
    }
    const { buffer: scratch } = this.storage.acquire(n * 4);
    commands.copyBufferToBuffer(s, srcOffset * 4, scratch, 0, n * 4);
    commands.copyBufferToBuffer(scratch, 0, d, dstOffset * 4, n * 4);
    this.storage.release(scratch);
  }

  /** Whole batch items when they fit a window, else blocks of rows × columns of one matrix. */
  transpose(x: Buffer, out: Buffer, batch: number, rows: number, cols: number): void {
    const n = batch * rows * cols;
    const xb = this.at(x, n, 'transpose', 'x').gpu, ob = this.at(out, n, 'transpose', 'out').gpu;
    if (n === 0) return;
    const matrix = rows * cols;
    const dispatch = (b0: number, b1: number, r0: number, r1: number, c0: number, c1: number): void => {
      const xs = { first: b0 * matrix + r0 * cols + c0, count: (b1 - b0 - 1) * matrix + (r1 - r0 - 1) * cols + c1 - c0 };
      const os = { first: b0 * matrix + c0 * rows + r0, count: (b1 - b0 - 1) * matrix + (c1 - c0 - 1) * rows + r1 - r0 };
      this.batched(b0, b1, (z0, count) => this.run(TRANSPOSE, [rows, cols, z0, r0, r1, c0, c1], [{ buf: xb, ...xs }, { buf: ob, ...os }],
        [Math.ceil((c1 - c0) / 16), Math.ceil((r1 - r0) / 16), count]));
    };
    if (matrix <= this.windowElements) {
      for (const [b0, b1] of pieces(batch, Math.floor(this.windowElements / matrix))) dispatch(b0, b1, 0, rows, 0, cols);
      return;
    }
    // rows [r0, r1) × columns [c0, c1): x spans about (r1 - r0)·cols elements, out about (c1 - c0)·rows
    const rowsPer = Math.min(rows, this.perWindow(cols, 'transpose', 'a row'));
    const colsPer = Math.min(cols, this.perWindow(rows, 'transpose', 'a column'));
    for (let b = 0; b < batch; b++) {
      for (const [r0, r1] of pieces(rows, rowsPer)) for (const [c0, c1] of pieces(cols, colsPer)) dispatch(b, b + 1, r0, r1, c0, c1);
    }
  }

  /**
   * out[j] (+)= Σ_r src[r][j] over `rows` rows in one dispatch when they fit a window, else in row ranges ×
   * column blocks, the later row ranges adding to the earlier ones (a fixed order: deterministic).
   */
  private columnSums(src: GpuBuffer, rows: number, cols: number, out: GpuBuffer, accumulate: boolean): void {
    const width = Math.min(cols, this.windowElements);
    const perRange = Math.max(1, Math.floor((this.windowElements - width) / cols) + 1);
    for (const [r0, r1] of pieces(Math.max(1, rows), perRange)) {
      for (const [j0, j1] of pieces(cols, width)) {
        const srcRange = rows === 0 ? { buf: src, first: 0, count: 0 }
          : { buf: src, first: r0 * cols + j0, count: (Math.min(r1, rows) - r0 - 1) * cols + j1 - j0 };
        this.run(COLUMN_FINAL, [r0, Math.min(r1, rows), cols, accumulate || r0 > 0 ? 1 : 0, j0, j1],
          [srcRange, { buf: out, first: j0, count: j1 - j0 }], [Math.ceil((j1 - j0) / WG), 1, 1]);
      }
    }
  }

  /**
   * Column sums in two stages through a scratch [chunks][cols] (partials over 64-row chunks); rows too wide for
   * a chunk to fit a window are summed directly by columnSums.
   */
  sumRows(x: Buffer, out: Buffer, rows: number, cols: number, accumulate: boolean): void {
    const xb = this.at(x, rows * cols, 'sumRows', 'x').gpu, ob = this.at(out, cols, 'sumRows', 'out').gpu;
    if (cols === 0) return;
    if (COL_CHUNK * cols > this.windowElements) {
      this.columnSums(xb, rows, cols, ob, accumulate);
      return;
    }
    const chunks = Math.ceil(rows / COL_CHUNK);
    const { buffer: partial } = this.storage.acquire(Math.max(1, chunks * cols) * 4);
    for (const [c0, c1] of pieces(chunks, this.perWindow(COL_CHUNK * cols, 'sumRows', `a chunk of ${COL_CHUNK} rows`))) {
      const x0 = c0 * COL_CHUNK * cols, x1 = Math.min(rows, c1 * COL_CHUNK) * cols;
      this.run(COLUMN_PARTIAL, [rows, cols, c0], [{ buf: xb, first: x0, count: x1 - x0 }, { buf: partial, first: c0 * cols, count: (c1 - c0) * cols }],
        [Math.ceil(cols / WG), c1 - c0, 1]);
    }
    this.columnSums(partial, chunks, cols, ob, accumulate);
    this.storage.release(partial);
  }

  /** Block partials (SUM_BLOCK elements each, blocks in windows), then one workgroup over the partials. */
  private total(k: KernelSource, x: Buffer, out: Buffer, n: number, accumulate: boolean, op: string): void {
    const xb = this.at(x, n, op, 'x').gpu, ob = this.at(out, 1, op, 'out').gpu;
    const blocks = Math.ceil(n / SUM_BLOCK);
    const { buffer: partial } = this.storage.acquire(Math.max(1, blocks) * 4);
    for (const [g0, g1] of pieces(blocks, this.perWindow(SUM_BLOCK, op, 'a block'))) {
      const x0 = g0 * SUM_BLOCK, x1 = Math.min(n, g1 * SUM_BLOCK);
      this.run(k, [n, g0], [{ buf: xb, first: x0, count: x1 - x0 }, { buf: partial, first: g0, count: g1 - g0 }], this.grid(g1 - g0));
    }
    this.run(FINAL_SUM, [blocks, accumulate ? 1 : 0], [{ buf: partial, first: 0, count: blocks }, { buf: ob, first: 0, count: 1 }], [1, 1, 1]);
    this.storage.release(partial);
  }

  sum(x: Buffer, out: Buffer, n: number, accumulate: boolean): void {
    this.total(BLOCK_SUM, x, out, n, accumulate, 'sum');
  }

  sumSquares(x: Buffer, out: Buffer, n: number, accumulate: boolean): void {
    this.total(BLOCK_SUM_SQUARES, x, out, n, accumulate, 'sumSquares');
  }

  // ---- rows ----

  /**
   * A row kernel (one workgroup per row; parameters rows, row0, then `params`) over rows in pieces that fit a
   * window. Each buffer is a [rows][cols] matrix, one value per row, or bound whole (vectors, integers).
   */
  private byRows(k: KernelSource, rows: number, cols: number, params: readonly number[],
    buffers: readonly (readonly [GpuBuffer | Range, 'matrix' | 'row' | 'whole'])[], op: string): void {
    if (rows === 0 || cols === 0) return;
    for (const [r0, r1] of pieces(rows, this.perWindow(cols, op, 'a row'))) {
      const ranges = buffers.map(([b, layout]): Range => {
        if ('buf' in b) return b;
        if (layout === 'matrix') return { buf: b, first: r0 * cols, count: (r1 - r0) * cols };
        if (layout === 'row') return { buf: b, first: r0, count: r1 - r0 };
        return { buf: b, first: 0, count: cols };
      });
      this.run(k, [rows, r0, ...params], ranges, this.grid(r1 - r0));
    }
  }

  layerNormForward(x: Buffer, gamma: Buffer, beta: Buffer, y: Buffer, mean: Buffer, rstd: Buffer,
    rows: number, cols: number, eps: number): void {
    const op = 'layerNormForward', n = rows * cols;
    this.byRows(LAYER_NORM_FORWARD, rows, cols, [cols, eps], [[this.at(x, n, op, 'x').gpu, 'matrix'],
      [this.at(gamma, cols, op, 'gamma').gpu, 'whole'], [this.at(beta, cols, op, 'beta').gpu, 'whole'], [this.at(y, n, op, 'y').gpu, 'matrix'],
      [this.at(mean, rows, op, 'mean').gpu, 'row'], [this.at(rstd, rows, op, 'rstd').gpu, 'row']], op);
  }

  layerNormBackward(dy: Buffer, x: Buffer, mean: Buffer, rstd: Buffer, gamma: Buffer,
    dx: Buffer, dgamma: Buffer, dbeta: Buffer, rows: number, cols: number): void {
    const op = 'layerNormBackward', n = rows * cols;
    const dyb = this.at(dy, n, op, 'dy').gpu, xb = this.at(x, n, op, 'x').gpu, mb = this.at(mean, rows, op, 'mean').gpu;
    const rb = this.at(rstd, rows, op, 'rstd').gpu, gb = this.at(gamma, cols, op, 'gamma').gpu, dxb = this.at(dx, n, op, 'dx').gpu;
    const dgb = this.at(dgamma, cols, op, 'dgamma').gpu, dbb = this.at(dbeta, cols, op, 'dbeta').gpu;
    if (rows === 0 || cols === 0) return;
    this.byRows(LAYER_NORM_BACKWARD_DX, rows, cols, [cols], [[dyb, 'matrix'], [xb, 'matrix'], [mb, 'row'], [rb, 'row'], [gb, 'whole'],
      [dxb, 'matrix']], op);
    const chunks = Math.ceil(rows / COL_CHUNK);
    const { buffer: dgPartial } = this.storage.acquire(chunks * cols * 4);
    const { buffer: dbPartial } = this.storage.acquire(chunks * cols * 4);
    for (const [c0, c1] of pieces(chunks, this.perWindow(COL_CHUNK * cols, op, `a chunk of ${COL_CHUNK} rows`))) {
      const r0 = c0 * COL_CHUNK, r1 = Math.min(rows, c1 * COL_CHUNK);
      const matrix = (buf: GpuBuffer): Range => ({ buf, first: r0 * cols, count: (r1 - r0) * cols });
      const perRow = (buf: GpuBuffer): Range => ({ buf, first: r0, count: r1 - r0 });
      const part = (buf: GpuBuffer): Range => ({ buf, first: c0 * cols, count: (c1 - c0) * cols });
      this.run(LAYER_NORM_BACKWARD_PARTIAL, [rows, cols, chunks, c0], [matrix(dyb), matrix(xb), perRow(mb), perRow(rb), part(dgPartial),
        part(dbPartial)], [Math.ceil(cols / WG), c1 - c0, 1]);
    }
    for (const [partial, out] of [[dgPartial, dgb], [dbPartial, dbb]] as const) {
      this.columnSums(partial, chunks, cols, out, true);
    }
    this.storage.release(dgPartial);
    this.storage.release(dbPartial);
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
    const op = 'softmaxForward', n = rows * cols;
    this.byRows(SOFTMAX_FORWARD, rows, cols, [cols], [[this.at(x, n, op, 'x').gpu, 'matrix'], [this.at(y, n, op, 'y').gpu, 'matrix']], op);
  }

  softmaxBackward(y: Buffer, dy: Buffer, dx: Buffer, rows: number, cols: number): void {
    const op = 'softmaxBackward', n = rows * cols;
    this.byRows(SOFTMAX_BACKWARD, rows, cols, [cols], [[this.at(y, n, op, 'y').gpu, 'matrix'], [this.at(dy, n, op, 'dy').gpu, 'matrix'],
      [this.at(dx, n, op, 'dx').gpu, 'matrix']], op);
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

  private attentionParams(a: AttentionArgs, op: string): { params: number[]; strided: GpuBuffer[]; mask: Range } {
    const { batch, seq, querySeq: qs, heads, headDim: d } = a;
    for (const [name, v] of [['batch', batch], ['seq', seq], ['querySeq', qs], ['heads', heads], ['headDim', d]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new RangeError(`${op}: ${name} must be a positive integer, got ${v}`);
    }
    const width = heads * d;
    const view = (s: Strided, rows: number, what: string): GpuBuffer => {
      if (s.ld < width && rows > 1) throw new RangeError(`${op}: ${what} rows are ${s.ld} apart, less than heads·headDim = ${width}`);
      return this.at(s.buf, (rows - 1) * s.ld + width, op, what, s.offset).gpu;
    };
    const strided = [view(a.q, batch * qs, 'q'), view(a.k, batch * seq, 'k'), view(a.v, batch * seq, 'v')];
    if (a.mask !== null && a.mask.length < batch * seq) {
      throw new RangeError(`${op}: mask has ${a.mask.length} entries, needs batch·seq = ${batch * seq}`);
    }
    if (!(a.dropout >= 0 && a.dropout < 1)) throw new RangeError(`${op}: dropout rate must be in [0, 1), got ${a.dropout}`);
    checkSeed(a.seed, op);
    const params = [seq, heads, d, 1 / Math.sqrt(d), a.q.offset, a.q.ld, a.k.offset, a.k.ld, a.v.offset, a.v.ld,
      a.mask === null ? 0 : 1, a.dropout > 0 ? 1 : 0, dropThreshold(a.dropout), a.seed >>> 0, 1 / (1 - a.dropout), qs];
    return { params, strided, mask: a.mask === null ? wholeRange(this.dummy) : this.ints(a.mask) };
  }

  /**
   * Runs `body` over groups of whole batch items whose windows fit, with the ranges of that group: a strided
   * view (q: querySeq rows per item, k and v: seq rows), probs-shaped [heads][querySeq][seq] per item, query
   * rows [querySeq][heads·d] and key rows [seq][heads·d] per item.
   */
  private attentionPieces(a: AttentionArgs, op: string,
    body: (z0: number, count: number, strided: (s: Strided, buf: GpuBuffer, rowsPerItem: number) => Range, probs: (buf: GpuBuffer) => Range,
      queryRows: (buf: GpuBuffer) => Range, keyRows: (buf: GpuBuffer) => Range) => void): void {
    const { batch, seq, querySeq: qs, heads, headDim: d } = a;
    const width = heads * d, square = heads * qs * seq, longest = Math.max(seq, qs);
    const widest = Math.max(a.q.ld, a.k.ld, a.v.ld, width);
    // g items: strided views span (g·rows − 1)·ld + width, probs g·heads·qs·seq, rows g·rows·width
    const per = Math.min(MAX_GROUPS, Math.floor(this.windowElements / square),
      Math.floor((this.windowElements - width + widest) / (longest * widest)), Math.floor(this.windowElements / (longest * width)));
    if (per < 1) throw new RangeError(`${op}: one sequence's attention (${square} probabilities) exceeds one storage binding (${this.limits.maxBytes} bytes)`);
    const rows = (perItem: number) => (buf: GpuBuffer, b0: number, b1: number): Range =>
      ({ buf, first: b0 * perItem * width, count: (b1 - b0) * perItem * width });
    const queryRows = rows(qs), keyRows = rows(seq);
    for (const [b0, b1] of pieces(batch, per)) {
      body(b0, b1 - b0,
        (s, buf, perItem) => ({ buf, first: s.offset + b0 * perItem * s.ld, count: ((b1 - b0) * perItem - 1) * s.ld + width }),
        (buf) => ({ buf, first: b0 * square, count: (b1 - b0) * square }),
        (buf) => queryRows(buf, b0, b1), (buf) => keyRows(buf, b0, b1));
    }
  }

  attentionForward(a: AttentionForwardArgs): void {
    const op = 'attentionForward', { batch, seq, querySeq: qs, heads, headDim: d } = a;
    const { params, strided: [q, k, v], mask } = this.attentionParams(a, op);
    const probs = this.at(a.probs, batch * heads * qs * seq, op, 'probs').gpu, out = this.at(a.out, batch * qs * heads * d, op, 'out').gpu;
    this.attentionPieces(a, op, (z0, count, strided, square, queryRows) =>
      this.run(ATTENTION_FORWARD, [...params, z0], [strided(a.q, q!, qs), strided(a.k, k!, seq), strided(a.v, v!, seq), mask, square(probs), queryRows(out)],
        [qs, heads, count]));
  }

  attentionBackward(a: AttentionBackwardArgs): void {
    const op = 'attentionBackward', { batch, seq, querySeq: qs, heads, headDim: d } = a;
    const { params, strided: [q, k, v] } = this.attentionParams(a, op);
    const queries = batch * qs * heads * d, keys = batch * seq * heads * d;
    const probs = this.at(a.probs, batch * heads * qs * seq, op, 'probs').gpu, dOut = this.at(a.dOut, queries, op, 'dOut').gpu;
    const dq = this.at(a.dq, queries, op, 'dq').gpu, dk = this.at(a.dk, keys, op, 'dk').gpu, dv = this.at(a.dv, keys, op, 'dv').gpu;
    const { buffer: ds } = this.storage.acquire(batch * heads * qs * seq * 4);
    this.attentionPieces(a, op, (z0, count, strided, square, queryRows, keyRows) => {
      this.run(ATTENTION_BACKWARD_QUERY, [...params, z0], [strided(a.k, k!, seq), strided(a.v, v!, seq), square(probs), queryRows(dOut), square(ds), queryRows(dq)],
        [qs, heads, count]);
      this.run(ATTENTION_BACKWARD_KEY, [...params, z0], [strided(a.q, q!, qs), square(probs), queryRows(dOut), square(ds), keyRows(dk), keyRows(dv)],
        [seq, heads, count]);
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
    const ob = this.at(out, n, op, 'out').gpu;
    if (n === 0) return;
    for (const piece of rowPieces(idx, rows, this.perWindow(cols, op, 'a row'))) {
      const pairs = gatherPairs(idx, piece);
      const count = (pairs.length / 2) * cols;
      this.run(GATHER_ROWS, [count, cols], [{ buf: t.gpu, first: piece.r0 * cols, count: (piece.r1 - piece.r0) * cols }, this.ints(pairs),
        { buf: ob, first: piece.p0 * cols, count: (piece.p1 - piece.p0) * cols }], this.grid(Math.ceil(count / WG)));
    }
  }

  scatterAddRows(dOut: Buffer, idx: Int32Array, dTable: Buffer, cols: number): void {
    const op = 'scatterAddRows';
    const t = this.own(dTable, op);
    const rows = cols === 0 ? 0 : Math.floor(t.length / cols);
    checkIndices(idx, rows, op);
    const g = this.at(dOut, idx.length * cols, op, 'dOut').gpu;
    if (idx.length === 0 || cols === 0) return;
    // Pieces in position order: a row's later positions are added after its earlier ones, as in the reference.
    for (const piece of rowPieces(idx, rows, this.perWindow(cols, op, 'a row'))) {
      const { plan, groups: groupCount } = scatterPlan(idx, piece);
      this.run(SCATTER_ADD_ROWS, [groupCount * cols, cols, groupCount], [{ buf: g, first: piece.p0 * cols, count: (piece.p1 - piece.p0) * cols },
        this.ints(plan), { buf: t.gpu, first: piece.r0 * cols, count: (piece.r1 - piece.r0) * cols }], this.grid(Math.ceil(groupCount * cols / WG)));
    }
  }

  // ---- loss, optimizer ----

  crossEntropyForward(logits: Buffer, labels: Int32Array, ignoreIndex: number, loss: Buffer, lse: Buffer,
    rows: number, cols: number): void {
    const op = 'crossEntropyForward';
    const count = checkLabels(labels, rows, cols, ignoreIndex, op);
    const x = this.at(logits, rows * cols, op, 'logits').gpu, l = this.at(lse, rows, op, 'lse').gpu, out = this.at(loss, 1, op, 'loss').gpu;
    const { buffer: rowLoss } = this.storage.acquire(Math.max(1, rows) * 4);
    if (rows > 0) {
      this.byRows(CROSS_ENTROPY_ROWS, rows, cols, [cols, ignoreIndex], [[x, 'matrix'], [this.ints(labels.subarray(0, rows)), 'whole'],
        [l, 'row'], [rowLoss, 'row']], op);
    }
    this.run(CROSS_ENTROPY_FINAL, [rows, count], [{ buf: rowLoss, first: 0, count: rows }, { buf: out, first: 0, count: 1 }], [1, 1, 1]);
    this.storage.release(rowLoss);
  }

  crossEntropyBackward(logits: Buffer, labels: Int32Array, ignoreIndex: number, lse: Buffer, dLoss: Buffer,
    dLogits: Buffer, rows: number, cols: number): void {
    const op = 'crossEntropyBackward';
    const count = checkLabels(labels, rows, cols, ignoreIndex, op);
    const n = rows * cols;
    const x = this.at(logits, n, op, 'logits').gpu, l = this.at(lse, rows, op, 'lse').gpu, dl = this.at(dLoss, 1, op, 'dLoss').gpu;
    const gb = this.at(dLogits, n, op, 'dLogits').gpu;
    if (n === 0) return;
    const labelRange = this.ints(labels.subarray(0, rows));
    for (const [r0, r1] of pieces(rows, this.perWindow(cols, op, 'a row'))) {
      const e0 = r0 * cols, e1 = r1 * cols;
      this.run(CROSS_ENTROPY_BACKWARD, [e0, e1, cols, ignoreIndex, count], [{ buf: x, first: e0, count: e1 - e0 }, labelRange,
        { buf: l, first: r0, count: r1 - r0 }, { buf: dl, first: 0, count: 1 }, { buf: gb, first: e0, count: e1 - e0 }],
      this.grid(Math.ceil((e1 - e0) / WG)));
    }
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
