export interface TokenTableSnapshot {
  readonly keys: string[];
  readonly slots: Int32Array;
}

/**
 * Token strings ↔ dense ids. Besides string lookups it looks up a slice of the text directly, lowercasing
 * ASCII on the fly, so the matcher makes no string per token of running text.
 */
export class TokenTable {
  private keys: string[] = [];
  private slots: Int32Array = new Int32Array(1 << 12); // id + 1; 0 = empty
  private mask = (1 << 12) - 1;

  /** The table as plain data (strings and one typed array), for another thread to `restore`. */
  snapshot(): TokenTableSnapshot {
    return { keys: this.keys, slots: this.slots };
  }

  static restore(s: TokenTableSnapshot): TokenTable {
    const table = new TokenTable();
    table.keys = s.keys;
    table.slots = s.slots;
    table.mask = s.slots.length - 1;
    return table;
  }

  get size(): number {
    return this.keys.length;
  }

  /** The id of `key`, adding it when new. */
  intern(key: string): number {
    const found = this.get(key);
    if (found >= 0) return found;
    if ((this.keys.length + 1) * 2 > this.slots.length) this.grow();
    const id = this.keys.length;
    this.keys.push(key);
    this.place(key, id);
    return id;
  }

  /** The id of `key`, or -1. */
  get(key: string): number {
    for (let slot = hashString(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const v = this.slots[slot];
      if (v === 0) return -1;
      if (this.keys[v - 1] === key) return v - 1;
    }
  }

  /**
   * The id of `text.slice(start, end).toLowerCase()` (+ the character `suffix` when given) for an ASCII slice,
   * or -1, without making the string.
   */
  getAsciiLower(text: string, start: number, end: number, suffix = -1): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ lowerAscii(text.charCodeAt(i)), 0x01000193);
    if (suffix >= 0) h = Math.imul(h ^ suffix, 0x01000193);
    const length = end - start + (suffix >= 0 ? 1 : 0);
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const v = this.slots[slot];
      if (v === 0) return -1;
      const key = this.keys[v - 1];
      if (key.length === length && sameLower(key, text, start, end) && (suffix < 0 || key.charCodeAt(length - 1) === suffix)) return v - 1;
    }
  }

  private place(key: string, id: number): void {
    let slot = hashString(key) & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = id + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    this.keys.forEach((key, id) => this.place(key, id));
  }
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

function sameLower(key: string, text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (key.charCodeAt(i - start) !== lowerAscii(text.charCodeAt(i))) return false;
  return true;
}

/** FNV-1a over UTF-16 code units; for ASCII lowercase keys it equals getAsciiLower's hash of the slice. */
function hashString(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h;
}
