import type { EntitySpan, Sequence } from './masking.js';
import type { PackedDocument, PackStats } from './pack.js';

/**
 * The packed documents of one batch laid out flat in a few typed arrays, so a worker thread hands them over by
 * transferring buffers instead of structured-cloning one object per sequence and per entity.
 */
export interface PackedBatch {
  /** By document: how many sequences, and how many concept ids in `conceptIds`. */
  readonly sequencesPerDocument: Int32Array;
  readonly conceptsPerDocument: Int32Array;
  /** Each document's concept ids in order of first appearance, documents one after another. */
  readonly conceptIds: string[];
  /** By sequence: its token count in `ids` and its entity count in `entities`. */
  readonly sequenceLengths: Int32Array;
  readonly entityCounts: Int32Array;
  readonly ids: Int32Array;
  /** (start, end, document-local concept) triples. */
  readonly entities: Int32Array;
  /** What packing these documents counted. */
  readonly stats: PackStats;
}

export function encodePackedBatch(documents: readonly PackedDocument[], stats: PackStats): PackedBatch {
  let sequences = 0, tokens = 0, entities = 0;
  for (let i = 0; i < documents.length; i++) {
    const list = documents[i].sequences;
    sequences += list.length;
    for (let k = 0; k < list.length; k++) {
      tokens += list[k].ids.length;
      entities += list[k].entities.length;
    }
  }
  const batch = {
    sequencesPerDocument: new Int32Array(documents.length), conceptsPerDocument: new Int32Array(documents.length),
    conceptIds: [] as string[], sequenceLengths: new Int32Array(sequences), entityCounts: new Int32Array(sequences),
    ids: new Int32Array(tokens), entities: new Int32Array(3 * entities), stats,
  };
  // Plain loops: a batch has thousands of sequences and entities, and this runs on the packing thread, the busiest.
  let q = 0, t = 0, e = 0;
  for (let i = 0; i < documents.length; i++) {
    const { sequences: list, conceptIds } = documents[i];
    batch.sequencesPerDocument[i] = list.length;
    batch.conceptsPerDocument[i] = conceptIds.length;
    for (let c = 0; c < conceptIds.length; c++) batch.conceptIds.push(conceptIds[c]);
    for (let k = 0; k < list.length; k++, q++) {
      const s = list[k];
      batch.sequenceLengths[q] = s.ids.length;
      batch.entityCounts[q] = s.entities.length;
      batch.ids.set(s.ids, t);
      t += s.ids.length;
      for (let m = 0; m < s.entities.length; m++) {
        const span = s.entities[m];
        batch.entities[e++] = span.start;
        batch.entities[e++] = span.end;
        batch.entities[e++] = span.concept;
      }
    }
  }
  return batch;
}

/** The buffers to transfer with a batch. */
export function batchBuffers(b: PackedBatch): ArrayBuffer[] {
  return [b.sequencesPerDocument, b.conceptsPerDocument, b.sequenceLengths, b.entityCounts, b.ids, b.entities]
    .map((a) => a.buffer as ArrayBuffer);
}

/** The documents back; each sequence's ids are a view into the batch's `ids`. */
export function decodePackedBatch(b: PackedBatch): PackedDocument[] {
  const documents: PackedDocument[] = [];
  let q = 0, t = 0, e = 0, c = 0;
  for (let i = 0; i < b.sequencesPerDocument.length; i++) {
    const sequences: Sequence[] = [];
    for (let k = 0; k < b.sequencesPerDocument[i]; k++, q++) {
      const ids = b.ids.subarray(t, t + b.sequenceLengths[q]);
      t += b.sequenceLengths[q];
      const entities: EntitySpan[] = [];
      for (let m = 0; m < b.entityCounts[q]; m++, e += 3) {
        entities.push({ start: b.entities[e], end: b.entities[e + 1], concept: b.entities[e + 2] });
      }
      sequences.push({ ids, entities });
    }
    documents.push({ sequences, conceptIds: b.conceptIds.slice(c, c + b.conceptsPerDocument[i]) });
    c += b.conceptsPerDocument[i];
  }
  return documents;
}

/**
 * Numbers concepts over a whole run, batch by batch, in order of first appearance (documents in order, each
 * document's concepts in its order): the numbers ConceptNumbering (pack.ts) gives document by document, without an
 * object a sequence or entity.
 */
export class BatchConceptNumbering {
  readonly concepts: string[] = [];
  private readonly index = new Map<string, number>();

  /** The number of each of the batch's concepts (batch.conceptIds[k]), new ones numbered as they come. */
  number(batch: PackedBatch): Int32Array {
    const ids = batch.conceptIds;
    const numbers = new Int32Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      let n = this.index.get(ids[k]);
      if (n === undefined) {
        n = this.concepts.length;
        this.concepts.push(ids[k]);
        this.index.set(ids[k], n);
      }
      numbers[k] = n;
    }
    return numbers;
  }
}
