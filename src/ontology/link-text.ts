import { linkWithAbbreviations } from './abbreviations.js';
import type { EntityMatcher } from './matcher.js';
import type { LinkedSpan } from './types.js';

/** A blank line: paragraphs are linked one by one, so an abbreviation defined in one does not reach the next. */
export const PARAGRAPH_BREAK = /\n[ \t\r]*\n/g;

/**
 * The entity mentions of a text, paragraph by paragraph as `medbert link` reads a file (offsets into the whole
 * text); `abbreviations`: also the short forms a paragraph defines ("atrial fibrillation (AF)").
 */
export function linkText(matcher: EntityMatcher, text: string, abbreviations = true): LinkedSpan[] {
  const spans: LinkedSpan[] = [];
  const link = (paragraph: string, offset: number): void => {
    for (const s of abbreviations ? linkWithAbbreviations(matcher, paragraph) : matcher.match(paragraph)) {
      spans.push({ ...s, start: s.start + offset, end: s.end + offset });
    }
  };
  let start = 0;
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    link(text.slice(start, m.index), start);
    start = m.index + m[0].length;
  }
  if (start < text.length) link(text.slice(start), start);
  return spans;
}
