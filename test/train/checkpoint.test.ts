import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BertForPretraining, presetConfig } from '../../src/model/index.js';
import { stateDict, type NamedArray } from '../../src/nn/index.js';
import { Engine, ReferenceBackend, Rng } from '../../src/tensor/index.js';
import { loadCheckpoint, saveCheckpoint } from '../../src/train/checkpoint.js';
import { loadPretrainingModel } from '../../src/train/load-model.js';
import { decodeSafetensors, encodeSafetensors } from '../../src/train/safetensors.js';

const config = presetConfig('tiny', { vocab_size: 30, hidden_size: 8, num_hidden_layers: 1, num_attention_heads: 2,
  intermediate_size: 16, max_position_embeddings: 8 });

test('safetensors round trip; truncated or corrupt files are rejected with the reason', () => {
  const tensors = new Map<string, NamedArray>([['a', { shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]) }], ['b', { shape: [], data: Float32Array.of(7) }]]);
  const bytes = encodeSafetensors(tensors, { format: 'pt' });
  assert.equal(new DataView(bytes.buffer).getBigUint64(0, true) % 8n, 0n, 'header padded to 8 bytes');
  const back = decodeSafetensors(bytes);
  assert.deepEqual([...back.tensors.entries()], [...tensors.entries()]);
  assert.deepEqual(back.metadata, { format: 'pt' });
  assert.throws(() => decodeSafetensors(bytes.subarray(0, bytes.length - 4), 'm.safetensors'), /m\.safetensors: not a valid safetensors file: tensor 'b' data .* outside/);
  assert.throws(() => decodeSafetensors(bytes.subarray(0, 20), 'm.safetensors'), /header of \d+ bytes does not fit/);
  assert.throws(() => decodeSafetensors(new Uint8Array(3)), /only 3 bytes/);
});

test('safetensors written number by number (as on a big-endian machine) have the bulk copy\'s bytes', () => {
  // Values whose four bytes all differ, so a number written in the wrong byte order or place shows.
  const data = Float32Array.from({ length: 37 }, (_, i) => (i - 18) * 1.2345678e-3 + (i % 5) * 1e5);
  const tensors = new Map<string, NamedArray>([['w', { shape: [37], data }], ['v', { shape: [1], data: Float32Array.of(-0.1) }]]);
  const bulk = encodeSafetensors(tensors, {}, true);
  const byNumber = encodeSafetensors(tensors, {}, false);
  assert.deepEqual(Buffer.from(byNumber), Buffer.from(bulk));
  // The bytes are little-endian whichever the machine: the first number of 'v' (sorted first) read as such.
  const dataStart = 8 + Number(new DataView(bulk.buffer).getBigUint64(0, true));
  assert.equal(new DataView(byNumber.buffer).getFloat32(dataStart, true), Math.fround(-0.1));
});

test('checkpoints are written atomically and reload; Hugging Face BertModel names and LayerNorm gamma/beta load', async () => {
  const root = mkdtempSync(join(tmpdir(), 'medbert-ckpt-'));
  try {
    const engine = new Engine(new ReferenceBackend());
    const model = new BertForPretraining(engine, config, new Rng(1), new Rng(2));
    const weights = await stateDict(model);
    const dir = join(root, 'ckpt');
    saveCheckpoint(dir, { config, weights, trainerState: { step: 3 } });
    saveCheckpoint(dir, { config, weights, trainerState: { step: 4 } });
    assert.deepEqual(readdirSync(root), ['ckpt'], 'no temporary or old folder left behind');
    const loaded = loadCheckpoint(dir);
    assert.deepEqual(loaded.trainerState, { step: 4 });
    assert.deepEqual(loaded.config, config);

    // A Hugging Face BertModel + BertForMaskedLM-style head, as transformers writes them.
    const hf = new Map<string, NamedArray>();
    for (const [name, t] of weights) {
      if (name.startsWith('bert.pooler')) continue;
      hf.set(name.replace(/^bert\./, '').replace(/LayerNorm\.weight$/, 'LayerNorm.gamma').replace(/LayerNorm\.bias$/, 'LayerNorm.beta'), t);
    }
    hf.set('cls.predictions.decoder.weight', weights.get('bert.embeddings.word_embeddings.weight')!);
    const hfDir = join(root, 'hf');
    mkdirSync(hfDir);
    const { num_entity_concepts: _n, pad_token_id: _p, unk_token_id: _u, cls_token_id: _c, sep_token_id: _s, mask_token_id: _m, ...hfConfig } = config;
    writeFileSync(join(hfDir, 'config.json'), JSON.stringify({ ...hfConfig, unk_token_id: 1, cls_token_id: 2, sep_token_id: 3, mask_token_id: 4 }));
    writeFileSync(join(hfDir, 'model.safetensors'), encodeSafetensors(hf));
    const { model: fromHf } = loadPretrainingModel(engine, hfDir);
    const a = await stateDict(fromHf);
    for (const [name, t] of a) if (!name.startsWith('bert.pooler')) assert.deepEqual(t.data, weights.get(name)!.data, name);

    const broken = join(root, 'broken');
    saveCheckpoint(broken, { config, weights });
    const bytes = readFileSync(join(broken, 'model.safetensors'));
    writeFileSync(join(broken, 'model.safetensors'), bytes.subarray(0, bytes.length - 100));
    assert.throws(() => loadCheckpoint(broken), /model\.safetensors: not a valid safetensors file: .*truncated/);
    writeFileSync(join(broken, 'config.json'), '{"hidden_size": 8, "num_attention_heads": 3');
    assert.throws(() => loadCheckpoint(broken), /config\.json: /);
    assert.throws(() => loadCheckpoint(join(root, 'nope')), /checkpoint .*nope does not exist/);
    assert.throws(() => loadCheckpoint(join(broken, 'config.json')), /checkpoint .*config\.json is a file: a checkpoint is a folder/);

    // A config.json that says less than the weights hold, or asks for what the model does not do, is refused.
    const twoLayers = presetConfig('tiny', { ...config, num_hidden_layers: 2 });
    const deeper = join(root, 'deeper');
    saveCheckpoint(deeper, { config: twoLayers, weights: await stateDict(new BertForPretraining(engine, twoLayers, new Rng(1), new Rng(2))) });
    const raw = JSON.parse(readFileSync(join(deeper, 'config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(deeper, 'config.json'), JSON.stringify({ ...raw, num_hidden_layers: 1 }));
    assert.throws(() => loadCheckpoint(deeper), /model\.safetensors has encoder layer 1, but .*config\.json says num_hidden_layers 1/);
    writeFileSync(join(deeper, 'config.json'), JSON.stringify({ ...raw, position_embedding_type: 'relative_key' }));
    assert.throws(() => loadCheckpoint(deeper), /position_embedding_type 'relative_key' is not supported \(only absolute/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a checkpoint that cannot be written (a full disk) is one error naming it, and leaves nothing half-written', async () => {
  const fs = (await import('node:fs')).default; // the module object: syncBuiltinESMExports passes its change to named imports
  const { syncBuiltinESMExports } = await import('node:module');
  const dir = mkdtempSync(join(tmpdir(), 'medbert-ckpt-full-'));
  const config = presetConfig('tiny', { vocab_size: 40, hidden_size: 16, num_hidden_layers: 1, num_attention_heads: 2, intermediate_size: 32 });
  const weights = await stateDict(new BertForPretraining(new Engine(new ReferenceBackend()), config, new Rng(1), new Rng(2)));
  const realWrite = fs.writeFileSync;
  // The model file's write fails as on a full disk (a write's error names no path).
  fs.writeFileSync = ((path: unknown, ...rest: unknown[]) => {
    if (String(path).endsWith('model.safetensors')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    return (realWrite as (...a: unknown[]) => void)(path, ...rest);
  }) as typeof fs.writeFileSync;
  syncBuiltinESMExports();
  try {
    assert.throws(() => saveCheckpoint(join(dir, 'checkpoint'), { config, weights }),
      { name: 'MedbertError', message: `cannot write the checkpoint ${join(dir, 'checkpoint')}: no space left on the device` });
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    fs.writeFileSync = realWrite;
    syncBuiltinESMExports();
    rmSync(dir, { recursive: true, force: true });
  }
});
