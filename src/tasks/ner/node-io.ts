// Fine-tuned NER checkpoints from disk (Node): for `medbert eval ner`, `predict ner` and the server.
import { MedbertError } from '../../errors.js';
import type { Engine } from '../../tensor/index.js';
import { SentencePieceModel } from '../../tokenizer/index.js';
import { loadCheckpoint, type LoadedCheckpoint } from '../../train/checkpoint.js';
import { NerTagger } from './run.js';

/** The checkpoint's tokenizer.model, which a checkpoint for text must have. */
export function checkpointTokenizer(c: LoadedCheckpoint, dir: string): SentencePieceModel {
  if (c.tokenizer === null) throw new MedbertError(`${dir} has no tokenizer.model`);
  return SentencePieceModel.fromBytes(c.tokenizer, `${dir}/tokenizer.model`);
}

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
