// Device buffers by size class, so a training step's tensors reuse the previous step's allocations instead of
// creating and destroying Gpu buffers thousands of times a second.
import type { GpuBuffer, GpuDevice } from './gpu-types.js';


/** Smallest buffer handed out (also keeps zero-length tensors bindable). */
const MIN_BYTES = 256;

/** The size class of `bytes`: a quarter-power-of-two step above it (at most 25% unused), capped at `max`. */
export function sizeClass(bytes: number, max: number): number {
  if (bytes <= MIN_BYTES) return MIN_BYTES;
  const step = 2 ** Math.floor(Math.log2(bytes)) / 4;
  return Math.min(Math.ceil(bytes / step) * step, Math.max(bytes, max));
}

export class BufferPool {
  private readonly free = new Map<number, GpuBuffer[]>();
  /** Bytes of every device buffer the pool created and has not destroyed (in use or pooled). */
  deviceBytes = 0;
  pooledBytes = 0;

  constructor(private readonly device: GpuDevice, private readonly usage: number, private readonly label: string,
    private readonly maxBytes: number) {}

  /** A buffer of at least `bytes`; `fresh` tells whether it was just created (and so holds zeros). */
  acquire(bytes: number): { buffer: GpuBuffer; fresh: boolean } {
    const size = sizeClass(bytes, this.maxBytes);
    const list = this.free.get(size);
    const reused = list?.pop();
    if (reused !== undefined) {
      this.pooledBytes -= size;
      return { buffer: reused, fresh: false };
    }
    const buffer = this.device.createBuffer({ label: this.label, size, usage: this.usage });
    this.deviceBytes += size;
    return { buffer, fresh: true };
  }

  release(buffer: GpuBuffer): void {
    let list = this.free.get(buffer.size);
    if (list === undefined) {
      list = [];
      this.free.set(buffer.size, list);
    }
    list.push(buffer);
    this.pooledBytes += buffer.size;
  }

  /** Destroys the pooled (unused) buffers. */
  trim(): void {
    for (const list of this.free.values()) for (const b of list) {
      this.deviceBytes -= b.size;
      b.destroy();
    }
    this.free.clear();
    this.pooledBytes = 0;
  }
}
