import { mulberry32 } from '../random.js';

/** FNV-1a over a string: a stable 32-bit seed from text (no Node crypto, so this runs in browsers). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}


export function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Surrogates must be reproducible from (seed, document, original): a seeded generator. */
export const seededRandom = mulberry32;
