import test from 'node:test';
import assert from 'node:assert/strict';
import type { Sequence } from '../../src/data/masking.js';
import { SyntheticSource } from '../../src/data/synthetic.js';
import { BertForPretraining, presetConfig } from '../../src/model/index.js';
import { Engine, ReferenceBackend, Rng } from '../../src/tensor/index.js';
import { evaluateMlm, type MlmEvaluationOptions } from '../../src/train/evaluate-mlm.js';

const VOCAB = 40;
const config = presetConfig('tiny', {
  vocab_size: VOCAB, hidden_size: 16, num_hidden_layers: 2, num_attention_heads: 2, intermediate_size: 32,
  max_position_embeddings: 16, num_entity_concepts: 0,
});
const sequences = (n: number): Sequence[] => {
  const source = new SyntheticSource({ vocabSize: VOCAB, firstRegularId: 5, clsId: 2, sepId: 3, seqLen: 16, concepts: 4, seed: 3 });
  // Varying lengths, so batches have padding.
  return Array.from({ length: n }, (_, i) => {
    const s = source.next();
    const length = 6 + (i % 10);
    return { ids: Int32Array.of(...s.ids.subarray(0, length - 1), 3), entities: [] };
  });
};
const options = (o: Partial<MlmEvaluationOptions> = {}): MlmEvaluationOptions => ({
  masking: { rate: 0.15, entityShare: 0, maskId: 4, vocabSize: VOCAB, specialIds: new Set([0, 1, 2, 3, 4]) },
  padId: 0, seed: 5, batchSize: 4, ...o,
});

test('held-out MLM loss: a fresh model scores about ln(vocabulary); batch size changes nothing; the seed fixes the masks', async () => {
  const engine = new Engine(new ReferenceBackend());
  const model = new BertForPretraining(engine, config, new Rng(1), new Rng(2));
  const data = sequences(23);
  const a = await evaluateMlm(model, data, options());
  assert.equal(a.sequences, 23);
  assert.ok(a.masked_tokens >= 23, 'at least one masked token per sequence');
  assert.ok(Math.abs(a.mlm_loss - Math.log(VOCAB)) < 0.05, `fresh model: ${a.mlm_loss} vs ln ${VOCAB} = ${Math.log(VOCAB)}`);
  assert.ok(Math.abs(a.perplexity - Math.exp(a.mlm_loss)) < 1e-9);
  assert.ok(model.training, 'the model is back in training mode');

  const b = await evaluateMlm(model, data, options({ batchSize: 7 }));
  assert.equal(b.masked_tokens, a.masked_tokens);
  assert.ok(Math.abs(b.mlm_loss - a.mlm_loss) < 1e-5, `batch 4: ${a.mlm_loss}, batch 7: ${b.mlm_loss}`);
  assert.equal(b.accuracy, a.accuracy);

  const again = await evaluateMlm(model, data, options());
  assert.deepEqual(again, a, 'same seed, same result');
  const other = await evaluateMlm(model, data, options({ seed: 6 }));
  assert.notEqual(other.mlm_loss, a.mlm_loss, 'another seed masks other tokens');
  model.dispose();
});

test('held-out MLM loss lets the event loop run between batches (where a Ctrl-C is handled)', async () => {
  const engine = new Engine(new ReferenceBackend());
  const model = new BertForPretraining(engine, config, new Rng(1), new Rng(2));
  let ticked = false;
  setImmediate(() => { ticked = true; });
  const seenAt: boolean[] = [];
  await evaluateMlm(model, sequences(12), options({ onProgress: () => seenAt.push(ticked) }));
  // The reference backend's awaits resolve as microtasks: without a yield the event loop would run only at the end.
  assert.deepEqual(seenAt, [false, true, true]);
  model.dispose();
});
