import type { GradientPass } from '../tensor/autograd.js';
import type { Engine, Tensor } from '../tensor/index.js';
import { allGather, reduceScatter, type ChunkBounds, type RingLink } from './collectives.js';

/**
 * DeepSpeed's default reduce_bucket_size, 5e8 elements, as fp32 bytes (2 GB): larger than every gradient this
 * machine trains, so by default a bucket is the whole gradient; smaller buckets bound the transient memory.
 */
export const DEFAULT_BUCKET_BYTES = 4 * 5e8;

/** A parameter's place in the flat vector of all parameters (named-parameter order). */
export interface FlatParam {
  readonly param: Tensor;
  readonly offset: number;
}

/**
 * The flat parameter vector cut into buckets of at most `bucketValues` values, from its end (backward finishes
 * the heads and the last layers first). A bucket is reduce-scattered as soon as every parameter it overlaps has
 * its final gradient, with the same owners as the whole vector (chunk c of the ZeRO-2 split), so every element
 * is summed in the same order as by one reduce-scatter of the whole gradient: identical bits.
 *
 * A rank holds, besides its gradient shard: the gradients that are final but whose bucket is not complete yet
 * (in the engine), one bucket of host floats, and the host copy of a gradient that spans several buckets until
 * its last bucket is reduced. Parameters larger than a bucket are read whole (the engine makes them whole).
 */
export class GradientBuckets {
  /** [start, end) in the flat vector, last bucket first. */
  readonly buckets: readonly (readonly [number, number])[];
  /** For each bucket, the indices of the parameters it overlaps. */
  private readonly members: readonly (readonly number[])[];
  private readonly buffer: Float32Array;
  /** Host copies of gradients spanning several buckets, until their last bucket is reduced. */
  private readonly copies = new Map<number, Float32Array>();
  /** The most gradient values held on the host at once: the bucket, plus copies of gradients spanning buckets. */
  peakHostValues = 0;
  /** By parameter: 1 when this step's reduce found it a gradient on this rank (it may have none: an unused pooler). */
  readonly hadGradient: Uint8Array;

  constructor(private readonly params: readonly FlatParam[], readonly total: number, bucketValues: number,
    private readonly shardStarts: ChunkBounds) {
    if (!Number.isInteger(bucketValues) || bucketValues < 1) throw new Error(`ZeRO-2 buckets: bucket size must be at least one value, got ${bucketValues}`);
    const buckets: [number, number][] = [];
    for (let end = total; end > 0; end -= bucketValues) buckets.push([Math.max(0, end - bucketValues), end]);
    this.buckets = buckets;
    this.members = buckets.map(([b0, b1]) => params.flatMap((p, i) => p.offset < b1 && p.offset + p.param.size > b0 ? [i] : []));
    this.buffer = new Float32Array(Math.min(bucketValues, total));
    this.hadGradient = new Uint8Array(params.length);
  }

  /**
   * Runs `pass` (the backward of the last micro-batch; null: gradients are already final) and reduce-scatters
   * each bucket once its parameters' gradients are final; each gradient is freed after its last bucket. Hands
   * this rank's summed part of each bucket to `keep(values, flatStart)`. Returns the bytes this rank sent.
   */
  async reduce(link: RingLink, pass: GradientPass | null, keep: (values: Float32Array, flatStart: number) => void): Promise<number> {
    this.hadGradient.fill(0);
    const unfinished = new Set<Tensor>(pass?.leaves ?? []);
    let next = 0, sent = 0;
    const flush = async (): Promise<void> => {
      while (next < this.buckets.length && this.members[next]!.every((i) => !unfinished.has(this.params[i]!.param))) {
        sent += await this.reduceBucket(link, next++, keep);
      }
    };
    await flush(); // buckets of parameters the pass does not reach (e.g. an unused pooler)
    if (pass !== null) {
      for (const leaf of pass.run()) {
        unfinished.delete(leaf);
        await flush();
      }
    }
    await flush();
    if (next !== this.buckets.length) throw new Error(`ZeRO-2 buckets: ${this.buckets.length - next} buckets never had final gradients`);
    return sent;
  }

  /** All-gathers the parameters bucket by bucket: `own(values, flatStart)` fills this rank's part of each. */
  async gather(link: RingLink, engine: Engine, own: (values: Float32Array, flatStart: number) => void): Promise<number> {
    let sent = 0;
    for (let k = 0; k < this.buckets.length; k++) {
      const [b0, b1] = this.buckets[k]!;
      const values = this.buffer.subarray(0, b1 - b0);
      const bounds = this.boundsOf(b0, b1);
      const mine = bounds[link.rank]!, mineEnd = bounds[link.rank + 1]!;
      if (mineEnd > mine) own(values.subarray(mine, mineEnd), b0 + mine);
      sent += await allGather(link, values, bounds);
      for (const i of this.members[k]!) {
        const { param, offset } = this.params[i]!;
        const lo = Math.max(b0, offset), hi = Math.min(b1, offset + param.size);
        engine.backend.write(param.buffer('ZeRO-2 update'), values.subarray(lo - b0, hi - b0), lo - offset);
      }
    }
    return sent;
  }

  private async reduceBucket(link: RingLink, k: number, keep: (values: Float32Array, flatStart: number) => void): Promise<number> {
    const [b0, b1] = this.buckets[k]!;
    const values = this.buffer.subarray(0, b1 - b0);
    for (const i of this.members[k]!) {
      const { param, offset } = this.params[i]!;
      const lo = Math.max(b0, offset), hi = Math.min(b1, offset + param.size);
      const grad = await this.gradientOf(i);
      if (grad === null) values.fill(0, lo - b0, hi - b0);
      else values.set(grad.subarray(lo - offset, hi - offset), lo - b0);
      // Buckets go from the end of the vector to its start: a parameter starting in this bucket is done.
      if (offset >= b0) this.copies.delete(i);
    }
    const bounds = this.boundsOf(b0, b1);
    const sent = await reduceScatter(link, values, bounds);
    const mine = bounds[link.rank]!, mineEnd = bounds[link.rank + 1]!;
    if (mineEnd > mine) keep(values.subarray(mine, mineEnd), b0 + mine);
    return sent;
  }

  /** The parameter's final gradient on the host (null: none); the engine's copy is freed at its first read. */
  private async gradientOf(i: number): Promise<Float32Array | null> {
    const held = this.copies.get(i);
    if (held !== undefined) return held;
    const param = this.params[i]!.param;
    if (param.grad === null) return null;
    this.hadGradient[i] = 1;
    const values = await param.grad.data();
    param.grad.dispose();
    param.grad = null;
    this.copies.set(i, values);
    let onHost = this.buffer.length;
    for (const c of this.copies.values()) onHost += c.length;
    this.peakHostValues = Math.max(this.peakHostValues, onHost);
    return values;
  }

  /** The ZeRO-2 owners' chunks within bucket [b0, b1), relative to b0. */
  private boundsOf(b0: number, b1: number): number[] {
    return this.shardStarts.map((s) => Math.min(b1, Math.max(b0, s)) - b0);
  }
}
