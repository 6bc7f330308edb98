import { availableParallelism } from 'node:os';

/** Local rank `index`'s share of `total` threads split over `parts` ranks (the first ones take the remainder). */
export function threadShare(total: number, parts: number, index: number): number {
  return Math.max(1, Math.floor(total / parts) + (index < total % parts ? 1 : 0));
}

/** The node's threads (MEDBERT_THREADS, else every core), before they are split between its ranks. */
export function nodeThreads(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env['MEDBERT_THREADS']);
  return Number.isInteger(n) && n >= 1 ? n : availableParallelism();
}
