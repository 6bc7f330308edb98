export interface EdgeTableSnapshot {
  readonly nodes: Int32Array;
  readonly tokens: Int32Array;
  readonly children: Int32Array;
  readonly count: number;
}

/**
 * The trie's edges, (node, token) → child node, in one open-addressing hash table of typed arrays: no
 * per-edge objects and no heap-number keys, so lookups in the matcher's inner loop are a few array reads.
 * Linear probing; grows at 50% load.
 */
export class EdgeTable {
  private nodes: Int32Array;
  private tokens: Int32Array;
  private children: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1 << 16) {
    const size = 1 << Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.nodes = new Int32Array(size).fill(-1);
    this.tokens = new Int32Array(size);
    this.children = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The table as typed arrays, for another thread to `restore`. */
  snapshot(): EdgeTableSnapshot {
    return { nodes: this.nodes, tokens: this.tokens, children: this.children, count: this.count };
  }

  static restore(s: EdgeTableSnapshot): EdgeTable {
    const table = new EdgeTable(1);
    table.nodes = s.nodes;
    table.tokens = s.tokens;
    table.children = s.children;
    table.mask = s.nodes.length - 1;
    table.count = s.count;
    return table;
  }

  /** The child of `node` along `token`, or -1. */
  get(node: number, token: number): number {
    let slot = hash(node, token) & this.mask;
    for (;;) {
      const n = this.nodes[slot];
      if (n === -1) return -1;
      if (n === node && this.tokens[slot] === token) return this.children[slot];
      slot = (slot + 1) & this.mask;
    }
  }

  /** Sets the child of `node` along `token` (the caller checks with `get` first). */
  set(node: number, token: number, child: number): void {
    if ((this.count + 1) * 2 > this.nodes.length) this.grow();
    let slot = hash(node, token) & this.mask;
    while (this.nodes[slot] !== -1) slot = (slot + 1) & this.mask;
    this.nodes[slot] = node;
    this.tokens[slot] = token;
    this.children[slot] = child;
    this.count += 1;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.nodes.byteLength * 3;
  }

  private grow(): void {
    const { nodes, tokens, children } = this;
    const size = nodes.length * 2;
    this.nodes = new Int32Array(size).fill(-1);
    this.tokens = new Int32Array(size);
    this.children = new Int32Array(size);
    this.mask = size - 1;
    this.count = 0;
    for (let i = 0; i < nodes.length; i++) if (nodes[i] !== -1) this.set(nodes[i], tokens[i], children[i]);
  }
}

function hash(node: number, token: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ Math.imul(token, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}
