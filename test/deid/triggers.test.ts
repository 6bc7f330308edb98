import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeyTable } from '../../src/deid/key-table.js';
import { NAME_TRIGGERS, PERSON_CUES, PERSON_VERBS } from '../../src/deid/recognizers/name-cues.js';
import { PATTERN_KEYWORDS } from '../../src/deid/recognizers/patterns.js';
import { PLACE_TRIGGERS } from '../../src/deid/recognizers/places.js';
import {
  TRIGGER_ACCENTED, TRIGGER_IS_WAS, TRIGGER_NAME, TRIGGER_PATTERN, TRIGGER_PERSON_CUE, TRIGGER_PERSON_VERB, TRIGGER_PLACE, TRIGGER_SINGLE,
} from '../../src/deid/trigger-bits.js';
import { triggerBits, wordsAndTriggerBits } from '../../src/deid/triggers.js';
import { keyShape, splitWords, type Word } from '../../src/deid/words.js';
import { seededInts } from '../helpers/seeded.js';

/** The trigger bits as a plain Map from the same lists: what the shape filter and key table must reproduce. */
const EXPECTED = new Map<string, number>();
const lists: [Iterable<string>, number][] = [
  [PATTERN_KEYWORDS, TRIGGER_PATTERN], [NAME_TRIGGERS, TRIGGER_NAME], [PLACE_TRIGGERS, TRIGGER_PLACE],
  [PERSON_VERBS, TRIGGER_PERSON_VERB], [['is', 'was'], TRIGGER_IS_WAS], [PERSON_CUES, TRIGGER_PERSON_CUE],
];
for (const [keys, bit] of lists) for (const k of keys) EXPECTED.set(k, (EXPECTED.get(k) ?? 0) | bit);

/** Words with these keys (triggerBits reads only the key and its shape). */
function words(keys: readonly string[]): Word[] {
  return keys.map((key, i) => ({ start: i, end: i + 1, key, keyEnd: i + 1, gapBefore: ' ', capitalized: false, single: key.length === 1, shape: keyShape(key) }));
}

function bitsOf(keys: readonly string[]): number[] {
  return [...triggerBits(words(keys))];
}

test('every trigger word gets the bits of a plain Map built from the same lists', () => {
  const keys = [...EXPECTED.keys()];
  assert.ok(keys.length > 3000, `${keys.length} trigger words`);
  // The words made here are single letters where their key is one letter long: those also get TRIGGER_SINGLE.
  assert.deepEqual(bitsOf(keys), keys.map((k) => (EXPECTED.get(k) as number) | (k.length === 1 ? TRIGGER_SINGLE : 0)));
  assert.deepEqual(bitsOf(['is', 'was', 'called', 'dr', 'transferred']), ['is', 'was', 'called', 'dr', 'transferred'].map((k) => EXPECTED.get(k)));
});

test('near misses get 0: same length, first two and last letters; one letter more', () => {
  const misses = new Set<string>();
  for (const key of EXPECTED.keys()) {
    // A letter changed inside the word keeps its shape bit set, so the table itself must say no.
    for (let i = 2; i < key.length - 1; i++) {
      const c = key.charCodeAt(i);
      const other = String.fromCharCode(c === 122 ? 97 : c >= 97 && c < 122 ? c + 1 : 113);
      misses.add(key.slice(0, i) + other + key.slice(i + 1));
    }
    misses.add(key + key.charAt(key.length - 1)); // 'is' → 'iss'
  }
  for (const k of EXPECTED.keys()) misses.delete(k);
  assert.ok(misses.size > 10000, `${misses.size} near misses`);
  const keys = [...misses];
  const bits = bitsOf(keys);
  const hits = keys.filter((_, i) => bits[i] !== 0);
  assert.deepEqual(hits, []);
  assert.deepEqual(bitsOf(['iss', 'wax', 'caxled', '', 'x']), [0, 0, 0, 0, (EXPECTED.get('x') ?? 0) | TRIGGER_SINGLE]);
});

test('KeyTable: each key its index, anything else -1', () => {
  const keys = ['is', 'was', 'iss', 'a', 'ab', 'ba', 'dr', 'dr.', 'Ünal', 'o\'dorrin'];
  const table = new KeyTable(keys);
  keys.forEach((k, i) => assert.equal(table.idOf(k), i, k));
  for (const k of ['', 'i', 'isss', 'wa', 'was ', 'Dr', 'unal', 'b', 'o’dorrin']) assert.equal(table.idOf(k), -1, k);
  // Many keys (the table grows, probes run long): still exact.
  const many = Array.from({ length: 5000 }, (_, i) => `k${i.toString(36)}`);
  const big = new KeyTable(many);
  many.forEach((k, i) => assert.equal(big.idOf(k), i));
  assert.equal(big.idOf('k'), -1);
  assert.equal(big.idOf('kzzzz'), -1);
});

test('KeyTable.idOfBytes: the id of the bytes lower-cased, in any case and at any offset; anything else -1', () => {
  const keys = ['is', 'was', 'iss', 'a', "o'dorrin", 'transferred'];
  const table = new KeyTable(keys);
  const bytesOf = (s: string): Uint8Array => new TextEncoder().encode(s);
  for (const [i, k] of keys.entries()) {
    for (const written of [k, k.toUpperCase(), k.charAt(0).toUpperCase() + k.slice(1)]) {
      const padded = bytesOf(`xx ${written} yy`);
      assert.equal(table.idOfBytes(padded, 3, 3 + written.length), i, written);
    }
  }
  // Near misses: a letter more or less, another letter, an empty range; and "o'dorrin" read without its apostrophe.
  for (const miss of ['i', 'isss', 'wa', 'wax', 'transferre', 'odorrin', 'b']) {
    assert.equal(table.idOfBytes(bytesOf(miss), 0, miss.length), -1, miss);
  }
  assert.equal(table.idOfBytes(bytesOf('is'), 1, 1), -1);
});

test('splitWords gives each word the shape of its key (ASCII and not, possessives, apostrophes, long words)', () => {
  const texts = [
    "Dr. O'Fenwick saw the pt's wife; Brannock-Tilley is OK. ÜNAL and Várkonyiné, Þorvaldsdóttir's chart.",
    'DOCTOR ZZ’S NOTE: the patient’s son (O’Dorrin) called. Ωmega, Ἀθῆναι, ǅemal, İstanbul, ß',
    'Supercalifragilisticexpialidociouslylongerthanthirtyone words and a b c, x\'y, I',
    // A non-ASCII letter elsewhere changes the note's lower-cased length: ASCII words then take their key from their own slice.
    'İİİ Hospital of Wright’s and Wright\'s, ABC\'S, MCQUARRIE',
  ];
  let count = 0;
  for (const text of texts) {
    for (const w of splitWords(text)) {
      assert.equal(w.shape, keyShape(w.key), `${JSON.stringify(text.slice(w.start, w.end))} -> ${w.key}`);
      count++;
    }
  }
  assert.equal(count, 44); // "Ἀθῆναι" is one word (Greek Extended letters are letters)
});

test('single letters, and only they, get TRIGGER_SINGLE, with their other bits', () => {
  const text = "Q. Ostrander and j quennell saw pt's son; X is OK, É too. Is a b";
  const words = splitWords(text);
  const bits = [...triggerBits(words)];
  words.forEach((w, i) => {
    assert.equal(((bits[i] as number) & TRIGGER_SINGLE) !== 0, w.single, w.key);
    assert.equal((bits[i] as number) & ~TRIGGER_SINGLE, EXPECTED.get(w.key) ?? 0, w.key);
  });
  assert.equal(words.filter((w) => w.single).length, 6); // Q, j, X, É, a, b
});

/**
 * An ASCII note is split on its bytes, any other on its string: the two must give the same words. A note made
 * non-ASCII by a last word " é" takes the other path, and its words before that one must be the ASCII note's.
 */
function sameBothWays(text: string): void {
  const ascii = splitWords(text);
  const other = splitWords(`${text} é`);
  assert.equal(other.length, ascii.length + 1, text);
  assert.deepEqual(other.slice(0, -1), ascii, text);
  assert.equal(other[other.length - 1]?.key, 'é');
}

test('ASCII notes split on their bytes give the words the string scan gives', () => {
  const texts = [
    "Dr. O'Fenwick saw the pt's wife; Brannock-Tilley is OK.  Quillfern' and QUILLFERN'S, o'' 'tis x'y' MCQUARRIE, McQuarrie",
    'BP 120/80, HR 72.\nPlan: f/u in 2 wks.\tSigned, A. B. Cole, MD.  , ,. .,: ; ...',
    "'s s's ''a a'' A'B a'b'c ' '",
    '',
    'word',
    '  spaces first and last  ',
    // A note longer than the reused byte buffer, then one that ends in an apostrophe where the buffer still holds
    // the long note's next letter ("F"): the word must end at the note's end, not read on into old bytes.
    "Dr. O'Fenwick is here; ".repeat(3000), "Dr. O'",
  ];
  for (const text of texts) sameBothWays(text);
  // Generated: letters of both cases, apostrophes, spaces, periods, commas, digits and line breaks.
  const random = seededInts(5);
  const pieces = ['a', 'B', 'cd', 'EF', 'Gh', "'", "'s", ' ', '. ', ', ', '.,', '-', '7', '\n', 's', 'S'];
  for (let t = 0; t < 3000; t++) {
    let text = '';
    const k = 1 + (t % 17);
    for (let j = 0; j < k; j++) text += pieces[random(pieces.length)] as string;
    sameBothWays(text);
  }
});

/** The one-pass split must give splitWords' words and triggerBits' bits (a longer bits array ends in zeros). */
function sameAsTwoSteps(text: string): void {
  const lower = text.toLowerCase();
  const { words, bits } = wordsAndTriggerBits(text, lower);
  const expected = splitWords(text, lower);
  assert.deepEqual(words, expected, text);
  assert.deepEqual([...bits.subarray(0, words.length)], [...triggerBits(expected)], text);
  assert.ok(bits.subarray(words.length).every((b) => b === 0), text);
}

// An ASCII note is split and given its bits in one pass, which must equal the two steps; a note beyond ASCII is sent to
// the two steps themselves, so for those texts this checks only that they are sent there whole.
test('wordsAndTriggerBits: the words and bits of splitWords then triggerBits (one pass for ASCII notes)', () => {
  const texts = [
    "Dr. O'Fenwick saw the pt's wife; DR's and IS, Was, wAS, dr. Q. called Transferred x'y' is's",
    // An apostrophe has the low 5 bits of 'g': "a'e" has the shape of "age" (a trigger word), and is not it.
    "a'e A'E age AGE's o'n i's g'g",
    'Seen at Mercy Hospital on Jan 3; MRN: 1234. Signed, A. B. Cole, MD. É is here',
    // A note longer than the reused byte buffer (it grows), then short ones.
    "Dr. O'Fenwick is here; ".repeat(3000), "is O'", 'a', "x'",
    '', 'a', 'I', "'", 'is',
    // Keys longer than the shape's length field (31), with a trigger word's first, second and last letters.
    `${'d'.repeat(40)} D${'r'.repeat(31)} DR${'x'.repeat(29)}r ${'is'.repeat(16)} ${'i'.repeat(31)}s`,
    // Case mapping that changes a key's length ("İ" lower-cases to two code units), curly apostrophes, accents.
    'İS İs İ DR’s O’Neil was’s Müller IS WAS ÉTÉ Ωmega',
  ];
  for (const text of texts) sameAsTwoSteps(text);
  // Generated from trigger words in varied case, near misses, possessives, single letters and gaps.
  const triggers = [...EXPECTED.keys()];
  const next = seededInts(11);
  const gaps = [' ', '. ', ', ', '\n', "'", "'s ", ' (', '-', '7 '];
  for (let t = 0; t < 2000; t++) {
    let text = '';
    const k = 1 + (t % 13);
    for (let j = 0; j < k; j++) {
      let word = triggers[next(triggers.length)] as string;
      const how = next(5);
      if (how === 1) word = word.toUpperCase();
      else if (how === 2) word = word.charAt(0).toUpperCase() + word.slice(1);
      else if (how === 3) word += 'x';
      text += word + (gaps[next(gaps.length)] as string);
    }
    sameAsTwoSteps(text);
  }
});

test('TRIGGER_ACCENTED marks the capitalised words written with letters beyond ASCII, and only those', () => {
  const text = 'Dénes met Ílvane, ÍLVANE, émile and Hajdu; Zoë';
  const { words, bits } = wordsAndTriggerBits(text, text.toLowerCase());
  const accented = words.filter((_, i) => ((bits[i] as number) & TRIGGER_ACCENTED) !== 0).map((w) => text.slice(w.start, w.end));
  assert.deepEqual(accented, ['Dénes', 'Ílvane', 'Zoë']);
  // An all-ASCII note takes the byte split, which sets no such bit.
  const ascii = 'Denes met Ilvane and Hajdu';
  assert.ok(wordsAndTriggerBits(ascii, ascii.toLowerCase()).bits.every((b) => (b & TRIGGER_ACCENTED) === 0));
});
