import { gradientPass } from '../tensor/autograd.js';
import type { Engine, Tensor } from '../tensor/index.js';
import type { Distributed, Updater } from '../train/pretrain.js';
import { allReduceSmall, type RingLink } from './collectives.js';
import { DEFAULT_BUCKET_BYTES } from './zero2-buckets.js';
import { Zero2AdamW } from './zero2.js';

export interface RingOptions {
  /**
   * Gradient bucket size in bytes (fp32 values × 4), default DeepSpeed's reduce_bucket_size (5e8 values); 0 turns
   * bucketing off (the whole gradient reduce-scattered after backward). See GradientBuckets.
   */
  readonly bucketBytes?: number;
  /** Called with the ZeRO-2 optimizer each updater builds (benchmarks read its memory figures). */
  readonly observe?: (optimizer: Zero2AdamW) => void;
}

/**
 * The trainer's view of a ring of ranks: small all-reduces and a ZeRO-2 optimizer over the same ring, which
 * runs the last micro-batch's backward itself to reduce-scatter gradient buckets as they become final.
 */
export function ringDistributed(link: RingLink, o: RingOptions = {}): Distributed {
  const bucketValues = Math.floor((o.bucketBytes ?? DEFAULT_BUCKET_BYTES) / 4);
  return {
    rank: link.rank,
    world: link.world,
    allReduce: (values) => allReduceSmall(link, values),
    updater: (engine: Engine, params: readonly [string, Tensor][], weightDecay: number): Updater => {
      const zero = new Zero2AdamW(engine, params, link, { weightDecay, bucketValues });
      o.observe?.(zero);
      return {
        get step() {
          return zero.step;
        },
        set step(value: number) {
          zero.step = value;
        },
        update: (lr, clip) => zero.update(lr, clip),
        backwardLast: (objective) => zero.reduceDuringBackward(gradientPass(objective)),
        moments: () => zero.gatherMoments(),
        loadMoments: (saved, where) => zero.loadMoments(saved, where),
        weightsLoaded: () => zero.syncMaster(),
        dispose: () => zero.dispose(),
      };
    },
  };
}
