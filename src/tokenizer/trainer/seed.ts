// Seed pieces for EM: every character of the (sampled, normalized) sentences, plus the most frequent
// substrings that occur at least twice (internal nodes of the suffix tree), scored frequency × length and
// capped at seed_sentencepiece_size, as SentencePiece seeds its unigram trainer.
import { suffixArray, suffixTreeNodes } from './suffix-array.js';
import { isValidPiece, UNK_CP, type PieceRules } from './piece-rules.js';

export interface SeedPiece {
  readonly cps: Int32Array;
  /** Log probability (frequency × length, normalized). */
  score: number;
}

/** Sorted(...) order of SentencePiece: count descending, then key ascending. */
export function byCountThenKey<K>(entries: Array<[K, number]>, compareKeys: (a: K, b: K) => number): Array<[K, number]> {
  return entries.sort((a, b) => (b[1] - a[1]) || compareKeys(a[0], b[0]));
}

export function compareCodePoints(a: Int32Array, b: Int32Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

export function makeSeedPieces(sentences: readonly Int32Array[], rules: PieceRules, seedSize: number): SeedPiece[] {
  // All sentences in one array, each followed by a 0 boundary; code points ranked (order-preserving) so the
  // suffix sort works on a small alphabet.
  let total = 0;
  for (const s of sentences) total += s.length + 1;
  const raw = new Int32Array(total);
  const counts = new Float64Array(0x110000);
  let o = 0;
  for (const s of sentences) {
    for (let k = 0; k < s.length; k++) {
      const c = s[k];
      raw[o++] = c;
      counts[c]++;
    }
    raw[o++] = 0;
  }
  counts[0]++;
  // Order-preserving ranks of the code points in use (a small alphabet for the suffix sort).
  const rank = new Int32Array(0x110000);
  let alphabetSize = 0;
  const charCount: Array<[number, number]> = [];
  for (let c = 0; c < 0x110000; c++) {
    if (counts[c] === 0) continue;
    rank[c] = alphabetSize++;
    if (c !== UNK_CP && c !== 0) charCount.push([c, counts[c]]);
  }
  const text = new Int32Array(total);
  for (let i = 0; i < total; i++) text[i] = rank[raw[i]];
  const sa = suffixArray(text, alphabetSize);
  const nodes = suffixTreeNodes(text, sa);

  // Candidates: (node index, score), best seedSize by score desc then node index asc.
  const candNode: number[] = [];
  const candScore: number[] = [];
  for (let i = 0; i < nodes.count; i++) {
    const offset = sa[nodes.left[i]];
    const len = nodes.depth[i];
    if (len <= 1 || offset + len >= total) continue;
    if (len > rules.maxPieceLength) continue; // cannot be valid; spares the scan
    let hasBoundary = false;
    for (let k = offset; k < offset + len; k++) if (raw[k] === 0) { hasBoundary = true; break; }
    if (hasBoundary || !isValidPiece(rules, raw, offset, offset + len)) continue;
    candNode.push(i);
    candScore.push((nodes.right[i] - nodes.left[i]) * len);
  }
  const order = rankCandidates(candNode, candScore);
  const chars = byCountThenKey(charCount, (a, b) => a - b);
  const seeds: SeedPiece[] = chars.map(([c, n]) => ({ cps: Int32Array.of(c), score: n }));
  // spm_train counts the characters in seed_sentencepiece_size: the substrings fill what they leave.
  const limit = Math.min(order.length, Math.max(0, seedSize - seeds.length));
  for (let k = 0; k < limit; k++) {
    const i = candNode[order[k]];
    const offset = sa[nodes.left[i]];
    seeds.push({ cps: raw.slice(offset, offset + nodes.depth[i]), score: candScore[order[k]] });
  }
  // ToLogProb: float sum, log-normalize.
  let sum = 0;
  for (const s of seeds) sum = Math.fround(sum + s.score);
  const logSum = Math.fround(Math.log(sum));
  for (const s of seeds) s.score = Math.fround(Math.log(s.score) - logSum);
  return seeds;
}

/** Candidate positions sorted by score descending, then node index ascending. */
function rankCandidates(candNode: number[], candScore: number[]): Int32Array {
  const n = candNode.length;
  const SHIFT = 2 ** 26;
  let maxScore = 0;
  for (const v of candScore) if (v > maxScore) maxScore = v;
  if (n < SHIFT && maxScore * SHIFT < 2 ** 53) {
    // One numeric key per candidate sorts far faster than a comparator over millions of entries.
    const keys = new Float64Array(n);
    for (let k = 0; k < n; k++) keys[k] = candScore[k] * SHIFT + (SHIFT - 1 - k);
    keys.sort();
    const order = new Int32Array(n);
    for (let k = 0; k < n; k++) order[k] = SHIFT - 1 - (keys[n - 1 - k] % SHIFT);
    return order; // ties keep candidate order, which is node order
  }
  return Int32Array.from(Array.from(candNode.keys()).sort((a, b) => (candScore[b] - candScore[a]) || (candNode[a] - candNode[b])));
}
