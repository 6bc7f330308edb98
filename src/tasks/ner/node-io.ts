// Fine-tuned NER checkpoints from disk (Node): for `medbert eval ner`, `predict ner` and the server.
import { MedbertError } from '../../errors.js';
import type { Engine } from '../../tensor/index.js';
import { checkpointTokenizer, loadCheckpoint } from '../../train/checkpoint.js';
import { NerTagger } from './run.js';

/** The tagger of a checkpoint `medbert finetune ner` wrote (its entity types and classifier). */
export function loadTagger(dir: string, engine: Engine): NerTagger {
  const ckpt = loadCheckpoint(dir);
  const types = ckpt.rawConfig['entity_types'];
  if (!Array.isArray(types) || !ckpt.weights.has('classifier.weight')) {
    throw new MedbertError(`${dir} is not a fine-tuned NER checkpoint (no entity_types / classifier): run medbert finetune ner first`);
  }
  return NerTagger.create(engine, ckpt.config, ckpt.weights, checkpointTokenizer(ckpt, dir), types as string[], 0,
    { classifier: 'load', source: `${dir}/model.safetensors` });
}
