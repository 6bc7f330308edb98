import { fnv1a32, mix32 } from './hash.js';

export interface MinHashOptions {
  /** Words per shingle (default 5). */
  readonly shingleSize?: number;
  /** LSH bands × rows per band = signature length (default 16 × 8 = 128). */
  readonly bands?: number;
  readonly rows?: number;
  /** Estimated Jaccard similarity at or above which a document is a near-duplicate (default 0.8). */
  readonly threshold?: number;
}

/**
 * Near-duplicate detection: a document's word shingles are reduced to a MinHash signature (one minimum per
 * seeded hash function); signatures are cut into bands, and documents sharing any band's values are
 * candidates, confirmed when the fraction of equal signature entries (an estimate of the Jaccard similarity
 * of the shingle sets) reaches the threshold. With 16 bands of 8 rows, pairs at Jaccard 0.8 are found with
 * probability 1 - (1 - 0.8^8)^16 ≈ 0.98; pairs at 0.5 become candidates with probability ≈ 0.06.
 */
export class MinHashIndex {
  private readonly shingleSize: number;
  private readonly bands: number;
  private readonly rows: number;
  private readonly threshold: number;
  private readonly seeds: Uint32Array;
  private readonly buckets: Map<string, number[]>[];
  /** The signatures of the texts added, in order. */
  private readonly added: Uint32Array[] = [];

  constructor(options: MinHashOptions = {}) {
    this.shingleSize = options.shingleSize ?? 5;
    this.bands = options.bands ?? 16;
    this.rows = options.rows ?? 8;
    this.threshold = options.threshold ?? 0.8;
    this.seeds = new Uint32Array(this.bands * this.rows);
    for (let i = 0; i < this.seeds.length; i++) this.seeds[i] = mix32(0x9e3779b9 + i * 0x632be5ab);
    this.buckets = Array.from({ length: this.bands }, () => new Map<string, number[]>());
  }

  /** The MinHash signature of a text's word shingles. */
  signature(text: string): Uint32Array {
    const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
    const k = Math.min(this.shingleSize, Math.max(1, words.length));
    const signature = new Uint32Array(this.seeds.length).fill(0xffffffff);
    for (let i = 0; i + k <= words.length; i++) {
      const shingle = fnv1a32(words.slice(i, i + k).join(' '));
      for (let j = 0; j < this.seeds.length; j++) {
        const h = mix32(shingle ^ this.seeds[j]);
        if (h < signature[j]) signature[j] = h;
      }
    }
    return signature;
  }

  /** Estimated Jaccard similarity of two signatures. */
  static similarity(a: Uint32Array, b: Uint32Array): number {
    let equal = 0;
    for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal += 1;
    return equal / a.length;
  }

  /**
   * Returns the index of an earlier near-duplicate of `text`, or null after adding `text` to the index.
   * Indices count the texts added, from 0.
   */
  addIfNovel(text: string): number | null {
    const signature = this.signature(text);
    const keys: string[] = [];
    for (let b = 0; b < this.bands; b++) {
      const key = this.bandKey(signature, b);
      keys.push(key);
      for (const candidate of this.buckets[b].get(key) ?? []) {
        if (MinHashIndex.similarity(signature, this.added[candidate]) >= this.threshold) return candidate;
      }
    }
    this.add(signature, keys);
    return null;
  }

  /** The number of values in a signature. */
  get signatureLength(): number {
    return this.seeds.length;
  }

  /** The number of texts added. */
  get size(): number {
    return this.added.length;
  }

  /** The signatures of texts [from, to) in the order added, end to end (for `restore`). */
  signatures(from: number, to: number): Uint32Array {
    const length = this.seeds.length;
    const out = new Uint32Array((to - from) * length);
    for (let i = from; i < to; i++) out.set(this.added[i], (i - from) * length);
    return out;
  }

  /** Adds saved signatures (as `signatures` gives them), as if their texts had been added. */
  restore(signatures: Uint32Array): void {
    const length = this.seeds.length;
    if (signatures.length % length !== 0) throw new Error(`saved signatures of ${signatures.length} values are not whole signatures of ${length}`);
    for (let at = 0; at < signatures.length; at += length) {
      const signature = signatures.slice(at, at + length);
      this.add(signature, Array.from({ length: this.bands }, (_, b) => this.bandKey(signature, b)));
    }
  }

  private bandKey(signature: Uint32Array, band: number): string {
    return Array.from(signature.subarray(band * this.rows, (band + 1) * this.rows), (v) => v.toString(36)).join(',');
  }

  private add(signature: Uint32Array, keys: readonly string[]): void {
    const index = this.added.length;
    this.added.push(signature);
    keys.forEach((key, b) => {
      const bucket = this.buckets[b].get(key);
      if (bucket === undefined) this.buckets[b].set(key, [index]);
      else bucket.push(index);
    });
  }
}
