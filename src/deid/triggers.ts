import { NAME_TRIGGERS, PERSON_CUES, PERSON_VERBS } from './recognizers/name-cues.js';
import { PATTERN_KEYWORDS } from './recognizers/patterns.js';
import { PLACE_TRIGGERS } from './recognizers/places.js';
import { KeyTable } from './key-table.js';
import {
  TRIGGER_ACCENTED, TRIGGER_IS_WAS, TRIGGER_NAME, TRIGGER_PATTERN, TRIGGER_PERSON_CUE, TRIGGER_PERSON_VERB, TRIGGER_PLACE, TRIGGER_SINGLE,
} from './trigger-bits.js';
import { hasNonAscii, keyShape, splitAnyWords, splitAsciiWordsAndBits, type TriggerLookup, type Word, type WordsAndBits } from './words.js';

/** Which recognisers a word can start a rule for: one hash look-up per word instead of one per recogniser. */
const TRIGGERS = new Map<string, number>();
/**
 * One bit per (length, first two letters, last letter) of the trigger words: most words of a note are none, and a
 * clear bit says so without hashing the word. (Length, first and last letter alone let half of all words through
 * to the hash look-up, three in four of them for nothing: the 3,600 trigger words set 1,554 of those 32,768 bits.)
 */
const SHAPES = new Uint32Array(1 << 15);
const mark = (keys: Iterable<string>, bit: number): void => {
  for (const k of keys) {
    TRIGGERS.set(k, (TRIGGERS.get(k) ?? 0) | bit);
    const s = keyShape(k);
    SHAPES[s >>> 5] = (SHAPES[s >>> 5] as number) | (1 << (s & 31));
  }
};
mark(PATTERN_KEYWORDS, TRIGGER_PATTERN);
mark(NAME_TRIGGERS, TRIGGER_NAME);
mark(PLACE_TRIGGERS, TRIGGER_PLACE);
mark(PERSON_VERBS, TRIGGER_PERSON_VERB);
mark(['is', 'was'], TRIGGER_IS_WAS);
mark(PERSON_CUES, TRIGGER_PERSON_CUE);

/**
 * The trigger words in a table of our own (key-table.ts), for the words whose shape bit is set: the Map look-up
 * hashed each word's new key string first (about 100 ns; 290,000 look-ups per 7 MB of notes).
 */
const KEYS = [...TRIGGERS.keys()];
const TABLE = new KeyTable(KEYS);
const KEY_BITS = Uint8Array.from(KEYS, (key) => TRIGGERS.get(key) as number);

/** The trigger bits of a key (0 when it is no trigger word). */
function bitsOf(key: string): number {
  const id = TABLE.idOf(key);
  return id < 0 ? 0 : KEY_BITS[id] as number;
}

/**
 * Trigger bits of each word (0 for the many words that start no rule), TRIGGER_SINGLE for single letters and
 * TRIGGER_ACCENTED for capitalised words with letters beyond ASCII (this runs only for notes that have such letters:
 * the byte split takes the others).
 */
export function triggerBits(words: readonly Word[]): Uint8Array {
  const bits = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    const s = w.shape;
    if (((SHAPES[s >>> 5] as number) & (1 << (s & 31))) !== 0) bits[i] = bitsOf(w.key);
    if (w.single) bits[i] = (bits[i] as number) | TRIGGER_SINGLE;
    if (w.capitalized && hasNonAscii(w.key)) bits[i] = (bits[i] as number) | TRIGGER_ACCENTED;
  }
  return bits;
}

/**
 * Trigger bits of the keys of 1-3 ASCII letters by their shape (length, first, second, last letter: all of their
 * letters): a third of all words, looked up without hashing (triggerBits' table lookups cost about a fifth of the
 * byte split). Other keys' entries stay 0.
 */
const SHORT_BITS = new Uint8Array(4 << 15);
for (const [key, bits] of TRIGGERS) if (/^[a-z]{1,3}$/.test(key)) SHORT_BITS[keyShape(key)] = bits;

/** The trigger table as the byte split reads it (words.ts cannot import this module: it imports words.ts). */
const LOOKUP: TriggerLookup = {
  shortBits: SHORT_BITS,
  shapes: SHAPES,
  bitsOfBytes(codes: Uint8Array, start: number, end: number): number {
    const id = TABLE.idOfBytes(codes, start, end);
    return id < 0 ? 0 : KEY_BITS[id] as number;
  },
};

/**
 * splitWords(text, lower) and triggerBits of those words: for an all-ASCII note in the one pass over its bytes,
 * for another, the string scan and then triggerBits. (For an ASCII note `bits` may be longer than `words`: its tail is 0.)
 */
export function wordsAndTriggerBits(text: string, lower: string): WordsAndBits {
  const ascii = splitAsciiWordsAndBits(text, lower, LOOKUP);
  if (ascii !== null) return ascii;
  const words = splitAnyWords(text, lower);
  return { words, bits: triggerBits(words) };
}
