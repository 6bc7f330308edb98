import type { CorpusDocument } from './document.js';
import { hash64Hex } from './hash.js';
import { MinHashIndex, type MinHashOptions } from './minhash.js';

/** The text that decides whether two documents are the same: paragraphs, whitespace and case normalised. */
export function documentText(doc: CorpusDocument): string {
  return doc.paragraphs.join('\n').toLowerCase();
}

/** Remembers a 64-bit hash of every document's text; memory is 16 characters per distinct document. */
export class ExactDeduper {
  private readonly seen = new Set<string>();

  /** True when the same text was seen before (the document is then a duplicate); otherwise remembers it. */
  isDuplicate(doc: CorpusDocument): boolean {
    const key = hash64Hex(documentText(doc));
    if (this.seen.has(key)) return true;
    this.seen.add(key);
    return false;
  }

  get size(): number {
    return this.seen.size;
  }
}

export interface DedupOptions {
  /** Also drop near-duplicates (MinHash over word shingles + LSH); off by default. */
  readonly near?: boolean | MinHashOptions;
  /** Told about each dropped document and the kind of match. */
  readonly onDuplicate?: (doc: CorpusDocument, kind: 'exact' | 'near') => void;
}

/** Passes documents through, dropping exact duplicates (and near-duplicates when asked); first one wins. */
export async function* dedupe(docs: AsyncIterable<CorpusDocument>, options: DedupOptions = {}): AsyncIterable<CorpusDocument> {
  const exact = new ExactDeduper();
  const near = options.near === undefined || options.near === false
    ? null : new MinHashIndex(options.near === true ? {} : options.near);
  for await (const doc of docs) {
    if (exact.isDuplicate(doc)) {
      options.onDuplicate?.(doc, 'exact');
      continue;
    }
    if (near !== null && near.addIfNovel(documentText(doc)) !== null) {
      options.onDuplicate?.(doc, 'near');
      continue;
    }
    yield doc;
  }
}
