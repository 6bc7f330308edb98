import { asciiSingularId } from './normalize.js';
import { hashAsciiLower, type TokenTable } from './token-table.js';

/**
 * What the matcher needs of each token of one text, by token index: its id (-1: no name has it), its singular's
 * id (-1: none or not a plural), the trie nodes that each starts at the root (-1: no name starts so), and the
 * names' endings at those nodes (NameEntryTable.endings codes; 0 for no node).
 */
export class TextTokenIds {
  ids: Int32Array;
  singulars: Int32Array;
  roots: Int32Array;
  singularRoots: Int32Array;
  /**
   * Over half the tokens of running text start some name, but few are one-word names: these answer "does a name
   * end here, and which?" for the token's own nodes from the cache line already read, not from the node's entries.
   */
  rootEndings: Int32Array;
  singularRootEndings: Int32Array;
  /**
   * EdgeTable.childTokenBits of the token's root node (zeros for none): which tokens may follow it in a name. Most
   * tokens that start a name are followed by none of them, and the matcher moves on without a look-up.
   */
  childBitsLow: Int32Array;
  childBitsHigh: Int32Array;

  /** `capacity`: tokens held before `reserve` grows the arrays. */
  constructor(capacity = 1024) {
    this.ids = new Int32Array(capacity);
    this.singulars = new Int32Array(capacity);
    this.roots = new Int32Array(capacity);
    this.singularRoots = new Int32Array(capacity);
    this.rootEndings = new Int32Array(capacity);
    this.singularRootEndings = new Int32Array(capacity);
    this.childBitsLow = new Int32Array(capacity);
    this.childBitsHigh = new Int32Array(capacity);
  }

  /** Room for `count` tokens (the contents are left undefined). */
  reserve(count: number): void {
    if (count <= this.ids.length) return;
    const size = Math.max(count, 2 * this.ids.length);
    this.ids = new Int32Array(size);
    this.singulars = new Int32Array(size);
    this.roots = new Int32Array(size);
    this.singularRoots = new Int32Array(size);
    this.rootEndings = new Int32Array(size);
    this.singularRootEndings = new Int32Array(size);
    this.childBitsLow = new Int32Array(size);
    this.childBitsHigh = new Int32Array(size);
  }
}

/**
 * Entries (a power of two): 32,768 (2 MB), near the 37,000 distinct tokens of the benchmark corpus; link passes
 * measured slower with 16,384 and 8,192 (more look-ups fall through to the tables), the same with 65,536. Ints per
 * entry: hash, length, id, singular id, their root nodes, the endings there, the root node's child bits, the key.
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
  private readonly entries = new Int32Array(ENTRIES * STRIDE);

  /**
   * `rootChildren[id] - 1`: the trie node under the root along token `id` (-1: none); `endings`: by node, the
   * NameEntryTable.endings codes; `rootChildBits`: by token id, EdgeTable.childTokenBits of its root node. The
   * entries start as zeros:
   * length 0, which no token has (no loop over them here: it ran long enough to be compiled on its own).
   */
  constructor(
    private readonly tokens: TokenTable, private readonly rootChildren: Int32Array, private readonly endings: Int32Array,
    private readonly rootChildBits: Int32Array,
  ) {}

  /**
   * Fills token k of `out` for `text.slice(start, end).toLowerCase()`, an ASCII letter or digit run of at most
   * CACHED_TOKEN_LENGTH characters.
   */
  resolve(text: string, start: number, end: number, out: TextTokenIds, k: number): void {
    const length = end - start;
    const h = hashAsciiLower(text, start, end);
    const entries = this.entries;
    const at = ((h >>> 7) & (ENTRIES - 1)) * STRIDE; // the table's slot uses the low bits
    // A miss is handled apart: fewer branches here, each first taken after this was optimized deoptimized it.
    if (entries[at] !== h || entries[at + 1] !== length || !sameKey(entries, at + KEY, text, start, end)) {
      this.fill(at, text, start, end, h);
    }
    out.ids[k] = entries[at + 2];
    out.singulars[k] = entries[at + 3];
    out.roots[k] = entries[at + 4];
    out.singularRoots[k] = entries[at + 5];
    out.rootEndings[k] = entries[at + 6];
    out.singularRootEndings[k] = entries[at + 7];
    out.childBitsLow[k] = entries[at + 8];
    out.childBitsHigh[k] = entries[at + 9];
  }

  /** Looks the token up in the tables and keeps it in the entry at `at`. */
  private fill(at: number, text: string, start: number, end: number, h: number): void {
    const entries = this.entries;
    const length = end - start;
    const id = this.tokens.getAsciiLowerHashed(text, start, end, -1, h);
    const singular = asciiSingularId(this.tokens, text, start, end);
    entries[at] = h;
    entries[at + 1] = length;
    entries[at + 2] = id;
    entries[at + 3] = singular;
    const root = this.root(id);
    const singularRoot = this.root(singular);
    entries[at + 4] = root;
    entries[at + 5] = singularRoot;
    entries[at + 6] = this.endingAt(root);
    entries[at + 7] = this.endingAt(singularRoot);
    entries[at + 8] = this.childBitsLowOf(id);
    entries[at + 9] = this.childBitsHighOf(id);
    for (let w = 0; w < CACHED_TOKEN_LENGTH / 4; w++) entries[at + KEY + w] = 0;
    for (let i = 0; i < length; i++) entries[at + KEY + (i >> 2)] |= (text.charCodeAt(start + i) | 0x20) << ((i & 3) << 3);
  }

  /** The child bits of token `id`'s root node (-1: no token; zeros: no node or no children). */
  childBitsLowOf(id: number): number {
    return id < 0 || 2 * id >= this.rootChildBits.length ? 0 : this.rootChildBits[2 * id];
  }

  childBitsHighOf(id: number): number {
    return id < 0 || 2 * id >= this.rootChildBits.length ? 0 : this.rootChildBits[2 * id + 1];
  }

  /** The endings code of trie node `node` (for -1, no node: 0, no name). */
  endingAt(node: number): number {
    return node < 0 ? 0 : this.endings[node];
  }

  private root(id: number): number {
    return id >= 0 && id < this.rootChildren.length ? this.rootChildren[id] - 1 : -1;
  }
}

/**
 * Do the key bytes from entries[from] spell text[start, end) in lower case? Compared four characters (one int) at
 * a time; the key's bytes past its length are zero, as are the text's here.
 */
function sameKey(entries: Int32Array, from: number, text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 4) {
    let word = text.charCodeAt(i) | 0x20;
    if (i + 1 < end) word |= (text.charCodeAt(i + 1) | 0x20) << 8;
    if (i + 2 < end) word |= (text.charCodeAt(i + 2) | 0x20) << 16;
    if (i + 3 < end) word |= (text.charCodeAt(i + 3) | 0x20) << 24;
    if (entries[from + ((i - start) >> 2)] !== word) return false;
  }
  return true;
}
