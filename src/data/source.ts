import type { Sequence } from './masking.js';

/**
 * An endless stream of token sequences whose position can be saved and restored, so a resumed run reads
 * exactly the sequences the uninterrupted run would have read.
 */
export interface SequenceSource {
  next(): Sequence;
  getState(): unknown;
  setState(state: unknown): void;
}
