/** Character tests on UTF-16 codes, shared by the hand-written scans of the pattern rules. */

/** The character code at `i`, or -1 outside the text (no read past either end). */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** 1 at the codes of the characters a regex's \s matches. */
const SPACES = new Uint8Array(0x10000);
for (const c of [32, 9, 10, 11, 12, 13, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) SPACES[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) SPACES[c] = 1;

/**
 * Every character a regex's \s matches (being generous would only run a rule more often, never less), by a table of
 * all UTF-16 codes: one load, where a chain of compares ran its wide-space tail only at the first such character
 * (an en space after a number), after the scan had been optimized without feedback for it, and threw that code away.
 */
export function isSpace(c: number): boolean {
  return SPACES[c & 0xffff] === 1;
}

/** Units of a dose or a lab value after a number ("10000 units", "12500 mg"), as a regex source to embed. */
export const DOSE_UNIT = String.raw`(?:units?|u|iu|mg|mcg|ug|g|ml|cc|l|meq|mmol|cells|copies|x)`;
