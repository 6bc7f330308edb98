import type { Buffer } from './backend.js';
import type { Engine } from './engine.js';
import type { GradNode } from './autograd.js';
import { formatShape, sizeOf } from './shape.js';

/**
 * Device memory shared by a tensor and its views (reshape). Counted: each live tensor handle and each
 * autograd node that saved the tensor for backward holds one reference; the last release frees the buffer.
 */
export class Storage {
  private refs = 1;
  constructor(readonly engine: Engine, readonly buf: Buffer) {}

  retain(): void {
    this.refs++;
  }

  release(): void {
    if (--this.refs === 0) this.engine.backend.free(this.buf);
  }
}

export type DType = 'f32';

/**
 * An n-dimensional array of f32 values in a backend buffer. Reading values back is async (`await
 * t.data()`), as a GPU backend needs. Memory is explicit: `dispose()` (or the engine's `tidy` scope) gives a
 * tensor's handle back; `backward()` releases the intermediates of its graph as soon as their gradients are
 * used, except tensors marked `keep()`.
 */
export class Tensor {
  readonly dtype: DType = 'f32';
  readonly size: number;
  /** The gradient, for tensors with requiresGrad after backward(); accumulates across backward calls. */
  grad: Tensor | null = null;
  /** The op that produced this tensor (null for leaves and for tensors made without gradient tracking). */
  node: GradNode | null = null;
  /** Kept tensors survive backward()'s release of graph intermediates and tidy scopes. */
  kept = false;
  private storage: Storage | null;

  constructor(
    readonly engine: Engine,
    storage: Storage,
    readonly shape: readonly number[],
    public requiresGrad = false,
  ) {
    this.storage = storage;
    this.size = sizeOf(shape);
    engine.track(this);
  }

  get disposed(): boolean {
    return this.storage === null;
  }

  /** The backend buffer; throws if the tensor was disposed. `op` names the caller in the error. */
  buffer(op = 'tensor'): Buffer {
    if (this.storage === null) throw new Error(`${op}: tensor ${formatShape(this.shape)} was used after it was disposed`);
    return this.storage.buf;
  }

  /** The shared storage, for views and autograd's saved tensors. */
  retainStorage(op = 'tensor'): Storage {
    if (this.storage === null) throw new Error(`${op}: tensor ${formatShape(this.shape)} was used after it was disposed`);
    this.storage.retain();
    return this.storage;
  }

  /** Values copied to the host. */
  async data(): Promise<Float32Array> {
    const values = await this.engine.backend.read(this.buffer('data'));
    return values.length === this.size ? values : values.subarray(0, this.size);
  }

  /** The single value of a one-element tensor. */
  async item(): Promise<number> {
    if (this.size !== 1) throw new Error(`item: tensor ${formatShape(this.shape)} has ${this.size} elements, not 1`);
    return (await this.data())[0]!;
  }

  /** Marks the tensor to survive tidy scopes and backward's release of intermediates. */
  keep(): this {
    this.kept = true;
    return this;
  }

  /** Gives this handle's reference back; the memory goes when nothing else (a view, a saved tensor) holds it. */
  dispose(): void {
    if (this.storage === null) return;
    this.storage.release();
    this.storage = null;
  }

  toString(): string {
    return `Tensor${formatShape(this.shape)}`;
  }
}
