import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BertForPretraining, type PretrainBatch } from '../../src/model/index.js';
import { loadStateDict } from '../../src/nn/index.js';
import { Engine, Rng, backward, type Backend } from '../../src/tensor/index.js';
import { AdamW } from '../../src/train/adamw.js';
import { loadCheckpoint } from '../../src/train/checkpoint.js';
import { decodeSafetensors } from '../../src/train/safetensors.js';
import { optimizerStep } from '../../src/train/step.js';
import { repoRoot } from '../helpers/shared-data.js';

/**
 * The model against PyTorch: fixtures written by tools/reference/bert_reference.py (Hugging Face BERT
 * semantics rebuilt in PyTorch 1.13) from the committed tiny checkpoint and batch. fp32 tolerances:
 * losses 1e-5 relative, logits and every gradient 1e-4 relative in L2 norm, five AdamW steps 1e-4.
 */
const dir = join(repoRoot, 'test', 'fixtures', 'reference', 'bert-tiny');

interface FixtureBatch {
  batch: number; seq: number; input_ids: number[]; token_type_ids: number[]; attention_mask: number[];
  mlm_positions: number[]; mlm_labels: number[]; entity_starts: number[]; entity_ends: number[];
  entity_labels: number[]; entity_weight: number;
  adamw: { lr: number; weight_decay: number; clip: number; steps: number };
}

export function loadFixture(): { json: FixtureBatch; batch: PretrainBatch } {
  const json = JSON.parse(readFileSync(join(dir, 'batch.json'), 'utf8')) as FixtureBatch;
  const i32 = (a: number[]): Int32Array => Int32Array.from(a);
  return {
    json,
    batch: {
      batch: json.batch, seq: json.seq, inputIds: i32(json.input_ids), tokenTypeIds: i32(json.token_type_ids),
      attentionMask: i32(json.attention_mask), mlmPositions: i32(json.mlm_positions), mlmLabels: i32(json.mlm_labels),
      entityStarts: i32(json.entity_starts), entityEnds: i32(json.entity_ends), entityLabels: i32(json.entity_labels),
    },
  };
}

function relativeError(got: Float32Array, want: Float32Array): number {
  let diff = 0, ref = 0;
  for (let i = 0; i < want.length; i++) {
    diff += (got[i]! - want[i]!) ** 2;
    ref += want[i]! ** 2;
  }
  // The floor: some gradients are zero in exact arithmetic (a key bias shifts every score of a row alike, which
  // softmax ignores), so both sides hold only rounding noise there.
  return Math.sqrt(diff) / Math.max(Math.sqrt(ref), 1e-3);
}

export async function checkAgainstPytorch(backend: Backend): Promise<void> {
  const ckpt = loadCheckpoint(dir);
  const expected = decodeSafetensors(readFileSync(join(dir, 'expected.safetensors'))).tensors;
  const figures = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as
    { loss: number; mlm_loss: number; entity_loss: number; adamw_losses: number[] };
  const { json, batch } = loadFixture();
  const engine = new Engine(backend);
  const model = new BertForPretraining(engine, ckpt.config, new Rng(0), new Rng(0));
  loadStateDict(model, ckpt.weights);

  const out = model.forward(batch, json.entity_weight);
  const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
  assert.ok(rel(await out.mlmLoss.item(), figures.mlm_loss) < 1e-5, `mlm loss ${await out.mlmLoss.item()} vs ${figures.mlm_loss}`);
  assert.ok(rel(await out.entityLoss!.item(), figures.entity_loss) < 1e-5, 'entity loss');
  assert.ok(rel(await out.loss.item(), figures.loss) < 1e-5, 'total loss');
  const mlmErr = relativeError(await out.mlmLogits.data(), expected.get('mlm_logits')!.data);
  const entityErr = relativeError(await out.entityLogits!.data(), expected.get('entity_logits')!.data);
  assert.ok(mlmErr < 1e-5 && entityErr < 1e-5, `logits: relative errors ${mlmErr} (MLM), ${entityErr} (entity)`);
  backward(out.loss);
  let checked = 0;
  for (const [name, p] of model.namedParameters()) {
    const want = expected.get(`grad.${name}`);
    if (want === undefined) {
      assert.equal(p.grad, null, `${name} has a gradient PyTorch does not`);
      continue;
    }
    const err = relativeError(await p.grad!.data(), want.data);
    assert.ok(err < 1e-4, `gradient of ${name}: relative error ${err}`);
    checked++;
  }
  assert.ok(checked >= 40, `compared ${checked} gradients`);
  model.zeroGrad();

  // Five AdamW steps from the same start.
  loadStateDict(model, ckpt.weights);
  const optimizer = new AdamW(engine, model.namedParameters(), { lr: json.adamw.lr, weightDecay: json.adamw.weight_decay });
  for (let s = 0; s < json.adamw.steps; s++) {
    const loss = engine.tidy(() => {
      const o = model.forward(batch, json.entity_weight);
      backward(o.loss);
      return o.loss;
    });
    const value = await loss.item();
    assert.ok(rel(value, figures.adamw_losses[s]!) < 1e-4, `AdamW step ${s + 1}: loss ${value} vs ${figures.adamw_losses[s]}`);
    await optimizerStep(engine, model, optimizer, { lr: json.adamw.lr, clip: json.adamw.clip });
  }
}
