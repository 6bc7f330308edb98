/**
 * A fixed set of strings with an id each, looked up by the characters of the key: an open-addressed table of our
 * own (FNV hash, ids' characters in one Uint16Array). Word keys are new strings, and a Map or Set look-up first
 * has V8 hash the string: a Map look-up of every word's new key took 0.072-0.082 CPU-s per pass over the 1.08 M
 * words of the MTSamples paragraphs (about 70 ns a word), triggerBits with this table 0.024-0.025 s, and a whole
 * steady-state de-identification pass about 0.23 s (3 runs of 6 passes). Here hashing and comparing are one
 * short loop each.
 */
export class KeyTable {
  private readonly slots: Int32Array; // id + 1, 0 = empty; at most half full
  private readonly mask: number;
  private readonly starts: Int32Array;
  private readonly chars: Uint16Array;

  constructor(keys: readonly string[]) {
    this.slots = new Int32Array(1 << Math.ceil(Math.log2(keys.length * 2 + 2)));
    this.mask = this.slots.length - 1;
    this.starts = new Int32Array(keys.length + 1);
    this.chars = new Uint16Array(keys.reduce((n, k) => n + k.length, 0));
    keys.forEach((key, id) => {
      const start = this.starts[id] as number;
      for (let j = 0; j < key.length; j++) this.chars[start + j] = key.charCodeAt(j);
      this.starts[id + 1] = start + key.length;
      let slot = keyHash(key) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
    });
  }

  /** The key's id (its index in the list given), -1 when it is not in the table. */
  idOf(key: string): number {
    let slot = keyHash(key) & this.mask;
    for (;;) {
      const id = (this.slots[slot] as number) - 1;
      if (id < 0) return -1;
      const start = this.starts[id] as number;
      if ((this.starts[id + 1] as number) - start === key.length && this.sameChars(key, start)) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * idOf(key) for the key whose characters are codes[start..end) lower-cased, where every code is an ASCII letter
   * or an apostrophe (setting bit 32 lower-cases such a code and leaves the apostrophe as it is): no key string.
   */
  idOfBytes(codes: Uint8Array, start: number, end: number): number {
    let hash = FNV_OFFSET;
    for (let j = start; j < end; j++) hash = Math.imul(hash ^ ((codes[j] as number) | 32), FNV_PRIME);
    let slot = (hash >>> 0) & this.mask;
    const length = end - start;
    for (;;) {
      const id = (this.slots[slot] as number) - 1;
      if (id < 0) return -1;
      const from = this.starts[id] as number;
      if ((this.starts[id + 1] as number) - from === length && this.sameBytes(codes, start, from, length)) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  private sameBytes(codes: Uint8Array, start: number, from: number, length: number): boolean {
    for (let j = 0; j < length; j++) if (this.chars[from + j] !== ((codes[start + j] as number) | 32)) return false;
    return true;
  }

  private sameChars(key: string, start: number): boolean {
    for (let j = 0; j < key.length; j++) if (this.chars[start + j] !== key.charCodeAt(j)) return false;
    return true;
  }
}

/** FNV-1a, 32-bit: the one hash of idOf and idOfBytes (the same key's string and bytes must meet one slot). */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function keyHash(key: string): number {
  let hash = FNV_OFFSET;
  for (let j = 0; j < key.length; j++) hash = Math.imul(hash ^ key.charCodeAt(j), FNV_PRIME);
  return hash >>> 0;
}
