import type { PhiSpan } from '../types.js';
import type { Word } from '../words.js';
import { codeAt as at, isAsciiLetter, isDigit, isSpace } from './chars.js';

/**
 * Shapes of digits and punctuation in a note, found in one hand-written scan, so that a scanned pattern rule whose
 * shape is absent is not run (most notes have no phone number, no IP address, no ZIP code, no 16-digit number).
 * Each shape is a necessary condition of its rule's match — and of the rule's `when` guard where that guard is a
 * regex over the note: a note without the shape cannot match, so skipping the rule there changes nothing. Over the
 * MTSamples notes the regex guards and full-note scans these replace were a quarter of the pattern rules' time.
 */

/** "://" or "www." (any case): URL with a scheme. */
export const SHAPE_URL_SCHEME = 1 << 0;
/** "." then a top-level domain's first two letters ("co", "or", "ne", "ed", "go", "in", "bi", "io"), any case. */
export const SHAPE_DOT_TLD = 1 << 1;
/** Digits, ".", 1-3 digits, ".", digits: an IPv4 address's middle. */
export const SHAPE_IPV4 = 1 << 2;
/** A hex digit, ":", a hex digit: IPv6 (and clock times). */
export const SHAPE_HEX_COLON = 1 << 3;
/** 3 digits standing as a run, "-", a digit: an SSN's first group. */
export const SHAPE_SSN = 1 << 4;
/** At least 10 digits among the 14 characters that end a run of 4+ digits: a 10-digit phone number. */
export const SHAPE_TEN_DIGITS = 1 << 5;
/** A run of exactly 2 digits between periods: "12.34.56.78.90". */
export const SHAPE_DOTTED_PAIRS = 1 << 6;
/** A run of exactly 4 digits between "-"/" " separators, with a digit before: a card number's middle group. */
export const SHAPE_FOUR_GROUPS = 1 << 7;
/** Two ASCII letters right before a run of 2+ digits: an IBAN's start. */
export const SHAPE_LETTERS_DIGITS = 1 << 8;
/** A run of 4+ digits, then "-", "/" or ".", then a digit: "2019-03-01". */
export const SHAPE_YEAR_FIRST = 1 << 9;
/** A run of digits between "/" on both sides, with digits beyond: "3/12/4/5". */
export const SHAPE_SLASHED_RUN = 1 << 10;
/** A digit, ".", then a run of 4+ digits: "3.12.2019". */
export const SHAPE_DOTTED_YEAR = 1 << 11;
/** A run of 6+ digits. */
export const SHAPE_SIX_DIGITS = 1 << 12;
/** A run of 4+ digits followed by "s" or "'": "1990s", "1980's". */
export const SHAPE_DECADE = 1 << 13;
/** A letter (or a non-ASCII character), a space, a run of 5+ digits: "MD 21201". */
export const SHAPE_ZIP = 1 << 14;
/** 9x or 1[0-4]x standing as a run, then spaces or dashes and "y": "92 y/o", "101-year-old". */
export const SHAPE_OLD_AGE = 1 << 15;
/** A run of 1-6 digits, spaces, a capital: "1600 Pennsylvania Avenue" (and "2 Tylenol"). */
export const SHAPE_NUMBER_CAPITAL = 1 << 16;
/**
 * A run of 1-2 digits after a capital, then the rest of a British postcode ("BS1 4DJ", "W1A 1AA": a letter or digit
 * maybe, a space maybe, a digit, two capitals; or 2-3 digits and two capitals, "BS14DJ") or of an Irish Eircode
 * ("T12 X70A", "D6W 1234": four capitals or digits).
 */
export const SHAPE_POSTCODE = 1 << 17;
/** A run of 4-5 digits opening with 0, a space and three digits: a British number without its label ("0161 555 7720"). */
export const SHAPE_UK_PHONE = 1 << 19;
/**
 * A run of 4+ digits in a run of capitals, digits, "/" and "-" that holds a capital: a code ("TC0049221", "8826451TA",
 * "CCI-220917", "PL/22/0048812/KA").
 */
export const SHAPE_CODE = 1 << 18;

/**
 * The note's shapes (bits above). Also collects the long letter/digit runs: 7+ digits standing alone are an
 * identifier of some kind (not a decimal, not part of a date or a ratio); 17 characters of the VIN alphabet with
 * letters and digits are a vehicle id. `runs`, when given, is emptied and then lists the note's digit runs of up to
 * DigitRuns.LONGEST digits (for the pattern rules that run anchored at them).
 *
 * Digits, "." and ":" lie only between words (words are letters and apostrophes), so only the gaps are read, and
 * the commonest gap, one space, not even that: the letters, most of a note, are not read again (reading every
 * byte of an ASCII note instead, in one tight loop, was slower: 0.143 -> 0.151 CPU-s a pass). Precondition:
 * `words` is exactly `splitWords(text)`; with other words, text inside them would go unread.
 */
export function scanShapes(text: string, words: readonly Word[], longTokens: PhiSpan[], runs?: DigitRuns): number {
  if (runs !== undefined) {
    runs.count = 0;
    runs.lengthBits = 0;
  }
  let shapes = 0;
  let covered = 0; // end of the last letter/digit run looked at for a long token
  let from = 0;
  for (let w = 0; w <= words.length; w++) {
    const word = w < words.length ? words[w] as Word : undefined;
    const to = word === undefined ? text.length : word.start;
    if (to - from !== 1 || text.charCodeAt(from) !== 32) {
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c >= 48 && c <= 57) {
          const start = i;
          while (i + 1 < to && isDigit(text.charCodeAt(i + 1))) i++;
          shapes |= digitRunShapes(text, start, i + 1);
          if (runs !== undefined && i + 1 - start <= DigitRuns.LONGEST) runs.add(start, i + 1 - start);
          if (start >= covered) covered = longRun(text, start, i + 1, longTokens);
        } else if (c === 46 || c === 58) {
          shapes |= punctuationShapes(text, i, c);
        }
      }
    }
    if (word !== undefined) from = word.end;
  }
  return shapes;
}

/**
 * The short digit runs of a note (up to 6 digits: days, months, years, house numbers), each its start and
 * length, in text order; scanShapes fills it. A pattern rule whose every match starts a digit run of a given
 * length runs anchored at those runs (patterns.ts) instead of being tried at every position of the note. One
 * instance is reused from note to note: its arrays grow and are never freed.
 */
export class DigitRuns {
  static readonly LONGEST = 6;
  starts = new Int32Array(256);
  lengths = new Uint8Array(256);
  count = 0;
  /** Bit `length` is set for each length present: a rule with no run of its lengths is not run at all. */
  lengthBits = 0;

  add(start: number, length: number): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2);
      starts.set(this.starts);
      this.starts = starts;
      const lengths = new Uint8Array(this.count * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.starts[this.count] = start;
    this.lengths[this.count] = length;
    this.count++;
    this.lengthBits |= 1 << length;
  }
}

/** The run of ASCII letters and digits around the digits text[start, end): a long token if it is one. Returns its end. */
function longRun(text: string, start: number, end: number, longTokens: PhiSpan[]): number {
  let first = start;
  while (first > 0 && isAlnum(text.charCodeAt(first - 1))) first--;
  let last = end;
  while (last < text.length && isAlnum(text.charCodeAt(last))) last++;
  if (last - first >= 7) {
    let digits = 0;
    for (let k = first; k < last; k++) if (isDigit(text.charCodeAt(k))) digits++;
    longToken(text, first, last, digits, longTokens);
  }
  return last;
}

function longToken(text: string, start: number, end: number, digits: number, spans: PhiSpan[]): void {
  const value = text.slice(start, end);
  const before = text.charAt(start - 1);
  if (digits === end - start) {
    if (!/[.,\/-]/.test(before) && text.charAt(end) !== '/' && !/^[.,]\d/.test(text.slice(end, end + 2))) spans.push({ start, end, category: 'ID' });
  } else if (value.length === 17 && /^[A-HJ-NPR-Z0-9]+$/.test(value) && /[A-Z]/.test(value)) {
    spans.push({ start, end, category: 'VEHICLE' });
  }
}

/** Shapes at a "." or ":" (at `i`). */
function punctuationShapes(text: string, i: number, c: number): number {
  let shapes = 0;
  const next = lowerAt(text, i + 1);
  if (c === 46) {
    if (lowerAt(text, i - 1) === 119 && lowerAt(text, i - 2) === 119 && lowerAt(text, i - 3) === 119) shapes |= SHAPE_URL_SCHEME;
    const pair = next * 128 + lowerAt(text, i + 2);
    // The table holds the bit itself: OR-ing it in at every "." gives the optimized scan feedback for this on the
    // first notes (an OR run only at the first ".com" threw that code away).
    if (pair >= 0 && pair < TLD_SHAPES.length) shapes |= TLD_SHAPES[pair] as number;
  } else {
    if (next === 47) shapes |= SHAPE_URL_SCHEME;
    if (isHex(lowerAt(text, i - 1)) && isHex(next)) shapes |= SHAPE_HEX_COLON;
  }
  return shapes;
}

/**
 * The pairs above as a table by `first * 128 + second` (a Set of numbers took a hashed look-up at every "."):
 * SHAPE_DOT_TLD at those pairs, 0 elsewhere.
 */
const TLD_SHAPES = new Int32Array(128 * 128); // Int32: shape bits go past 8
for (const t of ['co', 'or', 'ne', 'ed', 'go', 'in', 'bi', 'io']) TLD_SHAPES[t.charCodeAt(0) * 128 + t.charCodeAt(1)] = SHAPE_DOT_TLD;

function isCapital(c: number): boolean {
  return c >= 65 && c <= 90;
}

function capitalOrDigit(c: number): boolean {
  return isCapital(c) || isDigit(c);
}

/** Whether what follows a postcode's first digits (text[end...]) is the rest of one: see SHAPE_POSTCODE. */
function postcodeAfter(text: string, end: number, length: number): boolean {
  // British, written without its space: the run's last digit starts the inward code ("BS14DJ", "M11AE", "B121AB").
  if (length >= 2 && isCapital(at(text, end)) && isCapital(at(text, end + 1))) return true;
  if (length === 3) return false;
  // British: [letter or digit] [space] digit capital capital.
  let k = end;
  if (capitalOrDigit(at(text, k)) && !(isDigit(at(text, k)) && isCapital(at(text, k + 1)))) k++;
  if (at(text, k) === 32 || at(text, k) === 9) k++;
  if (isDigit(at(text, k)) && isCapital(at(text, k + 1)) && isCapital(at(text, k + 2))) return true;
  // Irish: two digits (or "6W" of D6W), [space], four capitals or digits.
  k = end;
  if (length === 1) {
    if (at(text, k) !== 87) return false; // W
    k++;
  }
  if (at(text, k) === 32 || at(text, k) === 9) k++;
  return capitalOrDigit(at(text, k)) && capitalOrDigit(at(text, k + 1)) && capitalOrDigit(at(text, k + 2)) && capitalOrDigit(at(text, k + 3));
}

/** A capital in the run of capitals, digits, "/" and "-" around text[start, end) (see SHAPE_CODE). */
function codeAround(text: string, start: number, end: number): boolean {
  for (let k = start - 1; ; k--) {
    const c = at(text, k);
    if (isCapital(c)) return true;
    if (!(isDigit(c) || c === 47 || c === 45)) break;
  }
  for (let k = end; ; k++) {
    const c = at(text, k);
    if (isCapital(c)) return true;
    if (!(isDigit(c) || c === 47 || c === 45)) return false;
  }
}

/** Shapes of the maximal digit run text[start, end). */
function digitRunShapes(text: string, start: number, end: number): number {
  const length = end - start;
  const before = at(text, start - 1);
  const after = at(text, end);
  let shapes = 0;
  if (length <= 3 && before === 46 && after === 46 && isDigit(at(text, start - 2)) && isDigit(at(text, end + 1))) shapes |= SHAPE_IPV4;
  if (length === 3 && after === 45 && isDigit(at(text, end + 1))) shapes |= SHAPE_SSN;
  if (length >= 4 && tenDigitsBefore(text, end)) shapes |= SHAPE_TEN_DIGITS;
  if (length === 2 && before === 46 && after === 46) shapes |= SHAPE_DOTTED_PAIRS;
  if (length === 4 && (before === 45 || before === 32) && (after === 45 || after === 32) && isDigit(at(text, start - 2))) shapes |= SHAPE_FOUR_GROUPS;
  if (length >= 2 && isAsciiLetter(at(text, start - 1)) && isAsciiLetter(at(text, start - 2))) shapes |= SHAPE_LETTERS_DIGITS;
  if (length >= 4 && (after === 45 || after === 47 || after === 46) && isDigit(at(text, end + 1))) shapes |= SHAPE_YEAR_FIRST;
  if (before === 47 && after === 47 && isDigit(at(text, start - 2)) && isDigit(at(text, end + 1))) shapes |= SHAPE_SLASHED_RUN;
  if (length >= 4 && before === 46 && isDigit(at(text, start - 2))) shapes |= SHAPE_DOTTED_YEAR;
  if (length >= 6) shapes |= SHAPE_SIX_DIGITS;
  if (length >= 4 && (after === 115 || after === 83 || after === 39)) shapes |= SHAPE_DECADE;
  if (length >= 5 && before === 32) {
    const letter = at(text, start - 2);
    if (isAsciiLetter(letter) || letter >= 128) shapes |= SHAPE_ZIP;
  }
  if (length <= 6 && isSpace(after)) {
    let k = end + 1;
    while (isSpace(at(text, k))) k++;
    const capital = at(text, k);
    if (capital >= 65 && capital <= 90) shapes |= SHAPE_NUMBER_CAPITAL;
  }
  if (length <= 3 && isCapital(before) && postcodeAfter(text, end, length)) shapes |= SHAPE_POSTCODE;
  if (length >= 4 && codeAround(text, start, end)) shapes |= SHAPE_CODE;
  // (Its area code may be in brackets: "(0161) 555 7720".)
  const gap = after === 41 ? end + 1 : end;
  if ((length === 4 || length === 5) && text.charCodeAt(start) === 48 && at(text, gap) === 32 && isDigit(at(text, gap + 1)) && isDigit(at(text, gap + 2))
    && isDigit(at(text, gap + 3))) shapes |= SHAPE_UK_PHONE;
  const first = text.charCodeAt(start);
  if ((length === 2 && first === 57) || (length === 3 && first === 49 && text.charCodeAt(start + 1) <= 52)) {
    let k = end;
    while (k < text.length && (text.charCodeAt(k) === 45 || isSpace(text.charCodeAt(k)))) k++;
    const y = at(text, k);
    if (y === 121 || y === 89) shapes |= SHAPE_OLD_AGE;
  }
  return shapes;
}

function tenDigitsBefore(text: string, end: number): boolean {
  let count = 0;
  for (let k = Math.max(0, end - 14); k < end; k++) if (isDigit(text.charCodeAt(k))) count++;
  return count >= 10;
}

/** Like `at`, with ASCII capitals lower-cased. */
function lowerAt(text: string, i: number): number {
  const c = at(text, i);
  return c >= 65 && c <= 90 ? c | 32 : c;
}

function isAlnum(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c);
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102);
}
