// Records kernel dispatches into one command encoder and submits them in batches. Kernels are called
// synchronously and only enqueue; a batch is submitted when a caller needs results (read, sync) or when the
// uniform arena is full. Host writes and copies are recorded into the same encoder, so everything runs in call
// order.
//
// Uniform parameters of all dispatches of a batch live in one arena buffer, a 256-byte slot each, written with
// one queue.writeBuffer just before the batch is submitted (queue operations run in order, so reusing the arena
// for the next batch is safe).
import { BufferUsage, type GpuBuffer, type GpuBindGroupEntry, type GpuCommandEncoder, type GpuComputePassEncoder,
  type GpuComputePipeline, type GpuDevice } from './gpu-types.js';
import { KernelProfile } from './kernel-profile.js';
import { kernelCode, type KernelSource } from './kernels/kernel.js';
import type { Binding } from './windows.js';

/** Dispatches per batch (slots of the uniform arena). */
const ARENA_SLOTS = 512;

export class Recorder {
  private encoder: GpuCommandEncoder | null = null;
  private pass: GpuComputePassEncoder | null = null;
  private readonly arena: GpuBuffer;
  private readonly staged: ArrayBuffer;
  private readonly view: DataView;
  private slot = 0;
  private readonly slotBytes: number;
  /** Buffers to destroy once the batch that uses them is submitted (uploads of host integer arrays). */
  private doomed: GpuBuffer[] = [];
  private readonly pipelines = new Map<string, GpuComputePipeline>();
  dispatches = 0;
  submits = 0;
  /** GPU time per kernel (one compute pass per dispatch) when the device was made with 'timestamp-query'. */
  readonly profile: KernelProfile | null;

  constructor(private readonly device: GpuDevice, profile = false, private readonly subgroups = false) {
    this.profile = profile ? new KernelProfile(device, ARENA_SLOTS) : null;
    this.slotBytes = Math.max(256, device.limits.minUniformBufferOffsetAlignment);
    this.arena = device.createBuffer({ label: 'medbert uniforms', size: this.slotBytes * ARENA_SLOTS,
      usage: BufferUsage.UNIFORM | BufferUsage.COPY_DST });
    this.staged = new ArrayBuffer(this.slotBytes * ARENA_SLOTS);
    this.view = new DataView(this.staged);
  }

  private pipeline(k: KernelSource): GpuComputePipeline {
    let p = this.pipelines.get(k.label);
    if (p === undefined) {
      const module = this.device.createShaderModule({ label: k.label, code: kernelCode(k, this.subgroups) });
      p = this.device.createComputePipeline({ label: k.label, layout: 'auto', compute: { module, entryPoint: 'main' } });
      this.pipelines.set(k.label, p);
    }
    return p;
  }

  /** The encoder for copies and clears (ends an open compute pass). */
  commands(): GpuCommandEncoder {
    if (this.pass !== null) {
      this.pass.end();
      this.pass = null;
    }
    if (this.encoder === null) this.encoder = this.device.createCommandEncoder({ label: 'medbert batch' });
    return this.encoder;
  }

  /**
   * Records one dispatch of `k` with `params` (in the order of k.params) and `bindings` at 1, 2, ... (windows
   * of buffers; the shift of each f32 binding follows the parameters in the uniform). `groups` is the grid.
   */
  dispatch(k: KernelSource, params: readonly number[], bindings: readonly Binding[], groups: readonly [number, number, number]):
    void {
    if (params.length !== k.params.length) throw new Error(`webgpu: ${k.label} takes ${k.params.length} parameters, got ${params.length}`);
    if (bindings.length !== k.bindings.length) throw new Error(`webgpu: ${k.label} binds ${k.bindings.length} buffers, got ${bindings.length}`);
    if (groups[0] === 0 || groups[1] === 0 || groups[2] === 0) return;
    if (this.slot === ARENA_SLOTS) this.flush();
    const offset = this.slot * this.slotBytes;
    this.slot++;
    for (let i = 0; i < params.length; i++) {
      const type = k.params[i]![1], v = params[i]!;
      if (type === 'f32') this.view.setFloat32(offset + 4 * i, v, true);
      else if (type === 'i32') this.view.setInt32(offset + 4 * i, v, true);
      else this.view.setUint32(offset + 4 * i, v, true);
    }
    let words = params.length;
    k.bindings.forEach(([, , type], i) => {
      if ((type ?? 'f32') === 'f32') this.view.setUint32(offset + 4 * words++, bindings[i]!.shift, true);
    });
    if (4 * words > this.slotBytes) throw new Error(`webgpu: ${k.label} has more uniforms than a ${this.slotBytes}-byte slot`);
    const pipeline = this.pipeline(k);
    const entries: GpuBindGroupEntry[] = [{ binding: 0, resource: { buffer: this.arena, offset, size: Math.max(16, (4 * words + 15) & ~15) } }];
    bindings.forEach((b, i) => entries.push({ binding: i + 1, resource: { buffer: b.buffer, offset: b.offset, size: b.size } }));
    const bindGroup = this.device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries });
    if (this.profile !== null) this.commands();
    if (this.pass === null) this.pass = this.commands().beginComputePass(this.profile?.pass(k.label));
    this.pass.setPipeline(pipeline);
    this.pass.setBindGroup(0, bindGroup);
    this.pass.dispatchWorkgroups(groups[0], groups[1], groups[2]);
    this.dispatches++;
  }

  /** Destroys `buf` after the current batch is submitted. */
  destroyAfterSubmit(buf: GpuBuffer): void {
    this.doomed.push(buf);
  }

  /** Submits everything recorded so far. */
  flush(): void {
    if (this.encoder === null) {
      this.slot = 0;
      return;
    }
    const encoder = this.commands();
    this.encoder = null;
    if (this.slot > 0) this.device.queue.writeBuffer(this.arena, 0, this.staged, 0, this.slot * this.slotBytes);
    this.slot = 0;
    const timestamps = this.profile?.resolve(encoder) ?? null;
    this.device.queue.submit([encoder.finish()]);
    this.profile?.afterSubmit(timestamps);
    this.submits++;
    for (const b of this.doomed) b.destroy();
    this.doomed = [];
  }

  dispose(): void {
    this.pass = null;
    this.encoder = null;
    for (const b of this.doomed) b.destroy();
    this.doomed = [];
    this.arena.destroy();
    this.profile?.dispose();
  }
}
