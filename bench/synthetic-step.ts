// One pretraining step on synthetic batches (random ids between [CLS] and [SEP], 15% masked, MLM only), as the
// train-step benchmark and tools/gpu/profile-step.ts both time it: the same model, data and update for both.
import { collate, type CollatedBatch } from '../src/data/collate.js';
import { maskSequence } from '../src/data/masking.js';
import { BertForPretraining, type BertConfig } from '../src/model/index.js';
import { Engine, Rng, backward } from '../src/tensor/index.js';
import { AdamW } from '../src/train/adamw.js';
import { optimizerStep } from '../src/train/step.js';

export interface SyntheticStep {
  readonly model: BertForPretraining;
  /** The next batch (drawn outside the timed part). */
  nextBatch(): CollatedBatch;
  /** Forward, backward and AdamW on `batch`. */
  run(batch: CollatedBatch): Promise<void>;
  dispose(): void;
}

export function syntheticStep(engine: Engine, config: BertConfig, batch: number, seq: number): SyntheticStep {
  const model = new BertForPretraining(engine, config, new Rng(1), new Rng(2));
  const optimizer = new AdamW(engine, model.namedParameters(), { lr: 1e-4 });
  const rng = new Rng(3);
  const masking = { rate: 0.15, entityShare: 0, maskId: config.mask_token_id, vocabSize: config.vocab_size, specialIds: new Set([0, 1, 2, 3, 4]) };
  return {
    model,
    nextBatch: () => collate(Array.from({ length: batch }, () => {
      const ids = Int32Array.from({ length: seq }, (_, i) => (i === 0 ? config.cls_token_id : i === seq - 1 ? config.sep_token_id : 5 + rng.int(config.vocab_size - 5)));
      return maskSequence({ ids, entities: [] }, masking, rng);
    }), config.pad_token_id),
    run: async (b) => {
      await engine.tidyAsync(async () => {
        const out = model.forward(b);
        backward(out.loss);
        return out.loss.item();
      });
      await optimizerStep(engine, model, optimizer, { lr: 1e-4, clip: 1 });
    },
    dispose: () => {
      model.dispose();
      optimizer.dispose();
    },
  };
}
