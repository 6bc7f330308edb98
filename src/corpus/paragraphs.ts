import { normalizeSpace } from './document.js';

/** Splits text into paragraphs at blank lines; line breaks inside a paragraph become spaces. */
export function splitParagraphs(text: string): string[] {
  // A blank line needs a '\n': text without one (every MTSamples note) is one paragraph, found without the regex.
  const paragraphs = text.indexOf('\n') < 0 ? [text] : text.split(/\n[ \t\r\f\v]*\n/);
  return paragraphs.map(normalizeSpace).filter((p) => p !== '');
}
