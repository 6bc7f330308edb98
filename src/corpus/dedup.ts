import type { CorpusDocument } from './document.js';
import { hash64Hex, mix32, SEED_A, SEED_B } from './hash.js';
import { MinHashIndex, type MinHashOptions } from './minhash.js';

/** The text that decides whether two documents are the same: paragraphs, whitespace and case normalised. */
export function documentText(doc: CorpusDocument): string {
  return doc.paragraphs.join('\n').toLowerCase();
}

/**
 * `hash64Hex(documentText(doc))` in one pass over the paragraphs, making no joined or lower-cased copy, when the
 * text is ASCII (where lower-casing is A-Z → a-z alone); other text goes the long way, since lower-casing
 * beyond ASCII can change a string's length. The same keys either way, so the same documents are dropped.
 */
export function documentKey(doc: CorpusDocument): string {
  let a = (0x811c9dc5 ^ SEED_A) >>> 0;
  let b = (0x811c9dc5 ^ SEED_B) >>> 0;
  const paragraphs = doc.paragraphs;
  for (let p = 0; p < paragraphs.length; p++) {
    if (p > 0) {
      a = Math.imul(a ^ 10, 0x01000193); // the '\n' that joins paragraphs
      b = Math.imul(b ^ 10, 0x01000193);
    }
    const text = paragraphs[p];
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) return hash64Hex(documentText(doc));
      const lower = LOWER_ASCII[c];
      a = Math.imul(a ^ lower, 0x01000193);
      b = Math.imul(b ^ lower, 0x01000193);
    }
  }
  return hex8(mix32(a)) + hex8(mix32(b));
}

/** ASCII code → its lower case (A-Z → a-z, the rest unchanged). */
const LOWER_ASCII = Uint8Array.from({ length: 128 }, (_, c) => (c >= 65 && c <= 90 ? c + 32 : c));

const hex8 = (x: number): string => x.toString(16).padStart(8, '0');

/** Remembers a 64-bit hash of every document's text; memory is 16 characters per distinct document. */
export class ExactDeduper {
  private readonly seen = new Set<string>();

  /** True when the same text was seen before (the document is then a duplicate); otherwise remembers it. */
  isDuplicate(doc: CorpusDocument): boolean {
    const key = documentKey(doc);
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
