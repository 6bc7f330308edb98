import { normalizeSpace } from './document.js';

/** Splits text into paragraphs at blank lines; line breaks inside a paragraph become spaces. */
export function splitParagraphs(text: string): string[] {
  return text.split(/\n[ \t\r\f\v]*\n/).map(normalizeSpace).filter((p) => p !== '');
}
