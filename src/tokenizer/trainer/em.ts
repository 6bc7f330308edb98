// EM over the unigram lattice of every distinct word, SentencePiece's way: an E-step of forward-backward
// expected counts (32-bit floats, log-sum-exp), a Bayesian M-step (digamma), and pruning by the loss of
// likelihood when a piece is replaced by its best alternative segmentation. Pieces are only ever removed
// after seeding, so each word's matches against the seed pieces are found once and filtered by `alive`.
import type { SeedPiece } from './seed.js';
import { aStarNbest, type Path } from '../lattice.js';

/**
 * A trie over the seed pieces' code points. Edges live in an open-addressing hash table of typed arrays
 * (node, code point) → child: a JS Map keyed by numbers beyond 2^31 hashes too slowly for millions of lookups.
 */
export class SeedTrie {
  private edgeNode: Int32Array;
  private edgeCp: Int32Array;
  private edgeChild: Int32Array;
  private mask: number;
  private edges = 0;
  private values: Int32Array;
  private nodes = 1;

  constructor(pieces: readonly SeedPiece[]) {
    let totalChars = 0;
    for (const p of pieces) totalChars += p.cps.length;
    let cap = 1024;
    while (cap < totalChars * 2) cap *= 2;
    this.edgeNode = new Int32Array(cap).fill(-1);
    this.edgeCp = new Int32Array(cap);
    this.edgeChild = new Int32Array(cap);
    this.mask = cap - 1;
    this.values = new Int32Array(totalChars + 1).fill(-1);
    pieces.forEach((p, id) => {
      let node = 0;
      for (let k = 0; k < p.cps.length; k++) node = this.childOrAdd(node, p.cps[k]);
      this.values[node] = id;
    });
  }

  private slot(node: number, cp: number): number {
    let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(cp, 0x85ebca6b)) & this.mask;
    while (this.edgeNode[h] !== -1 && (this.edgeNode[h] !== node || this.edgeCp[h] !== cp)) h = (h + 1) & this.mask;
    return h;
  }

  private childOrAdd(node: number, cp: number): number {
    const h = this.slot(node, cp);
    if (this.edgeNode[h] !== -1) return this.edgeChild[h];
    this.edgeNode[h] = node; this.edgeCp[h] = cp; this.edgeChild[h] = this.nodes;
    this.edges++;
    return this.nodes++;
  }

  /** Calls visit(length, pieceId) for every piece that is a prefix of cps[start, end), shortest first. */
  prefixes(cps: Int32Array, start: number, end: number, visit: (length: number, id: number) => void): void {
    let node = 0;
    const edgeNode = this.edgeNode;
    const edgeCp = this.edgeCp;
    const mask = this.mask;
    for (let k = start; k < end; k++) {
      const cp = cps[k];
      let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(cp, 0x85ebca6b)) & mask;
      while (edgeNode[h] !== -1 && (edgeNode[h] !== node || edgeCp[h] !== cp)) h = (h + 1) & mask;
      if (edgeNode[h] === -1) return;
      node = this.edgeChild[h];
      const id = this.values[node];
      if (id >= 0) visit(k + 1 - start, id);
    }
  }
}

/** Distinct words with their counts and every seed-piece match inside each. */
export class WordCorpus {
  readonly count: number;
  /** Matches of word w: [matchStart[w], matchStart[w + 1]); ordered by begin, then length. */
  matchStart: Int32Array;
  matchBegin: Int32Array;
  matchLength: Int32Array;
  matchPiece: Int32Array;
  readonly maxLength: number;

  /** Length in characters of each word. */
  lengths: Int32Array;
  freqs: Float64Array;

  constructor(words: readonly Int32Array[], freqs: Float64Array, trie: SeedTrie) {
    this.count = words.length;
    this.freqs = freqs;
    this.lengths = Int32Array.from(words.map((w) => w.length));
    const begins: number[] = [];
    const lengths: number[] = [];
    const pieces: number[] = [];
    this.matchStart = new Int32Array(words.length + 1);
    let maxLength = 0;
    for (let w = 0; w < words.length; w++) {
      const cps = words[w];
      if (cps.length > maxLength) maxLength = cps.length;
      for (let b = 0; b < cps.length; b++) {
        trie.prefixes(cps, b, cps.length, (length, id) => { begins.push(b); lengths.push(length); pieces.push(id); });
      }
      this.matchStart[w + 1] = begins.length;
    }
    this.matchBegin = Int32Array.from(begins);
    this.matchLength = Int32Array.from(lengths);
    this.matchPiece = Int32Array.from(pieces);
    this.maxLength = maxLength;
  }

  /** Drops the matches of pieces no longer alive, so later passes scan only live ones (order is kept). */
  compact(alive: Uint8Array): void {
    let o = 0;
    let m = 0;
    for (let w = 0; w < this.count; w++) {
      const end = this.matchStart[w + 1];
      this.matchStart[w] = o;
      for (; m < end; m++) {
        if (alive[this.matchPiece[m]] === 0) continue;
        this.matchBegin[o] = this.matchBegin[m];
        this.matchLength[o] = this.matchLength[m];
        this.matchPiece[o] = this.matchPiece[m];
        o++;
      }
    }
    this.matchStart[this.count] = o;
    this.matchBegin = this.matchBegin.subarray(0, o);
    this.matchLength = this.matchLength.subarray(0, o);
    this.matchPiece = this.matchPiece.subarray(0, o);
  }
}

function logSumExp(x: number, y: number): number {
  const vmin = Math.min(x, y);
  const vmax = Math.max(x, y);
  if (vmax > vmin + 50) return vmax;
  return Math.fround(vmax + Math.log(Math.exp(Math.fround(vmin - vmax)) + 1.0));
}

/** The lattice of one word under the live pieces: nodes in insertion order (begin asc, then length asc, unk last). */
class WordLattice {
  begin: Int32Array;
  end: Int32Array;
  piece: Int32Array;
  score: Float32Array;
  size = 0;
  // Per position scratch.
  alpha: Float32Array;
  beta: Float32Array;
  best: Float32Array;
  bestNode: Int32Array;
  seen: Uint8Array;

  constructor(maxLength: number) {
    const cap = Math.max(16, maxLength * 20);
    this.begin = new Int32Array(cap); this.end = new Int32Array(cap); this.piece = new Int32Array(cap); this.score = new Float32Array(cap);
    this.alpha = new Float32Array(maxLength + 1); this.beta = new Float32Array(maxLength + 1);
    this.best = new Float32Array(maxLength + 1); this.bestNode = new Int32Array(maxLength + 1); this.seen = new Uint8Array(maxLength + 1);
  }

  private push(b: number, e: number, id: number, s: number): void {
    if (this.size === this.begin.length) {
      const cap = this.size * 2;
      const grow = <T extends Int32Array | Float32Array>(a: T, make: (n: number) => T): T => { const x = make(cap); x.set(a); return x; };
      this.begin = grow(this.begin, (n) => new Int32Array(n)); this.end = grow(this.end, (n) => new Int32Array(n));
      this.piece = grow(this.piece, (n) => new Int32Array(n)); this.score = grow(this.score, (n) => new Float32Array(n));
    }
    this.begin[this.size] = b; this.end[this.size] = e; this.piece[this.size] = id; this.score[this.size] = s;
    this.size++;
  }

  /** Builds from matches [m0, m1) of a word of `length` characters. */
  build(corpus: { matchBegin: Int32Array; matchLength: Int32Array; matchPiece: Int32Array }, m0: number, m1: number, length: number,
    alive: Uint8Array, scores: Float32Array, unkScore: number, unkPiece: number): void {
    this.size = 0;
    let m = m0;
    for (let b = 0; b < length; b++) {
      let hasSingle = false;
      while (m < m1 && corpus.matchBegin[m] === b) {
        const id = corpus.matchPiece[m];
        const len = corpus.matchLength[m];
        m++;
        if (alive[id] === 0) continue;
        this.push(b, b + len, id, scores[id]);
        if (len === 1) hasSingle = true;
      }
      if (!hasSingle) this.push(b, b + 1, unkPiece, unkScore);
    }
  }

  /** log Z; fills alpha (forward, by position) and beta (backward). */
  forwardBackward(length: number): number {
    const { alpha, beta, seen } = this;
    seen.fill(0, 0, length + 1);
    alpha[0] = 0;
    for (let i = 0; i < this.size; i++) {
      const e = this.end[i];
      const v = Math.fround(this.score[i] + alpha[this.begin[i]]);
      if (seen[e] === 0) { alpha[e] = v; seen[e] = 1; } else alpha[e] = logSumExp(alpha[e], v);
    }
    seen.fill(0, 0, length + 1);
    beta[length] = 0;
    // Nodes are grouped by begin ascending; walk the groups from the last, each in insertion order.
    let groupEnd = this.size;
    while (groupEnd > 0) {
      const b = this.begin[groupEnd - 1];
      let groupStart = groupEnd - 1;
      while (groupStart > 0 && this.begin[groupStart - 1] === b) groupStart--;
      for (let i = groupStart; i < groupEnd; i++) {
        const v = Math.fround(this.score[i] + beta[this.end[i]]);
        if (seen[b] === 0) { beta[b] = v; seen[b] = 1; } else beta[b] = logSumExp(beta[b], v);
      }
      groupEnd = groupStart;
    }
    return alpha[length];
  }

  /** Nodes ending at each position, in insertion order (CSR): endNode[endStart[p] .. endStart[p + 1]). */
  private endStart = new Int32Array(0);
  private endNode = new Int32Array(0);
  private backtrace = new Float32Array(0);
  private prev = new Int32Array(0);

  private indexEnds(length: number): void {
    if (this.endStart.length < length + 2) this.endStart = new Int32Array(length + 2);
    if (this.endNode.length < this.size) this.endNode = new Int32Array(this.size * 2);
    const start = this.endStart;
    start.fill(0, 0, length + 2);
    for (let i = 0; i < this.size; i++) start[this.end[i] + 1]++;
    for (let p = 0; p <= length; p++) start[p + 1] += start[p];
    const fill = Int32Array.from(start.subarray(0, length + 1));
    for (let i = 0; i < this.size; i++) this.endNode[fill[this.end[i]]++] = i;
  }

  /**
   * Google's Lattice::Viterbi: every node picks its own best predecessor, comparing (predecessor's score +
   * its own score) as floats, first-inserted on ties; writes the path's node indices to `out`.
   */
  viterbi(length: number, out: Int32Array): number {
    this.indexEnds(length);
    if (this.backtrace.length < this.size) { this.backtrace = new Float32Array(this.size * 2); this.prev = new Int32Array(this.size * 2); }
    const bt = this.backtrace;
    const prev = this.prev;
    const { endStart, endNode } = this;
    for (let i = 0; i < this.size; i++) {
      const b = this.begin[i];
      const s = this.score[i];
      if (b === 0) { bt[i] = Math.fround(0 + s); prev[i] = -1; continue; }
      let best = 0;
      let bestNode = -1;
      for (let k = endStart[b]; k < endStart[b + 1]; k++) {
        const l = endNode[k];
        const v = Math.fround(bt[l] + s);
        if (bestNode === -1 || v > best) { best = v; bestNode = l; }
      }
      bt[i] = best;
      prev[i] = bestNode;
    }
    let last = -1;
    let best = 0;
    for (let k = endStart[length]; k < endStart[length + 1]; k++) {
      const l = endNode[k];
      const v = Math.fround(bt[l] + 0);
      if (last === -1 || v > best) { best = v; last = l; }
    }
    let n = 0;
    for (let node = last; node !== -1; node = prev[node]) out[n++] = node;
    for (let i = 0, j = n - 1; i < j; i++, j--) { const t = out[i]; out[i] = out[j]; out[j] = t; }
    return n;
  }

  /** The two best paths by Google's A* (after viterbi() has filled the backtrace scores). */
  nbest2(length: number): Path[] {
    const { endStart, endNode } = this;
    return aStarNbest({
      length, begin: this.begin, score: this.score, backtrace: this.backtrace,
      endNodes: (pos) => endNode.subarray(endStart[pos], endStart[pos + 1]),
    }, 2);
  }
}

interface Matches {
  readonly matchStart: Int32Array;
  readonly matchBegin: Int32Array;
  readonly matchLength: Int32Array;
  readonly matchPiece: Int32Array;
}

const matchCache = new WeakMap<readonly SeedPiece[], Matches>();

/** Every seed piece's matches against the seed pieces, found once (pieces are only removed later). */
function pieceMatches(live: LivePieces, trie: SeedTrie): Matches {
  const hit = matchCache.get(live.seeds);
  if (hit !== undefined) return hit;
  const begins: number[] = [];
  const lengths: number[] = [];
  const pieces: number[] = [];
  const matchStart = new Int32Array(live.seeds.length + 1);
  live.seeds.forEach((seed, id) => {
    const cps = seed.cps;
    if (cps.length > 1 && live.alive[id] === 1) {
      for (let b = 0; b < cps.length; b++) trie.prefixes(cps, b, cps.length, (len, pid) => { begins.push(b); lengths.push(len); pieces.push(pid); });
    }
    matchStart[id + 1] = begins.length;
  });
  const result = { matchStart, matchBegin: Int32Array.from(begins), matchLength: Int32Array.from(lengths), matchPiece: Int32Array.from(pieces) };
  matchCache.set(live.seeds, result);
  return result;
}

export interface LivePieces {
  readonly seeds: readonly SeedPiece[];
  /** Current score of each seed id (meaningful where alive). */
  readonly scores: Float32Array;
  readonly alive: Uint8Array;
  /** Live seed ids in model order. */
  order: Int32Array;
}

/**
 * The piece an unknown node is counted as. SentencePiece's trainer model leaves its unk id at 0, so unknown
 * characters add to whichever piece is first in the current vocabulary; we do the same to train the same way.
 */
function unknownPiece(live: LivePieces): number {
  return live.order.length > 0 ? live.order[0] : -1;
}

export function minScore(live: LivePieces): number {
  let min = Infinity;
  for (const id of live.order) if (live.scores[id] < min) min = live.scores[id];
  return min === Infinity ? 0 : min;
}

/** The word data an E-step reads (a WordCorpus, or its shared-memory copy in a worker). */
export interface CorpusView {
  readonly count: number;
  readonly lengths: Int32Array;
  readonly freqs: Float64Array;
  readonly matchStart: Int32Array;
  readonly matchBegin: Int32Array;
  readonly matchLength: Int32Array;
  readonly matchPiece: Int32Array;
  readonly maxLength: number;
}

/** What an E-step needs of the live pieces. */
export interface EStepInput {
  readonly scores: Float32Array;
  readonly alive: Uint8Array;
  readonly unkScore: number;
  readonly unkPiece: number;
  readonly threads: number;
  readonly allFreq: number;
}

export function eStepInput(corpus: CorpusView, live: LivePieces, threads: number): EStepInput {
  let allFreq = 0;
  for (let w = 0; w < corpus.count; w++) allFreq += corpus.freqs[w];
  return { scores: live.scores, alive: live.alive, unkScore: Math.fround(minScore(live) - 10), unkPiece: unknownPiece(live), threads, allFreq };
}

/**
 * The E-step share of one of SentencePiece's threads: words t, t + threads, ... (forward-backward marginals,
 * 32-bit sums). Partials are merged in thread order by mergePartials, as Google's trainer does.
 */
export function expectedPartial(corpus: CorpusView, input: EStepInput, t: number): { expected: Float32Array; objective: number } {
  const expected = new Float32Array(input.scores.length);
  let objective = 0;
  const lattice = new WordLattice(corpus.maxLength);
  for (let w = t; w < corpus.count; w += input.threads) {
    const length = corpus.lengths[w];
    lattice.build(corpus, corpus.matchStart[w], corpus.matchStart[w + 1], length, input.alive, input.scores, input.unkScore, input.unkPiece);
    const z = lattice.forwardBackward(length);
    const freq = corpus.freqs[w];
    const { alpha, beta } = lattice;
    for (let i = 0; i < lattice.size; i++) {
      const id = lattice.piece[i];
      if (id < 0) continue;
      const logp = Math.fround(Math.fround(Math.fround(alpha[lattice.begin[i]] + lattice.score[i]) + beta[lattice.end[i]]) - z);
      expected[id] = Math.fround(expected[id] + freq * Math.exp(logp));
    }
    objective = Math.fround(objective - Math.fround((freq * z) / input.allFreq));
  }
  return { expected, objective };
}

/** Sums per-thread partials in thread order (float sums depend on the order). */
export function mergePartials(partials: ReadonlyArray<{ expected: Float32Array; objective: number }>): { expected: Float32Array; objective: number } {
  const expected = partials[0].expected;
  let objective = partials[0].objective;
  for (let t = 1; t < partials.length; t++) {
    objective = Math.fround(objective + partials[t].objective);
    const p = partials[t].expected;
    for (let k = 0; k < p.length; k++) if (p[k] !== 0) expected[k] = Math.fround(expected[k] + p[k]);
  }
  return { expected, objective };
}

/**
 * E-step: expected count of every live piece. Words are dealt round-robin to `threads` partial sums merged at
 * the end, as SentencePiece's thread pool adds them (float sums depend on that order).
 */
export function expectedCounts(corpus: WordCorpus, live: LivePieces, threads: number): { expected: Float32Array; objective: number } {
  const input = eStepInput(corpus, live, threads);
  const partials = [];
  for (let t = 0; t < threads; t++) partials.push(expectedPartial(corpus, input, t));
  return mergePartials(partials);
}

export function digamma(x: number): number {
  let result = 0;
  for (; x < 7; ++x) result -= 1 / x;
  x -= 1.0 / 2.0;
  const xx = 1.0 / x;
  const xx2 = xx * xx;
  const xx4 = xx2 * xx2;
  result += Math.log(x) + (1.0 / 24.0) * xx2 - (7.0 / 960.0) * xx4 + (31.0 / 8064.0) * xx4 * xx2 - (127.0 / 30720.0) * xx4 * xx4;
  return result;
}

/** M-step: drop pieces expected less than 0.5 times; new score = digamma(count) - digamma(total). */
export function maximize(live: LivePieces, expected: Float32Array): void {
  const kept: number[] = [];
  let sum = 0;
  for (const id of live.order) {
    const freq = expected[id];
    if (freq < 0.5) { live.alive[id] = 0; continue; }
    kept.push(id);
    sum = Math.fround(sum + freq);
  }
  const logSum = Math.fround(digamma(sum)); // a float in Google's code
  for (const id of kept) live.scores[id] = Math.fround(digamma(expected[id]) - logSum);
  live.order = Int32Array.from(kept);
}

/**
 * Pruning: keeps pieces that have no alternative segmentation, then the candidates whose removal would cost the
 * most likelihood, up to max(desired, shrinking × size) pieces.
 */
/** One thread group's Viterbi counts over its words (words t, t + threads, ...), and its word total. */
export function viterbiPartial(corpus: CorpusView, input: EStepInput, t: number): { freq: Float32Array; vsum: number } {
  const freq = new Float32Array(input.scores.length);
  let vsum = 0;
  const lattice = new WordLattice(corpus.maxLength);
  const path = new Int32Array(corpus.maxLength + 1);
  for (let w = t; w < corpus.count; w += input.threads) {
    const length = corpus.lengths[w];
    lattice.build(corpus, corpus.matchStart[w], corpus.matchStart[w + 1], length, input.alive, input.scores, input.unkScore, input.unkPiece);
    const f = corpus.freqs[w];
    vsum = Math.fround(vsum + f);
    const count = lattice.viterbi(length, path);
    for (let k = 0; k < count; k++) {
      const id = lattice.piece[path[k]];
      if (id >= 0) freq[id] = Math.fround(freq[id] + f);
    }
  }
  return { freq, vsum };
}

/** Adds Viterbi partials in thread order, as SentencePiece does. */
export function mergeViterbi(partials: ReadonlyArray<{ freq: Float32Array; vsum: number }>): { freq: Float32Array; vsum: number } {
  const freq = new Float32Array(partials[0].freq.length);
  let vsum = 0;
  for (const p of partials) {
    vsum = Math.fround(vsum + p.vsum);
    for (let k = 0; k < freq.length; k++) if (p.freq[k] !== 0) freq[k] = Math.fround(freq[k] + p.freq[k]);
  }
  return { freq, vsum };
}

/** Viterbi counts of every piece over the corpus, per-thread partial sums as in SentencePiece. */
export function viterbiCounts(corpus: WordCorpus, live: LivePieces, threads: number): { freq: Float32Array; vsum: number } {
  const input = eStepInput(corpus, live, threads);
  const partials = [];
  for (let t = 0; t < threads; t++) partials.push(viterbiPartial(corpus, input, t));
  return mergeViterbi(partials);
}

export function prune(corpus: WordCorpus, live: LivePieces, trie: SeedTrie, threads: number, desiredSize: number, shrinkingFactor: number,
  counts: { freq: Float32Array; vsum: number } = viterbiCounts(corpus, live, threads)): void {
  const order = live.order;
  const n = live.seeds.length;
  const unkScore = Math.fround(minScore(live) - 10);
  const unkPiece = unknownPiece(live);
  let maxPieceLength = 0;
  for (const id of order) maxPieceLength = Math.max(maxPieceLength, live.seeds[id].cps.length);
  const pieceLattice = new WordLattice(maxPieceLength);
  const path = new Int32Array(maxPieceLength + 1);
  const alwaysKeep = new Uint8Array(n);
  const alternatives = new Map<number, number[]>();
  const matches = pieceMatches(live, trie);
  for (const id of order) {
    const cps = live.seeds[id].cps;
    alwaysKeep[id] = 1;
    if (cps.length === 1) continue;
    const m0 = matches.matchStart[id];
    const m1 = matches.matchStart[id + 1];
    pieceLattice.build(matches, m0, m1, cps.length, live.alive, live.scores, unkScore, unkPiece);
    pieceLattice.viterbi(cps.length, path);
    const nbests = pieceLattice.nbest2(cps.length);
    if (nbests.length === 1) continue; // a single segmentation: always kept
    if (nbests[0].nodes.length >= 2) { alwaysKeep[id] = 0; continue; }
    const alt: number[] = nbests[1].nodes.map((node) => pieceLattice.piece[node]);
    alternatives.set(id, alt);
  }

  const { freq, vsum } = counts;

  let sumD = 0;
  for (const id of order) sumD += freq[id];
  const sum = Math.fround(sumD);
  const logSum = Math.fround(Math.log(sum));
  const kept: number[] = [];
  const candidates: Array<[number, number]> = [];
  for (const id of order) {
    if (freq[id] === 0 || alwaysKeep[id] === 0) continue;
    const alt = alternatives.get(id);
    if (alt === undefined || alt.length === 0) { kept.push(id); continue; }
    const F = Math.fround(freq[id] / vsum);
    const logProbSp = Math.fround(Math.log(freq[id]) - logSum);
    // SentencePiece 0.1.97 multiplies by (number of pieces - 1), not (number of alternatives - 1) as its comment
    // intends (google/sentencepiece#628). We keep its formula: it is what makes our models equal to spm_train's.
    const logSumAlt = Math.fround(Math.log(Math.fround(sum + Math.fround(freq[id] * (order.length - 1)))));
    let logProbAlt = 0;
    for (const a of alt) logProbAlt = Math.fround(logProbAlt + (Math.log(Math.fround((a >= 0 ? freq[a] : 0) + freq[id])) - logSumAlt));
    candidates.push([id, Math.fround(F * Math.fround(logProbSp - logProbAlt))]);
  }
  const prunedSize = Math.max(desiredSize, Math.trunc(shrinkingFactor * order.length));
  const position = new Map<number, number>();
  order.forEach((id, i) => position.set(id, i));
  candidates.sort((a, b) => (b[1] - a[1]) || (position.get(a[0])! - position.get(b[0])!));
  for (const [id] of candidates) {
    if (kept.length === prunedSize) break;
    kept.push(id);
  }
  const keptSet = new Uint8Array(n);
  for (const id of kept) keptSet[id] = 1;
  for (const id of order) if (keptSet[id] === 0) live.alive[id] = 0;
  live.order = Int32Array.from(kept);
}
