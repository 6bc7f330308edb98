import { normalizeSpace, type CorpusDocument, type ReaderOptions } from './document.js';
import { linesOf, type TextSource } from './text-stream.js';

export interface TextOptions extends ReaderOptions {
  /**
   * A long book is cut into documents of at most this many paragraphs (default 1,000), so memory stays
   * bounded; ids are `FILE#1`, `FILE#2`, ...
   */
  readonly maxParagraphs?: number;
}

const MAX_PARAGRAPH_CHARS = 1 << 20;

/**
 * Plain text and textbooks: paragraphs are separated by blank lines; line breaks inside one become spaces. `source`
 * may also be the file's UTF-8 bytes in chunks (see linesOf: each line is decoded on its own).
 */
export async function* readText(source: TextSource | AsyncIterable<Uint8Array>, options: TextOptions = {}): AsyncIterable<CorpusDocument> {
  const file = options.fileName ?? 'input';
  const maxParagraphs = options.maxParagraphs ?? 1000;
  let paragraphs: string[] = [];
  let current: string[] = [];
  let part = 0;
  let firstLine = 1;
  let line = 0;
  const endParagraph = (): void => {
    const paragraph = normalizeSpace(current.join(' '));
    current = [];
    if (paragraph !== '') paragraphs.push(paragraph);
  };
  const take = (): CorpusDocument => {
    part += 1;
    const doc: CorpusDocument = { id: `${file}#${part}`, source: file, paragraphs, meta: { firstLine } };
    paragraphs = [];
    firstLine = line + 1;
    return doc;
  };
  let currentChars = 0;
  for await (const raw of linesOf(source)) {
    line += 1;
    if (raw.trim() === '') {
      endParagraph();
      currentChars = 0;
      if (paragraphs.length >= maxParagraphs) yield take();
    } else {
      current.push(raw);
      currentChars += raw.length;
      // Text with no blank lines at all (one paragraph per line, or none): cut rather than grow without bound.
      if (currentChars > MAX_PARAGRAPH_CHARS) {
        endParagraph();
        currentChars = 0;
        if (paragraphs.length >= maxParagraphs) yield take();
      }
    }
  }
  endParagraph();
  if (paragraphs.length > 0) yield take();
}
