export interface EdgeTableSnapshot {
  /** (node, token, child) triples by slot; node -1 = empty. */
  readonly cells: Int32Array;
  readonly count: number;
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

  constructor(capacity = 1 << 16) {
    const size = 1 << Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.cells = new Int32Array(3 * size).fill(-1);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The table as typed arrays, for another thread to `restore`. */
  snapshot(): EdgeTableSnapshot {
    return { cells: this.cells, count: this.count };
  }

  static restore(s: EdgeTableSnapshot): EdgeTable {
    const table = new EdgeTable(1);
    table.cells = s.cells;
    table.mask = s.cells.length / 3 - 1;
    table.count = s.count;
    return table;
  }

  /** The child of `node` along `token`, or -1. */
  get(node: number, token: number): number {
    const cells = this.cells, mask = this.mask;
    let slot = hash(node, token) & mask;
    for (;;) {
      const at = 3 * slot;
      const n = cells[at];
      if (n === -1) return -1;
      if (n === node && cells[at + 1] === token) return cells[at + 2];
      slot = (slot + 1) & mask;
    }
  }

  /** Sets the child of `node` along `token` (the caller checks with `get` first). */
  set(node: number, token: number, child: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    let slot = hash(node, token) & this.mask;
    while (this.cells[3 * slot] !== -1) slot = (slot + 1) & this.mask;
    this.cells[3 * slot] = node;
    this.cells[3 * slot + 1] = token;
    this.cells[3 * slot + 2] = child;
    this.count += 1;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.cells.byteLength;
  }

  private grow(): void {
    const old = this.cells;
    const size = 2 * (this.mask + 1);
    this.cells = new Int32Array(3 * size).fill(-1);
    this.mask = size - 1;
    this.count = 0;
    for (let at = 0; at < old.length; at += 3) if (old[at] !== -1) this.set(old[at], old[at + 1], old[at + 2]);
  }
}

function hash(node: number, token: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ Math.imul(token, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}
