/**
 * Word tokens for the recognisers: runs of ASCII letters with inner apostrophes ("O'Driscoll", "pt's"); a hyphen
 * separates words ("Stord-Painter" is two, joined by rules that allow a hyphen gap), with what lies between them, so rules can ask "is the previous word 'Dr' with
 * only a period and spaces between?".
 */
export interface Word {
  readonly start: number;
  readonly end: number;
  /** Lower case, without a possessive 's ("white's" → "white"). */
  readonly key: string;
  /** End offset without the possessive, so a span stops before "'s". */
  readonly keyEnd: number;
  /** The text between the previous word's end and this word's start. */
  readonly gapBefore: string;
  /** First letter upper case and at least one lower case letter: "Marder" (not "MARDER", not "marder"). */
  readonly capitalized: boolean;
  /** A single letter: an initial when followed by "." or a name. */
  readonly single: boolean;
}

const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)*/g;

export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let prevEnd = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    const possessive = /['’][sS]$/.test(raw) && raw.length > 2;
    const keyRaw = possessive ? raw.slice(0, -2) : raw;
    const first = raw.charCodeAt(0);
    words.push({
      start,
      end,
      key: keyRaw.toLowerCase(),
      keyEnd: start + keyRaw.length,
      gapBefore: text.slice(prevEnd, start),
      capitalized: first >= 65 && first <= 90 && /[a-z]/.test(raw),
      single: raw.length === 1,
    });
    prevEnd = end;
  }
  return words;
}

/**
 * How a note is written: PhysioNet-style nursing notes are often all upper or all lower case, where
 * capitalisation tells nothing; in mixed-case notes a capitalised word inside a sentence hints at a name.
 */
export function isMixedCase(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  const letters = upper + lower;
  return letters > 0 && upper / letters > 0.02 && upper / letters < 0.5;
}

/** The gap holds only spaces/tabs (no punctuation, no line break). */
export function cleanGap(gap: string): boolean {
  return /^[ \t]+$/.test(gap);
}

/** The gap is spaces, optionally after a period or comma: "Dr. Marder", "Cole, MD". */
export function softGap(gap: string): boolean {
  return /^[.,]?[ \t]*$/.test(gap) && gap.length <= 4;
}
