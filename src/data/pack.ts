import type { CorpusDocument } from '../corpus/index.js';
import { sentenceSpans } from '../corpus/index.js';
import { deidentify, type DeidMode } from '../deid/index.js';
import type { EntityMatcher, LinkedSpan } from '../ontology/index.js';
import { linkWithAbbreviations } from '../ontology/index.js';
import type { SentencePieceModel } from '../tokenizer/index.js';
import type { EntitySpan, Sequence } from './masking.js';
import type { SpecialIds } from './special-tokens.js';

export interface PackOptions {
  readonly tokenizer: SentencePieceModel;
  readonly special: SpecialIds;
  /** Null: no entity linking (the sequences carry no spans). */
  readonly matcher: EntityMatcher | null;
  /** De-identify each paragraph first (clinical notes); null leaves the text as it is. */
  readonly deid: DeidMode | null;
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

interface TokenizedSentence {
  readonly ids: number[];
  readonly entities: { start: number; end: number; conceptId: string }[];
}

/**
 * Turns documents into training sequences: (de-identify) → link entities per paragraph → split sentences →
 * tokenize with character offsets → map each linked mention to the pieces it covers → pack consecutive
 * sentences of a document into `[CLS] … [SEP]` sequences of at most seqLen tokens (a longer sentence is cut
 * into pieces). Concepts get indices in order of first appearance (`concepts`).
 */
export class SequencePacker {
  concepts: string[] = [];
  readonly stats: PackStats = { documents: 0, characters: 0, sentences: 0, sequences: 0, tokens: 0, entities: 0, entitiesDropped: 0, phiSpans: 0 };
  private conceptIndex = new Map<string, number>();

  /** Numbers concepts with `other`'s table, so several packers (one per input kind) write one shard set. */
  shareConcepts(other: SequencePacker): void {
    this.concepts = other.concepts;
    this.conceptIndex = other.conceptIndex;
  }

  constructor(private readonly o: PackOptions) {
    if (o.seqLen < 8) throw new Error(`sequence length ${o.seqLen} is too short (at least 8)`);
  }

  /** The sequences of one document. */
  pack(doc: CorpusDocument): Sequence[] {
    this.stats.documents++;
    const out: Sequence[] = [];
    const room = this.o.seqLen - 2;
    let ids: number[] = [];
    let entities: EntitySpan[] = [];
    const flush = (): void => {
      if (ids.length === 0) return;
      out.push({ ids: Int32Array.from([this.o.special.cls, ...ids, this.o.special.sep]), entities });
      this.stats.sequences++;
      this.stats.tokens += ids.length + 2;
      this.stats.entities += entities.length;
      ids = [];
      entities = [];
    };
    for (const raw of doc.paragraphs) {
      this.stats.characters += raw.length;
      let text = raw;
      if (this.o.deid !== null) {
        const result = deidentify(raw, { mode: this.o.deid, key: doc.id });
        text = result.text;
        this.stats.phiSpans += result.spans.length;
      }
      const links = this.o.matcher === null ? [] : linkWithAbbreviations(this.o.matcher, text);
      for (const s of sentenceSpans(text)) {
        this.stats.sentences++;
        const sentence = this.tokenize(text, s.start, s.end, links);
        for (let at = 0; at < sentence.ids.length; at += room) {
          const chunk = sentence.ids.slice(at, at + room);
          if (ids.length + chunk.length > room) flush();
          const base = ids.length - at + 1; // +1: [CLS]
          for (const e of sentence.entities) {
            if (e.start < at || e.start >= at + room) continue;
            if (e.end > at + room) {
              this.stats.entitiesDropped++;
              continue;
            }
            entities.push({ start: base + e.start, end: base + e.end, concept: this.concept(e.conceptId) });
          }
          ids.push(...chunk);
        }
      }
    }
    flush();
    return out;
  }

  private tokenize(text: string, start: number, end: number, links: readonly LinkedSpan[]): TokenizedSentence {
    const pieces = this.o.tokenizer.encodeWithOffsets(text.slice(start, end));
    const ids = pieces.map((p) => p.id);
    const entities: TokenizedSentence['entities'] = [];
    for (const link of links) {
      if (link.start < start || link.end > end) continue;
      const s = link.start - start, e = link.end - start;
      // The pieces that overlap the mention's characters.
      let first = -1, last = -1;
      pieces.forEach((p, i) => {
        if (p.end > s && p.begin < e) {
          if (first < 0) first = i;
          last = i;
        }
      });
      if (first < 0) {
        this.stats.entitiesDropped++;
        continue;
      }
      entities.push({ start: first, end: last + 1, conceptId: link.id });
    }
    return { ids, entities };
  }

  private concept(id: string): number {
    let index = this.conceptIndex.get(id);
    if (index === undefined) {
      index = this.concepts.length;
      this.concepts.push(id);
      this.conceptIndex.set(id, index);
    }
    return index;
  }
}
