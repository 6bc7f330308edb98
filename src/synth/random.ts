import type { Rng } from '../tensor/rng.js';

/** One element of a non-empty list, uniformly. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('synth: pick from an empty list');
  return items[rng.int(items.length)] as T;
}

/** True with probability p. */
export function chance(rng: Rng, p: number): boolean {
  return rng.next() < p;
}

/** An integer in [lo, hi], both inclusive. */
export function between(rng: Rng, lo: number, hi: number): number {
  return lo + rng.int(hi - lo + 1);
}

/** A string of `length` characters drawn from `alphabet`. */
export function chars(rng: Rng, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[rng.int(alphabet.length)];
  return out;
}

export const DIGITS = '0123456789';
export const UPPER = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** `n` digits, the first one not zero (so the number keeps its width when read as a number). */
export function digits(rng: Rng, n: number): string {
  return String(1 + rng.int(9)) + chars(rng, DIGITS, n - 1);
}

/** A Fisher–Yates shuffled copy. */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = out[i] as T;
    out[i] = out[j] as T;
    out[j] = t;
  }
  return out;
}

/** Distinct items, `n` of them (all when n exceeds the list). */
export function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
  return shuffled(rng, items).slice(0, n);
}

/** Capitalises the first letter (sentence starts). */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
