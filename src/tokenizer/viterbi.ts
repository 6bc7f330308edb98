// The best segmentation of normalized text under a unigram model, the way SentencePiece's optimized encoder
// finds it: one pass over character starts, walking the piece trie byte by byte, keeping per end position
// the best path score as a 32-bit float (float64 sums break ties differently on real text). A candidate
// replaces the stored best only when strictly better, so on equal scores the path whose last piece starts
// earlier wins. A character no piece covers becomes an unknown node scored min_score - 10.
import { ONE_CHAR_LEN } from './utf8.js';

export interface PieceLattice {
  /** darts-clone units of the trie over piece bytes (value = piece id). */
  readonly units: Uint32Array;
  /** Score a piece gets in the lattice (user-defined symbols: their bonus score). */
  readonly latticeScore: Float32Array;
  /** 1 for pieces the lattice skips (UNUSED). */
  readonly skip: Uint8Array;
  readonly unkId: number;
  readonly unkScore: number;
}

/** Result buffers, reused between calls: pieces [start, end) in normalized bytes, and their ids. */
export class Segmentation {
  // Made for sentences of up to 16K bytes at once, rather than grown from 64 when the first longer one comes (which
  // threw away the optimized code that reads these arrays, to be compiled again); they still grow past that.
  count = 0;
  starts = new Int32Array(1 << 14);
  ends = new Int32Array(1 << 14);
  ids = new Int32Array(1 << 14);
  // Per end position: best score, start of the last piece, its id.
  bestScore = new Float32Array((1 << 14) + 1);
  bestStart = new Int32Array((1 << 14) + 1);
  bestId = new Int32Array((1 << 14) + 1);

  reserve(n: number): void {
    if (this.bestScore.length > n) return;
    let cap = this.bestScore.length;
    while (cap <= n) cap *= 2;
    this.bestScore = new Float32Array(cap);
    this.bestStart = new Int32Array(cap);
    this.bestId = new Int32Array(cap);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
    this.ids = new Int32Array(cap);
  }
}

/** Segments text[0, n) (normalized, well-formed UTF-8) into `seg`. */
export function viterbi(lattice: PieceLattice, text: Uint8Array, n: number, seg: Segmentation): void {
  seg.reserve(n + 1);
  const bestScore = seg.bestScore;
  const bestStart = seg.bestStart;
  const bestId = seg.bestId;
  // -Infinity stands for "no path yet": any real candidate beats it, as Google's starts_at == -1 test does.
  bestScore.fill(-Infinity, 1, n + 1);
  bestScore[0] = 0;
  const units = lattice.units;
  const size = units.length;
  const latticeScore = lattice.latticeScore;
  const skip = lattice.skip;
  const unkId = lattice.unkId;
  const unkScore = lattice.unkScore;
  const rootBase = size === 0 ? 0 : (units[0] >>> 10) << ((units[0] & 0x200) >>> 6);

  // WordCache.segment and Lattice walk the trie the same way. The walk is kept inline in each: one shared walk
  // filling a candidate buffer made this loop ~20% slower (plain encoding of 4.6 MB of abstracts, 138-144 ->
  // 171-205 CPU-ms).
  let start = 0;
  while (start < n) {
    const tillHere = bestScore[start];
    let mblen = ONE_CHAR_LEN[text[start]];
    if (mblen > n - start) mblen = n - start;
    let hasSingle = false;
    let id = rootBase;
    for (let k = start; k < n; k++) {
      const c = text[k];
      id ^= c;
      if (id >= size) break;
      const unit = units[id];
      if ((unit & 0x800000ff) !== c) break;
      id ^= (unit >>> 10) << ((unit & 0x200) >>> 6);
      if ((unit & 0x100) === 0) continue;
      const pieceId = units[id] & 0x7fffffff;
      if (skip[pieceId] === 1) continue;
      const end = k + 1;
      const candidate = latticeScore[pieceId] + tillHere;
      if (candidate > bestScore[end]) {
        bestScore[end] = candidate;
        bestStart[end] = start;
        bestId[end] = pieceId;
      }
      if (end - start === mblen) hasSingle = true;
    }
    if (!hasSingle) {
      const end = start + mblen;
      const candidate = unkScore + tillHere;
      if (candidate > bestScore[end]) {
        bestScore[end] = candidate;
        bestStart[end] = start;
        bestId[end] = unkId;
      }
    }
    start += mblen;
  }

  // Backtrack, then reverse into order.
  let count = 0;
  for (let end = n; end > 0;) {
    const s = bestStart[end];
    seg.starts[count] = s;
    seg.ends[count] = end;
    seg.ids[count] = bestId[end];
    count++;
    end = s;
  }
  for (let i = 0, j = count - 1; i < j; i++, j--) {
    let t = seg.starts[i]; seg.starts[i] = seg.starts[j]; seg.starts[j] = t;
    t = seg.ends[i]; seg.ends[i] = seg.ends[j]; seg.ends[j] = t;
    t = seg.ids[i]; seg.ids[i] = seg.ids[j]; seg.ids[j] = t;
  }
  seg.count = count;
}
