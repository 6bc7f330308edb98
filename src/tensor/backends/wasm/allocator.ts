/**
 * First-fit-by-size (best fit) allocator over a byte range [base, ∞) of the shared wasm memory. Free blocks are
 * kept sorted by address and coalesced, so a training loop that frees and reallocates the same sizes reuses
 * the same blocks and the memory stops growing after the first step. `grow(end)` is called when the top of
 * the heap must move past the current memory size.
 */
export class Allocator {
  /** Free blocks sorted by offset, never adjacent (coalesced). */
  private readonly free: { off: number; size: number }[] = [];
  private top: number;
  /** End of the highest block ever handed out: memory above it has never been written (still zero). */
  private highWater: number;

  constructor(base: number, private readonly grow: (end: number) => void, private readonly align = 64) {
    this.top = roundUp(base, align);
    this.highWater = this.top;
  }

  /** Offset of a new block of at least `bytes` bytes, aligned. */
  alloc(bytes: number): number {
    const size = Math.max(this.align, roundUp(bytes, this.align));
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      const f = this.free[i]!;
      if (f.size >= size && (best < 0 || f.size < this.free[best]!.size)) {
        best = i;
        if (f.size === size) break;
      }
    }
    if (best >= 0) {
      const f = this.free[best]!;
      const off = f.off;
      if (f.size === size) this.free.splice(best, 1);
      else {
        f.off += size;
        f.size -= size;
      }
      return off;
    }
    // extend the heap, absorbing a free block that ends at the top
    const last = this.free[this.free.length - 1];
    let off = this.top;
    if (last !== undefined && last.off + last.size === this.top) {
      off = last.off;
      this.free.pop();
    }
    this.grow(off + size);
    this.top = off + size;
    return off;
  }

  /**
   * Marks [off, off + bytes) as handed out and returns how many of its leading bytes may hold old data (the
   * rest lies above every earlier block, in memory that is still zero from memory.grow).
   */
  claim(off: number, bytes: number): number {
    const dirty = Math.max(0, Math.min(off + bytes, this.highWater) - off);
    this.highWater = Math.max(this.highWater, off + bytes);
    return dirty;
  }

  /** Returns a block from `alloc(bytes)`. */
  release(off: number, bytes: number): void {
    const size = Math.max(this.align, roundUp(bytes, this.align));
    let lo = 0, hi = this.free.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.free[mid]!.off < off) lo = mid + 1;
      else hi = mid;
    }
    const prev = this.free[lo - 1];
    if (prev !== undefined && prev.off + prev.size > off) throw new Error(`wasm allocator: block at ${off} released twice`);
    let block = { off, size };
    if (prev !== undefined && prev.off + prev.size === off) {
      prev.size += size;
      block = prev;
    } else {
      this.free.splice(lo, 0, block);
    }
    const idx = block === prev ? lo - 1 : lo;
    const after = this.free[idx + 1];
    if (after !== undefined && block.off + block.size === after.off) {
      block.size += after.size;
      this.free.splice(idx + 1, 1);
    }
    // give the top block back to the bump pointer
    if (block.off + block.size === this.top) {
      this.top = block.off;
      this.free.splice(idx, 1);
    }
  }

  /** End of the highest block ever needed now (memory in use, including holes). */
  get heapTop(): number {
    return this.top;
  }
}

function roundUp(x: number, a: number): number {
  return Math.ceil(x / a) * a;
}
