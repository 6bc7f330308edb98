import test from 'node:test';
import assert from 'node:assert/strict';
import { maskSequence, type MaskingOptions } from '../../src/data/masking.js';
import { Rng } from '../../src/tensor/index.js';

const options: MaskingOptions = { rate: 0.15, entityShare: 0.5, maskId: 4, vocabSize: 1000, specialIds: new Set([0, 1, 2, 3, 4]) };

test('dynamic masking: 15% of maskable tokens, never specials, 80/10/10, redrawn each time', () => {
  const ids = Int32Array.from({ length: 128 }, (_, i) => (i === 0 ? 2 : i === 100 ? 3 : i > 100 ? 0 : 10 + i));
  const rng = new Rng(1);
  let masked = 0, kept = 0, random = 0, total = 0;
  const draws = new Set<string>();
  for (let t = 0; t < 2000; t++) {
    const m = maskSequence({ ids, entities: [] }, options, rng);
    assert.equal(m.positions.length, Math.round(0.15 * 99));
    draws.add(m.positions.join(','));
    m.positions.forEach((p, i) => {
      assert.ok(p >= 1 && p < 100, `position ${p} is a special or padding`);
      assert.equal(m.labels[i], ids[p]);
      total++;
      if (m.ids[p] === 4) masked++;
      else if (m.ids[p] === ids[p]) kept++;
      else random++;
    });
    for (let p = 0; p < 128; p++) if (!m.positions.includes(p)) assert.equal(m.ids[p], ids[p]);
  }
  assert.ok(draws.size > 1900, 'masks differ from draw to draw');
  assert.ok(Math.abs(masked / total - 0.8) < 0.01, `[MASK] share ${masked / total}`);
  assert.ok(Math.abs(random / total - 0.1) < 0.01, `random share ${random / total}`);
  assert.ok(Math.abs(kept / total - 0.1) < 0.01, `kept share ${kept / total}`);
});

test('entity masking masks whole spans within its share of the budget and labels them', () => {
  const ids = Int32Array.from({ length: 64 }, (_, i) => 10 + i);
  const entities = [{ start: 3, end: 6, concept: 7 }, { start: 10, end: 12, concept: 2 }, { start: 40, end: 42, concept: 5 }];
  const rng = new Rng(2);
  let spans = 0;
  for (let t = 0; t < 200; t++) {
    const m = maskSequence({ ids, entities }, options, rng);
    const budget = Math.round(0.15 * 64);
    assert.equal(m.positions.length, budget);
    const spanTokens = m.maskedEntities.reduce((s, e) => s + e.end - e.start, 0);
    assert.ok(spanTokens <= Math.round(budget * 0.5));
    for (const e of m.maskedEntities) {
      spans++;
      for (let p = e.start; p < e.end; p++) assert.ok(m.positions.includes(p), 'every token of a masked span is masked');
      assert.ok(entities.includes(e));
    }
  }
  assert.ok(spans >= 200, `spans masked: ${spans}`);
});
