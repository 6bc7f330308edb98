import { Rng, type RngState } from '../tensor/index.js';
import type { EntitySpan, Sequence } from './masking.js';
import type { SequenceSource } from './source.js';

export interface SyntheticOptions {
  readonly vocabSize: number;
  /** Ids below this are special tokens (never generated inside sequences). */
  readonly firstRegularId: number;
  readonly clsId: number;
  readonly sepId: number;
  readonly seqLen: number;
  readonly concepts: number;
  readonly seed: number;
}

/**
 * Sequences with learnable structure, for tests and the toy run: arithmetic progressions over the regular
 * ids (each token predictable from its neighbours) with planted two-token "entity mentions" of a concept,
 * preceded by a cue token that names the concept too (as "the drug" or "a mutation in" do in real text), so
 * a masked mention's concept can be inferred from context. A model that uses context drives both losses
 * well below their chance levels.
 */
export class SyntheticSource implements SequenceSource {
  private rng: Rng;

  constructor(private readonly o: SyntheticOptions) {
    this.rng = new Rng(o.seed);
  }

  next(): Sequence {
    const { firstRegularId: lo, vocabSize, seqLen } = this.o;
    const span = vocabSize - lo;
    const ids = new Int32Array(seqLen);
    ids[0] = this.o.clsId;
    ids[seqLen - 1] = this.o.sepId;
    const start = this.rng.int(span), stride = 1 + this.rng.int(3);
    for (let i = 1; i < seqLen - 1; i++) ids[i] = lo + ((start + stride * i) % span);
    const entities: EntitySpan[] = [];
    for (let p = 2 + this.rng.int(4); p + 2 < seqLen - 1; p += 5 + this.rng.int(4)) {
      const concept = this.rng.int(this.o.concepts);
      ids[p - 1] = lo + ((concept * 3 + 1) % span);
      ids[p] = lo + (concept % span);
      ids[p + 1] = lo + ((concept * 7 + 3) % span);
      entities.push({ start: p, end: p + 2, concept });
    }
    return { ids, entities };
  }

  getState(): RngState {
    return this.rng.getState();
  }

  setState(state: unknown): void {
    this.rng.setState(state as RngState);
  }
}
