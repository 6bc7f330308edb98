import test from 'node:test';
import assert from 'node:assert/strict';
import { singular, tokenize } from '../../src/ontology/index.js';

const keys = (text: string): string[] => tokenize(text).map((t) => t.key);

test('hyphen, space and letter-digit variants tokenize alike', () => {
  assert.deepEqual(keys('IL-6'), ['il', '6']);
  assert.deepEqual(keys('IL6'), ['il', '6']);
  assert.deepEqual(keys('il 6'), ['il', '6']);
  assert.deepEqual(keys('5-fluorouracil'), ['5', 'fluorouracil']);
});

test('Greek letters are spelled out, as separate tokens, keeping offsets into the original', () => {
  const tokens = tokenize('TNF-α and TNFβ, µg');
  assert.deepEqual(tokens.map((t) => t.key), ['tnf', 'alpha', 'and', 'tnf', 'beta', 'mu', 'g']);
  assert.deepEqual(tokens.map((t) => [t.start, t.end]), [[0, 3], [4, 5], [6, 9], [10, 13], [13, 14], [16, 17], [17, 18]]);
  assert.deepEqual(tokens.map((t) => t.glued), [false, false, false, false, true, false, true]);
  assert.equal(tokenize('Δ')[0].cased, 'Delta');
});

test('accents are folded and possessives dropped', () => {
  assert.deepEqual(keys("Sjögren's syndrome"), ['sjogren', 'syndrome']);
  assert.deepEqual(keys('Alzheimer’s disease'), ['alzheimer', 'disease']);
  assert.deepEqual(keys("the patients' drugs"), ['the', 'patients', 'drugs']);
});

test('plural endings', () => {
  assert.equal(singular('seizures'), 'seizure');
  assert.equal(singular('arteries'), 'artery');
  assert.equal(singular('lesions'), 'lesion');
  assert.equal(singular('abscesses'), 'abscess');
  assert.equal(singular('psoriasis'), 'psoriasis');
  assert.equal(singular('herpes'), 'herpe'); // same rule on both sides, so still matches
  assert.equal(singular('virus'), 'virus');
  assert.equal(singular('gas'), 'gas');
});
