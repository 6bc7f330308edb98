import { Rng, type RngState } from '../tensor/index.js';
import type { Sequence } from './masking.js';
import type { SequenceSource } from './source.js';

/** Loads one shard's sequences by index (file I/O lives with the caller: Node reads files, a browser fetches). */
export type ShardLoader = (index: number) => Sequence[];

interface ShardSourceState {
  readonly epoch: number;
  readonly shardCursor: number;
  readonly position: number;
  /** The RNG as it was at the start of the epoch: replaying the draws rebuilds every permutation. */
  readonly epochRng: RngState;
}

/**
 * Sequences from shards, endlessly: each epoch visits the shards in a seeded random order and each shard's
 * sequences in a seeded random order. Only one shard is held in memory. The position is saved with
 * checkpoints, so a resumed run continues exactly where it stopped (permutations are redrawn from the
 * epoch's RNG state and the shard sizes, without reading the shards already done).
 */
export class ShardSource implements SequenceSource {
  private readonly rng: Rng;
  private epoch = 0;
  private epochRng: RngState;
  private shardOrder: number[] = [];
  private shardCursor = 0;
  private order: number[] = [];
  private position = 0;
  private current: Sequence[] | null = null;

  constructor(private readonly sizes: readonly number[], private readonly load: ShardLoader, seed: number) {
    if (sizes.length < 1 || sizes.every((s) => s === 0)) throw new Error('ShardSource: no sequences in any shard');
    this.rng = new Rng(seed);
    this.epochRng = this.rng.getState();
    this.startEpoch();
  }

  next(): Sequence {
    while (this.position >= this.order.length) {
      if (this.shardCursor + 1 >= this.sizes.length) {
        this.epoch++;
        this.epochRng = this.rng.getState();
        this.startEpoch();
      } else {
        this.shardCursor++;
        this.drawShardOrder();
      }
    }
    if (this.current === null) {
      const index = this.shardOrder[this.shardCursor]!;
      this.current = this.load(index);
      if (this.current.length !== this.sizes[index]) {
        throw new Error(`shard ${index} holds ${this.current.length} sequences, the manifest says ${this.sizes[index]}`);
      }
    }
    return this.current[this.order[this.position++]!]!;
  }

  getState(): ShardSourceState {
    return { epoch: this.epoch, shardCursor: this.shardCursor, position: this.position, epochRng: this.epochRng };
  }

  /** Goes back to a saved position; one that these shards cannot have (other shards, an edited file) throws. */
  setState(state: unknown): void {
    const s = state as Partial<ShardSourceState>;
    const count = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
    if (!count(s.epoch) || !count(s.shardCursor) || !count(s.position) || s.epochRng === undefined) {
      throw new Error('it lacks the epoch, shard or position');
    }
    if (s.shardCursor >= this.sizes.length) throw new Error(`shard ${s.shardCursor + 1} of ${this.sizes.length}`);
    this.epoch = s.epoch;
    this.epochRng = s.epochRng;
    this.rng.setState(s.epochRng);
    this.startEpoch();
    while (this.shardCursor < s.shardCursor) {
      this.shardCursor++;
      this.drawShardOrder();
    }
    if (s.position > this.order.length) throw new Error(`sequence ${s.position} of a shard of ${this.order.length}`);
    this.position = s.position;
  }

  private startEpoch(): void {
    this.shardOrder = permutation(this.sizes.length, this.rng);
    this.shardCursor = 0;
    this.drawShardOrder();
  }

  private drawShardOrder(): void {
    this.order = permutation(this.sizes[this.shardOrder[this.shardCursor]!]!, this.rng);
    this.position = 0;
    this.current = null;
  }
}

function permutation(n: number, rng: Rng): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}
