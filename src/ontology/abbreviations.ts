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
 * Links a document, then links the abbreviations it defines: every whole-word occurrence of a short form
 * (case as defined) gets its long form's concept, replacing a dictionary match of exactly that text (the
 * document's own definition beats a global guess: `AF` defined as atrial fibrillation is not the gene AF).
 * Longer overlapping matches are kept. Spans stay sorted and non-overlapping.
 */
export function linkWithAbbreviations(matcher: EntityMatcher, text: string): LinkedSpan[] {
  const spans = matcher.match(text);
  const definitions = findAbbreviations(text, spans);
  if (definitions.length === 0) return spans;
  const byShortForm = new Map<string, LinkedSpan>();
  for (const d of definitions) if (!byShortForm.has(d.shortForm)) byShortForm.set(d.shortForm, d.span);
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

/** Does text[from, to) hold the character `code`? */
function hasCharWithin(text: string, code: number, from: number, to: number): boolean {
  const end = Math.min(to, text.length);
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === code) return true;
  return false;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}
