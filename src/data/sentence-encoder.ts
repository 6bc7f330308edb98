import type { LinkedSpan } from '../ontology/index.js';
import type { PieceModel } from '../tokenizer/piece-model.js';

/**
 * One tokenized sentence: its `count` ids are ids[offset, offset + count). The arrays are the encoder's buffers,
 * valid until its next call, or the pre-tokenized job's.
 */
export interface EncodedSentence {
  readonly ids: Int32Array;
  readonly offset: number;
  readonly count: number;
  /** Triples (first piece, end piece exclusive, index of the link in the paragraph's links). */
  readonly mentions: Int32Array;
  readonly mentionCount: number;
  /** Mentions inside the sentence that cover no piece. */
  readonly unmapped: number;
}

/**
 * Tokenizes sentences and maps linked mentions to the pieces they cover. Only sentences with a mention are
 * encoded with offsets; the rest go through the tokenizer's id-only path, which gives the same ids. Both paths
 * write into the tokenizer's reused buffers (no piece objects or surface strings per token).
 */
export class SentenceEncoder {
  private readonly utf8 = new TextEncoder();
  private bytes = new Uint8Array(4096);
  /**
   * Triples of the mentions of one sentence, room for 256 (the shared corpus's sentences have up to 50). Its growth
   * from 16, first run after `pack` was optimized (`pack` inlines this), threw that code away: a third compile of
   * `pack` in a run, 25-50 ms of compile (`--trace-deopt`: "Insufficient type feedback for binary operation").
   */
  private mentions = new Int32Array(3 * 256);

  /** `sp`: null for a packer whose sentences all come tokenized (`fromTokens`); `encode` then fails. */
  constructor(private readonly sp: PieceModel | null) {}

  private get tokenizer(): PieceModel {
    if (this.sp === null) throw new Error('a sentence came untokenized to a packer without a tokenizer');
    return this.sp;
  }

  /**
   * Encodes text[start, end) with the links links[from, to) (those starting in the sentence, in order); a link
   * that runs past the sentence's end is ignored.
   */
  encode(text: string, start: number, end: number, links: readonly LinkedSpan[], from: number, to: number): EncodedSentence {
    const sentence = text.slice(start, end);
    let inside = 0;
    for (let k = from; k < to; k++) if (links[k].end <= end) inside++;
    if (inside === 0) return this.idsOnly(sentence);
    return this.withOffsets(sentence, start, end, links, from, to, inside);
  }

  private idsOnly(sentence: string): EncodedSentence {
    if (this.bytes.length < sentence.length * 3) this.bytes = new Uint8Array(sentence.length * 3 + 64);
    const length = this.utf8.encodeInto(sentence, this.bytes).written;
    const count = this.tokenizer.encodeIdsInto(this.bytes, length);
    return { ids: this.tokenizer.idBuffer, offset: 0, count, mentions: this.mentions, mentionCount: 0, unmapped: 0 };
  }

  /**
   * Like encode, for a sentence tokenized ahead (preTokenize): its `count` tokens from index `first` of the job's
   * arrays, ids and each token's span from the sentence's start, as encodeOffsetsInto gives them (the id-only path
   * gives the same ids). Read in place: no three typed-array views made a sentence.
   */
  fromTokens(ids: Int32Array, begins: Int32Array, ends: Int32Array, first: number, count: number, start: number, end: number,
    links: readonly LinkedSpan[], from: number, to: number): EncodedSentence {
    let inside = 0;
    for (let k = from; k < to; k++) if (links[k].end <= end) inside++;
    if (inside === 0) return { ids, offset: first, count, mentions: this.mentions, mentionCount: 0, unmapped: 0 };
    return this.mapMentions(ids, begins, ends, first, count, start, end, links, from, to, inside);
  }

  private withOffsets(sentence: string, start: number, end: number, links: readonly LinkedSpan[], from: number, to: number, inside: number): EncodedSentence {
    const n = this.tokenizer.encodeOffsetsInto(sentence);
    return this.mapMentions(this.tokenizer.idBuffer, this.tokenizer.beginBuffer, this.tokenizer.endBuffer, 0, n, start, end, links, from, to, inside);
  }

  /** The mentions of the sentence whose n tokens are at index `offset` of ids, begins and ends. */
  private mapMentions(ids: Int32Array, begins: Int32Array, ends: Int32Array, offset: number, n: number, start: number, end: number,
    links: readonly LinkedSpan[], from: number, to: number, inside: number): EncodedSentence {
    if (this.mentions.length < 3 * inside) this.mentions = new Int32Array(6 * inside);
    let mentionCount = 0, unmapped = 0;
    // Piece spans never go backwards and the links are in order without overlaps, so one forward pass finds
    // each link's pieces: the first whose end passes the mention's start, through the last that begins
    // before the mention's end.
    let p = 0;
    for (let k = from; k < to; k++) {
      const link = links[k];
      if (link.end > end) continue;
      const s = link.start - start, e = link.end - start;
      while (p < n && ends[offset + p] <= s) p++;
      if (p === n || begins[offset + p] >= e) {
        unmapped++;
        continue;
      }
      let last = p;
      while (last + 1 < n && begins[offset + last + 1] < e) last++;
      this.mentions[3 * mentionCount] = p;
      this.mentions[3 * mentionCount + 1] = last + 1;
      this.mentions[3 * mentionCount + 2] = k;
      mentionCount++;
    }
    return { ids, offset, count: n, mentions: this.mentions, mentionCount, unmapped };
  }
}
