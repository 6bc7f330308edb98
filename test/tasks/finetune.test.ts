import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { presetConfig } from '../../src/model/index.js';
import { NerTagger, finetuneNer, type NerDocument } from '../../src/tasks/ner/index.js';
import { FINETUNE_DEFAULTS } from '../../src/tasks/finetune.js';
import { Engine, ReferenceBackend } from '../../src/tensor/index.js';
import { SentencePieceModel } from '../../src/tokenizer/index.js';
import { repoRoot } from '../helpers/shared-data.js';

test('a short NER fine-tuning run: the loss falls and the entities are learnt', async () => {
  const tokenizerPath = join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model');
  const sp = SentencePieceModel.fromBytes(readFileSync(tokenizerPath), tokenizerPath);
  const config = presetConfig('tiny', { vocab_size: sp.vocabSize, hidden_size: 32, num_hidden_layers: 1, num_attention_heads: 2,
    intermediate_size: 64, max_position_embeddings: 64, pad_token_id: 0, unk_token_id: 1, cls_token_id: 2, sep_token_id: 3, mask_token_id: 4 });
  const sentences: [string, string, string][] = [
    ['aspirin', 'headache', 'Patients given aspirin reported less headache.'],
    ['cisplatin', 'nephrotoxicity', 'Treatment with cisplatin caused nephrotoxicity in rats.'],
    ['lithium', 'tremor', 'Chronic lithium use led to tremor.'],
    ['haloperidol', 'dyskinesia', 'After haloperidol the patient developed dyskinesia.'],
  ];
  const docs: NerDocument[] = sentences.map(([chem, dis, text], i) => ({
    id: String(i), text,
    mentions: [
      { start: text.indexOf(chem), end: text.indexOf(chem) + chem.length, type: 'Chemical', text: chem },
      { start: text.indexOf(dis), end: text.indexOf(dis) + dis.length, type: 'Disease', text: dis },
    ],
  }));
  const backend = new ReferenceBackend();
  const engine = new Engine(backend);
  const tagger = NerTagger.create(engine, config, null, sp, ['Chemical', 'Disease'], 1, { classifier: 'fresh', maxLength: 64 });
  const losses: number[] = [];
  const result = await finetuneNer(tagger, docs, docs, null, { ...FINETUNE_DEFAULTS, epochs: 40, batch: 4, lr: 3e-3 },
    { onStep: (p) => losses.push(p.loss) });
  assert.ok(losses[losses.length - 1]! < losses[0]! / 4, `loss ${losses[0]} → ${losses[losses.length - 1]}`);
  assert.ok(result.dev.f1 > 0.9, `train-set F1 ${result.dev.f1}`);
  // Stopped after its third step of four (batch 1): the epoch's report counts the steps run, and its loss is theirs.
  const stepLosses: number[] = [];
  const stopped = await finetuneNer(tagger, docs, docs, null, { ...FINETUNE_DEFAULTS, epochs: 2, batch: 1, lr: 1e-4 },
    { onStep: (p) => stepLosses.push(p.loss), shouldStop: () => stepLosses.length === 3 });
  assert.equal(stopped.epochs.length, 1);
  assert.equal(stopped.epochs[0]!.steps, 3);
  assert.equal(stopped.epochs[0]!.stepsPerEpoch, 4);
  assert.ok(Math.abs(stopped.epochs[0]!.loss - (stepLosses[0]! + stepLosses[1]! + stepLosses[2]!) / 3) < 1e-9);
  tagger.model.dispose();
  assert.equal(backend.allocatedBytes(), 0, 'training and prediction freed everything but the model');
});
