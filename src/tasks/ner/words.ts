/** A word of the basic tokenizer, with its character span. */
export interface Word {
  readonly start: number;
  readonly end: number;
  /** True when whitespace (or the start of the text) precedes it. */
  readonly spaced: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * BERT's basic tokenization: split on whitespace, and make every other non-alphanumeric character a word of
 * its own ("TNF-α-induced" → TNF, -, α, -, induced). Entity boundaries in BC5CDR fall on these boundaries
 * almost always, so labelling words loses almost nothing and keeps decoded spans exact.
 */
export function basicWords(text: string, from = 0, to = text.length): Word[] {
  const words: Word[] = [];
  let i = from;
  let spaced = true;
  while (i < to) {
    const ch = text[i]!;
    if (/\s/u.test(ch)) {
      spaced = true;
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (WORD_CHAR.test(String.fromCodePoint(cp))) {
      let j = i + width;
      while (j < to) {
        const c = text.codePointAt(j)!;
        if (!WORD_CHAR.test(String.fromCodePoint(c))) break;
        j += c > 0xffff ? 2 : 1;
      }
      words.push({ start: i, end: j, spaced });
      i = j;
    } else {
      words.push({ start: i, end: i + width, spaced });
      i += width;
    }
    spaced = false;
  }
  return words;
}
