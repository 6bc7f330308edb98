// The small model, data and recipe that the ZeRO-2 tests train, shared by the tests and the rank threads.
import { SyntheticSource } from '../../src/data/synthetic.js';
import { presetConfig } from '../../src/model/index.js';
import { PAPER_RECIPE, type PretrainOptions } from '../../src/train/pretrain.js';

export const config = presetConfig('tiny', { vocab_size: 40, hidden_size: 16, num_hidden_layers: 2, num_attention_heads: 2,
  intermediate_size: 32, max_position_embeddings: 16, num_entity_concepts: 6 });

export const source = (): SyntheticSource =>
  new SyntheticSource({ vocabSize: 40, firstRegularId: 5, clsId: 2, sepId: 3, seqLen: 16, concepts: 6, seed: 9 });

export const options = (o: Partial<PretrainOptions>): PretrainOptions => ({
  ...PAPER_RECIPE, maskRate: 0.3, steps: 4, microBatch: 2, accumulation: 6, lr: 3e-3, warmup: 2, checkpointEvery: 1, ...o,
});
