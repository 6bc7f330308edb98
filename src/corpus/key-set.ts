/**
 * A set of 64-bit keys (two int32 halves) in typed arrays: open addressing with linear probing, doubled at two
 * thirds full: 9 bytes a slot, 13.5-27 bytes a key. A Set of 16-hex-digit strings took 101 bytes a key (heap after
 * GC, a million keys, Node 20) and stops at V8's limit of 2^24 entries (16.7 million), fewer documents than
 * PubMed has abstracts.
 */
export class KeySet64 {
  private hi: Int32Array;
  private lo: Int32Array;
  private used: Uint8Array;
  private count = 0;

  constructor(capacity = 1 << 12) {
    let slots = 16;
    while (slots < capacity) slots *= 2;
    this.hi = new Int32Array(slots);
    this.lo = new Int32Array(slots);
    this.used = new Uint8Array(slots);
  }

  get size(): number {
    return this.count;
  }

  /** Adds the key; false when it was there already. */
  add(hi: number, lo: number): boolean {
    const mask = this.used.length - 1;
    let slot = slotOf(hi, lo) & mask;
    while (this.used[slot] !== 0) {
      if (this.hi[slot] === hi && this.lo[slot] === lo) return false;
      slot = (slot + 1) & mask;
    }
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.used[slot] = 1;
    if (++this.count * 3 > this.used.length * 2) this.grow();
    return true;
  }

  has(hi: number, lo: number): boolean {
    const mask = this.used.length - 1;
    for (let slot = slotOf(hi, lo) & mask; this.used[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.hi[slot] === hi && this.lo[slot] === lo) return true;
    }
    return false;
  }

  private grow(): void {
    const { hi, lo, used } = this;
    const slots = used.length * 2;
    this.hi = new Int32Array(slots);
    this.lo = new Int32Array(slots);
    this.used = new Uint8Array(slots);
    const mask = slots - 1;
    for (let old = 0; old < used.length; old++) {
      if (used[old] === 0) continue;
      let slot = slotOf(hi[old], lo[old]) & mask;
      while (this.used[slot] !== 0) slot = (slot + 1) & mask;
      this.hi[slot] = hi[old];
      this.lo[slot] = lo[old];
      this.used[slot] = 1;
    }
  }
}

/** The keys are hashes already; one multiply spreads both halves over the low bits the mask keeps. */
const slotOf = (hi: number, lo: number): number => Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> 0;
