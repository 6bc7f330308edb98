// The encoder's last layer computing only the rows a head reads (output-rows.ts) against the whole layer, for
// token classification (query blocks and all queries), multiple choice and pretraining (MLM + entity spans):
// the same hidden states at those rows, losses and every parameter's gradient, with padding.
import assert from 'node:assert/strict';
import test from 'node:test';
import {
  BertForMultipleChoice, BertForPretraining, BertForTokenClassification, BertModel, presetConfig, type EncoderInput, type PretrainBatch,
} from '../../src/model/index.js';
import { outputRows, queryBlocks } from '../../src/model/output-rows.js';
import {
  Engine, ReferenceBackend, Rng, add, backward, gatherRows, matmul, reshape, scale, softmaxCrossEntropy, type Backend, type Tensor,
} from '../../src/tensor/index.js';
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

type Model = BertForTokenClassification | BertForMultipleChoice | BertForPretraining;

/** Every parameter's gradient alike in both models (absent in both, or equal within tolerance). */
async function sameGradients(pruned: Model, whole: Model, what: string, tolerance: number): Promise<void> {
  const wholeGrads = new Map(whole.namedParameters());
  for (const [name, p] of pruned.namedParameters()) {
    const q = wholeGrads.get(name)!;
    assert.equal(p.grad === null, q.grad === null, `${what}: ${name} has a gradient in one model only`);
    if (p.grad === null) continue;
    const got = await p.grad.data(), want = await q.grad!.data();
    for (let i = 0; i < want.length; i++) {
      assert.ok(Math.abs(got[i]! - want[i]!) <= tolerance * (1 + Math.abs(want[i]!)), `${what}: grad ${name}[${i}]: ${got[i]} vs ${want[i]}`);
    }
  }
}

async function compare(backend: Backend, tolerance: number): Promise<void> {
  const engine = new Engine(backend);
  const flat = (t: Tensor): Tensor => reshape(t, [input.batch * input.seq, config.hidden_size]);

  // token classification, at a few positions (query blocks) and at every position (all queries)
  const every = Int32Array.from({ length: input.batch * input.seq }, (_, i) => i);
  for (const [label, at] of [['some positions', positions], ['every position', every]] as const) {
    const build = () => new BertForTokenClassification(engine, config, 3, new Rng(5), new Rng(6));
    const pruned = build(), whole = build();
    const wanted = outputRows(at);
    const rows = await pruned.bert.forward(input, wanted.rows).data();
    const all = await whole.bert.forward(input).data();
    wanted.rows.forEach((p, r) => {
      for (let c = 0; c < config.hidden_size; c++) {
        const got = rows[r * config.hidden_size + c]!, want = all[p * config.hidden_size + c]!;
        assert.ok(Math.abs(got - want) <= tolerance, `${backend.name} ${label}: row ${p} column ${c}: ${got} vs ${want}`);
      }
    });
    const labels = Int32Array.from(at, (p) => p % 3);
    backward(pruned.loss(input, at, labels));
    backward(softmaxCrossEntropy(whole.classifier.forward(gatherRows(flat(whole.bert.forward(input)), at)), labels));
    await sameGradients(pruned, whole, `${backend.name} token classification, ${label}`, tolerance);
  }

  // multiple choice: one question, its three options as the three sequences; the pooler learns too
  {
    const build = () => new BertForMultipleChoice(engine, config, new Rng(7), new Rng(8));
    const pruned = build(), whole = build();
    const answers = Int32Array.of(2);
    backward(pruned.loss(input, 3, answers));
    const cls = gatherRows(flat(whole.bert.forward(input)), BertModel.clsRows(input.batch, input.seq));
    backward(softmaxCrossEntropy(reshape(whole.classifier.forward(whole.bert.pool(cls)), [1, 3]), answers));
    await sameGradients(pruned, whole, `${backend.name} multiple choice`, tolerance);
  }

  // pretraining: masked positions unsorted and repeated, entity spans overlapping them and each other
  {
    const pretrainConfig = { ...config, num_entity_concepts: 4 };
    const build = () => new BertForPretraining(engine, pretrainConfig, new Rng(9), new Rng(10));
    const pruned = build(), whole = build();
    const batch: PretrainBatch = {
      ...input, mlmPositions: Int32Array.from([8, 1, 13, 1, 4]), mlmLabels: Int32Array.from([5, 9, 17, 9, 33]),
      entityStarts: Int32Array.from([0, 1, 12]), entityEnds: Int32Array.from([3, 2, 15]), entityLabels: Int32Array.from([1, 3, 0]),
    };
    const out = pruned.forward(batch, 0.7);
    const got = [await out.mlmLoss.item(), await out.entityLoss!.item()];
    backward(out.loss);
    const hidden = flat(whole.bert.forward(batch));
    const mlmLoss = softmaxCrossEntropy(whole.mlm.forward(gatherRows(hidden, batch.mlmPositions)), batch.mlmLabels);
    const n = batch.batch * batch.seq, means = new Float32Array(3 * n);
    batch.entityLabels.forEach((_, s) => {
      const start = batch.entityStarts[s]!, end = batch.entityEnds[s]!;
      for (let p = start; p < end; p++) means[s * n + p] = 1 / (end - start);
    });
    const entityLoss = softmaxCrossEntropy(whole.entity!.forward(matmul(engine.fromArray(means, [3, n]), hidden)), batch.entityLabels);
    const want = [await mlmLoss.item(), await entityLoss.item()];
    backward(add(mlmLoss, scale(entityLoss, 0.7)));
    got.forEach((g, i) => assert.ok(Math.abs(g - want[i]!) <= tolerance * (1 + Math.abs(want[i]!)), `${backend.name} pretraining loss ${i}: ${g} vs ${want[i]}`));
    await sameGradients(pruned, whole, `${backend.name} pretraining`, tolerance);
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
