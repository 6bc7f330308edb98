/**
 * Scoring tokens: maximal runs of Unicode letters and digits. "4/3/2031" is three tokens, "O'Fenwick" two,
 * "617-555-0123" three. Punctuation and whitespace are never tokens, so a span that adds or drops a trailing
 * period or space scores the same — gold standards disagree on such edges.
 */
export interface TextToken {
  readonly start: number;
  readonly end: number;
}

const TOKEN = /[\p{L}\p{N}]+/gu;

export function scoringTokens(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    tokens.push({ start, end: start + m[0].length });
  }
  return tokens;
}
