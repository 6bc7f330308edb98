export interface TokenTableSnapshot {
  readonly keys: string[];
  /** The hash table: (id + 1, hash) pairs, 0 = empty. */
  readonly slots: Int32Array;
}

/**
 * Token strings ↔ dense ids. Besides string lookups it looks up a slice of the text directly, lowercasing
 * ASCII on the fly, so the matcher makes no string per token of running text.
 *
 * Every token of every linked text is looked up here, so the layout is for few cache misses: each slot holds
 * the id and the key's full hash side by side (a probe that misses is rejected without reading the key), and
 * the keys' characters lie one after another in one array (a hit compares against it, not a string object
 * somewhere in the heap).
 */
export class TokenTable {
  private keys: string[] = [];
  private slots: Int32Array;
  private mask: number;
  /** Key k's UTF-16 code units are chars[starts[k], starts[k + 1]). */
  private chars: Uint16Array;
  private starts: Int32Array;

  /** `capacity`: about how many keys it will hold (it grows past that; sizing it once spares the rehashing). */
  constructor(capacity = 1 << 11) {
    const size = 1 << Math.ceil(Math.log2(Math.max(4096, 2 * capacity))); // at most half full, as `intern` keeps it
    this.slots = new Int32Array(2 * size);
    this.mask = size - 1;
    this.starts = new Int32Array(Math.max(4096, capacity + 2));
    this.chars = new Uint16Array(8 * Math.max(2048, capacity));
  }

  /** The table as plain data (strings and one typed array), for another thread to `restore`. */
  snapshot(): TokenTableSnapshot {
    return { keys: this.keys, slots: this.slots };
  }

  static restore(s: TokenTableSnapshot): TokenTable {
    const table = new TokenTable(1);
    table.keys = s.keys;
    table.slots = s.slots;
    table.mask = (s.slots.length >> 1) - 1;
    table.starts = new Int32Array(s.keys.length + 1);
    table.chars = new Uint16Array(s.keys.reduce((n, k) => n + k.length, 0));
    s.keys.forEach((key, id) => table.storeChars(key, id));
    return table;
  }

  get size(): number {
    return this.keys.length;
  }

  /**
   * The id of `key`, adding it when new. `canonical`, asked only when the key is not found: the form to look up and
   * add instead (null: the key's own). The matcher's is americanSpelling; as that leaves the forms it makes as they
   * are, a key found as it is is its own canonical form, and the common case, a known key, costs one look-up.
   */
  intern(key: string, canonical: (key: string) => string | null = noCanonicalForm): number {
    const found = this.get(key);
    return found >= 0 ? found : this.added(canonical(key) ?? key);
  }

  /** The id of `key`, added if new (`intern`'s rare path, apart: the common one stays small enough to inline). */
  private added(key: string): number {
    const found = this.get(key);
    if (found >= 0) return found;
    if ((this.keys.length + 1) * 2 > this.mask + 1) this.grow();
    const id = this.keys.length;
    this.keys.push(key);
    this.storeChars(key, id);
    this.place(hashString(key), id);
    return id;
  }

  /** The id of `key`, or -1. */
  get(key: string): number {
    const h = hashString(key);
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const v = this.slots[2 * slot];
      if (v === 0) return -1;
      if (this.slots[2 * slot + 1] === h && this.keys[v - 1] === key) return v - 1;
    }
  }

  /**
   * The id of `text.slice(start, end).toLowerCase()` (+ the character `suffix` when given) for a run of ASCII
   * letters or of digits, or -1, without making the string.
   */
  getAsciiLower(text: string, start: number, end: number, suffix = -1): number {
    let h = hashAsciiLower(text, start, end);
    if (suffix >= 0) h = Math.imul(h ^ suffix, 0x01000193);
    const length = end - start + (suffix >= 0 ? 1 : 0);
    const slots = this.slots, starts = this.starts, chars = this.chars, mask = this.mask;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = slots[2 * slot];
      if (v === 0) return -1;
      if (slots[2 * slot + 1] !== h) continue;
      const from = starts[v - 1];
      if (starts[v] - from !== length) continue;
      let same = true;
      for (let i = start; i < end; i++) {
        if (chars[from + i - start] !== lowerAscii(text.charCodeAt(i))) {
          same = false;
          break;
        }
      }
      if (same && (suffix < 0 || chars[from + length - 1] === suffix)) return v - 1;
    }
  }

  private storeChars(key: string, id: number): void {
    if (id + 2 > this.starts.length) {
      const bigger = new Int32Array(2 * (id + 2));
      bigger.set(this.starts);
      this.starts = bigger;
    }
    const from = this.starts[id];
    if (from + key.length > this.chars.length) {
      const bigger = new Uint16Array(2 * (from + key.length));
      bigger.set(this.chars);
      this.chars = bigger;
    }
    for (let i = 0; i < key.length; i++) this.chars[from + i] = key.charCodeAt(i);
    this.starts[id + 1] = from + key.length;
  }

  private place(h: number, id: number): void {
    let slot = h & this.mask;
    while (this.slots[2 * slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[2 * slot] = id + 1;
    this.slots[2 * slot + 1] = h;
  }

  private grow(): void {
    const size = 2 * (this.mask + 1);
    this.slots = new Int32Array(2 * size);
    this.mask = size - 1;
    this.keys.forEach((key, id) => this.place(hashString(key), id));
  }
}

function noCanonicalForm(): null {
  return null;
}

/** A-Z → a-z, any other code unchanged (getAsciiLower compares with it; hashAsciiLower needs only letters and digits). */
function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** FNV-1a's offset basis as an int32 (as a literal it is a double, and so would the hash be in a register). */
const FNV_OFFSET = 0x811c9dc5 | 0;

/** FNV-1a over UTF-16 code units: the table's key hash. */
function hashString(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * `hashString(text.slice(start, end).toLowerCase())` for a run of ASCII letters or of digits, making no string (for
 * getAsciiLower). Such a run's characters lower-case
 * by `| 0x20` (digits have that bit already): no branch per character, which mispredicted on capitals.
 */
export function hashAsciiLower(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (text.charCodeAt(i) | 0x20), 0x01000193);
  return h;
}
