import { NAME_TRIGGERS, PERSON_VERBS } from './recognizers/name-cues.js';
import { PATTERN_KEYWORDS } from './recognizers/patterns.js';
import { PLACE_TRIGGERS } from './recognizers/places.js';
import type { Word } from './words.js';

/** Which recognisers a word can start a rule for: one hash look-up per word instead of one per recogniser. */
export const TRIGGER_PATTERN = 1;
export const TRIGGER_NAME = 2;
export const TRIGGER_PLACE = 4;
/** A verb that people do in notes ("called", "wishes"): the names rule before it looks at every word. */
export const TRIGGER_PERSON_VERB = 8;
/** "is" or "was": the names rule for "Jo Vance is a 70 yr old ..." starts there (it looked at every word's key). */
export const TRIGGER_IS_WAS = 16;

const TRIGGERS = new Map<string, number>();
/**
 * One bit per (length, first two letters, last letter) of the trigger words: most words of a note are none, and a
 * clear bit says so without hashing the word. (Length, first and last letter alone let half of all words through
 * to the hash look-up, three in four of them for nothing: the 3,600 trigger words set 1,554 of those 32,768 bits.)
 */
const SHAPES = new Uint32Array(1 << 15);
const shape = (key: string): number => ((Math.min(key.length, 31) << 15) | ((key.charCodeAt(0) & 31) << 10)
  | ((key.length > 1 ? key.charCodeAt(1) & 31 : 0) << 5) | (key.charCodeAt(key.length - 1) & 31));
const mark = (keys: Iterable<string>, bit: number): void => {
  for (const k of keys) {
    TRIGGERS.set(k, (TRIGGERS.get(k) ?? 0) | bit);
    const s = shape(k);
    SHAPES[s >>> 5] = (SHAPES[s >>> 5] as number) | (1 << (s & 31));
  }
};
mark(PATTERN_KEYWORDS, TRIGGER_PATTERN);
mark(NAME_TRIGGERS, TRIGGER_NAME);
mark(PLACE_TRIGGERS, TRIGGER_PLACE);
mark(PERSON_VERBS, TRIGGER_PERSON_VERB);
mark(['is', 'was'], TRIGGER_IS_WAS);

/**
 * The trigger words in an open-addressed table of our own (hash of the key's characters -> id; the ids' characters
 * in one array), for the words whose shape bit is set: each word's key is a new string, and the look-up in
 * TRIGGERS first had V8 hash it (about 100 ns; 290,000 look-ups per 7 MB of notes, most of triggerBits' time).
 */
const KEYS = [...TRIGGERS.keys()];
const SLOT_COUNT = 1 << Math.ceil(Math.log2(KEYS.length * 2 + 1));
const SLOTS = new Int32Array(SLOT_COUNT); // id + 1, 0 = empty
const KEY_START = new Int32Array(KEYS.length + 1);
const KEY_BITS = new Uint8Array(KEYS.length);
const KEY_CHARS = new Uint16Array(KEYS.reduce((n, k) => n + k.length, 0));

function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let j = 0; j < key.length; j++) hash = Math.imul(hash ^ key.charCodeAt(j), 0x01000193);
  return hash >>> 0;
}

KEYS.forEach((key, id) => {
  const start = KEY_START[id] as number;
  for (let j = 0; j < key.length; j++) KEY_CHARS[start + j] = key.charCodeAt(j);
  KEY_START[id + 1] = start + key.length;
  KEY_BITS[id] = TRIGGERS.get(key) as number;
  let slot = keyHash(key) & (SLOT_COUNT - 1);
  while (SLOTS[slot] !== 0) slot = (slot + 1) & (SLOT_COUNT - 1);
  SLOTS[slot] = id + 1;
});

/** The trigger bits of a key (0 when it is no trigger word). */
function bitsOf(key: string): number {
  let slot = keyHash(key) & (SLOT_COUNT - 1);
  for (;;) {
    const id = (SLOTS[slot] as number) - 1;
    if (id < 0) return 0;
    const start = KEY_START[id] as number;
    if ((KEY_START[id + 1] as number) - start === key.length && sameChars(key, start)) return KEY_BITS[id] as number;
    slot = (slot + 1) & (SLOT_COUNT - 1);
  }
}

function sameChars(key: string, start: number): boolean {
  for (let j = 0; j < key.length; j++) if (KEY_CHARS[start + j] !== key.charCodeAt(j)) return false;
  return true;
}

/** Trigger bits of each word (0 for the many words that start no rule). */
export function triggerBits(words: readonly Word[]): Uint8Array {
  const bits = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const key = (words[i] as Word).key;
    const s = shape(key);
    if (((SHAPES[s >>> 5] as number) & (1 << (s & 31))) !== 0) bits[i] = bitsOf(key);
  }
  return bits;
}
