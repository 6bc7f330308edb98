import test from 'node:test';
import assert from 'node:assert/strict';
import { BertForPretraining, countParameters, presetConfig } from '../../src/model/index.js';
import { Engine, ReferenceBackend, Rng } from '../../src/tensor/index.js';

test('countParameters equals the parameters a built model allocates (tied decoder counted once)', () => {
  const config = presetConfig('tiny', { vocab_size: 120, hidden_size: 16, num_attention_heads: 2, intermediate_size: 40,
    num_hidden_layers: 3, max_position_embeddings: 32, num_entity_concepts: 9 });
  const model = new BertForPretraining(new Engine(new ReferenceBackend()), config, new Rng(1), new Rng(2));
  assert.equal(model.parameterCount(), countParameters(config).total);
  const names = model.namedParameters().map(([n]) => n);
  for (const expected of ['bert.embeddings.word_embeddings.weight', 'bert.encoder.layer.2.attention.self.query.weight',
    'bert.encoder.layer.0.attention.output.LayerNorm.bias', 'bert.encoder.layer.1.intermediate.dense.weight',
    'bert.encoder.layer.1.output.dense.bias', 'bert.pooler.dense.weight', 'cls.predictions.transform.dense.weight',
    'cls.predictions.transform.LayerNorm.weight', 'cls.predictions.bias', 'entity.decoder.weight']) {
    assert.ok(names.includes(expected), `missing ${expected}`);
  }
  assert.equal(new Set(names).size, names.length, 'names are unique');
});

test('xl preset: the paper architecture at 1.75B ± 1% parameters; base ≈ 110M', () => {
  const xl = presetConfig('xl');
  assert.deepEqual([xl.num_hidden_layers, xl.hidden_size, xl.num_attention_heads, xl.vocab_size], [36, 1536, 24, 64000]);
  const total = countParameters(xl).total;
  assert.equal(total, 1_746_876_928);
  assert.ok(Math.abs(total - 1.75e9) / 1.75e9 < 0.01);
  // With BERT's usual 4× feed-forward the same shape has only ~1.12B (the encoder alone, as BertModel).
  const fourX = countParameters(presetConfig('xl', { intermediate_size: 4 * 1536 }));
  assert.equal(fourX.embeddings + fourX.encoder + fourX.pooler, 1_121_392_128);
  const base = countParameters(presetConfig('base')).total;
  assert.ok(base > 105e6 && base < 115e6, `base has ${base}`);
});
