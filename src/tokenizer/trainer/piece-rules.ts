// Which substrings may become pieces (SentencePiece's IsValidSentencePiece): bounded length, no unknown
// marker, no NUL or space, U+2581 only where the whitespace mode allows it, one script per piece, digits alone
// when splitting digits.
import { scriptOf } from './unicode-script.js';

export const SPACE_CP = 0x2581;
export const UNK_CP = 0x2585;

export interface PieceRules {
  readonly maxPieceLength: number;
  readonly splitByWhitespace: boolean;
  readonly treatWhitespaceAsSuffix: boolean;
  readonly allowWhitespaceOnlyPieces: boolean;
  readonly splitByUnicodeScript: boolean;
  readonly splitByNumber: boolean;
  readonly splitDigits: boolean;
}

const ANY = -1;

/** Is cps[start, end) a valid piece? */
export function isValidPiece(rules: PieceRules, cps: Int32Array, start: number, end: number): boolean {
  const size = end - start;
  if (size <= 0 || size > rules.maxPieceLength) return false;
  let allSpace = true;
  for (let k = start; k < end; k++) if (cps[k] !== SPACE_CP) { allSpace = false; break; }
  let prevScript = ANY;
  for (let k = start; k < end; k++) {
    const c = cps[k];
    const pos = k - start;
    if (c === UNK_CP || c === 0 || c === 0x20) return false;
    if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return false;
    if (c === SPACE_CP) {
      if (!rules.allowWhitespaceOnlyPieces || !allSpace) {
        if (rules.treatWhitespaceAsSuffix) {
          if ((rules.splitByWhitespace && pos < size - 1) || (!rules.splitByWhitespace && pos < size - 1 && pos === 0)) return false;
        } else if ((rules.splitByWhitespace && pos > 0) || (!rules.splitByWhitespace && pos > 0 && pos === size - 1)) {
          return false;
        }
      }
      continue;
    }
    const isDigit = c >= 0x30 && c <= 0x39;
    if (rules.splitDigits && isDigit && size > 1) return false;
    let script = scriptOf(c);
    if (!rules.splitByNumber && isDigit) script = ANY;
    if (rules.splitByUnicodeScript && script !== ANY && prevScript !== ANY && prevScript !== script) return false;
    prevScript = script;
  }
  return true;
}
