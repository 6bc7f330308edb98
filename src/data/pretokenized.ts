// Sentences and tokens of a job's paragraphs, made ahead on another thread than the packing one (see
// pack-workers-node.ts): the packer then only links, maps mentions to tokens and packs.
import { sentenceSpans } from '../corpus/sentences.js';
import { ENCODE_ASCII_EXTRA_ROOM, type PieceModel } from '../tokenizer/piece-model.js';
import { grown } from '../typed-arrays.js';

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

const utf8 = new TextEncoder();
/** The UTF-8 bytes of the paragraph being tokenized (reused; grown for longer ones). */
let paragraphBytes = new Uint8Array(1 << 16);

/** Splits and tokenizes each paragraph exactly as DocumentPacker would (sentenceSpans, then encodeOffsetsInto). */
export function preTokenize(tokenizer: PieceModel, documents: readonly (readonly string[])[]): PreTokenized {
  // Only the loops over the job's arrays are here, the work a paragraph in JobTokens.addParagraph (too large for TurboFan to
  // inline here). The arrays' maps differ from job to job (a clone's, as posted, or the de-identifier's), and each
  // new one threw away the compiled code of this function: with the paragraph's work inside, 30-90 ms of TurboFan
  // compiling each time; now a few.
  let paragraphs = 0, chars = 0;
  for (const d of documents) {
    paragraphs += d.length;
    for (const text of d) chars += text.length;
  }
  const job = new JobTokens(paragraphs, chars);
  for (const d of documents) {
    for (const text of d) job.addParagraph(tokenizer, text);
  }
  return job.result();
}

/** The arrays of a PreTokenized as they fill, a paragraph at a time. */
class JobTokens {
  private readonly paragraphStarts: Int32Array;
  private sentences: Int32Array;
  private ids: Int32Array;
  private begins: Int32Array;
  private ends: Int32Array;
  private paragraphCount = 0;
  private sentenceCount = 0;
  private tokenCount = 0;

  constructor(paragraphs: number, chars: number) {
    this.paragraphStarts = new Int32Array(paragraphs + 1);
    // Sized from the text so that they rarely grow: room for a token per 2 characters and a sentence per 64 (the
    // shared corpus has about one token per 2.8 characters). The result is views of them, not copies: a transfer
    // moves the whole buffers, about 40% more than the tokens fill.
    this.sentences = new Int32Array(4 * ((chars >> 6) + 64));
    const room = (chars >> 1) + 1024;
    this.ids = new Int32Array(room);
    this.begins = new Int32Array(room);
    this.ends = new Int32Array(room);
  }

  /** Splits and tokenizes the next paragraph. */
  addParagraph(tokenizer: PieceModel, text: string): void {
    let sentences = this.sentences, ids = this.ids, begins = this.begins, ends = this.ends;
    let sentenceCount = this.sentenceCount, tokenCount = this.tokenCount;
    this.paragraphStarts[this.paragraphCount++] = sentenceCount;
    // One UTF-8 copy of the paragraph: when it is all ASCII, byte offsets are UTF-16 offsets and its sentences go
    // to the tokenizer as bytes (one encodeInto a paragraph costs far less than one a sentence).
    if (paragraphBytes.length < text.length) paragraphBytes = new Uint8Array(2 * text.length);
    const copied = utf8.encodeInto(text, paragraphBytes);
    const ascii = copied.read === text.length && copied.written === text.length;
    for (const s of sentenceSpans(text)) {
      if (4 * (sentenceCount + 1) > sentences.length) sentences = grownFor(sentences, 4 * (sentenceCount + 1));
      // Plain ASCII sentences (nearly all) are tokenized straight into the arrays, with no slice and no copy.
      const most = tokenCount + s.end - s.start + ENCODE_ASCII_EXTRA_ROOM; // the room encodeAsciiInto needs
      if (most > ids.length) { ids = grownFor(ids, most); begins = grownFor(begins, most); ends = grownFor(ends, most); }
      let n = ascii ? tokenizer.encodeAsciiInto(paragraphBytes, s.start, s.end, ids, begins, ends, tokenCount) - tokenCount : -1;
      if (n < 0) {
        n = tokenizer.encodeOffsetsInto(text.slice(s.start, s.end));
        if (tokenCount + n > ids.length) {
          ids = grownFor(ids, tokenCount + n); begins = grownFor(begins, tokenCount + n); ends = grownFor(ends, tokenCount + n);
        }
        // Copied in a loop: three subarray views a sentence cost more than the copies.
        const idBuffer = tokenizer.idBuffer, beginBuffer = tokenizer.beginBuffer, endBuffer = tokenizer.endBuffer;
        for (let i = 0; i < n; i++) {
          ids[tokenCount + i] = idBuffer[i];
          begins[tokenCount + i] = beginBuffer[i];
          ends[tokenCount + i] = endBuffer[i];
        }
      }
      sentences[4 * sentenceCount] = s.start;
      sentences[4 * sentenceCount + 1] = s.end;
      sentences[4 * sentenceCount + 2] = tokenCount;
      sentences[4 * sentenceCount + 3] = n;
      sentenceCount++;
      tokenCount += n;
    }
    this.sentences = sentences; this.ids = ids; this.begins = begins; this.ends = ends;
    this.sentenceCount = sentenceCount; this.tokenCount = tokenCount;
  }

  result(): PreTokenized {
    const sentenceCount = this.sentenceCount, tokenCount = this.tokenCount;
    this.paragraphStarts[this.paragraphCount] = sentenceCount;
    return {
      sentences: this.sentences.subarray(0, 4 * sentenceCount), paragraphStarts: this.paragraphStarts,
      ids: this.ids.subarray(0, tokenCount), begins: this.begins.subarray(0, tokenCount), ends: this.ends.subarray(0, tokenCount),
    };
  }
}

/** `array` grown to hold `size` ints, at least doubled (a growth is rare: the arrays are sized from the text). */
function grownFor(array: Int32Array, size: number): Int32Array {
  return grown(array, Math.max(size, 2 * array.length));
}
