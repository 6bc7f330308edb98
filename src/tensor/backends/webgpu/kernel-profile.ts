// GPU time per kernel, from timestamp queries (the adapter's 'timestamp-query' feature; MEDBERT_WEBGPU_PROFILE=1
// in Node). When profiling, the recorder gives every dispatch its own compute pass whose beginning and end write
// two timestamps; at each submit the batch's timestamps are resolved into a buffer and read back later, so the
// host never waits for them. One pass per dispatch costs a little GPU time of its own, so the profile is for
// shares, not for the step's wall time.
import { BufferUsage, MapMode, type GpuBuffer, type GpuCommandEncoder, type GpuComputePassDescriptor, type GpuDevice,
  type GpuQuerySet } from './gpu-types.js';

export interface KernelTime {
  readonly label: string;
  readonly dispatches: number;
  readonly ms: number;
}

export class KernelProfile {
  private readonly querySet: GpuQuerySet;
  private readonly resolved: GpuBuffer;
  /** Labels of the current batch's dispatches, in order (dispatch i wrote timestamps 2i and 2i + 1). */
  private labels: string[] = [];
  private readonly totals = new Map<string, { dispatches: number; ns: number }>();
  private pending: Promise<void>[] = [];

  constructor(private readonly device: GpuDevice, private readonly capacity: number) {
    this.querySet = device.createQuerySet({ type: 'timestamp', count: 2 * capacity });
    this.resolved = device.createBuffer({ label: 'medbert timestamps', size: 16 * capacity,
      usage: BufferUsage.QUERY_RESOLVE | BufferUsage.COPY_SRC });
  }

  /** The pass descriptor for the next dispatch of `label` (at most `capacity` per batch). */
  pass(label: string): GpuComputePassDescriptor {
    const i = this.labels.length;
    if (i === this.capacity) throw new Error(`webgpu profile: more than ${this.capacity} dispatches in one batch`);
    this.labels.push(label);
    return { timestampWrites: { querySet: this.querySet, beginningOfPassWriteIndex: 2 * i, endOfPassWriteIndex: 2 * i + 1 } };
  }

  /** Records the copy of this batch's timestamps into `encoder`; call `afterSubmit` once it is submitted. */
  resolve(encoder: GpuCommandEncoder): GpuBuffer | null {
    const n = this.labels.length;
    if (n === 0) return null;
    const read = this.device.createBuffer({ label: 'medbert timestamps read-back', size: 16 * n,
      usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST });
    encoder.resolveQuerySet(this.querySet, 0, 2 * n, this.resolved, 0);
    encoder.copyBufferToBuffer(this.resolved, 0, read, 0, 16 * n);
    return read;
  }

  afterSubmit(read: GpuBuffer | null): void {
    const labels = this.labels;
    this.labels = [];
    if (read === null) return;
    this.pending.push(read.mapAsync(MapMode.READ).then(() => {
      const t = new BigUint64Array(read.getMappedRange().slice(0));
      labels.forEach((label, i) => {
        const total = this.totals.get(label) ?? { dispatches: 0, ns: 0 };
        // timestamps may be 0 or run backwards on some drivers when a pass is empty: count those as 0
        total.ns += t[2 * i + 1]! > t[2 * i]! ? Number(t[2 * i + 1]! - t[2 * i]!) : 0;
        total.dispatches++;
        this.totals.set(label, total);
      });
      read.unmap();
      read.destroy();
    }));
  }

  /** GPU time per kernel label since the start, longest first (waits for the submitted batches' timestamps). */
  async report(): Promise<KernelTime[]> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
    return [...this.totals].map(([label, t]) => ({ label, dispatches: t.dispatches, ms: t.ns / 1e6 }))
      .sort((a, b) => b.ms - a.ms);
  }

  dispose(): void {
    this.querySet.destroy();
    this.resolved.destroy();
  }
}
