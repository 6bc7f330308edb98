// The sentence splitter as first written (string comparisons, a regex for the next terminator): the reference that
// the char-code version in src/corpus/sentences.ts must match span for span (test/corpus/sentences.test.ts).
// The abbreviation lists are the splitter's own: the reference checks the char-code algorithm, not the lists.
import { ALWAYS_CONTINUE, CONTINUE_BEFORE_DIGIT, CONTINUE_UNLESS_CAPITAL } from '../../src/corpus/sentences.js';

const TERMINATORS = '.?!\u2026';
const CLOSERS = '"\'\u201d\u2019)]}';
const OPENERS = '"\'\u201c\u2018([{';

/** src/corpus/sentences.ts's sentenceSpans as it was written first, with string tests and a regex. */
export function referenceSentenceSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = skipSpace(text, 0);
  const nextTerminator = /[.?!\u2026]/g;
  let i = start;
  while (i < text.length) {
    nextTerminator.lastIndex = i;
    const hit = nextTerminator.exec(text);
    if (hit === null) break;
    i = hit.index;
    let end = i + 1;
    while (end < text.length && (TERMINATORS.includes(text[end]) || CLOSERS.includes(text[end]))) end += 1;
    if (end < text.length && !isSpace(text[end])) {
      i = end; // `2.5`, `i.v.`, `U.S.A` — the dot is inside a token
      continue;
    }
    const next = skipSpace(text, end);
    if (next >= text.length) break;
    if (endsSentence(text, start, i, next)) {
      spans.push({ start, end });
      start = next;
    }
    i = next;
  }
  const last = trimEnd(text, start, text.length);
  if (last > start) spans.push({ start, end: last });
  return spans;
}

function endsSentence(text: string, sentenceStart: number, dot: number, next: number): boolean {
  let n = next;
  while (n < text.length && OPENERS.includes(text[n])) n += 1;
  const following = n < text.length ? text[n] : '';
  if (following === '' || isLower(following)) return false;
  if (text[dot] !== '.') return true; // `?`, `!`, `…` before anything but a lowercase word
  const word = wordBefore(text, sentenceStart, dot);
  const lower = word.toLowerCase();
  if (ALWAYS_CONTINUE.has(lower)) return false;
  if (CONTINUE_BEFORE_DIGIT.has(lower)) return !isDigit(following);
  if (word.length === 1 && isUpper(word)) return false; // an initial: `J. Smith`, `E. coli`
  if (CONTINUE_UNLESS_CAPITAL.has(lower) || /^([a-z]\.)+[a-z]$/i.test(word)) return isUpper(following);
  return true;
}

/** The token just before the dot, without leading brackets or quotes (`(e.g` → `e.g`). */
function wordBefore(text: string, from: number, dot: number): string {
  let s = dot;
  while (s > from && !isSpace(text[s - 1])) s -= 1;
  let word = text.slice(s, dot);
  while (word.length > 0 && OPENERS.includes(word[0])) word = word.slice(1);
  return word;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text[i])) i += 1;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text[end - 1])) end -= 1;
  return end;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0' || c === '\f';
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isLower(c: string): boolean {
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

function isUpper(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}
