import { MedbertError } from '../errors.js';
import type { NamedArray } from '../nn/index.js';
import type { GradientPass } from '../tensor/autograd.js';
import type { Buffer, Engine, Tensor } from '../tensor/index.js';
import { bertNoDecay, type AdamWOptions } from '../train/adamw.js';
import { allGather, allReduceSmall, chunkRange, evenBounds, reduceScatter, type RingLink } from './collectives.js';
import { GradientBuckets } from './zero2-buckets.js';

/** Where one parameter's piece of this rank's shard lives. */
interface Segment {
  readonly name: string;
  readonly param: Tensor;
  /** The parameter's place in the list the optimizer was given. */
  readonly index: number;
  /** Offsets into the flat parameter vector [start, end), inside this rank's shard. */
  readonly start: number;
  readonly end: number;
  /** Offset of `start` inside the parameter. */
  readonly inParam: number;
  readonly decay: boolean;
  readonly master: Buffer;
  readonly grad: Buffer;
  readonly m: Buffer;
  readonly v: Buffer;
}

export interface Zero2Options extends Omit<AdamWOptions, 'lr'> {
  /**
   * Reduce-scatter the gradients in buckets of this many values, during the last micro-batch's backward
   * (reduceDuringBackward), and all-gather the parameters in buckets too. Absent or 0: the whole gradient at once,
   * from one host vector of Ψ floats, after backward. Either way the same bits.
   */
  readonly bucketValues?: number;
}

export interface Zero2StepResult {
  /** Global gradient norm before clipping. */
  readonly norm: number;
  /** Bytes this rank sent: the gradient reduce-scatter and the parameter all-gather. */
  readonly bytesSent: number;
}

/**
 * ZeRO stage 2 AdamW over a ring of ranks. The parameters are one flat vector of Ψ values (named-parameter
 * order), split into N contiguous chunks; rank r owns chunk r: the fp32 master copy of those parameters, their
 * summed gradient and AdamW's two moments (4Ψ/N + 4Ψ/N + 8Ψ/N bytes). Each step: the full local gradients are
 * reduce-scattered (each rank receives its chunk summed over ranks), the global norm comes from the shards'
 * sums of squares, each rank updates its chunk with the same fused AdamW kernel as single-process training,
 * and the updated chunks are all-gathered into every rank's full parameter copy. With buckets (GradientBuckets)
 * no vector of Ψ floats exists: gradients are reduce-scattered bucket by bucket as backward finishes them, and
 * parameters are all-gathered bucket by bucket.
 */
export class Zero2AdamW {
  step = 0;
  readonly total: number;
  readonly shard: [number, number];
  private readonly segments: Segment[] = [];
  private readonly offsets = new Map<string, number>();
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly eps: number;
  private readonly weightDecay: number;
  private readonly buckets: GradientBuckets | null = null;
  /** Bytes sent by the reduce-scatter that ran during backward (null: it has not run this step). */
  private reducedBytes: number | null = null;

  constructor(private readonly engine: Engine, private readonly params: readonly [string, Tensor][], private readonly link: RingLink,
    options: Zero2Options) {
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.eps = options.eps ?? 1e-8;
    this.weightDecay = options.weightDecay ?? 0.01;
    const noDecay = options.noDecay ?? bertNoDecay;
    let offset = 0;
    for (const [name, p] of params) {
      this.offsets.set(name, offset);
      offset += p.size;
    }
    this.total = offset;
    this.shard = chunkRange(this.total, link.world, link.rank);
    const [s0, s1] = this.shard;
    const be = engine.backend;
    for (const [index, [name, p]] of params.entries()) {
      const off = this.offsets.get(name)!;
      const start = Math.max(s0, off), end = Math.min(s1, off + p.size);
      if (end <= start) continue;
      const n = end - start;
      this.segments.push({ name, param: p, index, start, end, inParam: start - off, decay: !noDecay(name),
        master: be.alloc(n), grad: be.alloc(n), m: be.alloc(n), v: be.alloc(n) });
    }
    if ((options.bucketValues ?? 0) > 0) {
      const flat = params.map(([name, param]) => ({ param, offset: this.offsets.get(name)! }));
      this.buckets = new GradientBuckets(flat, this.total, options.bucketValues!, evenBounds(this.total, link.world));
    }
  }

  /**
   * Runs the last micro-batch's backward (`pass`), reduce-scattering gradient buckets as they become final (a
   * collective: every rank calls it). Without buckets it only runs the pass; update() then reduces everything.
   */
  async reduceDuringBackward(pass: GradientPass): Promise<void> {
    if (this.buckets === null) {
      for (const _ of pass.run()) {
        // the gradients stay in the parameters for update()
      }
      return;
    }
    this.reducedBytes = await this.buckets.reduce(this.link, pass, (values, at) => this.keepGradient(values, at));
  }

  /** Copies the current parameter values into the shard's master copy (after loading weights). */
  async syncMaster(): Promise<void> {
    for (const s of this.segments) {
      const values = await s.param.data();
      this.engine.backend.write(s.master, values.subarray(s.inParam, s.inParam + s.end - s.start));
    }
  }

  /** One update: reduce-scatter gradients, clip by the global norm, AdamW on the shard, all-gather parameters. */
  async update(lr: number, clip: number): Promise<Zero2StepResult> {
    return this.buckets === null ? this.updateWhole(lr, clip) : this.updateInBuckets(this.buckets, lr, clip);
  }

  private async updateWhole(lr: number, clip: number): Promise<Zero2StepResult> {
    this.step++;
    const be = this.engine.backend;
    // One host vector of Ψ floats serves both collectives: the gradients for the reduce-scatter, then (this
    // rank's chunk overwritten by its updated parameters) the parameters for the all-gather.
    const flat = new Float32Array(this.total);
    for (const [name, p] of this.params) if (p.grad !== null) flat.set(await p.grad.data(), this.offsets.get(name)!);
    const local = Uint8Array.from(this.params, ([, p]) => (p.grad === null ? 0 : 1));
    let bytesSent = await reduceScatter(this.link, flat);
    const [s0, s1] = this.shard;
    let sumSquares = 0;
    for (let i = s0; i < s1; i++) sumSquares += flat[i]! * flat[i]!;
    const { norm, updated } = await this.normAndGradientFlags(sumSquares, local);
    if (!Number.isFinite(norm)) return { norm, bytesSent };
    for (const s of this.segments) be.write(s.grad, flat.subarray(s.start, s.end));
    this.adamw(lr, clip, norm, updated);
    for (const s of this.segments) flat.set((await be.read(s.master)).subarray(0, s.end - s.start), s.start);
    bytesSent += await allGather(this.link, flat);
    for (const [name, p] of this.params) {
      const off = this.offsets.get(name)!;
      be.write(p.buffer('ZeRO-2 update'), flat.subarray(off, off + p.size));
      p.grad?.dispose();
      p.grad = null;
    }
    return { norm, bytesSent };
  }

  /** The same update, the gradient shard filled bucket by bucket (during backward, or here if it did not run). */
  private async updateInBuckets(buckets: GradientBuckets, lr: number, clip: number): Promise<Zero2StepResult> {
    this.step++;
    const be = this.engine.backend;
    let bytesSent = this.reducedBytes ?? await buckets.reduce(this.link, null, (values, at) => this.keepGradient(values, at));
    this.reducedBytes = null;
    let sumSquares = 0; // over the shard in index order, as updateWhole: the same bits
    for (const s of this.segments) {
      const g = await be.read(s.grad);
      for (let i = 0; i < s.end - s.start; i++) sumSquares += g[i]! * g[i]!;
    }
    const { norm, updated } = await this.normAndGradientFlags(sumSquares, buckets.hadGradient);
    if (!Number.isFinite(norm)) return { norm, bytesSent };
    this.adamw(lr, clip, norm, updated);
    const masters = await Promise.all(this.segments.map(async (s) => (await be.read(s.master)).subarray(0, s.end - s.start)));
    bytesSent += await buckets.gather(this.link, this.engine, (values, at) => {
      this.segments.forEach((s, k) => {
        const lo = Math.max(at, s.start), hi = Math.min(at + values.length, s.end);
        if (hi > lo) values.set(masters[k]!.subarray(lo - s.start, hi - s.start), lo - at);
      });
    });
    return { norm, bytesSent };
  }

  /** Writes summed gradient values of this rank's shard (flat offsets from `at`) into the segments. */
  private keepGradient(values: Float32Array, at: number): void {
    for (const s of this.segments) {
      const lo = Math.max(at, s.start), hi = Math.min(at + values.length, s.end);
      if (hi > lo) this.engine.backend.write(s.grad, values.subarray(lo - at, hi - at), lo - s.start);
    }
  }

  /**
   * One small all-reduce (a collective) for the global gradient norm, from this rank's sum of squares, and, by
   * parameter, whether any rank had a gradient for it this step. A parameter without (the pooler, which pretraining
   * never uses) is left alone, as single-process AdamW leaves it: a zero gradient would still decay it.
   */
  private async normAndGradientFlags(sumSquares: number, local: Uint8Array): Promise<{ norm: number; updated: Uint8Array }> {
    const summed = await allReduceSmall(this.link, Float64Array.of(sumSquares, ...local));
    return { norm: Math.sqrt(summed[0]!), updated: Uint8Array.from(summed.subarray(1), (c) => (c > 0 ? 1 : 0)) };
  }

  /** AdamW on the shard's segments of parameters with gradients, clipping by the global norm folded into the gradient scale. */
  private adamw(lr: number, clip: number, norm: number, updated: Uint8Array): void {
    const scale = clip > 0 ? Math.min(1, clip / (norm + 1e-6)) : 1;
    for (const s of this.segments) {
      if (updated[s.index] === 0) continue;
      this.engine.backend.adamw({
        n: s.end - s.start, param: s.master, grad: s.grad, m: s.m, v: s.v, lr, beta1: this.beta1, beta2: this.beta2,
        eps: this.eps, weightDecay: s.decay ? this.weightDecay : 0, step: this.step, gradScale: scale,
      });
    }
  }

  /** Every parameter's full moments, gathered from the shards (a collective: every rank must call it). */
  async gatherMoments(): Promise<Map<string, NamedArray>> {
    const out = new Map<string, NamedArray>();
    for (const which of ['m', 'v'] as const) {
      const flat = new Float32Array(this.total);
      for (const s of this.segments) flat.set((await this.engine.backend.read(s[which])).subarray(0, s.end - s.start), s.start);
      await allGather(this.link, flat);
      for (const [name, p] of this.params) {
        const off = this.offsets.get(name)!;
        out.set(`${name}.${which === 'm' ? 'exp_avg' : 'exp_avg_sq'}`, { shape: [...p.shape], data: flat.slice(off, off + p.size) });
      }
    }
    return out;
  }

  /** Takes this rank's part of full moments saved by any number of ranks (re-partitioning on resume). */
  loadMoments(saved: ReadonlyMap<string, NamedArray>, where: string): void {
    for (const s of this.segments) {
      const m = saved.get(`${s.name}.exp_avg`), v = saved.get(`${s.name}.exp_avg_sq`);
      if (m === undefined || v === undefined || m.data.length !== v.data.length || m.data.length < s.inParam + s.end - s.start) {
        throw new MedbertError(`${where} lacks the moments of '${s.name}' (from another model?)`);
      }
      const n = s.end - s.start;
      this.engine.backend.write(s.m, m.data.subarray(s.inParam, s.inParam + n));
      this.engine.backend.write(s.v, v.data.subarray(s.inParam, s.inParam + n));
    }
  }

  /**
   * The most gradient bytes this rank has held on the host at once, outside the engine: with buckets the bucket
   * plus copies of gradients spanning buckets (measured); without, the vector of Ψ floats each update allocates
   * and the copy of one gradient read back into it (the largest).
   */
  get hostGradientPeakBytes(): number {
    return this.buckets === null ? 4 * (this.total + Math.max(...this.params.map(([, p]) => p.size))) : 4 * this.buckets.peakHostValues;
  }

  /** How many buckets the gradient is cut into (1 without bucketing). */
  get bucketCount(): number {
    return this.buckets?.buckets.length ?? 1;
  }

  /** Bytes of optimizer state this rank holds (master shard, gradient shard, two moments). */
  get shardBytes(): number {
    return 16 * (this.shard[1] - this.shard[0]);
  }

  dispose(): void {
    const be = this.engine.backend;
    for (const s of this.segments) for (const b of [s.master, s.grad, s.m, s.v]) be.free(b);
  }
}
