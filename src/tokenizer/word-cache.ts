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
/** Ints before an entry's key: (key length << 16) | flags | piece count, the margin and the score bound (float32 bits). */
const HEADER = 3;
/** The piece count in an entry's first int (at most MAX_WORD_BYTES). */
const COUNT_MASK = 0x1ff;
/** Flag in an entry's first int: one of its pieces is the unknown. */
const HAS_UNKNOWN = 0x8000;
/** Pieces encodeAscii copies without a loop (see there): the room its output needs past the pieces' end, and the
 * ints readable past an entry's end. */
export const FIXED_PIECES = 4;
/** Ints of the longest key: a key's bytes are packed four to an int, the first in the low 8 bits, the last int's unused bytes 0. */
const KEY_INTS = MAX_WORD_BYTES >> 2;
/** Words encodeAscii reads ahead for at once (see there). */
const BATCH = 32;
/** U+2581's UTF-8 bytes packed as a key's first three (an ASCII word's key is "▁" + the word). */
const SPACE_PACKED = 0xe2 | (0x96 << 8) | (0x81 << 16);

/** What the ASCII path needs of the normalizer (see Normalizer.asciiIdentity and userDefinedAt). */
export interface AsciiRules {
  readonly asciiIdentity: Uint8Array;
  userDefinedAt(input: Uint8Array, pos: number, end: number): boolean;
}

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
  /** The entries, one after another (see HEADER); `floats` views the same memory. Grows if words are long. */
  private arena: Int32Array;
  private floats: Float32Array;
  private used = 0;
  /** The largest |score| a single lattice node can have (pieces and the unknown): bounds every path's score. */
  private readonly maxNodeScore: number;
  // Float64 Viterbi buffers for one word.
  private readonly best = new Float64Array(MAX_WORD_BYTES + 4);
  private readonly second = new Float64Array(MAX_WORD_BYTES + 4);
  private readonly bestStart = new Int32Array(MAX_WORD_BYTES + 4);
  private readonly bestId = new Int32Array(MAX_WORD_BYTES + 4);
  /** The word being looked up, packed as an entry's key is. */
  private readonly key = new Int32Array(KEY_INTS);
  /**
   * The word being stored, unpacked from its key by shifts: the arena's bytes seen through a Uint8Array are in the
   * platform's byte order, which on a big-endian machine is not the key's.
   */
  private readonly word = new Uint8Array(MAX_WORD_BYTES);
  // A batch of words of encodeAscii: each one's start, key size (bytes), hash, key (its place in batchKeys), and
  // what was read ahead for it.
  private readonly batchStart = new Int32Array(BATCH);
  private readonly batchSize = new Int32Array(BATCH);
  private readonly batchHash = new Int32Array(BATCH);
  private readonly batchKey = new Int32Array(BATCH);
  private readonly batchTouched = new Int32Array(BATCH);
  private readonly batchKeys = new Int32Array(BATCH * KEY_INTS);
  /** A hash's slot is its top bits (hashInt mixes every byte into them): h >>> slotShift. */
  private readonly slotShift: number;
  private readonly slotMask: number;

  constructor(private readonly lattice: PieceLattice, maxEntries = MAX_WORD_CACHE_ENTRIES) {
    const entries = Math.max(16, maxEntries);
    const slotCount = 2 << Math.ceil(Math.log2(entries)); // 2 slots an entry, a power of 2
    this.slots = new Int32Array(2 * slotCount); // 2 ints a slot
    this.slotShift = Math.clz32(slotCount) + 1;
    this.slotMask = slotCount - 1;
    // the entry store starts at most at the default cache's size: a larger maxEntries grows it only as it fills
    this.arena = new Int32Array(FIRST_INTS_PER_ENTRY * Math.min(entries, MAX_WORD_CACHE_ENTRIES));
    this.floats = new Float32Array(this.arena.buffer);
    let most = Math.abs(lattice.unkScore);
    for (let i = 0; i < lattice.latticeScore.length; i++) {
      if (lattice.skip[i] === 0) most = Math.max(most, Math.abs(lattice.latticeScore[i]));
    }
    this.maxNodeScore = most;
  }

  /** Words held (since the last fresh start). */
  get size(): number {
    return this.entries;
  }

  /**
   * Entry (its start in the arena) for the word text[from, to), segmenting and storing it on a miss; -1 when the
   * word is too long to cache.
   */
  entryFor(text: Uint8Array, from: number, to: number): number {
    const length = to - from;
    if (length > MAX_WORD_BYTES) return -1;
    const key = this.key;
    let h = HASH_START;
    let packed = 0;
    let ints = 0;
    for (let k = 0; k < length; k++) {
      packed |= text[from + k] << ((k & 3) << 3);
      if ((k & 3) === 3) { key[ints++] = packed; h = hashInt(h, packed); packed = 0; }
    }
    if ((length & 3) !== 0) { key[ints] = packed; h = hashInt(h, packed); }
    return this.entryForKey(key, 0, length, h);
  }

  /** Entry for the word packed in keys from keyAt on (`length` bytes, hashed to h with hashInt), stored on a miss. */
  private entryForKey(keys: Int32Array, keyAt: number, length: number, h: number): number {
    const slots = this.slots;
    const arena = this.arena;
    const ints = (length + 3) >> 2;
    const mask = this.slotMask;
    // From the slot before the home slot, stepping first: the step then runs on every look-up, not only on a
    // collision (rare while the table is nearly empty, when TurboFan first compiles this), which would have had no
    // type feedback and thrown the compiled code away at the first collision.
    let slot = ((h >>> this.slotShift) + mask) & mask;
    for (;;) {
      slot = (slot + 1) & mask;
      const at = slots[2 * slot + 1];
      if (at === 0) break;
      // A whole int of the key at a time: the last one's unused bytes are 0 in both.
      if (slots[2 * slot] === h && arena[at - 1] >>> 16 === length) {
        const start = at - 1 + HEADER;
        let k = 0;
        while (k < ints && arena[start + k] === keys[keyAt + k]) k++;
        if (k === ints) return at - 1;
      }
    }
    return this.add(slot, keys, keyAt, length, h);
  }

  /** Stores the word at the empty slot `slot` (its home slot instead, if the cache starts afresh) and segments it. */
  private add(slot: number, keys: Int32Array, keyAt: number, length: number, h: number): number {
    const home = h >>> this.slotShift; // worked out whether used or not: only a fresh start uses it (see entryForKey)
    const free = this.room(length) ? slot : home;
    const e = this.used;
    this.slots[2 * free] = h;
    this.slots[2 * free + 1] = e + 1;
    this.entries++;
    const arena = this.arena;
    const keyStart = e + HEADER;
    for (let k = 0; k < (length + 3) >> 2; k++) arena[keyStart + k] = keys[keyAt + k];
    const word = this.word;
    for (let k = 0; k < length; k++) word[k] = keys[keyAt + (k >> 2)] >>> ((k & 3) << 3);
    this.segment(e, word, 0, length);
    return e;
  }

  /** The entry's pieces, written to ids/starts/ends from `count` on: each ends at shift + its end in the word, the
   * first begins at firstBegin, the others where the one before ends. Returns the new count. */
  emit(e: number, ids: Int32Array, starts: Int32Array, ends: Int32Array, count: number, shift: number, firstBegin: number): number {
    const arena = this.arena;
    const pieces = e + HEADER + ((arena[e] >>> 16) + 3 >> 2);
    const last = pieces + (arena[e] & COUNT_MASK);
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
   * The pieces of a sentence of plain ASCII words, bytes[from, to), straight from the input bytes, or -1 when the
   * sentence is not one (then the caller normalizes it and segments the usual way; what was written means
   * nothing). Plain: every byte normalizes to itself (asciiIdentity 1, or 2 where no user-defined symbol starts)
   * and the spaces are single, neither first nor last. With the usual whitespace rules (dummy prefix, extra whitespace
   * removed, spaces escaped, ▁ as a prefix) such a sentence normalizes to ▁w1▁w2..., so the cache's words are
   * "▁" + each word. Writes each piece's id and its span in the input, from `from` (a leading ▁ covers the space
   * before the word, or the word's first byte for the dummy prefix, as Normalizer.normToOrig maps it), to
   * ids/begins/ends from `at` on, a run of unknown pieces as one (as the encoder gives them); they must have room
   * for to - from + FIXED_PIECES pieces from there. Returns where the pieces end: at + their count.
   */
  encodeAscii(bytes: Uint8Array, from: number, to: number, rules: AsciiRules, ids: Int32Array, begins: Int32Array, ends: Int32Array, at: number): number {
    if (from >= to || bytes[from] === 0x20 || bytes[to - 1] === 0x20) return -1;
    const identity = rules.asciiIdentity;
    const keys = this.batchKeys, wordStart = this.batchStart, wordSize = this.batchSize, wordHash = this.batchHash;
    const wordKey = this.batchKey, touched = this.batchTouched;
    const slots = this.slots;
    const slotShift = this.slotShift;
    const unkId = this.lattice.unkId;
    let count = at;
    let exact = 0; // a bound on the sentence's |score| so far in exact arithmetic
    let rounding = 0; // how far the float32 score of the sentence Viterbi can be from it
    let lastId = -1; // the id of the last piece written (-1: none, or one of a word with no unknown)
    let runBegin = 0; // where the last piece written begins
    for (let w = from; w < to;) {
      // Up to BATCH words are packed (after the ▁, as the normalizer would have written them) and hashed, and each
      // one's home slot read, then the entry that slot points to, before any is used: these reads miss the caches
      // on most words (the tables are megabytes), and done apart from each other their misses overlap instead of
      // each waiting for the one before. The look-ups proper then find the lines in the cache.
      let words = 0;
      let keyAt = 0;
      for (; words < BATCH && w < to; words++) {
        let h = HASH_START;
        let packed = SPACE_PACKED;
        let shift = 24;
        let ints = 0;
        let i = w;
        for (; i < to; i++) {
          const c = bytes[i];
          if (c === 0x20) break;
          const kind = identity[c];
          if (kind !== 1 && (kind === 0 || rules.userDefinedAt(bytes, i, to))) return -1;
          packed |= c << shift;
          if (shift !== 24) { shift += 8; continue; }
          if (ints === KEY_INTS) return -1; // too long to cache
          keys[keyAt + ints] = packed; ints++;
          h = hashInt(h, packed); packed = 0; shift = 0;
        }
        const size = i - w + 3;
        if (i === w || size > MAX_WORD_BYTES) return -1; // two spaces in a row, or a word too long to cache
        if (shift !== 0) { keys[keyAt + ints] = packed; ints++; h = hashInt(h, packed); }
        wordStart[words] = w; wordSize[words] = size; wordHash[words] = h; wordKey[words] = keyAt;
        keyAt += ints;
        w = i + 1;
      }
      // Short loops of independent reads, so that the processor has many of them in flight at once.
      for (let j = 0; j < words; j++) touched[j] = slots[2 * (wordHash[j] >>> slotShift) + 1];
      const arena0 = this.arena;
      for (let j = 0; j < words; j++) {
        const home = touched[j];
        touched[j] = home === 0 ? 0 : arena0[home - 1];
      }
      for (let j = 0; j < words; j++) {
        const size = wordSize[j];
        const e = this.entryForKey(keys, wordKey[j], size, wordHash[j]);
        const arena = this.arena; // after entryForKey, which may have grown it
        const floats = this.floats;
        const bound = exact + rounding;
        const rounded = this.roundingAfter(size, bound);
        if (!(floats[e + 1] > rounded)) return -1; // the margin is too thin here (see safe)
        exact += floats[e + 2];
        rounding += rounded;
        // Piece end p in "▁word" is input offset start + p - 3; the ▁ itself is the space before.
        const start = wordStart[j];
        const shiftBy = start - from - 3;
        let begin = start === from ? 0 : start - from - 1;
        const header = arena[e];
        const first = e + HEADER + ((header >>> 16) + 3 >> 2);
        const pieces = header & COUNT_MASK;
        if (pieces <= FIXED_PIECES && (header & HAS_UNKNOWN) === 0) {
          // Four pieces written whatever the count (those past it are overwritten next): no loop, so no loop exit
          // for the branch predictor to miss once a word.
          const q0 = arena[first], q1 = arena[first + 1], q2 = arena[first + 2], q3 = arena[first + 3];
          const end0 = shiftBy + (q0 & END_MASK), end1 = shiftBy + (q1 & END_MASK), end2 = shiftBy + (q2 & END_MASK);
          ids[count] = q0 >>> END_BITS; ids[count + 1] = q1 >>> END_BITS; ids[count + 2] = q2 >>> END_BITS; ids[count + 3] = q3 >>> END_BITS;
          begins[count] = begin; begins[count + 1] = end0; begins[count + 2] = end1; begins[count + 3] = end2;
          ends[count] = end0; ends[count + 1] = end1; ends[count + 2] = end2; ends[count + 3] = shiftBy + (q3 & END_MASK);
          count += pieces;
          lastId = -1; // these words have no unknown piece
          continue;
        }
        const last = first + pieces;
        for (let p = first; p < last; p++) {
          const piece = arena[p];
          const id = piece >>> END_BITS;
          const end = shiftBy + (piece & END_MASK);
          // Unknowns in a row are one piece: an unknown after an unknown rewrites the one before instead of adding one.
          // Done without a branch that only unknowns take: its operations would have no type feedback when TurboFan
          // compiles this function, and the first unknown run would throw the compiled code away (a recompile of
          // ~30-70 ms).
          const back = ((id ^ unkId) | (lastId ^ unkId)) === 0 ? 1 : 0;
          runBegin = back === 1 ? runBegin : begin;
          count -= back;
          ids[count] = id; begins[count] = runBegin; ends[count] = end;
          count++;
          lastId = id;
          begin = end;
        }
      }
    }
    return count;
  }
  /**
   * Makes room for one more entry of `length` bytes (and at most `length` pieces). False when that meant
   * starting afresh, which empties the slots.
   */
  private room(length: number): boolean {
    const need = this.used + HEADER + (length + 3 >> 2) + length + FIXED_PIECES;
    if (need > this.arena.length) {
      let size = this.arena.length;
      while (size < need) size *= 2;
      const arena = new Int32Array(size);
      arena.set(this.arena);
      this.arena = arena;
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
    // Loops, not fill(): TypedArray fill is a C++ builtin, a call out of the compiled code that cost more than these
    // few stores (a word is ~8 bytes).
    best[0] = 0;
    second[0] = -Infinity;
    for (let k = 1; k <= n; k++) { best[k] = -Infinity; second[k] = -Infinity; }
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
      // The unknown piece over the next character, when no piece covers it alone; offered (a candidate of -Infinity
      // changes nothing) and stored without a branch, because few words have such a character: the operations of a
      // branch that only they take would have had no type feedback when TurboFan compiled this, and the first such
      // word would have thrown the compiled code away.
      const end = start + mblen;
      const unknown = unkScore + tillHere;
      const candidate = hasSingle ? -Infinity : unknown;
      const was = best[end], wasSecond = second[end];
      const better = candidate > was;
      second[end] = better ? was : candidate > wasSecond ? candidate : wasSecond;
      best[end] = better ? candidate : was;
      bestStart[end] = better ? start : bestStart[end];
      bestId[end] = better ? unkId : bestId[end];
      start = end;
    }
    // Backtrack (pieces land in reverse, then are flipped) and take the smallest margin on the path.
    const arena = this.arena;
    const pieces = e + HEADER + (n + 3 >> 2);
    let count = 0;
    let margin = Infinity;
    let flags = 0;
    for (let end = n; end > 0;) {
      margin = Math.min(margin, best[end] - second[end]);
      if (bestId[end] === unkId) flags = HAS_UNKNOWN;
      arena[pieces + count] = (bestId[end] << END_BITS) | end;
      count++;
      end = bestStart[end];
    }
    for (let i = pieces, j = pieces + count - 1; i < j; i++, j--) {
      const t = arena[i]; arena[i] = arena[j]; arena[j] = t;
    }
    arena[e] = (n << 16) | flags | count;
    // Stored as float32: the margin rounded down and the score's magnitude rounded up, so both stay bounds.
    this.floats[e + 1] = roundedDown(margin);
    this.floats[e + 2] = roundedUp(Math.abs(best[n]));
    this.used = pieces + count;
  }
}

const HASH_START = 0x811c9dc5 | 0;

/** One step of a key's hash, over 4 packed bytes: a multiply, so the top bits (the slot) depend on every byte. */
function hashInt(h: number, packed: number): number {
  return Math.imul(h ^ packed, 0x9e3779b1);
}

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
