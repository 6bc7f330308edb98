import { normalizeSpace, type CorpusDocument, type ReaderOptions } from './document.js';
import { fnv1a32 } from './hash.js';
import { linesOf, type TextSource } from './text-stream.js';

export interface TextOptions extends ReaderOptions {
  /**
   * A long book is cut into documents of at most this many paragraphs (default 1,000), so memory stays
   * bounded; ids are `FILE#1`, `FILE#2`, ... Where it is cut depends on the text, not on where it starts in the
   * file (see `cutsAfter`).
   */
  readonly maxParagraphs?: number;
}

/** Lines, and paragraphs of several lines, are cut at about this many characters: text with no line breaks stays bounded in memory. */
const MAX_LINE_CHARS = 1 << 20;

/**
 * Whether a document of `count` paragraphs, the last one `paragraph`, ends there. Exact duplicate removal compares
 * whole documents, so a book's documents are cut where its text says, not every maxParagraphs from the start of the
 * file: the same pages in two files, or twice in one (`cat a.txt a.txt`), then make the same documents after their
 * first cut, whatever comes before them (long stretches, then: a repeated page of a few paragraphs rarely holds a
 * cut). A cut falls after one paragraph in maxParagraphs/4, chosen by a hash of the paragraph's start and length
 * alone (a smallest document size would make the cuts depend on the one before, and two copies could stay out of
 * step), and always at maxParagraphs.
 */
function cutsAfter(paragraph: string, count: number, maxParagraphs: number): boolean {
  const quarter = maxParagraphs >> 2;
  // The paragraph's start and length stand for it: the same paragraph gives the same answer, at a fraction of the cost.
  const key = paragraph.length > 64 ? paragraph.slice(0, 64) : paragraph;
  return count >= maxParagraphs || (quarter >= 2 && fnv1a32(key, paragraph.length) % quarter === 0);
}

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
  /** Ends the paragraph; true when the document ends with it. */
  const endParagraph = (): boolean => {
    const paragraph = normalizeSpace(current.join(' '));
    current = [];
    if (paragraph === '') return false;
    paragraphs.push(paragraph);
    return cutsAfter(paragraph, paragraphs.length, maxParagraphs);
  };
  const take = (): CorpusDocument => {
    part += 1;
    const doc: CorpusDocument = { id: `${file}#${part}`, source: file, paragraphs, meta: { firstLine } };
    paragraphs = [];
    firstLine = line + 1;
    return doc;
  };
  let currentChars = 0;
  for await (const piece of linesOf(source, MAX_LINE_CHARS)) {
    // A lone CR ends a line too (old Mac files, some exports); linesOf ends lines at LF (a CRLF's CR it drops).
    for (const raw of piece.indexOf('\r') < 0 ? [piece] : piece.split('\r')) {
      line += 1;
      if (raw.trim() === '') {
        currentChars = 0;
        if (endParagraph()) yield take();
      } else {
        // Text with no blank lines at all (one paragraph per line, or none): cut rather than grow without bound.
        if (current.length > 0 && currentChars + raw.length > MAX_LINE_CHARS) {
          currentChars = 0;
          if (endParagraph()) yield take();
        }
        current.push(raw);
        currentChars += raw.length;
      }
    }
  }
  endParagraph();
  if (paragraphs.length > 0) yield take();
}

