import { normalizeSpace, type CorpusDocument, type ReaderOptions } from './document.js';
import { fnv1a32 } from './hash.js';
import type { TextSource } from './text-stream.js';

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
 * first cut, whatever comes before them. A cut falls after one paragraph in maxParagraphs/4, chosen by a hash of
 * the paragraph alone (a smallest document size would make the cuts depend on the one before, and two copies
 * could stay out of step), and always at maxParagraphs.
 */
function cutsAfter(paragraph: string, count: number, maxParagraphs: number): boolean {
  const quarter = maxParagraphs >> 2;
  return count >= maxParagraphs || (quarter >= 2 && fnv1a32(paragraph) % quarter === 0);
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
  for await (const raw of textLines(source)) {
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
  endParagraph();
  if (paragraphs.length > 0) yield take();
}

/**
 * The lines of plain text. A line ends at LF, CRLF or a lone CR (as old Mac files and some exports end them); a line
 * longer than MAX_LINE_CHARS is cut at its last space before that (or there), so text without line breaks is read
 * in bounded pieces. Bytes are decoded as one stream (a character cut between chunks is whole; invalid UTF-8
 * becomes U+FFFD; a byte-order mark at the start is dropped).
 */
async function* textLines(source: TextSource | AsyncIterable<Uint8Array>): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const breaks = /[\r\n]/g;
  let pending = '';
  for await (const chunk of typeof source === 'string' ? [source] : source) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    breaks.lastIndex = 0;
    for (let m = breaks.exec(pending); m !== null; m = breaks.exec(pending)) {
      const at = m.index;
      const cr = pending.charCodeAt(at) === 13;
      if (cr && at + 1 === pending.length) break; // the LF of a CRLF may come in the next chunk
      yield pending.slice(start, at);
      start = at + (cr && pending.charCodeAt(at + 1) === 10 ? 2 : 1);
      breaks.lastIndex = start;
    }
    pending = pending.slice(start);
    while (pending.length > MAX_LINE_CHARS) { // no line break in it (but a last CR)
      const cut = lineCut(pending);
      yield pending.slice(0, cut);
      pending = pending.slice(cut);
    }
  }
  pending += decoder.decode();
  const last = pending.split(/\r\n?|\n/);
  if (last[last.length - 1] === '') last.pop();
  yield* last;
}

/** Where to cut a line longer than MAX_LINE_CHARS: after its last space before that, else there (not inside a surrogate pair). */
function lineCut(line: string): number {
  const space = line.lastIndexOf(' ', MAX_LINE_CHARS);
  if (space > MAX_LINE_CHARS >> 1) return space + 1;
  const high = line.charCodeAt(MAX_LINE_CHARS - 1);
  return high >= 0xd800 && high <= 0xdbff ? MAX_LINE_CHARS - 1 : MAX_LINE_CHARS;
}
