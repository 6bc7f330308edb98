export interface EdgeTableSnapshot {
  /** (node, token, child) triples by slot; node -1 = empty. */
  readonly cells: Int32Array;
  readonly count: number;
  /** EdgeTable's filter bits (see there). */
  readonly filter: Int32Array;
}

/**
 * The trie's edges, (node, token) → child node, in one open-addressing hash table: no per-edge objects and no
 * heap-number keys. Each slot's node, token and child lie side by side in one Int32Array, so a probe reads one
 * place in memory (the table is megabytes, and every lookup lands somewhere new in it). Linear probing; grows
 * at 50% load.
 */
export class EdgeTable {
  private cells: Int32Array;
  private mask: number;
  private count = 0;
  /**
   * A blocked Bloom filter over the edges held: each node has one 64-byte line of it (picked by a hash of the node,
   * shared with other nodes), in which each of its edges sets one bit (picked by the edge's hash). Nine in ten
   * look-ups from running text find no edge, and most look-ups come from a few thousand nodes (common first words
   * of names): their lines stay in the CPU cache and answer those misses without a probe into the megabytes of
   * cells. 4 bits per slot (8-16 per edge): ~6-11% false positives if edges spread evenly over the lines (computed,
   * not measured); a line shared with a node of many edges gives more.
   */
  private filter: Int32Array;
  /** The filter's lines - 1 (a power of two - 1). */
  private lineMask: number;

  constructor(capacity = 1 << 16) {
    const size = 1 << Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.cells = new Int32Array(3 * size).fill(-1);
    this.mask = size - 1;
    this.lineMask = filterLines(size) - 1;
    this.filter = new Int32Array(16 * (this.lineMask + 1));
  }

  get size(): number {
    return this.count;
  }

  /** The table as typed arrays, for another thread to `restore`. */
  snapshot(): EdgeTableSnapshot {
    return { cells: this.cells, count: this.count, filter: this.filter };
  }

  static restore(s: EdgeTableSnapshot): EdgeTable {
    const table = new EdgeTable(1);
    table.cells = s.cells;
    table.mask = s.cells.length / 3 - 1;
    table.count = s.count;
    table.filter = s.filter;
    table.lineMask = filterLines(table.mask + 1) - 1;
    return table;
  }

  /** The child of `node` along `token`, or -1. */
  get(node: number, token: number): number {
    const h = hash(node, token);
    const at = filterWord(node, h, this.lineMask);
    if ((this.filter[at] & (1 << (h >>> 27))) === 0) return -1;
    const cells = this.cells, mask = this.mask;
    for (let slot = h & mask; ;) {
      const at = 3 * slot;
      const n = cells[at];
      const next = (slot + 1) & mask; // see NEXT_SLOT
      if (n === -1) return -1;
      if (n === node && cells[at + 1] === token) return cells[at + 2];
      slot = next;
    }
  }

  /** Sets the child of `node` along `token` (the caller checks with `get` first). */
  set(node: number, token: number, child: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const h = hash(node, token);
    this.filter[filterWord(node, h, this.lineMask)] |= 1 << (h >>> 27);
    const cells = this.cells, mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const next = (slot + 1) & mask; // see NEXT_SLOT
      if (cells[3 * slot] === -1) break;
      slot = next;
    }
    this.cells[3 * slot] = node;
    this.cells[3 * slot + 1] = token;
    this.cells[3 * slot + 2] = child;
    this.count += 1;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.cells.byteLength + this.filter.byteLength;
  }

  private grow(): void {
    const old = this.cells;
    const size = 2 * (this.mask + 1);
    this.cells = new Int32Array(3 * size).fill(-1);
    this.mask = size - 1;
    this.lineMask = filterLines(size) - 1;
    this.filter = new Int32Array(16 * (this.lineMask + 1));
    this.count = 0;
    for (let at = 0; at < old.length; at += 3) if (old[at] !== -1) this.set(old[at], old[at + 1], old[at + 2]);
  }
}

/**
 * NEXT_SLOT: `get` and `set` work out the slot after the one they read before they know whether they need it. The
 * first collision in a table of a million slots comes after about a thousand edges, when the lexicon's build loop
 * (`addName`, with these inlined) is already optimized: a `+ 1` never run before had no type feedback, and its first
 * run threw that code away (a deoptimization and a recompile of the whole loop). Run on every probe, it has feedback
 * from the first call; an add and an and per probe cost nothing measurable beside the cache miss of the read.
 */

/** The bit (0-63) of `token` in the matcher's summaries of a node's child tokens (EntityMatcher.rootChildBits). */
export function childTokenBit(token: number): number {
  return Math.imul(token, 0x9e3779b1) >>> 26;
}

/** For a table of `size` slots (a power of two): its filter's lines of 16 words, 4 bits per slot. */
function filterLines(size: number): number {
  return Math.max(1, size >> 7);
}

/**
 * The filter word of edge (node, h = its hash): the node's line, and in it the word picked by bits 23-26 of h
 * (the bit in the word: bits 27-31; the slot uses the low bits).
 */
function filterWord(node: number, h: number, lineMask: number): number {
  return (((Math.imul(node, 0x9e3779b1) >>> 12) & lineMask) << 4) | ((h >>> 23) & 15);
}

function hash(node: number, token: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ Math.imul(token, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}
