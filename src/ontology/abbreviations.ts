import type { EntityMatcher } from './matcher.js';
import type { LinkedSpan } from './types.js';

/** A short form defined in the text as `long form (SF)`, and the concept its long form was linked to. */
export interface AbbreviationDefinition {
  readonly shortForm: string;
  readonly span: LinkedSpan;
}

// A short form: 2-10 characters, starts with a letter or digit, has a letter and an upper-case letter
// (`DOX`, `5-FU`, `CsA`, `L-NAME`); no spaces.
const SHORT_FORM = /^(?=.*\p{Lu})(?=.*\p{L})[\p{L}\p{N}][\p{L}\p{N}\-+/.]{1,9}$/u;

/**
 * Finds `long form (SF)` where the long form is a linked span ending just before the parenthesis and the
 * short form's first letter starts one of the long form's words (the check of Schwartz & Hearst 2003,
 * loosened to what the linker already found), and `SF (long form)` where a linked span fills the
 * parentheses after a short form that is not itself linked.
 */
export function findAbbreviations(text: string, spans: readonly LinkedSpan[]): AbbreviationDefinition[] {
  const found: AbbreviationDefinition[] = [];
  for (const span of spans) {
    // Most spans have no parenthesis right after them: a look for one is far cheaper than the slice and the regex.
    if (!hasCharWithin(text, 40 /* ( */, span.end, span.end + 3)) continue;
    const open = /^\s*\(/.exec(text.slice(span.end, span.end + 3));
    if (open === null) continue;
    const from = span.end + open[0].length;
    const close = text.indexOf(')', from);
    if (close < 0 || close - from > 10) continue;
    const shortForm = text.slice(from, close).trim();
    if (!SHORT_FORM.test(shortForm)) continue;
    const initial = shortForm[0].toLowerCase();
    const words = span.text.toLowerCase().split(/[\s\-/]+/);
    if (!words.some((w) => w.startsWith(initial))) continue;
    found.push({ shortForm, span });
  }
  // The other order, `SF (long form)`: `AZT (zidovudine)`, `5-FU (5-fluorouracil)`.
  for (const span of spans) {
    if (!hasCharWithin(text, 41 /* ) */, span.end, span.end + 3)) continue; // the test below would fail
    const before = /(\S+)\s*\(\s*$/.exec(text.slice(Math.max(0, span.start - 14), span.start));
    if (before === null || !/^\s*\)/.test(text.slice(span.end, span.end + 3))) continue;
    const shortForm = before[1];
    if (!SHORT_FORM.test(shortForm) || spans.some((s) => s.text === shortForm)) continue;
    found.push({ shortForm, span });
  }
  return found;
}

/**
 * Links a document, then links the abbreviations it defines (and the initialisms it uses of names it links, see
 * initialisms): every whole-word occurrence of a short form
 * (case as defined) gets its long form's concept, replacing a dictionary match of exactly that text (the
 * document's own definition beats a global guess: `AF` defined as atrial fibrillation is not the gene AF).
 * Longer overlapping matches are kept. Spans stay sorted and non-overlapping.
 */
export function linkWithAbbreviations(matcher: EntityMatcher, text: string): LinkedSpan[] {
  const spans = matcher.match(text);
  const definitions = findAbbreviations(text, spans);
  const initials = initialisms(text, spans, definitions);
  if (definitions.length === 0 && initials.size === 0) return spans;
  const byShortForm = new Map<string, LinkedSpan>();
  for (const d of definitions) if (!byShortForm.has(d.shortForm)) byShortForm.set(d.shortForm, d.span);
  for (const [shortForm, span] of initials) if (!byShortForm.has(shortForm)) byShortForm.set(shortForm, span);
  const added: LinkedSpan[] = [];
  for (const [shortForm, long] of byShortForm) {
    for (let at = text.indexOf(shortForm); at >= 0; at = text.indexOf(shortForm, at + 1)) {
      const end = at + shortForm.length;
      if (isWordChar(text[at - 1]) || isWordChar(text[end])) continue;
      added.push({ start: at, end, text: shortForm, id: long.id, type: long.type, preferredName: long.preferredName, alternatives: [] });
    }
  }
  const kept = spans.filter((s) => !added.some((a) => a.start <= s.start && s.end <= a.end));
  const merged = [...kept, ...added.filter((a) => !kept.some((s) => s.start < a.end && a.start < s.end))];
  return merged.sort((a, b) => a.start - b.start);
}

/**
 * Short forms a text uses without defining them, made of the initials of a disease or chemical it names in full:
 * "congestive heart failure" ... "CHF exacerbation", "ventricular septal defect" ... "the VSD". The initials of a
 * linked span of three to five words, upper case, found in the text as a word of its own that no span covers, with
 * a word in lower case just before or after it (not in a heading in capitals, where every word is one); the first
 * span to make them wins. Not for genes (their symbols are names of their own), nor initials that are also a defined short form. Not
 * two words: two letters stand for too much in clinical notes ("BP" for blood pressure where "back pain" is named,
 * "ER", "PE", "CT"), though "HD" for Huntington disease was right in NCBI-disease's abstracts.
 */
function initialisms(text: string, spans: readonly LinkedSpan[], definitions: readonly AbbreviationDefinition[]): Map<string, LinkedSpan> {
  const found = new Map<string, LinkedSpan>();
  for (const span of spans) {
    if (span.type === 'gene') continue;
    const initials = initialsOf(span.text);
    if (initials === null || found.has(initials) || definitions.some((d) => d.shortForm === initials)) continue;
    for (let at = text.indexOf(initials); at >= 0; at = text.indexOf(initials, at + 1)) {
      const end = at + initials.length;
      if (isWordChar(text[at - 1]) || isWordChar(text[end])) continue;
      if (spans.some((s) => s.start < end && at < s.end) || !besideLowerCase(text, at, end)) continue;
      found.set(initials, span);
      break;
    }
  }
  return found;
}

/**
 * The upper-case initials of a name of three to five words (split at spaces and hyphens), each starting with a
 * letter; null for any other (most spans: one or two words, found by one pass making no string).
 */
function initialsOf(name: string): string | null {
  let words = 0;
  let atStart = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 32 || c === 45) {
      atStart = true;
    } else if (atStart) {
      atStart = false;
      if (++words > 5) return null;
    }
  }
  if (words < 3) return null;
  let initials = '';
  atStart = true;
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]!;
    if (ch === ' ' || ch === '-') {
      atStart = true;
    } else if (atStart) {
      atStart = false;
      if (!/\p{L}/u.test(ch)) return null;
      initials += ch.toUpperCase();
    }
  }
  return initials;
}

/** Has the word just before text[at, end) or the one just after a lower-case letter? */
function besideLowerCase(text: string, at: number, end: number): boolean {
  const before = /(\p{L}+)[^\p{L}]*$/u.exec(text.slice(Math.max(0, at - 40), at));
  const after = /^[^\p{L}]*(\p{L}+)/u.exec(text.slice(end, end + 40));
  return /\p{Ll}/u.test(before?.[1] ?? '') || /\p{Ll}/u.test(after?.[1] ?? '');
}

/** Does text[from, to) hold the character `code`? */
function hasCharWithin(text: string, code: number, from: number, to: number): boolean {
  const end = Math.min(to, text.length);
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === code) return true;
  return false;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}
