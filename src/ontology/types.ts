/** The entity types the linker reports (BC5CDR's Chemical and Disease, plus genes). */
export type EntityType = 'disease' | 'chemical' | 'gene';

export interface Concept {
  /** As in the lexicon, e.g. `MESH:D003693`, `HGNC:11892`. */
  readonly id: string;
  readonly type: EntityType;
  readonly preferredName: string;
}

/** One lexicon row: a concept and every name it may be written as. */
export interface LexiconEntry extends Concept {
  readonly synonyms: readonly string[];
}

/** A linked mention. Offsets are UTF-16 indices into the ORIGINAL text: `text.slice(start, end)`. */
export interface LinkedSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly id: string;
  readonly type: EntityType;
  readonly preferredName: string;
  /** Other concepts with the same name that lost the tie-break (see matcher.ts), best first. */
  readonly alternatives: string[];
}
