import { normalizeSpace, type CorpusDocument, type ReaderOptions } from './document.js';
import { linesOf, type TextSource } from './text-stream.js';

export interface TextOptions extends ReaderOptions {
  /**
   * A long book is cut into documents of at most this many paragraphs (default 1,000), so memory stays
   * bounded; ids are `FILE#1`, `FILE#2`, ...
   */
  readonly maxParagraphs?: number;
}

/** Plain text and textbooks: paragraphs are separated by blank lines; line breaks inside one become spaces. */
export async function* readText(source: TextSource, options: TextOptions = {}): AsyncIterable<CorpusDocument> {
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
  for await (const raw of linesOf(source)) {
    line += 1;
    if (raw.trim() === '') {
      endParagraph();
      if (paragraphs.length >= maxParagraphs) yield take();
    } else {
      current.push(raw);
    }
  }
  endParagraph();
  if (paragraphs.length > 0) yield take();
}
