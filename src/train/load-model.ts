import { MedbertError } from '../errors.js';
import { BertForPretraining } from '../model/index.js';
import { loadStateDict } from '../nn/index.js';
import { Rng, type Engine } from '../tensor/index.js';
import { loadCheckpoint, type LoadedCheckpoint } from './checkpoint.js';

/**
 * The pretraining model with a checkpoint's weights. Encoder and MLM-head weights must all be there; the
 * pooler and entity head may be absent (a Hugging Face BertForMaskedLM has neither) and keep a fresh init.
 */
export function loadPretrainingModel(engine: Engine, dir: string, seed = 0): { model: BertForPretraining; checkpoint: LoadedCheckpoint } {
  const checkpoint = loadCheckpoint(dir);
  const model = new BertForPretraining(engine, checkpoint.config, new Rng(seed), new Rng(seed + 1));
  const missing = model.namedParameters().map(([n]) => n)
    .filter((n) => !checkpoint.weights.has(n) && !n.startsWith('bert.pooler.') && !n.startsWith('entity.'));
  if (missing.length > 0) {
    model.dispose();
    throw new MedbertError(`${dir}/model.safetensors lacks ${missing.length} tensor(s) the model needs, e.g. '${missing[0]}' (a checkpoint of another architecture?)`);
  }
  try {
    loadStateDict(model, checkpoint.weights, false);
  } catch (error) {
    model.dispose();
    throw new MedbertError(`${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { model, checkpoint };
}
