import type { CorpusDocument } from './document.js';
import { fnv1a32, mix32, SEED_A, SEED_B } from './hash.js';
import { KeySet64 } from './key-set.js';
import { MinHashIndex, type MinHashOptions } from './minhash.js';

/** The text that decides whether two documents are the same: paragraphs, whitespace and case normalised. */
export function documentText(doc: CorpusDocument): string {
  return doc.paragraphs.join('\n').toLowerCase();
}

/**
 * A 64-bit key (16 hex digits) of documentText(doc): documents get the same key exactly when their texts are the same
 * (up to 64-bit hash collisions, negligible for corpora). Most text is ASCII, where lower-casing is A-Z → a-z alone:
 * its UTF-8 bytes are hashed four at a time, lower-cased on the way, with no joined or lower-cased copy. Other text
 * is lower-cased the long way first (beyond ASCII that can change a string's length, and Σ depends on what follows):
 * when the result is ASCII (K, the Kelvin sign, lower-cases to k) it is hashed as ASCII text is, so it meets its
 * ASCII twin; otherwise by hash64Hex's two FNV-1a hashes (a text with other characters never equals one without, so
 * only a 64-bit collision could give it an ASCII text's key).
 */
export function documentKey(doc: CorpusDocument): string {
  documentKeyHalves(doc);
  return hex8(key.hi) + hex8(key.lo);
}

/** The last key documentKeyHalves made, as two int32 halves: ExactDeduper makes no string per document. */
const key = { hi: 0, lo: 0 };

/** documentKey's two halves, into `key`. */
function documentKeyHalves(doc: CorpusDocument): void {
  keyHalves(doc);
  // The buffer grows to the longest document; one of over a few MB is not kept (a huge document would pin it).
  if (keyBytes.ints.length > KEPT_BUFFER_INTS) {
    keyBytes.ints = new Int32Array(1 << 14);
    keyBytes.bytes = new Uint8Array(keyBytes.ints.buffer);
  }
}

const KEPT_BUFFER_INTS = 1 << 20;

function keyHalves(doc: CorpusDocument): void {
  const paragraphs = doc.paragraphs;
  let units = paragraphs.length - 1; // the '\n's that join paragraphs
  for (let p = 0; p < paragraphs.length; p++) units += paragraphs[p].length;
  const length = utf8Joined(paragraphs, units);
  // UTF-8 is as long as UTF-16 exactly when every character is ASCII.
  if (length === units) {
    asciiLowerKey(keyBytes.bytes, length);
    return;
  }
  const lower = documentText(doc);
  if (!NOT_ASCII.test(lower)) {
    asciiLowerKey(keyBytes.bytes, utf8Joined([lower], lower.length));
    return;
  }
  key.hi = fnv1a32(lower, SEED_A) | 0;
  key.lo = fnv1a32(lower, SEED_B) | 0;
}

const NOT_ASCII = /[^\x00-\x7f]/;

const hex8 = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');

/** documentKey's buffer, reused: the text's UTF-8 bytes, with room to round up to whole ints. */
const keyInts = new Int32Array(1 << 14);
const keyBytes = { ints: keyInts, bytes: new Uint8Array(keyInts.buffer) };
const utf8 = new TextEncoder();

/** Writes the paragraphs joined by '\n' to keyBytes as UTF-8 (`units`: their length in UTF-16); the byte count. */
function utf8Joined(paragraphs: readonly string[], units: number): number {
  if (keyBytes.bytes.length < 3 * units + 8) {
    const ints = new Int32Array((3 * units >> 2) + 1024);
    keyBytes.ints = ints;
    keyBytes.bytes = new Uint8Array(ints.buffer);
  }
  const bytes = keyBytes.bytes;
  let n = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    if (p > 0) bytes[n++] = 10;
    n += utf8.encodeInto(paragraphs[p], bytes.subarray(n)).written;
  }
  return n;
}

/**
 * Hash of ASCII bytes[0, length), lower-cased: two 32-bit hashes of different kinds (MurmurHash3's block step and
 * xxHash32's round) over the bytes four at a time, each then mixed with the length; into `key`.
 */
function asciiLowerKey(bytes: Uint8Array, length: number): void {
  bytes[length] = 0; bytes[length + 1] = 0; bytes[length + 2] = 0; // the last int's spare bytes
  const ints = keyBytes.ints;
  const words = (length + 3) >> 2;
  let a = SEED_A | 0;
  let b = SEED_B | 0;
  for (let i = 0; i < words; i++) {
    let w = ints[i];
    // Each byte b < 128: b + 63 has its top bit set when b >= 'A' (65), b + 37 when b > 'Z' (90); no carries.
    w |= (((w + 0x3f3f3f3f) & ~(w + 0x25252525)) & 0x80808080) >>> 2;
    let k = Math.imul(w, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    a ^= k;
    a = (Math.imul((a << 13) | (a >>> 19), 5) + 0xe6546b64) | 0;
    b = (b + Math.imul(w, 0x85ebca77)) | 0;
    b = Math.imul((b << 13) | (b >>> 19), 0x9e3779b1);
  }
  key.hi = mix32(a ^ length) | 0;
  key.lo = mix32(b ^ length) | 0;
}

/**
 * Remembers a 64-bit hash of every document's text, in a KeySet64 (13.5-27 bytes per distinct document), and, if
 * `logsKeys`, the keys in the order they came (hi, lo) until `dropKeysBefore` lets them go: what a stopped run
 * saves to resume from.
 */
export class ExactDeduper {
  private readonly seen = new KeySet64();
  private log: Int32Array;
  /** The number of keys before log[0]. */
  private logBase = 0;

  constructor(private readonly logsKeys = false) {
    this.log = new Int32Array(logsKeys ? 1 << 12 : 0);
  }

  /** True when the same text was seen before (the document is then a duplicate); otherwise remembers it. */
  isDuplicate(doc: CorpusDocument): boolean {
    documentKeyHalves(doc);
    if (!this.seen.add(key.hi, key.lo)) return true;
    if (this.logsKeys) this.logKey(key.hi, key.lo);
    return false;
  }

  get size(): number {
    return this.seen.size;
  }

  /** Keys [from, to) in the order they came, two ints each (the ones before `dropKeysBefore`'s mark are gone). */
  keys(from: number, to: number): Int32Array {
    if (!this.logsKeys) throw new Error('this deduper keeps no order of its keys (made without logsKeys)');
    if (from < this.logBase || to > this.size || from > to) throw new Error(`keys ${from}-${to} are not in the log (${this.logBase}-${this.size})`);
    return this.log.slice(2 * (from - this.logBase), 2 * (to - this.logBase));
  }

  /** Forgets the order of the keys before the `count`th (saved elsewhere); the set keeps them. */
  dropKeysBefore(count: number): void {
    if (count <= this.logBase) return;
    this.log.copyWithin(0, 2 * (count - this.logBase), 2 * (this.size - this.logBase));
    this.logBase = count;
  }

  /** Adds saved keys (as `keys` gives them) to a new deduper, as if their documents had been seen; they are saved already. */
  restore(keys: Int32Array): void {
    if (this.size > 0) throw new Error('saved keys are restored into a new deduper only');
    for (let i = 0; i + 1 < keys.length; i += 2) this.seen.add(keys[i], keys[i + 1]);
    this.logBase = this.size;
  }

  private logKey(hi: number, lo: number): void {
    const at = 2 * (this.size - 1 - this.logBase);
    if (at + 2 > this.log.length) {
      const grown = new Int32Array(2 * this.log.length);
      grown.set(this.log);
      this.log = grown;
    }
    this.log[at] = hi;
    this.log[at + 1] = lo;
  }
}

/**
 * Exact (and, when asked, near) duplicate removal over a whole corpus: one Deduper across all its inputs drops a
 * document that repeats one from another file too (MEDLINE's update files repeat revised citations).
 */
export class Deduper {
  private readonly exact: ExactDeduper;
  private readonly near: MinHashIndex | null;

  /**
   * `near`: also drop near-duplicates (MinHash over word shingles + LSH); off by default. `resumable`: keep what
   * `stateToSave` gives (the exact keys in order, 8 bytes a document until saved).
   */
  constructor(near: boolean | MinHashOptions = false, resumable = false) {
    this.exact = new ExactDeduper(resumable);
    this.near = near === false ? null : new MinHashIndex(near === true ? {} : near);
  }

  /** How the document repeats one seen before, or null when it is new (it is then remembered). */
  duplicate(doc: CorpusDocument): 'exact' | 'near' | null {
    if (this.exact.isDuplicate(doc)) return 'exact';
    if (this.near !== null && this.near.addIfNovel(documentText(doc)) !== null) return 'near';
    return null;
  }

  /** The length of a near-duplicate signature (0 without near-duplicate removal). */
  get signatureLength(): number {
    return this.near?.signatureLength ?? 0;
  }

  /** How much it remembers: exact keys and near-duplicate signatures (positions in `stateToSave`'s sequences). */
  get counts(): DeduperCounts {
    return { exact: this.exact.size, near: this.near?.size ?? 0 };
  }

  /**
   * What it remembered between two of its `counts`, to save: the exact keys and the signatures that came in between,
   * as `restore` takes them. The order of the keys before `to` is then forgotten (saved, it is needed no more).
   */
  stateToSave(from: DeduperCounts, to: DeduperCounts): DeduperState {
    const state = { keys: this.exact.keys(from.exact, to.exact), signatures: this.near?.signatures(from.near, to.near) ?? new Uint32Array(0) };
    this.exact.dropKeysBefore(to.exact);
    return state;
  }

  /** Remembers what `stateToSave` gave, in order, as if those documents had been seen. */
  restore(state: DeduperState): void {
    this.exact.restore(state.keys);
    if (state.signatures.length > 0) {
      if (this.near === null) throw new Error('near-duplicate signatures given to a Deduper without near-duplicate removal');
      this.near.restore(state.signatures);
    }
  }
}

export interface DeduperCounts {
  readonly exact: number;
  readonly near: number;
}

/** A Deduper's memory, as saved: exact keys (two ints each) and near-duplicate signatures, end to end. */
export interface DeduperState {
  readonly keys: Int32Array;
  readonly signatures: Uint32Array;
}

export interface DedupOptions {
  /** Also drop near-duplicates (MinHash over word shingles + LSH); off by default. Not with `deduper`. */
  readonly near?: boolean | MinHashOptions;
  /** The corpus's Deduper, to drop duplicates across several inputs (default: one for these documents alone). */
  readonly deduper?: Deduper;
  /** Told about each dropped document and the kind of match. */
  readonly onDuplicate?: (doc: CorpusDocument, kind: 'exact' | 'near') => void;
}

/** Passes documents through, dropping exact duplicates (and near-duplicates when asked); first one wins. */
export async function* dedupe(docs: AsyncIterable<CorpusDocument>, options: DedupOptions = {}): AsyncIterable<CorpusDocument> {
  if (options.deduper !== undefined && options.near !== undefined) throw new Error('dedupe: give near to the Deduper, not beside it');
  const deduper = options.deduper ?? new Deduper(options.near ?? false);
  for await (const doc of docs) {
    const kind = deduper.duplicate(doc);
    if (kind === null) yield doc;
    else options.onDuplicate?.(doc, kind);
  }
}
