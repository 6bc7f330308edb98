/**
 * Word tokens for the recognisers: runs of letters (ASCII and European scripts) with inner apostrophes ("O'Fenwick", "pt's"); a hyphen
 * separates words ("Brannock-Tilley" is two, joined by rules that allow a hyphen gap), with what lies between them, so rules can ask "is the previous word 'Dr' with
 * only a period and spaces between?".
 */
import { TRIGGER_SINGLE } from './trigger-bits.js';

export interface Word {
  readonly start: number;
  readonly end: number;
  /** Lower case, without a possessive 's ("white's" → "white"). */
  readonly key: string;
  /** End offset without the possessive, so a span stops before "'s". */
  readonly keyEnd: number;
  /** The text between the previous word's end and this word's start. */
  readonly gapBefore: string;
  /** Title case: first letter upper, second not ("Vellacott", "McQuarrie", "O'Dorrin"; not "VELLACOTT", "EMTs", "vellacott"). */
  readonly capitalized: boolean;
  /** A single letter: an initial when followed by "." or a name. */
  readonly single: boolean;
  /** keyShape(key), computed while the word's letters are read (triggers.ts filters on it without reading the key). */
  readonly shape: number;
}

/**
 * A key's length (up to 31), first, second and last character, 5 bits each (the low bits of the code: the same
 * for an ASCII letter in either case). Most words' shapes are no trigger word's (triggers.ts).
 */
export function keyShape(key: string): number {
  return packShape(key.length, key.charCodeAt(0), key.length > 1 ? key.charCodeAt(1) : 0, key.charCodeAt(key.length - 1));
}

/** keyShape of a key of `length` characters with these first, second (0 for one character) and last codes. */
function packShape(length: number, first: number, second: number, last: number): number {
  return (Math.min(length, 31) << 15) | ((first & 31) << 10) | ((second & 31) << 5) | (last & 31);
}

/**
 * What the byte split needs to give each word its trigger bits as it reads it (triggers.ts, which imports this
 * module, passes it in): a word whose shape bit is clear is no trigger word; another is looked up by its bytes.
 */
export interface TriggerLookup {
  /** One bit per key shape (keyShape >>> 5 picks the number, its low 5 bits the bit). */
  readonly shapes: Uint32Array;
  /** Trigger bits by shape of the keys of 1-3 ASCII letters (keyShape tells all such keys apart). */
  readonly shortBits: Uint8Array;
  /** Trigger bits of the key whose characters are codes[start..end) lower-cased (all letters or apostrophes). */
  bitsOfBytes(codes: Uint8Array, start: number, end: number): number;
}

/** A note's words and each word's trigger bits (triggers.ts), indexed alike. */
export interface WordsAndBits {
  readonly words: Word[];
  readonly bits: Uint8Array;
}

/**
 * splitWords and triggerBits in one pass for an all-ASCII note (null for another note): each word's bits are
 * found from its bytes while it is read, not from its key string in a second loop over the words.
 */
export function splitAsciiWordsAndBits(text: string, lower: string, triggers: TriggerLookup): WordsAndBits | null {
  const codes = asciiCodes(text);
  if (codes === null) return null;
  // A word is a letter or more, with a non-letter before the next: at most (n + 1) / 2 words.
  const bits = new Uint8Array((text.length + 1) >> 1);
  return { words: splitAsciiWords(text, lower, codes, triggers, bits), bits };
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

const ASCII_LETTERS = new Uint8Array(128);
for (let c = 65; c <= 90; c++) ASCII_LETTERS[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_LETTERS[c] = 1;

/** ASCII letters, and Latin-1/Latin Extended, Greek and Cyrillic letters ("Várkonyiné", "Þorvaldsdóttir"). */
function isLetter(c: number): boolean {
  if (c < 128) return ASCII_LETTERS[c] === 1;
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x52f)) return true;
  // Any other script's letters, and combining marks inside a word: "Nguyễn" (U+1EC5), "Nguye\u0302\u0303n" (decomposed).
  return c >= 0x250 && LETTER_OR_MARK.test(String.fromCharCode(c));
}

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;

/**
 * Scans words by hand (no regex match objects): this runs on every character of every note. `lower` is the note
 * lower-cased once (findPhi shares it with the pattern rules): keys of ASCII words are sliced from it instead of
 * lower-casing each word; other words are lower-cased alone, as before (whole-text case mapping may differ).
 */
export function splitWords(text: string, lower: string = text.toLowerCase()): Word[] {
  const codes = asciiCodes(text);
  return codes === null ? splitAnyWords(text, lower) : splitAsciiWords(text, lower, codes, null, null);
}

const ENCODER = new TextEncoder();
/** Reused from note to note; grown as needed (UTF-8 takes at most 3 bytes per UTF-16 code unit). */
let scratch = new Uint8Array(1 << 14);

/**
 * The note's character codes as bytes when it is all ASCII (97% of the MTSamples notes), else null: one native
 * call, and reading bytes from an array is cheaper than `charCodeAt` on a string. Only the first text.length
 * bytes belong to the note.
 */
function asciiCodes(text: string): Uint8Array | null {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  // Every code unit takes one byte or more: as many bytes as units means all are ASCII.
  return ENCODER.encodeInto(text, scratch).written === text.length ? scratch : null;
}

/**
 * splitWords for an all-ASCII note, on its codes: the same words (every word is ASCII, no curly apostrophe, and
 * the lower-cased note has the note's length, so every key is sliced from it).
 */
function splitAsciiWords(text: string, lower: string, codes: Uint8Array, triggers: TriggerLookup | null, bits: Uint8Array | null): Word[] {
  const shapes = triggers === null ? null : triggers.shapes;
  const words: Word[] = [];
  const n = text.length;
  let prevEnd = 0;
  let i = 0;
  while (i < n) {
    if (ASCII_LETTERS[codes[i] as number] !== 1) { i++; continue; }
    const start = i;
    // Bit 32 is set in every lower-case ASCII letter and in no capital.
    let seen = 0;
    let apostrophe = false;
    for (;;) {
      while (i < n) {
        const c = codes[i] as number;
        if (ASCII_LETTERS[c] !== 1) break;
        seen |= c;
        i++;
      }
      // An inner apostrophe followed by a letter continues the word: "O'Fenwick", "pt's".
      if (i + 1 < n && codes[i] === 39 && ASCII_LETTERS[codes[i + 1] as number] === 1) {
        apostrophe = true;
        i++;
        continue;
      }
      break;
    }
    const end = i;
    const last = codes[end - 1] as number;
    const possessive = end - start > 2 && (last === 115 || last === 83) && codes[end - 2] === 39;
    const first = codes[start] as number;
    const gapLength = start - prevEnd;
    const gap0 = gapLength > 0 ? codes[prevEnd] as number : 0;
    const gapBefore = gapLength === 1 && gap0 === 32 ? ' '
      : gapLength === 2 && codes[prevEnd + 1] === 32 && (gap0 === 46 || gap0 === 44) ? (gap0 === 46 ? '. ' : ', ')
        : text.slice(prevEnd, start);
    const keyEnd = possessive ? end - 2 : end;
    const length = keyEnd - start;
    const shape = packShape(length, first, length > 1 ? codes[start + 1] as number : 0, codes[keyEnd - 1] as number);
    if (shapes !== null && bits !== null) {
      // As triggerBits does it (triggers.ts), with the key's bytes in place of the key.
      // A key of 1-3 letters is its shape (each letter's low 5 bits, in either case): its bits are read by shape.
      let b = length <= 3 && !apostrophe ? (triggers as TriggerLookup).shortBits[shape] as number
        : ((shapes[shape >>> 5] as number) & (1 << (shape & 31))) !== 0 ? (triggers as TriggerLookup).bitsOfBytes(codes, start, keyEnd) : 0;
      if (end - start === 1) b |= TRIGGER_SINGLE;
      bits[words.length] = b;
    }
    words[words.length] = {
      start,
      end,
      key: lower.slice(start, keyEnd),
      keyEnd,
      gapBefore,
      capitalized: first >= 65 && first <= 90 && (seen & 32) !== 0 && (end - start === 1 || !isUpper(codes[start + 1] as number)),
      single: end - start === 1,
      shape,
    };
    prevEnd = end;
  }
  return words;
}

/** splitWords for any note, on its string (for a note that splitAsciiWordsAndBits did not take). */
export function splitAnyWords(text: string, lower: string): Word[] {
  const words: Word[] = [];
  const n = text.length;
  const sameLength = lower.length === n;
  let prevEnd = 0;
  let i = 0;
  while (i < n) {
    if (!isLetter(text.charCodeAt(i))) { i++; continue; }
    const start = i;
    // The letters' codes OR-ed together, tested once per word instead of twice per letter: a code of 128 or more
    // is a non-ASCII letter; bit 32 is set in every lower-case ASCII letter and in no capital.
    let seen = 0;
    let curly = false;
    for (;;) {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (!isLetter(c)) break;
        seen |= c;
        i++;
      }
      // An inner apostrophe followed by a letter continues the word: "O'Fenwick", "pt's".
      const c = i < n ? text.charCodeAt(i) : -1; // not read past the end (see PlaceScan.at in places.ts)
      if ((c === 39 || c === 0x2019) && i + 1 < n && isLetter(text.charCodeAt(i + 1))) {
        if (c !== 39) curly = true;
        i++;
        continue;
      }
      break;
    }
    const hasLower = seen >= 128 || (seen & 32) !== 0;
    const ascii = seen < 128 && !curly;
    const end = i;
    const last = text.charCodeAt(end - 1);
    const possessive = end - start > 2 && (last === 115 || last === 83) && (text.charCodeAt(end - 2) === 39 || text.charCodeAt(end - 2) === 0x2019);
    const first = text.charCodeAt(start);
    // One space is by far the most common gap, then ". " and ", " (a tenth of all words in the MTSamples notes):
    // share one string for each instead of slicing a new one each time.
    const gapLength = start - prevEnd;
    const gap0 = gapLength > 0 ? text.charCodeAt(prevEnd) : 0;
    const gapBefore = gapLength === 1 && gap0 === 32 ? ' '
      : gapLength === 2 && text.charCodeAt(prevEnd + 1) === 32 && (gap0 === 46 || gap0 === 44) ? (gap0 === 46 ? '. ' : ', ')
        : text.slice(prevEnd, start);
    const keyEnd = possessive ? end - 2 : end;
    const key = ascii && sameLength ? lower.slice(start, keyEnd) : text.slice(start, keyEnd).toLowerCase();
    // An ASCII word's key is its letters lower-cased, and lower-casing keeps the low 5 bits: its shape comes from
    // the text. Another word's key may differ in length or letters from the text (case mapping): from the key.
    const length = keyEnd - start;
    const shape = ascii
      ? packShape(length, first, length > 1 ? text.charCodeAt(start + 1) : 0, text.charCodeAt(keyEnd - 1))
      : keyShape(key);
    // Stored by index, not push: this push was not inlined (a builtin call per word).
    words[words.length] = {
      start,
      end,
      key,
      keyEnd,
      gapBefore,
      capitalized: ascii ? first >= 65 && first <= 90 && hasLower && (end - start === 1 || !isUpper(text.charCodeAt(start + 1)))
        : titleCase(text, start, end),
      single: end - start === 1,
      shape,
    };
    prevEnd = end;
  }
  return words;
}

/** A letter that lower-casing changes: a capital in any of the scripts isLetter takes ("Ž", "Ó", "Č"). */
function isCapital(c: number): boolean {
  if (c < 128) return isUpper(c);
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

/**
 * Title case for a word with letters beyond ASCII ("Žarnovský", "Ílvane", "Ørnholt" but not "ØRNHOLT", "éclair"): its
 * first letter a capital and its second not (a single letter is no title case).
 */
function titleCase(text: string, start: number, end: number): boolean {
  if (!isCapital(text.charCodeAt(start))) return false;
  if (end - start === 1) return false;
  if (isCapital(text.charCodeAt(start + 1))) return false;
  return true;
}

/** Whether `key` holds a letter beyond ASCII (the accented Latin, Greek and Cyrillic that isLetter reads). */
export function hasNonAscii(key: string): boolean {
  return NON_ASCII.test(key);
}

const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * How a note is written. PhysioNet-style nursing notes are often all upper or all lower case, where
 * capitalisation tells nothing; in notes written in ordinary case (a fair share of title-case words) a
 * capitalised word inside a sentence hints at a name, and a lower-case one hints at none.
 */
export function isMixedCase(words: readonly Word[], text: string): boolean {
  let title = 0;
  for (const w of words) if (w.capitalized) title++;
  // A short text (a message, a line of a form) with a capitalised word and words in small letters is written in
  // mixed case too, though too short for the share below.
  if (words.length < 20 && title >= 1) {
    let small = 0;
    for (const w of words) {
      const c = text.charCodeAt(w.start);
      if (c >= 97 && c <= 122) small++;
    }
    if (small >= 2) return true;
  }
  return title >= 3 && title / Math.max(1, words.length) >= 0.04;
}

/** The gap holds only spaces/tabs (no punctuation, no line break). */
export function cleanGap(gap: string): boolean {
  // One space is by far the most common gap (and a shared string): skip the regex for it.
  return gap === ' ' || /^[ \t]+$/.test(gap);
}

/** The gap is spaces, optionally after a period or comma: "Dr. Vellacott", "Cole, MD". */
export function softGap(gap: string): boolean {
  return /^[.,]?[ \t]*$/.test(gap) && gap.length <= 4;
}

/**
 * The index of the first word starting at or after `pos` (words.length when none does), searched from index `from` on:
 * words are in text order.
 */
export function firstWordFrom(words: readonly Word[], pos: number, from = 0): number {
  let lo = from;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((words[mid] as Word).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
