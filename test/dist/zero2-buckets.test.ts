import test from 'node:test';
import assert from 'node:assert/strict';
import { collate } from '../../src/data/collate.js';
import { maskSequence } from '../../src/data/masking.js';
import type { RingLink } from '../../src/dist/collectives.js';
import { GradientBuckets } from '../../src/dist/zero2-buckets.js';
import { BertForPretraining } from '../../src/model/index.js';
import { gradientPass, type GradientPass } from '../../src/tensor/autograd.js';
import { Engine, ReferenceBackend, Rng, add, backward, type Tensor } from '../../src/tensor/index.js';
import { config, source } from './zero2-setup.js';

/** A ring of one rank: the collectives have nothing to exchange. */
const alone: RingLink = { rank: 0, world: 1, send: () => { throw new Error('unexpected send'); }, recv: () => Promise.reject(new Error('unexpected recv')) };

/** The test model's objective on one masked batch, and its parameters in order. */
function objective(): { loss: Tensor; params: [string, Tensor][] } {
  const engine = new Engine(new ReferenceBackend());
  const model = new BertForPretraining(engine, config, new Rng(3), new Rng(4));
  const masking = { rate: 0.3, entityShare: 0.5, maskId: config.mask_token_id, vocabSize: config.vocab_size,
    specialIds: new Set([config.pad_token_id, config.cls_token_id, config.sep_token_id, config.mask_token_id, config.unk_token_id]) };
  const data = source(), rng = new Rng(5);
  const batch = collate([0, 1, 2].map(() => maskSequence(data.next(), masking, rng)), config.pad_token_id);
  const out = model.forward(batch, 0, true);
  return { loss: out.entityLoss === null ? out.mlmLoss : add(out.mlmLoss, out.entityLoss), params: model.namedParameters() };
}

/** The same pass, measuring after each leaf (once the buckets it completed were reduced) the gradients the engine holds. */
function measured(pass: GradientPass, params: readonly [string, Tensor][], peak: { values: number; keptBeforeLastLeaf: number },
  kept: () => number): GradientPass {
  return {
    leaves: pass.leaves,
    run: function* () {
      for (const leaf of pass.run()) {
        if (leaf === pass.leaves.at(-1)) peak.keptBeforeLastLeaf = kept();
        yield leaf;
        peak.values = Math.max(peak.values, params.reduce((s, [, p]) => s + (p.grad?.size ?? 0), 0));
      }
    },
  };
}

test('gradient buckets: reduced during the pass, each value once, equal to backward\'s gradients; with small buckets the engine holds a fraction of the gradients', async () => {
  const reference = objective();
  backward(reference.loss);
  const expected: number[] = [];
  for (const [, p] of reference.params) expected.push(...(p.grad === null ? new Float32Array(p.size) : await p.grad.data()));
  const total = expected.length;
  const largest = Math.max(...reference.params.map(([, p]) => p.size));
  const reached = reference.params.filter(([, p]) => p.grad !== null).reduce((s, [, p]) => s + p.size, 0);
  assert.ok(total > 4000 && largest < total / 4, `a model of ${total} values, largest parameter ${largest}`);

  for (const bucketValues of [333, 1000, total]) {
    const { loss, params } = objective();
    const flat: { param: Tensor; offset: number }[] = [];
    let offset = 0;
    for (const [, param] of params) {
      flat.push({ param, offset });
      offset += param.size;
    }
    const buckets = new GradientBuckets(flat, total, bucketValues, [0, total]);
    // From the end of the vector, none larger than asked, covering it once.
    assert.equal(buckets.buckets[0]![1], total);
    buckets.buckets.forEach(([b0, b1], k) => {
      assert.ok(b1 - b0 <= bucketValues && b1 > b0);
      if (k > 0) assert.equal(b1, buckets.buckets[k - 1]![0]);
    });
    assert.equal(buckets.buckets.at(-1)![0], 0);

    const got = new Float32Array(total).fill(NaN);
    const peak = { values: 0, keptBeforeLastLeaf: -1 };
    let kept = 0;
    await buckets.reduce(alone, measured(gradientPass(loss), params, peak, () => kept), (values, at) => {
      assert.ok(got.subarray(at, at + values.length).every(Number.isNaN), `values at ${at} handed over twice`);
      got.set(values, at);
      kept++;
    });
    assert.equal(kept, buckets.buckets.length);
    assert.deepEqual([...got], expected, `bucket ${bucketValues}: the gradients backward() gives, bit for bit`);
    for (const [name, p] of params) assert.equal(p.grad, null, `${name}: gradient freed after its last bucket`);
    // Not bucket + one parameter: gradients that backward finishes before others of a higher bucket (query and key
    // before value; the MLM head before the entity head) wait for their bucket. Measured: 1104 and 1200 of 6158.
    // On the host: the bucket, and copies of gradients that span buckets (two at most here).
    if (bucketValues < total) {
      assert.ok(peak.values <= reached / 4, `bucket ${bucketValues}: held ${peak.values} of backward's ${reached} gradient values at once`);
      assert.ok(buckets.peakHostValues <= bucketValues + 2 * largest, `bucket ${bucketValues}: host peak ${buckets.peakHostValues}`);
      assert.ok(peak.keptBeforeLastLeaf >= buckets.buckets.length / 2, `bucket ${bucketValues}: ${peak.keptBeforeLastLeaf} of ${buckets.buckets.length} reduced while backward ran`);
    } else {
      assert.ok(peak.values > 0.9 * reached, `one bucket: held ${peak.values} of ${reached}, nearly all`);
      assert.equal(peak.keptBeforeLastLeaf, 0, 'one bucket: reduced when backward is over');
    }
  }
});
