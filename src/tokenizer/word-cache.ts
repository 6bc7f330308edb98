// A cache of the best segmentation of each whitespace-delimited word, for models where every piece boundary
// falls before each U+2581 (no piece has ▁ anywhere but at its start: models trained with split_by_whitespace
// and whitespace as a prefix). The lattice then breaks into independent words: every path passes through the
// position before each ▁, so the best path of a sentence is the best path of each word in turn, in exact
// arithmetic.
//
// The full-sentence Viterbi (viterbi.ts) keeps its scores as 32-bit floats, and a word's scores there are offset
// by T, the sentence's score up to the word, so rounding differs from word to word, and a near-tie can go the
// other way than in isolation. So each word is segmented here in float64 (exact for these sums, to ~1e-12), and
// along its best path the gap to the runner-up candidate at every decision (its margin) is kept. When that
// margin exceeds the most that float32 rounding can move the compared scores (WordCache.safe), the sentence
// Viterbi takes the same decisions whatever T is; otherwise the caller segments the sentence the usual way.
// The result is therefore the uncached encoder's, piece for piece (test/tokenizer/word-cache.test.ts).
import type { PieceLattice } from './viterbi.js';
import { ONE_CHAR_LEN } from './utf8.js';

/** 2^-23: a float32's unit in the last place is at most |x| times this. */
const FLOAT32_EPSILON = 1.1920928955078125e-7;
/** Slack for float64 sums (far below any float32 effect). */
const FLOAT64_SLACK = 1e-9;
/** Entries at most (the distinct words of ~12 MB of biomedical text are ~120,000); then the cache starts afresh. A power of 2. */
export const MAX_WORD_CACHE_ENTRIES = 1 << 17;
/** Arena ints per entry allowed for at first: header, key and pieces of a typical biomedical word take about 10. */
const FIRST_INTS_PER_ENTRY = 12;
/** Words longer than this (bytes) are not cached: rare, and their own Viterbi is as cheap as a look-up miss. */
const MAX_WORD_BYTES = 256;
/** A piece is stored as (id << END_BITS) | its end in the word: ends go up to MAX_WORD_BYTES + 3 (the ▁). */
const END_BITS = 9;
const END_MASK = (1 << END_BITS) - 1;
/** Ints before an entry's key: (key length << 16) | piece count, the margin and the score bound (float32 bits). */
const HEADER = 3;

/** Piece ids the cache can store (END_BITS of the 32 are the piece's end). */
export const MAX_CACHED_VOCABULARY = 1 << (31 - END_BITS);

/** Does the lattice split at every ▁ for these pieces? `pieces` are the trie's pieces as strings. */
export function splitsAtEverySpace(pieces: Iterable<string>): boolean {
  for (const p of pieces) if (p.indexOf('\u2581', 1) >= 0) return false;
  return true;
}

/**
 * Bounded map from a word's normalized bytes to its isolated best segmentation, its score and its smallest decision
 * margin. Each look-up runs beside the linker's megabytes of tables, so an entry is laid out to cost few cache
 * misses: a slot (hash, where the entry starts) and then one run of ints holding the entry's header, its key bytes
 * (packed four to an int) and its pieces. When full it starts afresh (the words of running text repeat enough that
 * this costs little).
 */
export class WordCache {
  // The tables are made for maxEntries from the start (a few MB, untouched until used) rather than grown: each first
  // growth replaced a field that the optimized tokenizer code (encodeOffsetsInto and what it inlines, 8-10 functions)
  // had taken as never changing, so all of it was thrown away and compiled again, twice a run.
  /** Open addressing, at most half full: (hash, entry start + 1) pairs, 0 = empty; room for maxEntries, never grown. */
  private readonly slots: Int32Array;
  private entries = 0;
  /** The entries, one after another (see HEADER); `bytes` and `floats` view the same memory. Grows if words are long. */
  private arena: Int32Array;
  private bytes: Uint8Array;
  private floats: Float32Array;
  private used = 0;
  /** The largest |score| a single lattice node can have (pieces and the unknown): bounds every path's score. */
  private readonly maxNodeScore: number;
  // Float64 Viterbi buffers for one word.
  private readonly best = new Float64Array(MAX_WORD_BYTES + 4);
  private readonly second = new Float64Array(MAX_WORD_BYTES + 4);
  private readonly bestStart = new Int32Array(MAX_WORD_BYTES + 4);
  private readonly bestId = new Int32Array(MAX_WORD_BYTES + 4);
  private readonly word = new Uint8Array(3 + MAX_WORD_BYTES);

  constructor(private readonly lattice: PieceLattice, maxEntries = MAX_WORD_CACHE_ENTRIES) {
    const entries = Math.max(16, maxEntries);
    this.slots = new Int32Array(4 << Math.ceil(Math.log2(entries))); // 2 ints a slot, 2 slots an entry, a power of 2
    // the entry store starts at most at the default cache's size: a larger maxEntries grows it only as it fills
    this.arena = new Int32Array(FIRST_INTS_PER_ENTRY * Math.min(entries, MAX_WORD_CACHE_ENTRIES));
    this.bytes = new Uint8Array(this.arena.buffer);
    this.floats = new Float32Array(this.arena.buffer);
    let most = Math.abs(lattice.unkScore);
    for (let i = 0; i < lattice.latticeScore.length; i++) {
      if (lattice.skip[i] === 0) most = Math.max(most, Math.abs(lattice.latticeScore[i]));
    }
    this.maxNodeScore = most;
  }

  /** FNV-1a step: the caller hashes a word's bytes while it looks for the word's end. */
  static readonly HASH_START = 0x811c9dc5 | 0;
  static hashStep(h: number, byte: number): number {
    return Math.imul(h ^ byte, 0x01000193);
  }

  /**
   * Entry (its start in the arena) for text[from, to), whose bytes hash to h (hashStep from HASH_START),
   * segmenting and storing it on a miss; -1 when the word is too long to cache.
   */
  entryFor(text: Uint8Array, from: number, to: number, h: number): number {
    const length = to - from;
    if (length > MAX_WORD_BYTES) return -1;
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const arena = this.arena;
    const bytes = this.bytes;
    let slot = h & mask;
    for (;;) {
      const at = slots[2 * slot + 1];
      if (at === 0) break;
      if (slots[2 * slot] === h && arena[at - 1] >>> 16 === length) {
        const key = 4 * (at - 1 + HEADER);
        let k = 0;
        while (k < length && bytes[key + k] === text[from + k]) k++;
        if (k === length) return at - 1;
      }
      slot = (slot + 1) & mask;
    }
    if (!this.room(length)) return this.entryFor(text, from, to, h);
    const e = this.used;
    this.slots[2 * slot] = h;
    this.slots[2 * slot + 1] = e + 1;
    this.entries++;
    const key = 4 * (e + HEADER);
    for (let k = 0; k < length; k++) this.bytes[key + k] = text[from + k];
    this.segment(e, text, from, to);
    return e;
  }

  /** The entry's pieces, written to ids/starts/ends from `count` on: each ends at shift + its end in the word, the
   * first begins at firstBegin, the others where the one before ends. Returns the new count. */
  emit(e: number, ids: Int32Array, starts: Int32Array, ends: Int32Array, count: number, shift: number, firstBegin: number): number {
    const arena = this.arena;
    const pieces = e + HEADER + ((arena[e] >>> 16) + 3 >> 2);
    const last = pieces + (arena[e] & 0xffff);
    let begin = firstBegin;
    for (let i = pieces; i < last; i++) {
      const piece = arena[i];
      const end = shift + (piece & END_MASK);
      ids[count] = piece >>> END_BITS; starts[count] = begin; ends[count] = end;
      count++;
      begin = end;
    }
    return count;
  }

  /** An upper bound on |the word's best score|. */
  scoreBound(e: number): number {
    return this.floats[e + 2];
  }

  /**
   * May entry e be used for a word of `length` bytes whose sentence score so far is at most `scoreBound` in
   * magnitude? Every score the sentence Viterbi compares inside the word lies within M = scoreBound + (length + 1)
   * × maxNodeScore of zero, each float32 store rounds by at most half an ulp (<= M × 2^-24), and a compared score
   * went through at most length + 1 stores: when the margin exceeds twice that, no decision can flip.
   */
  safe(e: number, length: number, scoreBound: number): boolean {
    return this.floats[e + 1] > this.roundingAfter(length, scoreBound);
  }

  /** The largest amount by which the sentence score after this word can differ from its exact value. */
  roundingAfter(length: number, scoreBound: number): number {
    return (length + 2) * (scoreBound + (length + 1) * this.maxNodeScore) * FLOAT32_EPSILON + FLOAT64_SLACK;
  }

  /**
   * The pieces of a sentence of plain ASCII words, straight from the input bytes, or -1 when the sentence is not
   * one (then the caller normalizes it and segments the usual way). Plain: every byte has `identity` 1 (it
   * normalizes to itself; see Normalizer.asciiIdentity) and the spaces are single, neither first nor last. With
   * the usual whitespace rules (dummy prefix, extra whitespace removed, spaces escaped, ▁ as a prefix) such a
   * sentence normalizes to ▁w1▁w2..., so the cache's words are "▁" + each word. Writes each piece's id and its span
   * in the input bytes (a leading ▁ covers the space before the word, or the word's first byte for the dummy
   * prefix, as Normalizer.normToOrig maps it) to ids/starts/ends, which must have room for `length + 1` pieces.
   */
  segmentAsciiSentence(bytes: Uint8Array, length: number, identity: Uint8Array, ids: Int32Array, starts: Int32Array, ends: Int32Array): number {
    if (length === 0 || bytes[0] === 0x20 || bytes[length - 1] === 0x20) return -1;
    const word = this.word;
    word[0] = 0xe2; word[1] = 0x96; word[2] = 0x81;
    let count = 0;
    let exact = 0;
    let rounding = 0;
    for (let from = 0; from < length;) {
      // The word bytes[from, to), hashed and copied after the ▁ as the normalizer would have written them.
      let h = SPACE_HASH;
      let to = from;
      for (; to < length; to++) {
        const c = bytes[to];
        if (c === 0x20) break;
        if (identity[c] === 0 || to - from === MAX_WORD_BYTES) return -1;
        word[3 + to - from] = c;
        h = WordCache.hashStep(h, c);
      }
      if (to === from) return -1; // two spaces in a row
      const size = to - from + 3;
      const e = this.entryFor(word, 0, size, h);
      const bound = exact + rounding;
      if (e < 0 || !this.safe(e, size, bound)) return -1;
      // Normalized offset p in "▁word" is input offset from + p - 3, except the ▁ itself: the space before.
      count = this.emit(e, ids, starts, ends, count, from - 3, from === 0 ? 0 : from - 1);
      exact += this.floats[e + 2];
      rounding += this.roundingAfter(size, bound);
      from = to + 1;
    }
    return count;
  }

  /**
   * Makes room for one more entry of `length` bytes (and at most `length` pieces). False when that meant
   * starting afresh, which empties the slots: the caller probes again.
   */
  private room(length: number): boolean {
    const need = this.used + HEADER + (length + 3 >> 2) + length;
    if (need > this.arena.length) {
      let size = this.arena.length;
      while (size < need) size *= 2;
      const arena = new Int32Array(size);
      arena.set(this.arena);
      this.arena = arena;
      this.bytes = new Uint8Array(arena.buffer);
      this.floats = new Float32Array(arena.buffer);
    }
    if (2 * (this.entries + 1) <= this.slots.length >> 1) return true;
    // Half full, so at least maxEntries entries (the slots were made for them): start afresh.
    this.slots.fill(0);
    this.entries = 0;
    this.used = 0;
    return false;
  }

  /** The same lattice search as viterbi(), over text[from, to) alone, in float64, with runner-up scores. */
  private segment(e: number, text: Uint8Array, from: number, to: number): void {
    const n = to - from;
    const { units, latticeScore, skip, unkId, unkScore } = this.lattice;
    const size = units.length;
    const best = this.best, second = this.second, bestStart = this.bestStart, bestId = this.bestId;
    best.fill(-Infinity, 1, n + 1);
    second.fill(-Infinity, 0, n + 1);
    best[0] = 0;
    const rootBase = size === 0 ? 0 : (units[0] >>> 10) << ((units[0] & 0x200) >>> 6);
    // Each candidate for an end position is offered as the sentence Viterbi offers it (it keeps the first strictly
    // better one); here the best and the best of the rest are kept, so a tie shows as a zero margin.
    let start = 0;
    while (start < n) {
      const tillHere = best[start];
      let mblen = ONE_CHAR_LEN[text[from + start]];
      if (mblen > n - start) mblen = n - start;
      let hasSingle = false;
      let id = rootBase;
      for (let k = start; k < n; k++) {
        const c = text[from + k];
        id ^= c;
        if (id >= size) break;
        const unit = units[id];
        if ((unit & 0x800000ff) !== c) break;
        id ^= (unit >>> 10) << ((unit & 0x200) >>> 6);
        if ((unit & 0x100) === 0) continue;
        const pieceId = units[id] & 0x7fffffff;
        if (skip[pieceId] === 1) continue;
        const end = k + 1;
        const candidate = latticeScore[pieceId] + tillHere;
        if (candidate > best[end]) {
          second[end] = best[end];
          best[end] = candidate; bestStart[end] = start; bestId[end] = pieceId;
        } else if (candidate > second[end]) {
          second[end] = candidate;
        }
        if (end - start === mblen) hasSingle = true;
      }
      if (!hasSingle) {
        const end = start + mblen;
        const candidate = unkScore + tillHere;
        if (candidate > best[end]) {
          second[end] = best[end];
          best[end] = candidate; bestStart[end] = start; bestId[end] = unkId;
        } else if (candidate > second[end]) {
          second[end] = candidate;
        }
      }
      start += mblen;
    }
    // Backtrack (pieces land in reverse, then are flipped) and take the smallest margin on the path.
    const arena = this.arena;
    const pieces = e + HEADER + (n + 3 >> 2);
    let count = 0;
    let margin = Infinity;
    for (let end = n; end > 0;) {
      margin = Math.min(margin, best[end] - second[end]);
      arena[pieces + count] = (bestId[end] << END_BITS) | end;
      count++;
      end = bestStart[end];
    }
    for (let i = pieces, j = pieces + count - 1; i < j; i++, j--) {
      const t = arena[i]; arena[i] = arena[j]; arena[j] = t;
    }
    arena[e] = (n << 16) | count;
    // Stored as float32: the margin rounded down and the score's magnitude rounded up, so both stay bounds.
    this.floats[e + 1] = roundedDown(margin);
    this.floats[e + 2] = roundedUp(Math.abs(best[n]));
    this.used = pieces + count;
  }
}

const SPACE_HASH = WordCache.hashStep(WordCache.hashStep(WordCache.hashStep(WordCache.HASH_START, 0xe2), 0x96), 0x81);

/** A float32 value <= x (x >= 0; Infinity stays). */
function roundedDown(x: number): number {
  const f = Math.fround(x);
  return f <= x ? f : Math.fround(x * (1 - 2 ** -20));
}

/** A float32 value >= x (x >= 0). */
function roundedUp(x: number): number {
  const f = Math.fround(x);
  return f >= x ? f : Math.fround(x * (1 + 2 ** -20));
}
