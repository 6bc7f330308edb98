// The encoder's last layer computing only the rows a head reads (output-rows.ts) against the whole layer:
// the same hidden states at those rows, and the same gradients for every parameter, with padding.
import assert from 'node:assert/strict';
import test from 'node:test';
import { BertForTokenClassification, BertModel, presetConfig, type EncoderInput } from '../../src/model/index.js';
import { outputRows, queryBlocks } from '../../src/model/output-rows.js';
import { Engine, ReferenceBackend, Rng, backward, gatherRows, reshape, softmaxCrossEntropy, type Backend } from '../../src/tensor/index.js';
import { createWasmBackend } from '../../src/tensor/backends/wasm/index.js';

const config = presetConfig('tiny', {
  vocab_size: 40, hidden_size: 16, num_hidden_layers: 2, num_attention_heads: 2, intermediate_size: 24,
  max_position_embeddings: 12, hidden_dropout_prob: 0, attention_probs_dropout_prob: 0,
});
const input: EncoderInput = {
  batch: 3, seq: 6,
  inputIds: Int32Array.from({ length: 18 }, (_, i) => (i * 7 + 3) % 40),
  attentionMask: Int32Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0]),
};
// Unsorted, repeated, none in the second sequence, a padded position in the third.
const positions = Int32Array.from([14, 2, 0, 5, 2, 16]);

test('outputRows: distinct ascending rows and where each position landed', () => {
  const wanted = outputRows(positions, Int32Array.from([3, 14]));
  assert.deepEqual([...wanted.rows], [0, 2, 3, 5, 14, 16]);
  assert.deepEqual([...wanted.index], [4, 1, 0, 3, 1, 5, 2, 4]);
  assert.deepEqual([...outputRows(new Int32Array(0)).rows], [0], 'nothing requested still runs one row');
  const blocks = queryBlocks(wanted.rows, 3, 6);
  assert.equal(blocks.perSequence, 4);
  // sequence 0: 0 2 3 5; sequence 1: none (its own first position); sequence 2: 14 16, then 14 repeated
  assert.deepEqual([...blocks.positions], [0, 2, 3, 5, 6, 6, 6, 6, 14, 16, 14, 14]);
  assert.deepEqual([...blocks.slots], [0, 1, 2, 3, 8, 9]);
});

async function compare(backend: Backend, tolerance: number): Promise<void> {
  const engine = new Engine(backend);
  const build = () => new BertForTokenClassification(engine, config, 3, new Rng(5), new Rng(6));
  const pruned = build(), whole = build();
  const wanted = outputRows(positions);
  const rows = await pruned.bert.forward(input, wanted.rows).data();
  const all = await whole.bert.forward(input).data();
  wanted.rows.forEach((p, r) => {
    for (let c = 0; c < config.hidden_size; c++) {
      const got = rows[r * config.hidden_size + c]!, want = all[p * config.hidden_size + c]!;
      assert.ok(Math.abs(got - want) <= tolerance, `${backend.name}: row ${p} column ${c}: ${got} vs ${want}`);
    }
  });
  const labels = Int32Array.from([0, 1, 2, 1, 0, 2]);
  backward(pruned.loss(input, positions, labels));
  const hidden = reshape(whole.bert.forward(input), [input.batch * input.seq, config.hidden_size]);
  backward(softmaxCrossEntropy(whole.classifier.forward(gatherRows(hidden, positions)), labels));
  const wholeGrads = new Map(whole.namedParameters());
  for (const [name, p] of pruned.namedParameters()) {
    const q = wholeGrads.get(name)!;
    if (name.startsWith('bert.pooler')) continue;
    const got = await p.grad!.data(), want = await q.grad!.data();
    for (let i = 0; i < want.length; i++) {
      assert.ok(Math.abs(got[i]! - want[i]!) <= tolerance * (1 + Math.abs(want[i]!)), `${backend.name}: grad ${name}[${i}]: ${got[i]} vs ${want[i]}`);
    }
  }
}

test('the last layer on the wanted rows only: same hidden states there and same gradients (reference)', async () => {
  await compare(new ReferenceBackend(), 1e-6);
});

test('the last layer on the wanted rows only: same hidden states there and same gradients (wasm, 2 threads)', async () => {
  const backend = await createWasmBackend({ threads: 2 });
  try {
    await compare(backend, 1e-5);
  } finally {
    backend.dispose();
  }
});

test('output rows out of order or outside the batch are refused', () => {
  const model = new BertModel(new Engine(new ReferenceBackend()), config, new Rng(1), new Rng(2));
  assert.throws(() => model.forward(input, Int32Array.from([3, 2])), /output row 2 at 1 is out of order or outside 0\.\.17/);
  assert.throws(() => model.forward(input, Int32Array.from([18])), /output row 18 at 0/);
});
