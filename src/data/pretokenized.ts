// Sentences and tokens of a job's paragraphs, made ahead on another thread than the packing one (see
// pack-workers-node.ts): the packer then only links, maps mentions to tokens and packs.
import { sentenceSpans } from '../corpus/sentences.js';
import type { SentencePieceModel } from '../tokenizer/model.js';

/** A job's paragraphs (documents one after another) split into sentences and tokenized, in typed arrays. */
export interface PreTokenized {
  /** Per sentence, four ints: its start and end in its paragraph, its first token, its token count. */
  readonly sentences: Int32Array;
  /** Paragraph p's sentences are [paragraphStarts[p], paragraphStarts[p + 1]). */
  readonly paragraphStarts: Int32Array;
  readonly ids: Int32Array;
  /** Each token's span in its sentence, UTF-16 offsets from the sentence's start (as encodeOffsetsInto gives). */
  readonly begins: Int32Array;
  readonly ends: Int32Array;
}

/** The arrays of a PreTokenized, for a postMessage transfer list. */
export function preTokenizedBuffers(t: PreTokenized): ArrayBuffer[] {
  return [t.sentences, t.paragraphStarts, t.ids, t.begins, t.ends].map((a) => a.buffer as ArrayBuffer);
}

/** Splits and tokenizes each paragraph exactly as DocumentPacker would (sentenceSpans, then encodeOffsetsInto). */
export function preTokenize(tokenizer: SentencePieceModel, documents: readonly (readonly string[])[]): PreTokenized {
  let paragraphs = 0;
  for (const d of documents) paragraphs += d.length;
  const paragraphStarts = new Int32Array(paragraphs + 1);
  let sentences: Int32Array = new Int32Array(1024);
  let ids: Int32Array = new Int32Array(16384), begins: Int32Array = new Int32Array(16384), ends: Int32Array = new Int32Array(16384);
  let sentenceCount = 0, tokenCount = 0, p = 0;
  for (const d of documents) {
    for (const text of d) {
      paragraphStarts[p++] = sentenceCount;
      for (const s of sentenceSpans(text)) {
        const n = tokenizer.encodeOffsetsInto(text.slice(s.start, s.end));
        if (4 * (sentenceCount + 1) > sentences.length) sentences = grown(sentences, 4 * (sentenceCount + 1));
        if (tokenCount + n > ids.length) {
          ids = grown(ids, tokenCount + n); begins = grown(begins, tokenCount + n); ends = grown(ends, tokenCount + n);
        }
        ids.set(tokenizer.idBuffer.subarray(0, n), tokenCount);
        begins.set(tokenizer.beginBuffer.subarray(0, n), tokenCount);
        ends.set(tokenizer.endBuffer.subarray(0, n), tokenCount);
        sentences[4 * sentenceCount] = s.start;
        sentences[4 * sentenceCount + 1] = s.end;
        sentences[4 * sentenceCount + 2] = tokenCount;
        sentences[4 * sentenceCount + 3] = n;
        sentenceCount++;
        tokenCount += n;
      }
    }
  }
  paragraphStarts[p] = sentenceCount;
  return {
    sentences: sentences.slice(0, 4 * sentenceCount), paragraphStarts,
    ids: ids.slice(0, tokenCount), begins: begins.slice(0, tokenCount), ends: ends.slice(0, tokenCount),
  };
}

function grown(array: Int32Array, size: number): Int32Array {
  let capacity = array.length;
  while (capacity < size) capacity *= 2;
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}
