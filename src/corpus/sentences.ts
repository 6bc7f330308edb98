/**
 * Rule-based sentence splitting for biomedical prose. A sentence ends at `.`, `?` or `!` (plus any closing
 * quotes or brackets) followed by whitespace and then something that can start a sentence. It does not end:
 * - inside a number or a dotted token (`2.5 mg`, `i.v.`, `e.g.` when no space follows the dot);
 * - before a lowercase word (`e.g. the`, `vs. placebo`, `et al. reported`);
 * - after a title-like abbreviation, whatever follows (`Fig. 2`, `Dr. Smith`, `et al. (2005)`), or one that
 *   introduces a number when a digit follows (`No. 5`, `p. 34`);
 * - after a single capital letter, an initial (`J. Smith`, `E. coli`);
 * - after other known abbreviations (`i.v.`, `approx.`) unless a capitalised word follows.
 */

// Never end a sentence: they introduce a name, a figure or an example.
export const ALWAYS_CONTINUE = new Set([
  'fig', 'figs', 'tab', 'eq', 'eqs', 'ref', 'refs', 'dr', 'drs', 'mr', 'mrs', 'ms', 'prof', 'st', 'sr', 'jr', 'vs', 'cf',
  'e.g', 'i.e', 'al', 'approx', 'ca', 'sp', 'spp', 'subsp', 'var', 'cv', 'viz', 'dept', 'univ', 'suppl', 'nr', 'resp',
]);

// End a sentence unless a number follows (`No. 5`, `Vol. 12`, `p. 34`, `Jan. 2005`).
export const CONTINUE_BEFORE_DIGIT = new Set([
  'no', 'nos', 'vol', 'vols', 'p', 'pp', 'ch', 'chap', 'sect', 'c', 'ed', 'ser', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

// May end a sentence, but only when a capitalised word follows (`... given i.v. The next dose ...`).
export const CONTINUE_UNLESS_CAPITAL = new Set([
  'i.v', 'i.m', 'i.p', 's.c', 'p.o', 'b.i.d', 't.i.d', 'q.i.d', 'q.d', 'h.s', 'p.r.n', 'a.m', 'p.m', 'etc', 'inc', 'ltd',
  'co', 'corp', 'esp', 'incl', 'excl', 'avg', 'est', 'conc', 'min', 'max', 'wt', 'hr', 'hrs', 'u.s', 'u.k',
]);

// Terminators . ? ! …, closers " ' ” ’ ) ] }, openers " ' “ ‘ ( [ { (tested by char code: this runs over every character).

export interface SentenceSpan {
  /** UTF-16 offsets into the text given: `text.slice(start, end)` is the sentence, trimmed. */
  readonly start: number;
  readonly end: number;
}

/** Sentence spans of one paragraph, in order; offsets index the original string. */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const n = text.length;
  let start = skipSpace(text, 0);
  // The next of each terminator (n: none), each found again by indexOf only once passed: cheaper than a regex exec
  // a terminator (which makes a match array) or a loop over char codes.
  let dot = -1, question = -1, bang = -1, ellipsis = -1;
  let i = start;
  while (i < n) {
    if (dot < i) dot = indexOrEnd(text, '.', i);
    if (question < i) question = indexOrEnd(text, '?', i);
    if (bang < i) bang = indexOrEnd(text, '!', i);
    if (ellipsis < i) ellipsis = indexOrEnd(text, '\u2026', i);
    i = Math.min(dot, question, bang, ellipsis);
    if (i === n) break;
    // The terminator and any terminators and closers right after it. (A do-while: its step runs on every terminator,
    // so it has type feedback when TurboFan compiles this; as a while body it ran only on `.)` and the like, and the
    // first one threw the compiled code away.)
    let end = i;
    do end += 1; while (end < n && (isTerminator(text.charCodeAt(end)) || isCloser(text.charCodeAt(end))));
    if (end < n && !isSpaceCode(text.charCodeAt(end))) {
      i = end; // `2.5`, `i.v.`, `U.S.A` — the dot is inside a token
      continue;
    }
    const next = skipSpace(text, end);
    if (next >= n) break;
    if (endsSentence(text, start, i, next)) {
      spans.push({ start, end });
      start = next;
    }
    i = next;
  }
  const last = trimEnd(text, start, n);
  if (last > start) spans.push({ start, end: last });
  return spans;
}

/** Where `terminator` next occurs in text from `from` on, or text.length. */
function indexOrEnd(text: string, terminator: string, from: number): number {
  const at = text.indexOf(terminator, from);
  return at < 0 ? text.length : at;
}

/** The sentences of one paragraph as strings. */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((s) => text.slice(s.start, s.end));
}

function endsSentence(text: string, sentenceStart: number, dot: number, next: number): boolean {
  let n = next;
  while (n < text.length && isOpener(text.charCodeAt(n))) n += 1;
  const following = n < text.length ? text[n] : '';
  if (following === '' || isLower(following)) return false;
  if (text.charCodeAt(dot) !== 0x2e) return true; // `?`, `!`, `…` before anything but a lowercase word
  if (plainLongWordBefore(text, sentenceStart, dot)) return true; // no rule below can hold: no string made
  const word = wordBefore(text, sentenceStart, dot);
  const lower = word.toLowerCase();
  const digitFollows = isDigit(following); // here, not in the rare branch that uses it (see the do-while above)
  if (ALWAYS_CONTINUE.has(lower)) return false;
  if (CONTINUE_BEFORE_DIGIT.has(lower)) return !digitFollows;
  if (word.length === 1 && isUpper(word)) return false; // an initial: `J. Smith`, `E. coli`
  if (CONTINUE_UNLESS_CAPITAL.has(lower) || /^([a-z]\.)+[a-z]$/i.test(word)) return isUpper(following);
  return true;
}

/** The longest abbreviation listed: a longer word before a dot is none of them. */
const LONGEST_LISTED = Math.max(...[...ALWAYS_CONTINUE, ...CONTINUE_BEFORE_DIGIT, ...CONTINUE_UNLESS_CAPITAL].map((w) => w.length));

/**
 * Is wordBefore(text, from, dot) longer than any listed abbreviation and free of dots (so neither listed, nor an
 * initial, nor dotted letters like `e.g`: lower-casing never shortens a word)? Answered from char codes, with no
 * string made.
 */
function plainLongWordBefore(text: string, from: number, dot: number): boolean {
  let s = dot;
  while (s > from) {
    const c = text.charCodeAt(s - 1);
    if (isSpaceCode(c)) break;
    if (c === 0x2e) return false;
    s -= 1;
  }
  while (s < dot && isOpener(text.charCodeAt(s))) s += 1; // as wordBefore drops them
  return dot - s > LONGEST_LISTED;
}

/** The token just before the dot, without leading brackets or quotes (`(e.g` → `e.g`). */
function wordBefore(text: string, from: number, dot: number): string {
  let s = dot;
  while (s > from && !isSpaceCode(text.charCodeAt(s - 1))) s -= 1;
  let word = text.slice(s, dot);
  while (word.length > 0 && isOpener(word.charCodeAt(0))) word = word.slice(1);
  return word;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i += 1;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end -= 1;
  return end;
}

/** Space, line feed, tab, carriage return, no-break space, form feed. */
function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x0c;
}

function isTerminator(c: number): boolean {
  return c === 0x2e || c === 0x3f || c === 0x21 || c === 0x2026;
}

function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d || c === 0x7d;
}

function isOpener(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201c || c === 0x2018 || c === 0x28 || c === 0x5b || c === 0x7b;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isLower(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 0x80) return code >= 0x61 && code <= 0x7a; // what the case test below gives for ASCII, without two strings
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

function isUpper(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}
