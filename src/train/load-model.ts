import { BertForPretraining } from '../model/index.js';
import { loadPretrainedWeights } from '../nn/index.js';
import { Rng, type Engine } from '../tensor/index.js';
import { loadCheckpoint, type LoadedCheckpoint } from './checkpoint.js';

/**
 * The pretraining model with a checkpoint's weights. Encoder and MLM-head weights must all be there; the
 * pooler and entity head may be absent (a Hugging Face BertForMaskedLM has neither) and keep a fresh init.
 */
export function loadPretrainingModel(engine: Engine, dir: string, seed = 0): { model: BertForPretraining; checkpoint: LoadedCheckpoint } {
  const checkpoint = loadCheckpoint(dir);
  const model = new BertForPretraining(engine, checkpoint.config, new Rng(seed), new Rng(seed + 1));
  try {
    loadPretrainedWeights(model, checkpoint.weights, { optional: ['bert.pooler.', 'entity.'], source: `${dir}/model.safetensors` });
  } catch (error) {
    model.dispose();
    throw error;
  }
  return { model, checkpoint };
}
