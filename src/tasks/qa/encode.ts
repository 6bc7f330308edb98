import type { SpecialIds } from '../../data/special-tokens.js';
import type { EncoderInput } from '../../model/index.js';
import type { SentencePieceModel } from '../../tokenizer/index.js';
import type { Question } from './medqa.js';

/** One question encoded: one `[CLS] question [SEP] option [SEP]` sequence per option. */
export interface QaExample {
  readonly sequences: readonly Int32Array[];
  /** Where the option part starts (token type 1 from there). */
  readonly optionStarts: readonly number[];
  readonly answer: number;
}

/**
 * Encodes each option after the question. When too long, the question loses tokens from its start: the
 * end of a USMLE stem holds the actual question ("Which of the following ...?"); options are kept whole
 * up to half the length.
 */
export function encodeQuestion(q: Question, sp: SentencePieceModel, special: SpecialIds, maxLength: number): QaExample {
  const question = sp.encode(q.question);
  const sequences: Int32Array[] = [], optionStarts: number[] = [];
  for (const option of q.options) {
    const opt = sp.encode(option).slice(0, Math.floor(maxLength / 2));
    const room = maxLength - 3 - opt.length;
    const stem = question.length > room ? question.slice(question.length - room) : question;
    sequences.push(Int32Array.from([special.cls, ...stem, special.sep, ...opt, special.sep]));
    optionStarts.push(stem.length + 2);
  }
  return { sequences, optionStarts, answer: q.answer };
}

/** A batch of questions as one encoder input (questions × options rows, padded) and the answers. */
export function batchQuestions(batch: readonly QaExample[], padId: number): { input: EncoderInput; options: number; answers: Int32Array } {
  const options = batch[0]!.sequences.length;
  const seq = Math.max(...batch.flatMap((e) => e.sequences.map((s) => s.length)));
  const rows = batch.length * options;
  const inputIds = new Int32Array(rows * seq).fill(padId);
  const tokenTypeIds = new Int32Array(rows * seq);
  const attentionMask = new Int32Array(rows * seq);
  batch.forEach((e, q) => e.sequences.forEach((s, o) => {
    const base = (q * options + o) * seq;
    inputIds.set(s, base);
    attentionMask.fill(1, base, base + s.length);
    tokenTypeIds.fill(1, base + e.optionStarts[o]!, base + s.length);
  }));
  return { input: { batch: rows, seq, inputIds, tokenTypeIds, attentionMask }, options, answers: Int32Array.from(batch.map((e) => e.answer)) };
}
