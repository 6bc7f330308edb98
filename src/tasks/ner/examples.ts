import { sentenceSpans } from '../../corpus/index.js';
import type { SpecialIds } from '../../data/special-tokens.js';
import type { SentencePieceModel } from '../../tokenizer/index.js';
import type { LabelSet } from './labels.js';
import type { Mention, NerDocument } from './types.js';
import { basicWords, type Word } from './words.js';

/** One model input: a window of a sentence's words as `[CLS] pieces [SEP]`, with its first-piece positions. */
export interface NerExample {
  readonly docIndex: number;
  readonly ids: Int32Array;
  /** The words of the window, with character spans into the document. */
  readonly words: readonly Word[];
  /** Position in `ids` of each word's first piece. */
  readonly firstPiece: Int32Array;
  /** Gold BIO label per word (0 = O), when the document has gold mentions. */
  readonly labels: Int32Array;
}

export interface AlignmentStats {
  mentions: number;
  /** Gold mentions whose boundaries are word boundaries (the rest cannot be labelled exactly). */
  aligned: number;
  /** Gold mentions of a type outside the label set. */
  skippedTypes: number;
}

/**
 * Documents → labelled examples. Each sentence is split into basic words; each word is encoded on its own
 * (so word boundaries are piece boundaries and decoded spans are exact); the first piece of a word carries
 * its label, the others are ignored by the loss. Sentences longer than the window are cut at word boundaries.
 */
export function buildExamples(docs: readonly NerDocument[], sp: SentencePieceModel, special: SpecialIds, set: LabelSet,
  maxLength: number, stats?: AlignmentStats): NerExample[] {
  const out: NerExample[] = [];
  const pieceCache = new Map<string, number[]>();
  const piecesOf = (word: string, spaced: boolean): number[] => {
    const key = (spaced ? ' ' : '') + word;
    let ids = pieceCache.get(key);
    if (ids === undefined) {
      ids = sp.encode(word);
      // A word glued to the previous one (punctuation) drops the lone "▁" the dummy prefix gives it.
      if (!spaced && ids.length > 1 && sp.idToPiece(ids[0]!) === '▁') ids = ids.slice(1);
      if (ids.length === 0) ids = [special.unk];
      pieceCache.set(key, ids);
    }
    return ids;
  };
  docs.forEach((doc, docIndex) => {
    const wordLabels = new Map<number, number>();
    const sentences: Word[][] = [];
    const segments: [number, number][] = doc.title === undefined ? [[0, doc.text.length]]
      : [[0, doc.title.length], [doc.title.length + 1, doc.text.length]];
    for (const [from, to] of segments) {
      for (const s of sentenceSpans(doc.text.slice(from, to))) sentences.push(basicWords(doc.text, from + s.start, from + s.end));
    }
    labelWords(doc.mentions, sentences.flat(), set, wordLabels, stats);
    let offset = 0;
    for (const words of sentences) {
      emitWindows(docIndex, words, offset);
      offset += words.length;
    }

    /**
     * Packs a sentence's words into windows of at most maxLength pieces. A cut never splits a gold mention when
     * it can be avoided: it moves back to the last word not labelled I-.
     */
    function emitWindows(di: number, words: Word[], offset: number): void {
      const pieces = words.map((w) => piecesOf(doc.text.slice(w.start, w.end), w.spaced).slice(0, maxLength - 2));
      const labelOf = (k: number): number => wordLabels.get(offset + k) ?? 0;
      let from = 0;
      while (from < words.length) {
        let to = from, length = 2;
        while (to < words.length && length + pieces[to]!.length <= maxLength) length += pieces[to++]!.length;
        if (to < words.length) {
          let cut = to;
          while (cut > from + 1 && !set.isBegin(labelOf(cut)) && labelOf(cut) !== 0) cut--;
          if (cut > from) to = cut;
        }
        const ids: number[] = [special.cls], first: number[] = [], labels: number[] = [];
        for (let k = from; k < to; k++) {
          first.push(ids.length);
          ids.push(...pieces[k]!);
          labels.push(labelOf(k));
        }
        ids.push(special.sep);
        out.push({ docIndex: di, ids: Int32Array.from(ids), words: words.slice(from, to), firstPiece: Int32Array.from(first), labels: Int32Array.from(labels) });
        from = to;
      }
    }
  });
  return out;
}

/** Gold mentions → B/I labels on the words they cover exactly. */
function labelWords(mentions: readonly Mention[], words: readonly Word[], set: LabelSet, into: Map<number, number>,
  stats?: AlignmentStats): void {
  const byStart = new Map<number, number>(), byEnd = new Map<number, number>();
  words.forEach((w, i) => {
    byStart.set(w.start, i);
    byEnd.set(w.end, i);
  });
  for (const m of mentions) {
    if (stats) stats.mentions++;
    if (!set.types.includes(m.type)) {
      if (stats) stats.skippedTypes++;
      continue;
    }
    const a = byStart.get(m.start), b = byEnd.get(m.end);
    if (a === undefined || b === undefined || b < a) continue;
    if (stats) stats.aligned++;
    into.set(a, set.begin(m.type));
    for (let i = a + 1; i <= b; i++) into.set(i, set.inside(m.type));
  }
}
