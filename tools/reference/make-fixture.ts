// Writes the fixed tiny checkpoint and batch that bert_reference.py turns into PyTorch fixtures:
//   npm run build && node dist/tools/reference/make-fixture.js test/fixtures/reference/bert-tiny
//   /usr/bin/python3 tools/reference/bert_reference.py test/fixtures/reference/bert-tiny
import { writeFileSync } from 'node:fs';
import { BertForPretraining, presetConfig } from '../../src/model/index.js';
import { stateDict } from '../../src/nn/index.js';
import { Engine, ReferenceBackend, Rng } from '../../src/tensor/index.js';
import { saveCheckpoint } from '../../src/train/checkpoint.js';

export const FIXTURE_CONFIG = presetConfig('tiny', {
  vocab_size: 64, hidden_size: 32, num_hidden_layers: 2, num_attention_heads: 4, intermediate_size: 48,
  max_position_embeddings: 16, num_entity_concepts: 5, hidden_dropout_prob: 0, attention_probs_dropout_prob: 0,
});

const out = process.argv[2];
if (out === undefined) {
  process.stderr.write('usage: node dist/tools/reference/make-fixture.js OUT_DIR\n');
  process.exit(2);
}
const engine = new Engine(new ReferenceBackend());
const model = new BertForPretraining(engine, FIXTURE_CONFIG, new Rng(2024), new Rng(1));
// Larger-than-BERT init (std 0.02 makes every logit nearly equal) so gradients and losses are informative.
const weights = await stateDict(model);
const rng = new Rng(5);
for (const [name, t] of weights) {
  if (name.endsWith('LayerNorm.weight')) t.data.forEach((_, i) => { t.data[i] = 1 + 0.1 * rng.normal(); });
  else t.data.forEach((_, i) => { t.data[i] = (name.endsWith('bias') ? 0.05 : 0.2) * rng.normal(); });
}
saveCheckpoint(out, { config: FIXTURE_CONFIG, weights });
const batch = {
  batch: 2, seq: 7,
  input_ids: [2, 10, 4, 33, 12, 3, 0, 2, 41, 4, 4, 57, 19, 3],
  token_type_ids: [0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1],
  attention_mask: [1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1],
  mlm_positions: [2, 4, 9, 10, 12],
  mlm_labels: [17, 12, 44, 45, 19],
  entity_starts: [1, 9, 12],
  entity_ends: [3, 11, 13],
  entity_labels: [3, 0, 4],
  entity_weight: 0.7,
  adamw: { lr: 1e-3, weight_decay: 0.01, clip: 1.0, steps: 5 },
};
writeFileSync(`${out}/batch.json`, JSON.stringify(batch, null, 2) + '\n');
