import test from 'node:test';
import assert from 'node:assert/strict';
import { KeySet64 } from '../../src/corpus/key-set.js';

/** A deterministic stream of int32s (xorshift32). */
function ints(seed: number): () => number {
  let x = seed | 0;
  return () => {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    return x | 0;
  };
}

test('KeySet64 agrees with a Set of the same keys through growth, repeats and keys sharing a half', () => {
  const set = new KeySet64(16);
  const reference = new Set<string>();
  const next = ints(12345);
  const keys: [number, number][] = [];
  for (let i = 0; i < 20_000; i++) {
    // Some keys repeat an earlier one, some share its high or low half, (0, 0) and negatives occur.
    const r = i % 7;
    const earlier = keys.length > 0 ? keys[(next() >>> 0) % keys.length] : [0, 0] as [number, number];
    const key: [number, number] = r === 0 ? earlier : r === 1 ? [earlier[0], next()] : r === 2 ? [next(), earlier[1]] : i === 3 ? [0, 0] : [next(), next()];
    keys.push(key);
    const name = `${key[0]}:${key[1]}`;
    assert.equal(set.add(key[0], key[1]), !reference.has(name), `add ${name}`);
    reference.add(name);
  }
  assert.equal(set.size, reference.size);
  assert.ok(reference.size > 15_000 && reference.size < 20_000, `${reference.size} distinct keys`);
  for (const [hi, lo] of keys) assert.ok(set.has(hi, lo));
  const probe = ints(999);
  for (let i = 0; i < 5_000; i++) {
    const hi = probe(), lo = probe();
    assert.equal(set.has(hi, lo), reference.has(`${hi}:${lo}`));
  }
});
