// SentencePiece's normalizer: the precompiled charsmap applied longest-match-first over the input bytes,
// user-defined symbols passed through untouched, malformed bytes replaced by U+FFFD one byte at a time, then
// the whitespace rules (strip, collapse, dummy prefix, escape to U+2581). Alongside the normalized bytes it
// records, for every normalized byte, the offset of the input byte it came from (`normToOrig`), which is how
// pieces map back to the original text.
import type { NormalizerSpecProto } from './model-spec.js';
import { normalizerSpecValue } from './model-spec.js';
import { parseCharsmap, type Charsmap } from './charsmap.js';
import type { DoubleArray } from './double-array.js';
import { validCharLength } from './utf8.js';

const SPACE_SYMBOL = new Uint8Array([0xe2, 0x96, 0x81]);
const REPLACEMENT = new Uint8Array([0xef, 0xbf, 0xbd]);

export interface NormalizerOptions {
  readonly spec: NormalizerSpecProto | undefined;
  readonly treatWhitespaceAsSuffix: boolean;
  /** User-defined symbols: matched before the charsmap and copied as they are. */
  readonly userDefined: DoubleArray | null;
  /** Names the model in errors. */
  readonly source?: string;
}

export class Normalizer {
  readonly addDummyPrefix: boolean;
  readonly removeExtraWhitespaces: boolean;
  readonly escapeWhitespaces: boolean;
  readonly treatWhitespaceAsSuffix: boolean;
  private readonly charsmap: Charsmap | null;
  private readonly userDefined: DoubleArray | null;
  /** For each byte: may a charsmap or user-defined key start with it? If not, it maps to itself. */
  private readonly mayStartKey = new Uint8Array(256);
  /**
   * ASCII fast path: for an ASCII byte followed by an ASCII byte (or the end), when no key continues with an
   * ASCII byte, the result is fixed: asciiStart/asciiLen give its replacement in the charsmap's strings
   * (asciiLen -1: the byte itself).
   */
  private readonly asciiFast = new Uint8Array(128);
  private readonly asciiStart = new Int32Array(128);
  private readonly asciiLen = new Int32Array(128).fill(-1);
  /**
   * 1 for an ASCII byte that normalizes to itself whatever ASCII byte comes next (no rule or user-defined symbol
   * starts with it and continues in ASCII, and its own rule, if any, is the identity): text made only of such
   * bytes normalizes byte for byte, apart from the whitespace rules. 2 for one that does so too where no
   * user-defined symbol starts (see userDefinedAt): one does start with it, but no charsmap rule (`[` of `[CLS]`).
   * 0 for every other byte.
   */
  readonly asciiIdentity = new Uint8Array(256);

  /**
   * Normalized bytes of the last `normalize` call: `out[0, length)`. Made for 16K bytes at once (a few more than
   * nearly any sentence): a first replacement by a larger one, late in a run, threw away the optimized code that
   * reads it, which was compiled again.
   */
  out = new Uint8Array(1 << 14);
  /** normToOrig[i]: input offset of normalized byte i; normToOrig[length] is the consumed input length. */
  normToOrig = new Int32Array((1 << 14) + 1);

  // Result of prefix(): where the replacement bytes are and how many input bytes they consume.
  private pBuf: Uint8Array = REPLACEMENT;
  private pStart = 0;
  private pLen = 0;
  private readonly matchLen = new Int32Array(1);

  constructor(options: NormalizerOptions) {
    const spec = options.spec;
    this.addDummyPrefix = normalizerSpecValue(spec, 'add_dummy_prefix');
    this.removeExtraWhitespaces = normalizerSpecValue(spec, 'remove_extra_whitespaces');
    this.escapeWhitespaces = normalizerSpecValue(spec, 'escape_whitespaces');
    this.treatWhitespaceAsSuffix = options.treatWhitespaceAsSuffix;
    const blob = normalizerSpecValue(spec, 'precompiled_charsmap');
    this.charsmap = blob.length > 0 ? parseCharsmap(blob, options.source) : null;
    this.userDefined = options.userDefined;
    for (const trie of [this.charsmap?.trie, this.userDefined ?? undefined]) {
      if (trie === undefined || trie.units.length === 0) continue;
      const units = trie.units;
      const base = (units[0] >>> 10) << ((units[0] & (1 << 9)) >>> 6);
      for (let c = 1; c < 256; c++) {
        const id = base ^ c;
        if (id < units.length && (units[id] & 0x800000ff) === c) this.mayStartKey[c] = 1;
      }
    }
    this.prepareAsciiFastPath();
    for (let b = 0; b < 128; b++) if (this.asciiFast[b] === 1 && this.asciiLen[b] < 0) this.asciiIdentity[b] = 1;
  }

  /** Does a user-defined symbol start at input[pos], within input[pos, end)? */
  userDefinedAt(input: Uint8Array, pos: number, end: number): boolean {
    return this.userDefined !== null && this.userDefined.longestPrefix(input, pos, end, this.matchLen) >= 0;
  }

  private prepareAsciiFastPath(): void {
    const one = new Uint8Array(1);
    for (let b = 0; b < 128; b++) {
      if (this.mayStartKey[b] === 0) { this.asciiFast[b] = 1; continue; }
      const bySymbol = continuesInAscii(this.userDefined, b);
      const byRule = continuesInAscii(this.charsmap?.trie ?? null, b);
      one[0] = b;
      if (bySymbol && !byRule && (this.charsmap === null || this.charsmap.trie.exactMatch(one) < 0)) this.asciiIdentity[b] = 2;
      if (bySymbol || byRule) continue;
      if (this.userDefined !== null && this.userDefined.exactMatch(one) >= 0) { this.asciiFast[b] = 1; continue; }
      if (this.charsmap !== null) {
        const value = this.charsmap.trie.exactMatch(one);
        if (value >= 0) {
          let e = value;
          while (e < this.charsmap.normalized.length && this.charsmap.normalized[e] !== 0) e++;
          this.asciiStart[b] = value;
          this.asciiLen[b] = e - value;
        }
      }
      this.asciiFast[b] = 1;
    }
  }

  /** Length of the last normalized text. */
  normalizedLength = 0;

  /** Normalizes bytes[0, end) into `out`/`normToOrig`; returns the normalized length. */
  normalize(input: Uint8Array, end = input.length): number {
    this.normalizedLength = this.normalizeInto(input, end);
    return this.normalizedLength;
  }

  private normalizeInto(input: Uint8Array, end: number): number {
    this.reserve(end * 3 + 8);
    let pos = 0;
    if (end === 0) { this.normToOrig[0] = 0; return 0; }
    const removeExtra = this.removeExtraWhitespaces;
    const escape = this.escapeWhitespaces;
    // Skip leading whitespace (after normalization: NBSP, tabs... count once they map to a space).
    if (removeExtra) {
      while (pos < end) {
        const consumed = this.prefix(input, pos, end);
        if (!(this.pLen === 1 && this.pBuf[this.pStart] === 0x20)) break;
        pos += consumed;
      }
    }
    if (pos >= end) { this.normToOrig[0] = pos; return 0; }

    let out = this.out;
    let map = this.normToOrig;
    let n = 0;
    if (!this.treatWhitespaceAsSuffix && this.addDummyPrefix) n = this.addSpace(n, pos);
    let isPrevSpace = removeExtra;
    while (pos < end) {
      const consumed = this.prefix(input, pos, end);
      const buf = this.pBuf;
      let s = this.pStart;
      const e = s + this.pLen;
      if (isPrevSpace) while (s < e && buf[s] === 0x20) s++;
      if (s < e) {
        // A rule can expand a character many times over (U+FDFA becomes 18 characters), so grow as needed.
        if (n + 3 * (e - s) + 4 > this.out.length) this.grow(n + 3 * (e - s) + 4);
        out = this.out; map = this.normToOrig;
        for (let k = s; k < e; k++) {
          const b = buf[k];
          if (escape && b === 0x20) {
            out[n] = 0xe2; out[n + 1] = 0x96; out[n + 2] = 0x81;
            map[n] = pos; map[n + 1] = pos; map[n + 2] = pos;
            n += 3;
          } else {
            out[n] = b; map[n] = pos; n++;
          }
        }
        isPrevSpace = buf[e - 1] === 0x20;
      }
      pos += consumed;
      if (!removeExtra) isPrevSpace = false;
    }
    let consumedTotal = pos;
    if (removeExtra) {
      out = this.out; map = this.normToOrig;
      if (escape) {
        while (n >= 3 && out[n - 3] === 0xe2 && out[n - 2] === 0x96 && out[n - 1] === 0x81) { n -= 3; consumedTotal = map[n]; }
      } else {
        while (n >= 1 && out[n - 1] === 0x20) { n -= 1; consumedTotal = map[n]; }
      }
    }
    if (n + 4 > this.out.length) this.grow(n + 4);
    if (this.treatWhitespaceAsSuffix && this.addDummyPrefix) n = this.addSpace(n, consumedTotal);
    this.normToOrig[n] = consumedTotal;
    return n;
  }

  private addSpace(n: number, at: number): number {
    const out = this.out;
    const map = this.normToOrig;
    if (this.escapeWhitespaces) {
      out.set(SPACE_SYMBOL, n);
      map[n] = at; map[n + 1] = at; map[n + 2] = at;
      return n + 3;
    }
    out[n] = 0x20; map[n] = at;
    return n + 1;
  }

  /**
   * Normalizes the longest rule matching at input[pos]: sets pBuf/pStart/pLen to the replacement and returns
   * how many input bytes it consumed. User-defined symbols come first, then the charsmap, else the character
   * itself, or U+FFFD for one malformed byte.
   */
  private prefix(input: Uint8Array, pos: number, end: number): number {
    const b0 = input[pos];
    if (b0 < 0x80 && this.asciiFast[b0] === 1 && (pos + 1 >= end || input[pos + 1] < 0x80)) {
      const len = this.asciiLen[b0];
      if (len < 0) { this.pBuf = input; this.pStart = pos; this.pLen = 1; }
      else { this.pBuf = this.charsmap!.normalized; this.pStart = this.asciiStart[b0]; this.pLen = len; }
      return 1;
    }
    if (this.mayStartKey[b0] === 1) {
      if (this.userDefined !== null) {
        const value = this.userDefined.longestPrefix(input, pos, end, this.matchLen);
        if (value >= 0) {
          this.pBuf = input; this.pStart = pos; this.pLen = this.matchLen[0];
          return this.matchLen[0];
        }
      }
      if (this.charsmap !== null) {
        const value = this.charsmap.trie.longestPrefix(input, pos, end, this.matchLen);
        if (value >= 0) {
          const normalized = this.charsmap.normalized;
          let e = value;
          while (e < normalized.length && normalized[e] !== 0) e++;
          this.pBuf = normalized; this.pStart = value; this.pLen = e - value;
          return this.matchLen[0];
        }
      }
    }
    const len = b0 < 0x80 ? 1 : validCharLength(input, pos, end);
    if (len === 0) {
      this.pBuf = REPLACEMENT; this.pStart = 0; this.pLen = 3;
      return 1;
    }
    this.pBuf = input; this.pStart = pos; this.pLen = len;
    return len;
  }

  private grow(size: number): void {
    let cap = this.out.length;
    while (cap < size) cap *= 2;
    const out = new Uint8Array(cap);
    out.set(this.out);
    const map = new Int32Array(cap + 1);
    map.set(this.normToOrig);
    this.out = out;
    this.normToOrig = map;
  }

  private reserve(size: number): void {
    if (this.out.length >= size) return;
    let cap = this.out.length;
    while (cap < size) cap *= 2;
    this.out = new Uint8Array(cap);
    this.normToOrig = new Int32Array(cap + 1);
  }
}

/** Does any key of the trie start with byte b and continue with an ASCII byte? */
function continuesInAscii(trie: DoubleArray | null, b: number): boolean {
  if (trie === null || trie.units.length === 0) return false;
  const units = trie.units;
  const root = (units[0] >>> 10) << ((units[0] & (1 << 9)) >>> 6);
  const id = root ^ b;
  if (id >= units.length || (units[id] & 0x800000ff) !== b) return false;
  const base = id ^ ((units[id] >>> 10) << ((units[id] & (1 << 9)) >>> 6));
  for (let c = 1; c < 128; c++) {
    const child = base ^ c;
    if (child < units.length && (units[child] & 0x800000ff) === c) return true;
  }
  return false;
}
