import type { Engine, Tensor } from '../tensor/index.js';
import type { Distributed, Updater } from '../train/pretrain.js';
import { allReduceSmall, type RingLink } from './collectives.js';
import { Zero2AdamW } from './zero2.js';

/** The trainer's view of a ring of ranks: small all-reduces and a ZeRO-2 optimizer over the same ring. */
export function ringDistributed(link: RingLink): Distributed {
  return {
    rank: link.rank,
    world: link.world,
    allReduce: (values) => allReduceSmall(link, values),
    updater: (engine: Engine, params: readonly [string, Tensor][], weightDecay: number): Updater => {
      const zero = new Zero2AdamW(engine, params, link, { weightDecay });
      return {
        get step() {
          return zero.step;
        },
        set step(value: number) {
          zero.step = value;
        },
        update: (lr, clip) => zero.update(lr, clip),
        moments: () => zero.gatherMoments(),
        loadMoments: (saved, where) => zero.loadMoments(saved, where),
        weightsLoaded: () => zero.syncMaster(),
        dispose: () => zero.dispose(),
      };
    },
  };
}
