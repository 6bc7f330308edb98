import type { EntitySpan, Sequence } from './masking.js';
import type { PackedDocument, PackStats } from './pack.js';
import { grown } from '../typed-arrays.js';

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

/**
 * Builds a PackedBatch as the sequences come, straight into growing typed arrays: no array or object per sequence
 * (a batch holds about 700 sequences; making each one's ids array, then copying them all into the batch, was 60-80 ms
 * of the packing worker's CPU a run, and its garbage).
 */
export class PackedBatchWriter {
  private ids: Int32Array<ArrayBuffer>;
  private tokens = 0;
  private sequenceLengths: Int32Array<ArrayBuffer>;
  private entityCounts: Int32Array<ArrayBuffer>;
  private sequences = 0;
  private entities: Int32Array<ArrayBuffer>;
  private entityInts = 0;
  private readonly sequencesPerDocument: number[] = [];
  private readonly conceptsPerDocument: number[] = [];
  private readonly conceptIds: string[] = [];
  /** Sequences of the document being written. */
  private documentSequences = 0;

  /**
   * `tokens`: about how many tokens the batch's text has. The arrays start large enough for them (their [CLS] and
   * [SEP] too, a sequence per 32 tokens or more, an entity per 12): growing one was a branch first run after
   * `addSequence` was optimized (the shared corpus's largest batch has 1,038 sequences), which threw away its code
   * and DocumentPacker.pack's, and compiled both again.
   */
  constructor(tokens = 1 << 16) {
    const room = tokens + (tokens >> 3) + 1024;
    this.ids = new Int32Array(room);
    this.sequenceLengths = new Int32Array((room >> 5) + 64);
    this.entityCounts = new Int32Array((room >> 5) + 64);
    this.entities = new Int32Array(room >> 2);
  }

  /** Adds a sequence of the current document: tokens[0, length), and its entities (document-local concepts). */
  addSequence(tokens: Int32Array, length: number, entities: readonly EntitySpan[]): void {
    if (this.tokens + length > this.ids.length) this.ids = grown(this.ids, 2 * (this.tokens + length));
    if (this.sequences === this.sequenceLengths.length) {
      this.sequenceLengths = grown(this.sequenceLengths, 2 * this.sequences);
      this.entityCounts = grown(this.entityCounts, 2 * this.sequences);
    }
    if (this.entityInts + 3 * entities.length > this.entities.length) this.entities = grown(this.entities, 2 * (this.entityInts + 3 * entities.length));
    // A loop, not ids.set(tokens.subarray(...)): no view made per sequence.
    for (let i = 0, t = this.tokens; i < length; i++) this.ids[t + i] = tokens[i];
    this.tokens += length;
    this.sequenceLengths[this.sequences] = length;
    this.entityCounts[this.sequences] = entities.length;
    this.sequences++;
    for (let m = 0; m < entities.length; m++) {
      const span = entities[m];
      this.entities[this.entityInts++] = span.start;
      this.entities[this.entityInts++] = span.end;
      this.entities[this.entityInts++] = span.concept;
    }
    this.documentSequences++;
  }

  /** Ends the current document; `conceptIds`: its concepts, in order of first appearance. */
  endDocument(conceptIds: readonly string[]): void {
    this.sequencesPerDocument.push(this.documentSequences);
    this.conceptsPerDocument.push(conceptIds.length);
    for (let c = 0; c < conceptIds.length; c++) this.conceptIds.push(conceptIds[c]);
    this.documentSequences = 0;
  }

  /** The batch (views of this writer's arrays: write no more to it). */
  finish(stats: PackStats): PackedBatch {
    return {
      sequencesPerDocument: Int32Array.from(this.sequencesPerDocument), conceptsPerDocument: Int32Array.from(this.conceptsPerDocument),
      conceptIds: this.conceptIds, sequenceLengths: this.sequenceLengths.subarray(0, this.sequences),
      entityCounts: this.entityCounts.subarray(0, this.sequences), ids: this.ids.subarray(0, this.tokens),
      entities: this.entities.subarray(0, this.entityInts), stats,
    };
  }
}

/** Packed documents laid out as one batch. */
export function encodePackedBatch(documents: readonly PackedDocument[], stats: PackStats): PackedBatch {
  const writer = new PackedBatchWriter();
  for (const { sequences, conceptIds } of documents) {
    for (const s of sequences) writer.addSequence(s.ids, s.ids.length, s.entities);
    writer.endDocument(conceptIds);
  }
  return writer.finish(stats);
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
