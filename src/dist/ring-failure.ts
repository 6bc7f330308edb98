import { MedbertError } from '../errors.js';

/**
 * Why a rank is blamed for stopping the ring: it stopped answering (hung, or died without a trace), its thread
 * ended with an error, or its connection closed. The code travels in the shared-memory header and in TCP abort
 * frames, so every node of a mixed ring names the same rank for the same reason.
 */
export const HUNG = 0, DIED = 1, CLOSED = 2;
export type Why = typeof HUNG | typeof DIED | typeof CLOSED;

/** The rank at fault (a global rank) and why: what a node learns and passes on. */
export interface Culprit {
  readonly rank: number;
  readonly why: Why;
}

/** An error that names the rank at fault; the mixed ring passes its culprit on to the other ranks. */
export class RingFailure extends MedbertError {
  constructor(readonly culprit: Culprit, message: string) {
    super(message);
  }
}

/** What a rank says when it stops because of `c` (its own wait gave up after `timeoutMs`, or it learned it). */
export function failureMessage(c: Culprit, timeoutMs: number): string {
  if (c.why === DIED) return `rank ${c.rank} died (its thread ended with an error)`;
  if (c.why === CLOSED) return `rank ${c.rank} closed the connection (it stopped or crashed)`;
  return `no message from rank ${c.rank} within ${timeoutMs / 1000} s (it died or hangs)`;
}

/** What a launcher says about the culprit once its ranks have stopped. */
export function diagnosisText(why: Why): string {
  if (why === DIED) return 'died (its thread ended with an error)';
  if (why === CLOSED) return 'closed its connection (it stopped or crashed)';
  return 'stopped answering within --dist-timeout (it died or hangs)';
}

/** One Int32 for a culprit (−1: none), so that it is published with one compare-and-swap. */
export function packCulprit(c: Culprit): number {
  return (c.rank << 2) | c.why;
}

export function unpackCulprit(word: number): Culprit | null {
  return word < 0 ? null : { rank: word >> 2, why: (word & 3) as Why };
}
