// Checkpoints of other tools and of other tasks: what loads, and what is refused in one line naming the file.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BertForMultipleChoice, BertForPretraining, presetConfig } from '../../src/model/index.js';
import { stateDict, type NamedArray } from '../../src/nn/index.js';
import { NerTagger } from '../../src/tasks/ner/index.js';
import { QaModel } from '../../src/tasks/qa/index.js';
import { Engine, ReferenceBackend, Rng } from '../../src/tensor/index.js';
import { SentencePieceModel } from '../../src/tokenizer/index.js';
import { loadCheckpoint, saveCheckpoint } from '../../src/train/checkpoint.js';
import { loadPretrainingModel } from '../../src/train/load-model.js';
import { decodeSafetensors, encodeSafetensors } from '../../src/train/safetensors.js';
import { tempFolder } from '../helpers/files.js';

const tokenizerPath = join(process.cwd(), 'test', 'fixtures', 'spm-bert-2k.model');
const tokenizer = new Uint8Array(readFileSync(tokenizerPath));
const sp = SentencePieceModel.fromBytes(tokenizer, tokenizerPath);
const ids = { pad_token_id: 0, unk_token_id: 1, cls_token_id: sp.pieces.indexOf('[CLS]'), sep_token_id: sp.pieces.indexOf('[SEP]'), mask_token_id: sp.pieces.indexOf('[MASK]') };
const config = presetConfig('tiny', { vocab_size: sp.vocabSize, hidden_size: 8, num_hidden_layers: 1, num_attention_heads: 2,
  intermediate_size: 16, max_position_embeddings: 16, ...ids });
const engine = new Engine(new ReferenceBackend());

/** A safetensors file with raw tensors of any dtype (the encoder writes F32 only). */
function rawSafetensors(entries: readonly { name: string; dtype: string; shape: number[]; bytes: Uint8Array }[]): Uint8Array {
  const header: Record<string, unknown> = {};
  let offset = 0;
  for (const e of entries) {
    header[e.name] = { dtype: e.dtype, shape: e.shape, data_offsets: [offset, offset + e.bytes.length] };
    offset += e.bytes.length;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const out = new Uint8Array(8 + json.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(new TextEncoder().encode(json), 8);
  let at = 8 + json.length;
  for (const e of entries) {
    out.set(e.bytes, at);
    at += e.bytes.length;
  }
  return out;
}

const f32 = (values: readonly number[]): Uint8Array => new Uint8Array(Float32Array.from(values).buffer);

async function pretrainedWeights(): Promise<Map<string, NamedArray>> {
  const model = new BertForPretraining(engine, config, new Rng(1), new Rng(2));
  const weights = await stateDict(model);
  model.dispose();
  return weights;
}

test('safetensors: F64 is read, integer buffers are listed and skipped, an unknown dtype is refused', () => {
  const bytes = rawSafetensors([
    { name: 'w', dtype: 'F64', shape: [2], bytes: new Uint8Array(Float64Array.of(0.5, -2.25).buffer) },
    { name: 'bert.embeddings.position_ids', dtype: 'I64', shape: [1, 2], bytes: new Uint8Array(BigInt64Array.of(0n, 1n).buffer) },
    { name: 'v', dtype: 'F32', shape: [1], bytes: f32([3]) },
  ]);
  const file = decodeSafetensors(bytes, 'm.safetensors');
  assert.deepEqual([...file.tensors.keys()], ['w', 'v']);
  assert.deepEqual([...file.tensors.get('w')!.data], [0.5, -2.25]);
  assert.deepEqual([...file.skipped], [['bert.embeddings.position_ids', 'I64']]);
  assert.throws(() => decodeSafetensors(rawSafetensors([{ name: 'x', dtype: 'Q4', shape: [1], bytes: new Uint8Array(1) }]), 'm.safetensors'),
    /m\.safetensors: not a valid safetensors file: tensor 'x' has unsupported dtype Q4/);
  assert.throws(() => decodeSafetensors(rawSafetensors([{ name: 'x', dtype: 'I64', shape: [2], bytes: new Uint8Array(8) }]), 'm.safetensors'),
    /tensor 'x' has 8 bytes for shape \[2\] of I64/);
});

test('a Hugging Face folder with position_ids and without special-token ids loads with the tokenizer\'s ids', async (t) => {
  const dir = tempFolder(t, 'medbert-hf-');
  const weights = await pretrainedWeights();
  const entries = [...weights].map(([name, a]) => ({ name, dtype: 'F32', shape: [...a.shape], bytes: new Uint8Array(a.data.slice().buffer) }));
  entries.push({ name: 'bert.embeddings.position_ids', dtype: 'I64', shape: [1, 16], bytes: new Uint8Array(BigInt64Array.from({ length: 16 }, (_, i) => BigInt(i)).buffer) });
  saveCheckpoint(dir, { config, weights, tokenizer });
  writeFileSync(join(dir, 'model.safetensors'), rawSafetensors(entries));
  // transformers' BertConfig names pad_token_id only.
  const { unk_token_id: _u, cls_token_id: _c, sep_token_id: _s, mask_token_id: _m, ...hfConfig } = config;
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ architectures: ['BertForMaskedLM'], ...hfConfig }));
  const loaded = loadCheckpoint(dir);
  assert.equal(loaded.weights.has('bert.embeddings.position_ids'), false);
  assert.deepEqual([loaded.config.unk_token_id, loaded.config.cls_token_id, loaded.config.sep_token_id, loaded.config.mask_token_id],
    [ids.unk_token_id, ids.cls_token_id, ids.sep_token_id, ids.mask_token_id], 'not bert-base-uncased\'s 100, 101, 102, 103');
  const { model } = loadPretrainingModel(engine, dir);
  model.dispose();
});

test('checkpoints that do not fit are refused naming the file: tokenizer, config, untied decoder, quantized weights', async (t) => {
  const weights = await pretrainedWeights();
  const folder = (name: string): string => {
    const dir = join(tempFolder(t, 'medbert-bad-'), name);
    saveCheckpoint(dir, { config, weights, tokenizer });
    return dir;
  };
  const small = folder('small-vocab');
  writeFileSync(join(small, 'config.json'), JSON.stringify({ ...config, vocab_size: 500, ...{ pad_token_id: 0, unk_token_id: 1, cls_token_id: 2, sep_token_id: 3, mask_token_id: 4 } }));
  assert.throws(() => loadCheckpoint(small), (e: Error) => e.message === `${small}/tokenizer.model has ${sp.vocabSize} pieces, but ${small}/config.json says vocab_size 500: the tokenizer of another model?`);

  const nullConfig = folder('null-config');
  writeFileSync(join(nullConfig, 'config.json'), 'null');
  assert.throws(() => loadCheckpoint(nullConfig), (e: Error) => e.message === `${nullConfig}/config.json: not a JSON object`);
  const noHidden = folder('no-hidden');
  const { hidden_size: _h, ...withoutHidden } = config;
  writeFileSync(join(noHidden, 'config.json'), JSON.stringify(withoutHidden));
  assert.throws(() => loadCheckpoint(noHidden), /no-hidden\/config\.json lacks hidden_size: not a BERT config/);
  const stringHeads = folder('string-heads');
  writeFileSync(join(stringHeads, 'config.json'), JSON.stringify({ ...config, num_attention_heads: '2' }));
  assert.throws(() => loadCheckpoint(stringHeads), /num_attention_heads must be a positive integer, got "2"/);

  const untied = folder('untied');
  const withDecoder = new Map(weights);
  withDecoder.set('cls.predictions.decoder.weight', { shape: [config.vocab_size, 8], data: new Float32Array(config.vocab_size * 8) });
  writeFileSync(join(untied, 'model.safetensors'), encodeSafetensors(withDecoder));
  writeFileSync(join(untied, 'config.json'), JSON.stringify({ ...config, tie_word_embeddings: false }));
  assert.throws(() => loadCheckpoint(untied), /untied\/config\.json: tie_word_embeddings is false/);

  const quantized = folder('quantized');
  writeFileSync(join(quantized, 'model.safetensors'), rawSafetensors([{ name: 'bert.pooler.dense.weight', dtype: 'I8', shape: [8, 8], bytes: new Uint8Array(64) }]));
  assert.throws(() => loadCheckpoint(quantized), /quantized\/model\.safetensors: tensor 'bert\.pooler\.dense\.weight' is I8: integer \(quantized\) weights are not supported/);
});

test('fine-tuning starts from a pretrained encoder: other architectures are refused, another task\'s classifier starts fresh', async () => {
  const weights = await pretrainedWeights();
  const roberta = new Map([...weights].map(([name, a]) => [name.replace(/^bert\./, 'roberta.'), a]));
  assert.throws(() => NerTagger.create(engine, config, roberta, sp, ['Chemical'], 1, { classifier: 'fresh', source: 'x/model.safetensors' }),
    /^MedbertError: x\/model\.safetensors lacks \d+ tensor\(s\) the model needs, e\.g\. 'bert\.embeddings\.word_embeddings\.weight'/);
  assert.throws(() => QaModel.create(engine, config, roberta, sp, 1, { classifier: 'fresh', source: 'x/model.safetensors' }), /lacks \d+ tensor/);

  // A QA checkpoint (a [1, hidden] classifier) fine-tuned for NER (a [labels, hidden] one): its encoder is taken.
  const qa = new BertForMultipleChoice(engine, config, new Rng(3), new Rng(4));
  const qaWeights = await stateDict(qa);
  qa.dispose();
  const tagger = NerTagger.create(engine, config, qaWeights, sp, ['Chemical', 'Disease'], 1, { classifier: 'fresh' });
  const loaded = await stateDict(tagger.model);
  assert.deepEqual(loaded.get('bert.encoder.layer.0.output.dense.weight')!.data, qaWeights.get('bert.encoder.layer.0.output.dense.weight')!.data);
  assert.deepEqual(loaded.get('classifier.weight')!.shape, [5, 8]);
  tagger.model.dispose();
  // A Hugging Face BertForMaskedLM has no pooler, which token classification does not read: it fine-tunes.
  const withoutPooler = new Map([...weights].filter(([name]) => !name.startsWith('bert.pooler.')));
  NerTagger.create(engine, config, withoutPooler, sp, ['Chemical'], 1, { classifier: 'fresh' }).model.dispose();
  // A fine-tuned tagger loads its own classifier, which must be there.
  assert.throws(() => NerTagger.create(engine, config, weights, sp, ['Chemical'], 1, { classifier: 'load', source: 'ner/model.safetensors' }),
    /ner\/model\.safetensors lacks 2 tensor\(s\) the model needs, e\.g\. 'classifier\.weight'/);
});
