import {
  dropThreshold,
  type AdamWArgs, type AttentionArgs, type AttentionBackwardArgs, type AttentionForwardArgs, type Backend, type Buffer,
  type GemmArgs, type Strided,
} from '../../backend.js';
import { Allocator } from './allocator.js';
import { gemmBlocks } from './gemm-blocks.js';
import { KERNEL_NAMES, kernelTable, type KernelName } from './kernel-table.js';
import { ThreadPool, type SpawnWorker } from './thread-pool.js';
import { MedbertError } from '../../../errors.js';

const PAGE = 65536;
/** Argument slots (f64) in the block every kernel reads. */
const ARG_SLOTS = 32;
/** Per-thread tmp bytes (an edge tile of the GEMM micro-kernel). */
const THREAD_TMP = 256;
/** Columns of the micro-kernel tile (assembly/gemm.ts); its rows come from the module (tileRows). */
const NR = 8;
/** Must match LN_CHUNK and SUM_CHUNK in assembly/rows.ts. */
const LN_CHUNK = 32, SUM_CHUNK = 4096;
/** Elementwise kernels below this many elements run on the main thread alone (dispatch costs microseconds). */
const PARALLEL_ELEMENTS = 32768;
/** GEMMs below this many multiply-adds run on the main thread alone. */
const PARALLEL_MACS = 1 << 18;

const kernelIndex = new Map<KernelName, number>(KERNEL_NAMES.map((n, i) => [n, i]));

/** Fixed blocks every kernel call uses: the argument slots, GEMM/attention work counter, per-thread tmp. */
interface Layout {
  readonly args: number;
  readonly counter: number;
  readonly tmp: number;
}

function growMemory(memory: WebAssembly.Memory, end: number): void {
  const have = memory.buffer.byteLength;
  if (end <= have) return;
  try {
    memory.grow(Math.ceil((end - have) / PAGE));
  } catch {
    // The user's sizes, not a fault: one line saying what to make smaller (wasm32 memory ends at 4 GiB, less where
    // the host allows less).
    throw new MedbertError(`out of memory: the wasm engine needs ${(end / 2 ** 30).toFixed(1)} GiB and has ${(have / 2 ** 30).toFixed(1)} GiB `
      + '(at most 4): use a smaller batch (--batch, --micro-batch), sequence length or model');
  }
}

class WasmBuffer implements Buffer {
  freed = false;
  /**
   * Leading elements that may still hold a freed buffer's data: the zeros alloc promises are owed until a
   * kernel overwrites them (then never written) or anything reads the buffer (then filled first).
   */
  owedZeros = 0;
  constructor(readonly backend: string, readonly length: number, readonly address: number, readonly bytes: number) {}
}

/** A growable region for kernel scratch (packed panels, partial sums, copied Int32 inputs). */
class Scratch {
  address = 0;
  bytes = 0;
  constructor(private readonly heap: Allocator) {}
  ensure(bytes: number): number {
    if (bytes > this.bytes) {
      if (this.bytes > 0) this.heap.release(this.address, this.bytes);
      this.bytes = Math.ceil(bytes / PAGE) * PAGE;
      this.address = this.heap.alloc(this.bytes);
      this.heap.claim(this.address, this.bytes);
    }
    return this.address;
  }
}

/**
 * The WebAssembly backend: buffers live in one shared WebAssembly.Memory (offsets handed out by a TypeScript
 * allocator), kernels run in wasm on the main thread and a worker pool. Platform-neutral: the Node pieces
 * (file loading, workers) come in through createWasmBackend.
 */
export class WasmBackend implements Backend {
  private f32: Float32Array;
  private i32: Int32Array;
  private readonly args: Float64Array;
  private readonly work: Scratch;
  private readonly ints: Scratch;
  private readonly ints2: Scratch;
  private userBytes = 0;
  private disposed = false;

  private constructor(readonly name: string, private readonly memory: WebAssembly.Memory,
    private readonly heap: Allocator, private readonly layout: Layout, private readonly pool: ThreadPool,
    private readonly tileRows: number) {
    this.f32 = new Float32Array(memory.buffer);
    this.i32 = new Int32Array(memory.buffer);
    this.args = new Float64Array(memory.buffer, layout.args, ARG_SLOTS);
    this.work = new Scratch(heap);
    this.ints = new Scratch(heap);
    this.ints2 = new Scratch(heap);
  }

  /**
   * A backend over `memory` (shared) with `main` instantiated on it, `threads` threads in all (the main
   * thread and threads - 1 workers started by `spawn`).
   */
  static async create(name: string, module: WebAssembly.Module, memory: WebAssembly.Memory, main: WebAssembly.Instance,
    threads: number, spawn: SpawnWorker): Promise<WasmBackend> {
    const holder: { backend: WasmBackend | null } = { backend: null };
    const heapBase = (main.exports['heapBase'] as () => number)();
    const heap = new Allocator(heapBase, (end) => {
      growMemory(memory, end);
      holder.backend?.refreshViews();
    });
    const block = (bytes: number): number => {
      const at = heap.alloc(bytes);
      heap.claim(at, bytes);
      return at;
    };
    const layout: Layout = { args: block(ARG_SLOTS * 8), counter: block(64), tmp: block(THREAD_TMP * threads) };
    const pool = await ThreadPool.start(threads, module, memory, kernelTable(main), layout.args, spawn);
    const tileRows = (main.exports['tileRows'] as () => number)();
    const backend = new WasmBackend(name, memory, heap, layout, pool, tileRows);
    holder.backend = backend;
    return backend;
  }

  get threads(): number {
    return this.pool.threads;
  }

  /** Bytes of wasm memory (grows, never shrinks): for tests that check a loop does not grow memory. */
  memoryBytes(): number {
    return this.memory.buffer.byteLength;
  }

  private refreshViews(): void {
    this.f32 = new Float32Array(this.memory.buffer);
    this.i32 = new Int32Array(this.memory.buffer);
  }

  // ---- buffers ----

  alloc(length: number): Buffer {
    this.live('alloc');
    if (!Number.isInteger(length) || length < 0) throw new RangeError(`wasm backend: alloc of invalid length ${length}`);
    const bytes = length * 4;
    const address = this.heap.alloc(bytes);
    const dirty = Math.min(length, Math.ceil(this.heap.claim(address, bytes) / 4));
    this.userBytes += bytes;
    const buf = new WasmBuffer(this.name, length, address, bytes);
    // Most buffers are a kernel's output and get overwritten whole: zero-fill lazily (see `at` and `out`).
    buf.owedZeros = dirty;
    return buf;
  }

  /** Pays the zeros a buffer is owed before something reads it or writes part of it. */
  private settle(b: WasmBuffer): void {
    const n = b.owedZeros;
    if (n === 0) return;
    b.owedZeros = 0;
    this.run('fillKernel', [b.address, 0, n], n >= PARALLEL_ELEMENTS);
  }

  free(buf: Buffer): void {
    const b = this.own(buf, 'free');
    b.freed = true;
    this.heap.release(b.address, b.bytes);
    this.userBytes -= b.bytes;
  }

  write(buf: Buffer, data: ArrayLike<number>, offset = 0): void {
    const b = this.own(buf, 'write');
    if (offset < 0 || offset + data.length > b.length) {
      throw new RangeError(`write of ${data.length} at ${offset} overflows buffer of ${b.length}`);
    }
    this.overwrites(b, offset, data.length);
    this.f32.set(data, b.address / 4 + offset);
  }

  async read(buf: Buffer): Promise<Float32Array> {
    return this.readSync(buf);
  }

  /** Synchronous read-back (this backend's memory is host memory). */
  readSync(buf: Buffer): Float32Array {
    const b = this.own(buf, 'read');
    this.settle(b);
    return this.f32.slice(b.address / 4, b.address / 4 + b.length);
  }

  allocatedBytes(): number {
    return this.userBytes;
  }

  async sync(): Promise<void> {}

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.pool.dispose();
  }

  private live(op: string): void {
    if (this.disposed) throw new Error(`${this.name} backend: ${op} after dispose()`);
  }

  private own(buf: Buffer, op: string): WasmBuffer {
    this.live(op);
    if (!(buf instanceof WasmBuffer) || buf.backend !== this.name) {
      throw new Error(`${this.name} backend: ${op}: buffer belongs to backend '${buf.backend}'`);
    }
    if (buf.freed) throw new Error(`${this.name} backend: ${op}: buffer used after free`);
    return buf;
  }

  /**
   * Byte address of `buf`, checking that elements [offset, offset + need) lie inside it. For a buffer the
   * kernel reads (or updates in place): owed zeros are filled in first.
   */
  private at(buf: Buffer, need: number, op: string, what: string, offset = 0): number {
    const b = this.checked(buf, need, op, what, offset);
    this.settle(b);
    return b.address + offset * 4;
  }

  /**
   * `at` for a kernel's output that it overwrites in [offset, offset + need) without reading: the owed zeros
   * are dropped when that covers them. Call it after `at` for the inputs (an output may alias an input).
   */
  private out(buf: Buffer, need: number, op: string, what: string, offset = 0): number {
    const b = this.checked(buf, need, op, what, offset);
    this.overwrites(b, offset, need);
    return b.address + offset * 4;
  }

  private checked(buf: Buffer, need: number, op: string, what: string, offset: number): WasmBuffer {
    const b = this.own(buf, op);
    if (!(need >= 0) || offset < 0 || offset + need > b.length) {
      throw new RangeError(`${op}: ${what} needs ${offset + need} elements but its buffer has ${b.length}`);
    }
    return b;
  }

  /** Elements [offset, offset + n) are about to be overwritten: owed zeros there need not be filled. */
  private overwrites(b: WasmBuffer, offset: number, n: number): void {
    if (b.owedZeros === 0) return;
    if (offset === 0 && n >= b.owedZeros) b.owedZeros = 0;
    else this.settle(b);
  }

  private copyInts(scratch: Scratch, data: Int32Array): number {
    const address = scratch.ensure(Math.max(4, data.length * 4));
    this.i32.set(data, address / 4);
    return address;
  }

  private run(kernel: KernelName, values: readonly number[], parallel: boolean): void {
    const a = this.args;
    for (let i = 0; i < values.length; i++) a[i] = values[i]!;
    this.pool.run(kernelIndex.get(kernel)!, parallel && this.pool.threads > 1);
  }

  private elementwise(kernel: KernelName, values: readonly number[], n: number): void {
    this.run(kernel, values, n >= PARALLEL_ELEMENTS);
  }

  // ---- GEMM ----

  gemm(g: GemmArgs): void {
    const { batch, m, n, k } = g;
    for (const [name, v] of [['batch', batch], ['m', m], ['n', n], ['k', k]] as const) {
      if (!Number.isInteger(v) || v < 0) throw new RangeError(`gemm: ${name} must be a non-negative integer, got ${v}`);
    }
    const shape = `gemm [${batch}] ${m}x${k}${g.transA ? 'ᵀ' : ''} · ${k}x${n}${g.transB ? 'ᵀ' : ''}`;
    const span = (stride: number, size: number): number => batch === 0 ? 0 : (batch - 1) * stride + size;
    const a = this.at(g.a, span(g.strideA, m * k), shape, 'A');
    const b = this.at(g.b, span(g.strideB, k * n), shape, 'B');
    const bias = g.bias === null ? 0 : this.at(g.bias, n, shape, 'bias');
    const c = g.accumulate ? this.at(g.c, batch * m * n, shape, 'C') : this.out(g.c, batch * m * n, shape, 'C');
    if (batch === 0 || m === 0 || n === 0) return;
    const aMats = g.strideA === 0 ? 1 : batch, bMats = g.strideB === 0 ? 1 : batch;
    const MR = this.tileRows;
    const aPanels = Math.ceil(m / MR), bPanels = Math.ceil(n / NR);
    const kk = Math.max(k, 1);
    const aBytes = aMats * aPanels * MR * kk * 4, bBytes = bMats * bPanels * NR * kk * 4;
    const packed = this.work.ensure(aBytes + bBytes);
    const parallel = batch * m * n * k >= PARALLEL_MACS;
    const { mc, nc } = gemmBlocks(batch, m, n, k, MR, NR, parallel ? this.pool.threads : 1);
    this.i32[this.layout.counter / 4] = 0;
    this.i32[this.layout.counter / 4 + 1] = 0;
    const values = [batch, m, n, k, a, g.transA ? 1 : 0, b, g.transB ? 1 : 0, g.strideA, g.strideB, c, bias, g.alpha,
      g.accumulate ? 1 : 0, packed, packed + aBytes, this.layout.counter, this.layout.tmp, mc, nc];
    this.run('gemmPack', values, parallel);
    this.run('gemmCompute', values, parallel);
  }

  // ---- elementwise ----

  add(a: Buffer, b: Buffer, out: Buffer, n: number): void {
    this.elementwise('addKernel', [this.at(a, n, 'add', 'a'), this.at(b, n, 'add', 'b'), this.out(out, n, 'add', 'out'), n], n);
  }

  mul(a: Buffer, b: Buffer, out: Buffer, n: number): void {
    this.elementwise('mulKernel', [this.at(a, n, 'mul', 'a'), this.at(b, n, 'mul', 'b'), this.out(out, n, 'mul', 'out'), n], n);
  }

  scale(a: Buffer, s: number, out: Buffer, n: number): void {
    this.elementwise('scaleKernel', [this.at(a, n, 'scale', 'a'), s, this.out(out, n, 'scale', 'out'), n], n);
  }

  axpy(alpha: number, x: Buffer, y: Buffer, n: number): void {
    this.elementwise('axpyKernel', [alpha, this.at(x, n, 'axpy', 'x'), this.at(y, n, 'axpy', 'y'), n], n);
  }

  fill(out: Buffer, value: number, n: number): void {
    this.elementwise('fillKernel', [this.out(out, n, 'fill', 'out'), value, n], n);
  }

  copy(src: Buffer, srcOffset: number, dst: Buffer, dstOffset: number, n: number): void {
    const s = this.at(src, n, 'copy', 'src', srcOffset), d = this.out(dst, n, 'copy', 'dst', dstOffset);
    const overlap = s < d + n * 4 && d < s + n * 4;
    // overlapping ranges follow the reference's forward loop only when dst <= src; memmove on one thread
    this.run('copyKernel', [s, d, n], n >= PARALLEL_ELEMENTS && !overlap);
  }

  transpose(x: Buffer, out: Buffer, batch: number, rows: number, cols: number): void {
    const n = batch * rows * cols;
    this.elementwise('transposeKernel', [this.at(x, n, 'transpose', 'x'), this.out(out, n, 'transpose', 'out'), batch, rows, cols], n);
  }

  sumRows(x: Buffer, out: Buffer, rows: number, cols: number, accumulate: boolean): void {
    const xa = this.at(x, rows * cols, 'sumRows', 'x'), o = accumulate ? this.at(out, cols, 'sumRows', 'out') : this.out(out, cols, 'sumRows', 'out');
    const acc = this.work.ensure(Math.max(4, cols * 4));
    // Threads split the columns (so the sums never depend on the thread count). Below 512 columns each thread's
    // half-rows are too short for that to pay: 2048×256 took 74-86 µs on two threads against 51 on one.
    this.run('sumRowsKernel', [xa, o, rows, cols, accumulate ? 1 : 0, acc], rows * cols >= PARALLEL_ELEMENTS && cols >= 512);
  }

  sum(x: Buffer, out: Buffer, n: number, accumulate: boolean): void {
    this.reduce(x, out, n, accumulate, false, 'sum');
  }

  sumSquares(x: Buffer, out: Buffer, n: number, accumulate: boolean): void {
    this.reduce(x, out, n, accumulate, true, 'sumSquares');
  }

  private reduce(x: Buffer, out: Buffer, n: number, accumulate: boolean, squares: boolean, op: string): void {
    const xa = this.at(x, n, op, 'x'), o = accumulate ? this.at(out, 1, op, 'out') : this.out(out, 1, op, 'out');
    const partials = this.work.ensure(Math.max(8, Math.ceil(n / SUM_CHUNK) * 8));
    const values = [xa, n, squares ? 1 : 0, partials, o, accumulate ? 1 : 0];
    this.run('sumChunks', values, n >= PARALLEL_ELEMENTS);
    this.run('sumFinish', values, false);
  }

  // ---- normalisation and activations ----

  layerNormForward(x: Buffer, gamma: Buffer, beta: Buffer, y: Buffer, mean: Buffer, rstd: Buffer,
    rows: number, cols: number, eps: number): void {
    const op = 'layerNormForward', n = rows * cols;
    this.run('layerNormForwardKernel', [this.at(x, n, op, 'x'), this.at(gamma, cols, op, 'gamma'),
      this.at(beta, cols, op, 'beta'), this.out(y, n, op, 'y'), this.out(mean, rows, op, 'mean'),
      this.out(rstd, rows, op, 'rstd'), rows, cols, eps], n >= PARALLEL_ELEMENTS && rows > 1);
  }

  layerNormBackward(dy: Buffer, x: Buffer, mean: Buffer, rstd: Buffer, gamma: Buffer,
    dx: Buffer, dgamma: Buffer, dbeta: Buffer, rows: number, cols: number): void {
    const op = 'layerNormBackward', n = rows * cols;
    const chunks = Math.ceil(rows / LN_CHUNK);
    const partials = this.work.ensure(Math.max(4, chunks * 2 * cols * 4));
    const values = [this.at(dy, n, op, 'dy'), this.at(x, n, op, 'x'), this.at(mean, rows, op, 'mean'),
      this.at(rstd, rows, op, 'rstd'), this.at(gamma, cols, op, 'gamma'), this.out(dx, n, op, 'dx'),
      this.at(dgamma, cols, op, 'dgamma'), this.at(dbeta, cols, op, 'dbeta'), rows, cols, partials];
    const parallel = n >= PARALLEL_ELEMENTS;
    this.run('layerNormBackwardRows', values, parallel && chunks > 1);
    this.run('layerNormBackwardParams', values, parallel && cols >= 64);
  }

  geluForward(x: Buffer, y: Buffer, n: number): void {
    this.elementwise('geluForwardKernel', [this.at(x, n, 'geluForward', 'x'), this.out(y, n, 'geluForward', 'y'), n], n / 4);
  }

  geluBackward(x: Buffer, dy: Buffer, dx: Buffer, n: number): void {
    const op = 'geluBackward';
    this.elementwise('geluBackwardKernel', [this.at(x, n, op, 'x'), this.at(dy, n, op, 'dy'), this.out(dx, n, op, 'dx'), n], n / 4);
  }

  tanhForward(x: Buffer, y: Buffer, n: number): void {
    this.elementwise('tanhForwardKernel', [this.at(x, n, 'tanhForward', 'x'), this.out(y, n, 'tanhForward', 'y'), n], n / 8);
  }

  tanhBackward(y: Buffer, dy: Buffer, dx: Buffer, n: number): void {
    const op = 'tanhBackward';
    this.elementwise('tanhBackwardKernel', [this.at(y, n, op, 'y'), this.at(dy, n, op, 'dy'), this.out(dx, n, op, 'dx'), n], n);
  }

  softmaxForward(x: Buffer, y: Buffer, rows: number, cols: number): void {
    const n = rows * cols;
    this.run('softmaxForwardKernel', [this.at(x, n, 'softmaxForward', 'x'), this.out(y, n, 'softmaxForward', 'y'), rows, cols],
      n >= PARALLEL_ELEMENTS / 4 && rows > 1);
  }

  softmaxBackward(y: Buffer, dy: Buffer, dx: Buffer, rows: number, cols: number): void {
    const op = 'softmaxBackward', n = rows * cols;
    this.run('softmaxBackwardKernel', [this.at(y, n, op, 'y'), this.at(dy, n, op, 'dy'), this.out(dx, n, op, 'dx'), rows, cols],
      n >= PARALLEL_ELEMENTS && rows > 1);
  }

  dropoutForward(x: Buffer, y: Buffer, n: number, p: number, seed: number): void {
    this.dropout(x, y, n, p, seed, 'dropoutForward');
  }

  dropoutBackward(dy: Buffer, dx: Buffer, n: number, p: number, seed: number): void {
    this.dropout(dy, dx, n, p, seed, 'dropoutBackward');
  }

  private dropout(x: Buffer, y: Buffer, n: number, p: number, seed: number, op: string): void {
    if (!(p >= 0 && p < 1)) throw new RangeError(`${op}: dropout rate must be in [0, 1), got ${p}`);
    this.elementwise('dropoutKernel', [this.at(x, n, op, 'x'), this.out(y, n, op, 'y'), n, seedBits(seed, op),
      dropThreshold(p), 1 / (1 - p)], n / 2);
  }

  // ---- attention ----

  private attentionValues(a: AttentionArgs, op: string): number[] {
    const { batch, seq, querySeq: qs, heads, headDim: d } = a;
    const width = heads * d;
    const view = (s: Strided, rows: number, what: string): number => {
      if (s.ld < width && rows > 1) throw new RangeError(`${op}: ${what} rows are ${s.ld} apart, less than heads·headDim = ${width}`);
      return this.at(s.buf, rows === 0 ? 0 : (rows - 1) * s.ld + width, op, what, s.offset);
    };
    const q = view(a.q, batch * qs, 'q'), k = view(a.k, batch * seq, 'k'), v = view(a.v, batch * seq, 'v');
    let mask = 0;
    if (a.mask !== null) {
      if (a.mask.length < batch * seq) throw new RangeError(`${op}: mask has ${a.mask.length} entries, needs batch·seq = ${batch * seq}`);
      mask = this.copyInts(this.ints, a.mask);
    }
    if (!(a.dropout >= 0 && a.dropout < 1)) throw new RangeError(`${op}: dropout rate must be in [0, 1), got ${a.dropout}`);
    // Per thread: two pack buffers for operands up to r in every direction, and two [querySeq][seq] score tiles.
    const r = Math.ceil(Math.max(seq, qs, d) / 24) * 24;
    const perThread = Math.ceil(((r * r * 2 + 2 * qs * seq) * 4 + 64) / 64) * 64;
    const scratch = this.work.ensure(perThread * this.pool.threads);
    this.i32[this.layout.counter / 4] = 0;
    return [batch, seq, heads, d, q, a.q.ld, k, a.k.ld, v, a.v.ld, mask, a.dropout, seedBits(a.seed, op),
      dropThreshold(a.dropout), 1 / (1 - a.dropout), 0, 0, scratch, perThread, this.layout.counter, this.layout.tmp,
      0, 0, 0, qs];
  }

  attentionForward(a: AttentionForwardArgs): void {
    const op = 'attentionForward', { batch, seq, querySeq: qs, heads, headDim: d } = a;
    const values = this.attentionValues(a, op);
    values[15] = this.out(a.probs, batch * heads * qs * seq, op, 'probs');
    values[16] = this.out(a.out, batch * qs * heads * d, op, 'out');
    this.run('attentionForwardKernel', values, batch * heads > 1 && batch * heads * qs * seq * d >= PARALLEL_MACS);
  }

  attentionBackward(a: AttentionBackwardArgs): void {
    const op = 'attentionBackward', { batch, seq, querySeq: qs, heads, headDim: d } = a;
    const values = this.attentionValues(a, op);
    values[15] = this.at(a.probs, batch * heads * qs * seq, op, 'probs');
    values[16] = this.at(a.dOut, batch * qs * heads * d, op, 'dOut');
    values[21] = this.out(a.dq, batch * qs * heads * d, op, 'dq');
    values[22] = this.out(a.dk, batch * seq * heads * d, op, 'dk');
    values[23] = this.out(a.dv, batch * seq * heads * d, op, 'dv');
    this.run('attentionBackwardKernel', values, batch * heads > 1 && batch * heads * qs * seq * d >= PARALLEL_MACS);
  }

  // ---- embeddings ----

  gatherRows(table: Buffer, idx: Int32Array, out: Buffer, cols: number): void {
    const rows = Math.floor(table.length / cols);
    checkIndices(idx, rows, 'gatherRows');
    const t = this.at(table, rows * cols, 'gatherRows', 'table'), o = this.out(out, idx.length * cols, 'gatherRows', 'out');
    this.run('gatherRowsKernel', [t, this.copyInts(this.ints, idx), idx.length, o, cols], idx.length * cols >= PARALLEL_ELEMENTS);
  }

  scatterAddRows(dOut: Buffer, idx: Int32Array, dTable: Buffer, cols: number): void {
    const rows = Math.floor(dTable.length / cols);
    checkIndices(idx, rows, 'scatterAddRows');
    const g = this.at(dOut, idx.length * cols, 'scatterAddRows', 'dOut'), t = this.at(dTable, rows * cols, 'scatterAddRows', 'dTable');
    this.run('scatterAddRowsKernel', [g, this.copyInts(this.ints, idx), idx.length, t, cols],
      idx.length * cols >= PARALLEL_ELEMENTS && cols >= 64);
  }

  // ---- loss ----

  crossEntropyForward(logits: Buffer, labels: Int32Array, ignoreIndex: number, loss: Buffer, lse: Buffer,
    rows: number, cols: number): void {
    const op = 'crossEntropyForward';
    checkLabels(labels, rows, cols, ignoreIndex, op);
    const values = [this.at(logits, rows * cols, op, 'logits'), this.copyInts(this.ints2, labels), ignoreIndex,
      this.out(loss, 1, op, 'loss'), this.out(lse, rows, op, 'lse'), rows, cols];
    this.run('crossEntropyLse', values, rows > 1 && rows * cols >= PARALLEL_ELEMENTS / 4);
    this.run('crossEntropyLoss', values, false);
  }

  crossEntropyBackward(logits: Buffer, labels: Int32Array, ignoreIndex: number, lse: Buffer, dLoss: Buffer,
    dLogits: Buffer, rows: number, cols: number): void {
    const op = 'crossEntropyBackward';
    checkLabels(labels, rows, cols, ignoreIndex, op);
    let count = 0;
    for (let r = 0; r < rows; r++) if (labels[r] !== ignoreIndex) count++;
    const dl = this.f32[this.at(dLoss, 1, op, 'dLoss') / 4]!;
    const values = [this.at(logits, rows * cols, op, 'logits'), this.copyInts(this.ints2, labels), ignoreIndex,
      this.at(lse, rows, op, 'lse'), count === 0 ? 0 : dl / count, this.out(dLogits, rows * cols, op, 'dLogits'), rows, cols];
    this.run('crossEntropyBackwardKernel', values, rows > 1 && rows * cols >= PARALLEL_ELEMENTS / 4);
  }

  // ---- optimiser ----

  adamw(a: AdamWArgs): void {
    const op = 'adamw', n = a.n;
    this.elementwise('adamwKernel', [n, this.at(a.param, n, op, 'param'), this.at(a.grad, n, op, 'grad'),
      this.at(a.m, n, op, 'm'), this.at(a.v, n, op, 'v'), a.lr, a.beta1, a.beta2, a.eps, a.weightDecay,
      1 / (1 - a.beta1 ** a.step), 1 / Math.sqrt(1 - a.beta2 ** a.step), a.gradScale], n / 2);
  }
}

/** The seed as the unsigned 32-bit value dropoutHash works with. */
function seedBits(seed: number, op: string): number {
  if (!Number.isInteger(seed)) throw new RangeError(`${op}: dropout seed must be an integer, got ${seed}`);
  return seed >>> 0;
}

function checkIndices(idx: Int32Array, rows: number, op: string): void {
  for (let i = 0; i < idx.length; i++) {
    const r = idx[i]!;
    if (r < 0 || r >= rows) throw new RangeError(`${op}: index ${r} at position ${i} is outside 0..${rows - 1}`);
  }
}

function checkLabels(labels: Int32Array, rows: number, cols: number, ignoreIndex: number, op: string): void {
  if (labels.length < rows) throw new RangeError(`${op}: ${labels.length} labels for ${rows} rows`);
  for (let r = 0; r < rows; r++) {
    const l = labels[r]!;
    if (l !== ignoreIndex && (l < 0 || l >= cols)) {
      throw new RangeError(`${op}: label ${l} at row ${r} is outside 0..${cols - 1} (ignore index ${ignoreIndex})`);
    }
  }
}
