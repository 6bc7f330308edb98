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

test('every UTF-16 code unit beyond ASCII scans as its Unicode class says (the kind table against the regexes)', () => {
  const greek = new Set(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu',
    'nu', 'xi', 'omicron', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega']);
  for (let code = 128; code < 0x10000; code++) {
    const ch = String.fromCharCode(code);
    // `x` + the character: one token (a letter goes on x's run), two glued (a digit, a Greek letter), or `x` alone.
    const tokens = tokenize(`x${ch}`);
    const expected = /\p{L}|\p{M}/u.test(ch) ? 'letter' : /\p{N}/u.test(ch) ? 'digit' : 'other';
    const seen = tokens.length === 1 ? (tokens[0].end === 2 ? 'letter' : 'other')
      : tokens.length === 2 && tokens[1].glued && tokens[1].start === 1 ? (greek.has(tokens[1].key) ? 'greek' : 'digit') : 'bad';
    if (seen === 'greek') assert.equal(expected, 'letter', `${code.toString(16)}: a Greek letter is a letter`);
    else assert.equal(seen, expected, `U+${code.toString(16)}`);
  }
});

test('possessives: at the text\'s end, after a digit, doubled, with the typographic apostrophe', () => {
  assert.deepEqual(keys("Crohn'"), ['crohn']);
  assert.deepEqual(keys("Crohn's"), ['crohn']);
  assert.deepEqual(keys("'s"), ['s']);
  assert.deepEqual(keys("1's"), ['1', 's']);
  assert.deepEqual(keys("a's's"), ['a']); // the second 's follows the first's s
  assert.deepEqual(keys('Parkinson’s disease'), ['parkinson', 'disease']);
  assert.deepEqual(keys("Parkinson'sdisease"), ['parkinson', 'sdisease']);
  assert.deepEqual(keys('Β-cell αβ'), ['beta', 'cell', 'alpha', 'beta']);
});
