import { americanIds, asciiSingularId, mayBeBritish } from './normalize.js';
import type { TokenTable } from './token-table.js';
import type { TextBytes } from './text-bytes.js';

/**
 * What the matcher keeps of one text's tokens: by token index, its id (-1: no name has it) and its singular's id
 * (-1: none or not a plural); and the tokens where a match may start (see EntityMatcher.resolveTokens), each with
 * the trie nodes that it and its singular start at the root (-1: none) and the names' endings there
 * (NameEntryTable.endings codes; 0 for no node).
 */
export class TextTokenIds {
  ids = new Int32Array(0);
  singulars = new Int32Array(0);
  /** Candidate c is token candidates[c], with its nodes and endings at index c of the arrays below. */
  candidates = new Int32Array(0);
  roots = new Int32Array(0);
  singularRoots = new Int32Array(0);
  rootEndings = new Int32Array(0);
  singularRootEndings = new Int32Array(0);

  /** `capacity`: tokens held before `reserve` grows the arrays. */
  constructor(capacity = 1024) {
    this.reserve(capacity);
  }

  /** Room for `count` tokens (the contents are left undefined). */
  reserve(count: number): void {
    if (count <= this.ids.length) return;
    const size = Math.max(count, 2 * this.ids.length);
    this.ids = new Int32Array(size);
    this.singulars = new Int32Array(size);
    this.candidates = new Int32Array(size);
    this.roots = new Int32Array(size);
    this.singularRoots = new Int32Array(size);
    this.rootEndings = new Int32Array(size);
    this.singularRootEndings = new Int32Array(size);
  }
}

/** The ints of a TextTokenCache entry that `resolve` callers read (at the offset it returns). */
export const enum EntryField {
  Id = 2,
  /** The singular's id. */
  Singular = 3,
  /** The trie nodes under the root along the id and the singular's id (-1: none). */
  Root = 4,
  SingularRoot = 5,
  /** NameEntryTable.endings codes of those nodes (0 for none). */
  RootEnding = 6,
  SingularRootEnding = 7,
  /** The child-token summary of the root node (EntityMatcher.rootChildBits; zeros for none). */
  ChildBitsLow = 8,
  ChildBitsHigh = 9,
}

/**
 * Entries (a power of two): 32,768 (2 MB), near the 37,000 distinct tokens of the benchmark corpus; link passes
 * measured slower with 16,384 and 8,192 (more look-ups fall through to the tables), the same with 65,536. Ints per
 * entry: hash (keyHash), length, id, singular id, their root nodes, the endings there, the root node's child bits, the key.
 */
const ENTRIES = 1 << 15;
const STRIDE = 16;
const KEY = 10;
/**
 * The longest token kept: 24 characters (6 ints of bytes; a text's longer runs of letters or digits are rare). The
 * matcher looks longer ones up itself.
 */
export const CACHED_TOKEN_LENGTH = 24;

/**
 * What `TextTokenIds` holds for recently seen ASCII tokens of running text: a direct-mapped cache in front of the
 * TokenTable and the trie's root, keyed by the token in lower case. A token's look-up costs up to five cache misses
 * in tables of up to megabytes (the table's slot, key offsets and characters, its singular's, the root's
 * children); a few thousand tokens make most of a text (89% of the shared corpus's look-ups hit this cache, measured
 * at 8,192 entries), and here each lies in one 64-byte line with all of it. Tokens no name contains are kept too
 * (id -1).
 */
export class TextTokenCache {
  /** The entries (see EntryField), then one more for a token `resolve` does not keep (see `place`). */
  readonly entries = new Int32Array((ENTRIES + 1) * STRIDE);

  /**
   * `rootChildren[id] - 1`: the trie node under the root along token `id` (-1: none); `endings`: by node, the
   * NameEntryTable.endings codes; `rootChildBits`: by token id, the child-token summary of its root node. The
   * entries start as zeros: length 0, which no token has (no loop over them here: it ran long enough to be compiled
   * on its own).
   */
  constructor(
    private readonly tokens: TokenTable, private readonly rootChildren: Int32Array, private readonly endings: Int32Array,
    private readonly rootChildBits: Int32Array,
  ) {}

  /**
   * The offset in `entries` of the entry of `text.slice(start, end).toLowerCase()`, an ASCII letter or digit run of
   * at most CACHED_TOKEN_LENGTH characters, whose characters `bytes` holds (TextBytes.load(text)); read it before
   * the next `resolve` or `place`.
   */
  resolve(text: string, bytes: TextBytes, start: number, end: number): number {
    const view = bytes.view;
    const length = end - start;
    const h = keyHash(view, start, end);
    const entries = this.entries;
    const at = (h & (ENTRIES - 1)) * STRIDE;
    // A miss is handled apart: fewer branches here, each first taken after this was optimized deoptimized it.
    if (entries[at] !== h || entries[at + 1] !== length || !sameKey(entries, at + KEY, view, start, end)) {
      this.fill(at, text, view, start, end, h);
    }
    return at;
  }

  /**
   * Writes an entry for a token the matcher looked up itself (beyond ASCII, or long) in the place kept for one, and
   * returns its offset (read it before the next `resolve` or `place`).
   */
  place(id: number, singular: number): number {
    const at = ENTRIES * STRIDE;
    this.describe(at, id, singular);
    return at;
  }

  /** Looks the token up in the tables and keeps it in the entry at `at`. */
  private fill(at: number, text: string, view: DataView, start: number, end: number, h: number): void {
    const entries = this.entries;
    const length = end - start;
    let id = this.tokens.getAsciiLower(text, start, end);
    let singular = asciiSingularId(this.tokens, text, start, end);
    // A British spelling (a name's tokens are interned American; see americanSpelling): looked up again as American.
    const plural = (text.charCodeAt(end - 1) | 0x20) === 115; // s
    if ((id < 0 || (singular < 0 && plural)) && length >= 6 && mayBeBritish(text, start, end)) {
      ({ id, singular } = americanIds(this.tokens, text.slice(start, end).toLowerCase(), id, singular));
    }
    entries[at] = h;
    entries[at + 1] = length;
    this.describe(at, id, singular);
    for (let w = 0, i = start; w < CACHED_TOKEN_LENGTH / 4; w++, i += 4) entries[at + KEY + w] = i < end ? keyWord(view, i, end) : 0;
  }

  /** Writes the EntryField ints of the entry at `at` for a token of this id and singular id. */
  private describe(at: number, id: number, singular: number): void {
    const entries = this.entries;
    const root = this.root(id);
    const singularRoot = this.root(singular);
    entries[at + EntryField.Id] = id;
    entries[at + EntryField.Singular] = singular;
    entries[at + EntryField.Root] = root;
    entries[at + EntryField.SingularRoot] = singularRoot;
    entries[at + EntryField.RootEnding] = this.endingAt(root);
    entries[at + EntryField.SingularRootEnding] = this.endingAt(singularRoot);
    entries[at + EntryField.ChildBitsLow] = this.childBitsLowOf(id);
    entries[at + EntryField.ChildBitsHigh] = this.childBitsHighOf(id);
  }

  /** The low and high ints of the child bits of token `id`'s root node (zeros for id -1, no node or no children). */
  private childBitsLowOf(id: number): number {
    return id < 0 || 2 * id >= this.rootChildBits.length ? 0 : this.rootChildBits[2 * id];
  }

  private childBitsHighOf(id: number): number {
    return id < 0 || 2 * id >= this.rootChildBits.length ? 0 : this.rootChildBits[2 * id + 1];
  }

  /** The endings code of trie node `node` (for -1, no node: 0, no name). */
  private endingAt(node: number): number {
    return node < 0 ? 0 : this.endings[node];
  }

  private root(id: number): number {
    return id >= 0 && id < this.rootChildren.length ? this.rootChildren[id] - 1 : -1;
  }
}

/**
 * Characters i to i + 3 of a token ending at `end` as the int a key stores (`fill` writes them, `sameKey` compares): lower-cased (`| 0x20`:
 * letters, and digits have the bit), one a byte, character i in the low byte, the bytes from `end` on zero
 * (TextBytes pads the text, so the read stays in its buffer).
 */
function keyWord(view: DataView, i: number, end: number): number {
  const word = view.getInt32(i, true) | 0x20202020;
  return word & (-1 >>> (Math.max(0, 4 - (end - i)) << 3));
}

/**
 * The hash a token's entry is filed under, of its key's ints (keyWord), one multiply each; its low bits pick the
 * entry.
 */
export function keyHash(view: DataView, start: number, end: number): number {
  let h = end - start;
  for (let i = start; i < end; i += 4) h = Math.imul(h ^ keyWord(view, i, end), 0x9e3779b1);
  // A last mix (murmur3's): without it the entries' use was uneven, 10% more misses (69,874 vs 64,386 a pass).
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** Do the key ints from entries[from] spell the token's characters [start, end) in lower case? */
function sameKey(entries: Int32Array, from: number, view: DataView, start: number, end: number): boolean {
  for (let i = start; i < end; i += 4) if (entries[from + ((i - start) >> 2)] !== keyWord(view, i, end)) return false;
  return true;
}
