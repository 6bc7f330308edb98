/**
 * A seeded stream of integers below `n` (bits 8-31 of a linear congruential generator): the same sequence for the
 * same seed, for generated test data.
 */
export function seededInts(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
}
