// `medbert fill-mask` end to end on a fresh checkpoint: the exact ids fed to the model, and the top-k
// predictions against the same checkpoint's whole-sequence forward computed here (softmax over the vocabulary
// at the first [MASK]).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { encodeSingle, specialIds } from '../../src/data/special-tokens.js';
import { Engine, ReferenceBackend, gatherRows, reshape, softmax } from '../../src/tensor/index.js';
import { SentencePieceModel } from '../../src/tokenizer/index.js';
import { loadPretrainingModel } from '../../src/train/load-model.js';
import { repoRoot } from '../helpers/shared-data.js';

const medbert = (...args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'bin', 'medbert.js'), ...args], { encoding: 'utf8' });

interface FillMask {
  input_ids: number[];
  predictions: { token: string; id: number; score: number }[];
}

test('fill-mask: input ids and top-k softmax scores at the first [MASK], as the whole-sequence forward gives them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-fill-'));
  try {
    const ckpt = join(dir, 'ckpt'), tokenizer = join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model');
    const init = medbert('model', 'init', '--preset', 'tiny', '--tokenizer', tokenizer, '--out', ckpt, '--seed', '3');
    assert.equal(init.status, 0, init.stderr);
    const text = 'Patients with type 2 [MASK] were given metformin and [MASK] twice daily.';
    const run = medbert('fill-mask', '--checkpoint', ckpt, '--text', text, '--top-k', '4', '--json', '--backend', 'reference');
    assert.equal(run.status, 0, run.stderr);
    const got = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as FillMask;

    const engine = new Engine(new ReferenceBackend());
    const { model, checkpoint } = loadPretrainingModel(engine, ckpt);
    const sp = SentencePieceModel.fromBytes(checkpoint.tokenizer!, tokenizer);
    const ids = specialIds(sp, tokenizer);
    // The lone ▁ the text has before each [MASK] is not fed (a [MASK] stands for a whole piece, its ▁ with it).
    const space = sp.pieceToId('\u2581');
    const raw = [...encodeSingle(sp, text, ids, checkpoint.config.max_position_embeddings)];
    assert.equal(raw.filter((id, i) => id === space && raw[i + 1] === ids.mask).length, 2, 'the encoding has ▁ before each [MASK]');
    const inputIds = Int32Array.from(raw.filter((id, i) => !(id === space && raw[i + 1] === ids.mask)));
    assert.deepEqual(got.input_ids, [...inputIds]);
    assert.equal(got.input_ids[0], ids.cls);
    assert.equal(got.input_ids.at(-1), ids.sep);
    assert.equal(got.input_ids.filter((id) => id === ids.mask).length, 2);

    model.eval();
    const at = inputIds.indexOf(ids.mask);
    const hidden = model.bert.forward({ batch: 1, seq: inputIds.length, inputIds });
    const row = gatherRows(reshape(hidden, [inputIds.length, checkpoint.config.hidden_size]), Int32Array.of(at));
    const probs = await softmax(model.mlm.forward(row)).data();
    const want = [...probs.keys()].sort((a, b) => probs[b]! - probs[a]!).slice(0, 4);
    assert.deepEqual(got.predictions.map((p) => p.id), want);
    got.predictions.forEach((p) => {
      assert.ok(Math.abs(p.score - probs[p.id]!) <= 1e-6, `score of ${p.id}: ${p.score} vs ${probs[p.id]}`);
      assert.equal(p.token, sp.idToPiece(p.id));
    });
    model.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
