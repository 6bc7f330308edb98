import { NAME_TRIGGERS } from './recognizers/name-cues.js';
import { PATTERN_KEYWORDS } from './recognizers/patterns.js';
import { PLACE_TRIGGERS } from './recognizers/places.js';
import type { Word } from './words.js';

/** Which recognisers a word can start a rule for: one hash look-up per word instead of one per recogniser. */
export const TRIGGER_PATTERN = 1;
export const TRIGGER_NAME = 2;
export const TRIGGER_PLACE = 4;

const TRIGGERS = new Map<string, number>();
const mark = (keys: Iterable<string>, bit: number): void => {
  for (const k of keys) TRIGGERS.set(k, (TRIGGERS.get(k) ?? 0) | bit);
};
mark(PATTERN_KEYWORDS, TRIGGER_PATTERN);
mark(NAME_TRIGGERS, TRIGGER_NAME);
mark(PLACE_TRIGGERS, TRIGGER_PLACE);

/** Trigger bits of each word (0 for the many words that start no rule). */
export function triggerBits(words: readonly Word[]): Uint8Array {
  const bits = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) bits[i] = TRIGGERS.get((words[i] as Word).key) ?? 0;
  return bits;
}
