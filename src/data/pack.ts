// Modules imported one by one, not through their folders' index files: each worker thread loads this file, and
// the indexes pull in readers, scorers and parsers (saxes, papaparse) that packing never runs.
import type { CorpusDocument } from '../corpus/document.js';
import { sentenceSpans } from '../corpus/sentences.js';
import type { DeidMode } from '../deid/deidentify.js';
import type { EntityMatcher } from '../ontology/matcher.js';
import type { LinkedSpan } from '../ontology/types.js';
import { linkWithAbbreviations } from '../ontology/abbreviations.js';
import type { PieceModel } from '../tokenizer/piece-model.js';
import type { EntitySpan, Sequence } from './masking.js';
import type { SpecialIds } from './special-tokens.js';
import { decodePackedBatch, PackedBatchWriter, type PackedBatch } from './packed-batch.js';
import { SentenceEncoder, type EncodedSentence } from './sentence-encoder.js';
import type { DocumentDeidentifier } from './deidentify-document.js';
import type { PreTokenized } from './pretokenized.js';

/** What packing reads of a document: its id (the de-identification key) and its paragraphs. */
export interface PackDocument {
  readonly id: CorpusDocument['id'];
  readonly paragraphs: readonly string[];
}

export interface PackOptions {
  /**
   * Null where every document comes split and tokenized ahead (preTokenize: a packing worker beside a preparing
   * one, which then never loads the tokenizer); a document that does not fails.
   */
  readonly tokenizer: PieceModel | null;
  readonly special: SpecialIds;
  /** Null: no entity linking (the sequences carry no spans). */
  readonly matcher: EntityMatcher | null;
  /**
   * Pack the de-identified text (clinical notes): each document's, given to `pack`, or made by `deidentify`; null
   * packs the text as it is.
   */
  readonly deid: DeidMode | null;
  /**
   * De-identifies a document that comes without its de-identified text (deidentifyDocument; kept out of this
   * module so that a thread given the text never loads the de-identifier). Without it such a document fails.
   */
  readonly deidentify?: DocumentDeidentifier;
  readonly seqLen: number;
}

export interface PackStats {
  documents: number;
  characters: number;
  sentences: number;
  sequences: number;
  tokens: number;
  entities: number;
  /** Linked mentions that could not be kept (cut by a sequence boundary or a truncated sentence). */
  entitiesDropped: number;
  phiSpans: number;
}

export const emptyPackStats = (): PackStats => ({
  documents: 0, characters: 0, sentences: 0, sequences: 0, tokens: 0, entities: 0, entitiesDropped: 0, phiSpans: 0,
});

export function addPackStats(into: PackStats, from: Readonly<PackStats>): void {
  for (const key of Object.keys(into) as (keyof PackStats)[]) into[key] += from[key];
}

/**
 * One document's sequences before concepts are numbered: each entity's `concept` indexes `conceptIds`, the
 * document's concepts in order of first appearance. Packing documents is independent work (worker threads
 * may do it); numbering concepts is not, so it happens after, in document order (ConceptNumbering: a batch
 * at a time in `prepare`, a document at a time in SequencePacker).
 */
export interface PackedDocument {
  readonly sequences: Sequence[];
  readonly conceptIds: string[];
}

/**
 * Turns documents into training sequences: (take the de-identified text) → link entities per paragraph → split sentences →
 * tokenize → map each linked mention to the pieces it covers → pack consecutive sentences of a document into
 * `[CLS] … [SEP]` sequences of at most seqLen tokens (a longer sentence is cut into pieces). Concepts are
 * numbered per document (see PackedDocument).
 */
export class DocumentPacker {
  readonly stats: PackStats = emptyPackStats();
  private readonly encoder: SentenceEncoder;
  /** The sequence being filled, [CLS] at 0; `filled` counts the tokens after it. */
  private readonly seq: Int32Array;
  private filled = 0;
  private entities: EntitySpan[] = [];

  constructor(private readonly o: PackOptions) {
    if (o.seqLen < 8) throw new Error(`sequence length ${o.seqLen} is too short (at least 8)`);
    this.encoder = new SentenceEncoder(o.tokenizer);
    this.seq = new Int32Array(o.seqLen);
  }

  /**
   * Packs a document into `into` (its sequences, then the document's end); `deidentified`: its paragraphs
   * de-identified (deidentifyDocument), if done (see PackOptions.deid); `tokens`: its paragraphs split and tokenized
   * ahead (preTokenize), from paragraph `first` of `pre` on.
   */
  pack(doc: PackDocument, into: PackedBatchWriter, deidentified?: DeidentifiedDocument,
    tokens?: { readonly pre: PreTokenized; readonly first: number }): void {
    this.stats.documents++;
    const conceptIds: string[] = [];
    const local = new Map<string, number>();
    const conceptOf = (id: string): number => {
      let index = local.get(id);
      if (index === undefined) {
        index = conceptIds.length;
        conceptIds.push(id);
        local.set(id, index);
      }
      return index;
    };
    const room = this.o.seqLen - 2;
    const flush = (): void => {
      if (this.filled === 0) return;
      const length = this.filled + 2;
      this.seq[0] = this.o.special.cls;
      this.seq[length - 1] = this.o.special.sep;
      into.addSequence(this.seq, length, this.entities);
      this.stats.sequences++;
      this.stats.tokens += length;
      this.stats.entities += this.entities.length;
      this.filled = 0;
      this.entities = [];
    };
    const mode = this.o.deid;
    const texts = mode === null ? null : deidentified ?? this.o.deidentify?.(doc, mode) ?? notDeidentified(doc.id);
    if (texts !== null) this.stats.phiSpans += texts.phiSpans;
    for (let p = 0; p < doc.paragraphs.length; p++) {
      this.stats.characters += doc.paragraphs[p].length;
      const text = texts === null ? doc.paragraphs[p] : texts.paragraphs[p];
      const links: readonly LinkedSpan[] = this.o.matcher === null ? [] : linkWithAbbreviations(this.o.matcher, text);
      let nextLink = 0; // links and sentences are both in text order: one pass over each
      const pre = tokens?.pre;
      const spans = pre === undefined ? sentenceSpans(text) : null;
      const first = pre === undefined ? 0 : pre.paragraphStarts[tokens!.first + p];
      const sentenceCount = pre === undefined ? spans!.length : pre.paragraphStarts[tokens!.first + p + 1] - first;
      for (let k = 0; k < sentenceCount; k++) {
        const sStart = pre === undefined ? spans![k].start : pre.sentences[4 * (first + k)];
        const sEnd = pre === undefined ? spans![k].end : pre.sentences[4 * (first + k) + 1];
        this.stats.sentences++;
        while (nextLink < links.length && links[nextLink].start < sStart) nextLink++;
        let inside = nextLink;
        while (inside < links.length && links[inside].start < sEnd) inside++;
        let sentence: EncodedSentence;
        if (pre === undefined) {
          sentence = this.encoder.encode(text, sStart, sEnd, links, nextLink, inside);
        } else {
          sentence = this.encoder.fromTokens(pre.ids, pre.begins, pre.ends, pre.sentences[4 * (first + k) + 2],
            pre.sentences[4 * (first + k) + 3], sStart, sEnd, links, nextLink, inside);
        }
        let dropped = sentence.unmapped;
        const { ids, offset, count, mentions, mentionCount } = sentence;
        for (let at = 0; at < count; at += room) {
          const length = Math.min(room, count - at);
          if (this.filled + length > room) flush();
          const base = this.filled - at + 1; // +1: [CLS]
          for (let m = 0; m < mentionCount; m++) {
            const start = mentions[3 * m], end = mentions[3 * m + 1];
            if (start < at || start >= at + room) continue;
            // A mention the sentence's cut runs through is dropped, counted without a branch of its own: one that
            // counted was first taken after `pack` was optimized, and threw its code away (a recompile a run).
            const cut = end > at + room ? 1 : 0;
            dropped += cut;
            if (cut === 1) continue;
            this.entities.push({ start: base + start, end: base + end, concept: conceptOf(links[mentions[3 * m + 2]].id) });
          }
          // A loop, not seq.set(ids.subarray(...)): no view made per piece of a sentence.
          const seq = this.seq;
          for (let j = 0, to = this.filled + 1, from = offset + at; j < length; j++) seq[to + j] = ids[from + j];
          this.filled += length;
        }
        this.stats.entitiesDropped += dropped;
      }
    }
    flush();
    into.endDocument(conceptIds);
  }

}

function notDeidentified(id: string): never {
  throw new Error(`document ${id}: packed for de-identified text, but neither given it nor a de-identifier`);
}

/** A document's paragraphs after de-identification, and how many PHI spans were replaced. */
export interface DeidentifiedDocument {
  readonly paragraphs: readonly string[];
  readonly phiSpans: number;
}

/**
 * Global concept indices in order of first appearance, over documents numbered in order: document by document
 * (`number`), or a whole batch's at once (`numberBatch`, the same numbers without an object a sequence or entity).
 */
export class ConceptNumbering {
  readonly concepts: string[] = [];
  private readonly index = new Map<string, number>();

  /** Numbering that goes on from these concepts (numbered 0, 1, ... in this order). */
  static from(concepts: readonly string[]): ConceptNumbering {
    const numbering = new ConceptNumbering();
    for (const id of concepts) numbering.of(id);
    return numbering;
  }

  /** The document's sequences with global concept indices (the document-local ones replaced). */
  number(doc: PackedDocument): Sequence[] {
    if (doc.conceptIds.length === 0) return doc.sequences;
    // Local indices are in order of first appearance, so numbering them in that order equals numbering each
    // entity as it comes.
    const global = doc.conceptIds.map((id) => this.of(id));
    return doc.sequences.map((s) => s.entities.length === 0 ? s
      : { ids: s.ids, entities: s.entities.map((e) => ({ start: e.start, end: e.end, concept: global[e.concept] })) });
  }

  /** The number of each of the batch's concepts (batch.conceptIds[k]), new ones numbered as they come. */
  numberBatch(batch: PackedBatch): Int32Array {
    const ids = batch.conceptIds;
    const numbers = new Int32Array(ids.length);
    for (let k = 0; k < ids.length; k++) numbers[k] = this.of(ids[k]);
    return numbers;
  }

  private of(id: string): number {
    let index = this.index.get(id);
    if (index === undefined) {
      index = this.concepts.length;
      this.concepts.push(id);
      this.index.set(id, index);
    }
    return index;
  }
}

/**
 * DocumentPacker + ConceptNumbering in one thread: `pack` gives sequences with concept indices into `concepts`.
 */
export class SequencePacker {
  private readonly packer: DocumentPacker;
  private numbering = new ConceptNumbering();

  constructor(o: PackOptions) {
    this.packer = new DocumentPacker(o);
  }

  get stats(): PackStats {
    return this.packer.stats;
  }

  get concepts(): string[] {
    return this.numbering.concepts;
  }

  /** Numbers concepts with `other`'s table, so several packers (one per input kind) write one shard set. */
  shareConcepts(other: SequencePacker): void {
    this.numbering = other.numbering;
  }

  /** The sequences of one document. */
  pack(doc: PackDocument): Sequence[] {
    const writer = new PackedBatchWriter();
    this.packer.pack(doc, writer);
    return this.numbering.number(decodePackedBatch(writer.finish(emptyPackStats()))[0]);
  }
}
