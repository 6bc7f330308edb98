// Small non-cryptographic string hashes that run anywhere (no node:crypto), for deduplication keys.

/** 32-bit FNV-1a over UTF-16 code units, with a seed folded into the offset basis. */
export function fnv1a32(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** MurmurHash3's final mixer: spreads every input bit over the whole word. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The seeds of hash64Hex's two halves. */
export const SEED_A = 0x9e3779b9;
export const SEED_B = 0x7f4a7c15;

/** A 64-bit key (two independent 32-bit hashes) as 16 hex digits: collisions are negligible for corpora. */
export function hash64Hex(text: string): string {
  return fnv1a32(text, SEED_A).toString(16).padStart(8, '0') + fnv1a32(text, SEED_B).toString(16).padStart(8, '0');
}
