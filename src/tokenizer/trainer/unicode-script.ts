// The Unicode script of a code point (from the JS engine's Unicode tables), for the trainer's rule that a
// piece must not mix scripts. Hiragana and Katakana (and the prolonged sound mark) count as Han, as in
// SentencePiece, so Japanese words can be pieces.

const SCRIPTS = [
  'Common', 'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Nko', 'Devanagari',
  'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao',
  'Tibetan', 'Myanmar', 'Georgian', 'Hangul', 'Ethiopic', 'Cherokee', 'Canadian_Aboriginal', 'Ogham', 'Runic',
  'Khmer', 'Mongolian', 'Hiragana', 'Katakana', 'Bopomofo', 'Han', 'Yi', 'Inherited', 'Tagalog', 'Coptic',
  'Braille', 'Tifinagh', 'Vai', 'Javanese', 'Balinese', 'Samaritan', 'Gothic', 'Glagolitic', 'Old_Italic',
];
const UNKNOWN = SCRIPTS.length;

let patterns: RegExp[] | null = null;
/** Script per code point, filled on first use (-1: not looked up yet). */
let cache: Int8Array | null = null;

/** A small integer naming the script of `cp` (equal numbers = same script for the piece rule). */
export function scriptOf(cp: number): number {
  if (cp < 0x80) {
    // ASCII fast path: letters are Latin, everything else Common.
    return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? 1 : 0;
  }
  cache ??= new Int8Array(0x110000).fill(-1);
  const hit = cache[cp];
  if (hit >= 0) return hit;
  patterns ??= SCRIPTS.map((name) => new RegExp(`^\\p{Script=${name}}$`, 'u'));
  const ch = String.fromCodePoint(cp);
  let script = UNKNOWN;
  for (let i = 0; i < patterns.length; i++) {
    if (patterns[i].test(ch)) { script = i; break; }
  }
  if (script === 33 || script === 34 || cp === 0x30fc) script = 36; // Hiragana, Katakana → Han
  cache[cp] = script;
  return script;
}
