// The explicit piece lattice of a normalized text, for n-best search and sampling (subword regularization),
// following SentencePiece's Lattice: Viterbi scores as 32-bit floats, an A* search from the end whose agenda
// is a binary heap operated exactly as libstdc++'s priority_queue does (so equal scores come out in Google's
// order), and forward-filtering backward-sampling.
import type { PieceLattice } from './viterbi.js';
import { ONE_CHAR_LEN } from './utf8.js';

export interface Path {
  /** Node indices from the start of the text. */
  readonly nodes: number[];
  readonly score: number;
}

export class Lattice {
  readonly begin: number[] = [];
  readonly end: number[] = [];
  readonly id: number[] = [];
  readonly score: number[] = [];
  /** Nodes ending at each byte position, in insertion order: endNodes[p]. */
  private readonly endNodes: number[][];

  constructor(model: PieceLattice, text: Uint8Array, readonly length: number) {
    const units = model.units;
    const size = units.length;
    const rootBase = size === 0 ? 0 : (units[0] >>> 10) << ((units[0] & 0x200) >>> 6);
    this.endNodes = Array.from({ length: length + 1 }, () => []);
    for (let start = 0; start < length;) {
      let mblen = ONE_CHAR_LEN[text[start]];
      if (mblen > length - start) mblen = length - start;
      let hasSingle = false;
      let id = rootBase;
      for (let k = start; k < length; k++) {
        const c = text[k];
        id ^= c;
        if (id >= size) break;
        const unit = units[id];
        if ((unit & 0x800000ff) !== c) break;
        id ^= (unit >>> 10) << ((unit & 0x200) >>> 6);
        if ((unit & 0x100) === 0) continue;
        const pieceId = units[id] & 0x7fffffff;
        if (model.skip[pieceId] === 1) continue;
        this.add(start, k + 1, pieceId, model.latticeScore[pieceId]);
        if (k + 1 - start === mblen) hasSingle = true;
      }
      if (!hasSingle) this.add(start, start + mblen, model.unkId, model.unkScore);
      start += mblen;
    }
  }

  private add(b: number, e: number, id: number, score: number): void {
    this.endNodes[e].push(this.begin.length);
    this.begin.push(b); this.end.push(e); this.id.push(id); this.score.push(score);
  }

  /** Best-path score of every node from the start (backtrace score), first-inserted predecessor on ties. */
  private backtraceScores(): { bt: Float32Array; eos: number } {
    const bt = new Float32Array(this.begin.length);
    for (let i = 0; i < this.begin.length; i++) {
      const b = this.begin[i];
      if (b === 0) { bt[i] = Math.fround(0 + this.score[i]); continue; }
      let best = 0;
      let found = false;
      for (const l of this.endNodes[b]) {
        const s = Math.fround(bt[l] + this.score[i]);
        if (!found || s > best) { best = s; found = true; }
      }
      bt[i] = best;
    }
    let eos = 0;
    let found = false;
    for (const l of this.endNodes[this.length]) {
      const s = Math.fround(bt[l] + 0);
      if (!found || s > eos) { eos = s; found = true; }
    }
    return { bt, eos };
  }

  /** The n best segmentations, best first (A* from the end with exact heuristics). */
  nbest(n: number): Path[] {
    const { bt } = this.backtraceScores();
    return aStarNbest({ length: this.length, begin: this.begin, score: this.score, endNodes: (pos) => this.endNodes[pos], backtrace: bt }, n);
  }

  /** One segmentation drawn with probability proportional to exp(theta × score). */
  sample(theta: number, random: () => number): Path {
    const count = this.begin.length;
    const alpha = new Float64Array(count);
    const alphaAt = (pos: number): number => {
      // log-sum over nodes ending at pos of theta·score + alpha; 0 at the start.
      if (pos === 0) return 0;
      let acc = -Infinity;
      for (const l of this.endNodes[pos]) acc = logAdd(acc, theta * this.score[l] + alpha[l]);
      return acc;
    };
    for (let i = 0; i < count; i++) alpha[i] = alphaAt(this.begin[i]);
    const nodes: number[] = [];
    let pos = this.length;
    let z = alphaAt(pos);
    while (pos > 0) {
      const candidates = this.endNodes[pos];
      let r = random();
      let chosen = candidates[candidates.length - 1];
      for (const l of candidates) {
        r -= Math.exp(alpha[l] + theta * this.score[l] - z);
        if (r < 0) { chosen = l; break; }
      }
      nodes.push(chosen);
      z = alpha[chosen];
      pos = this.begin[chosen];
    }
    nodes.reverse();
    let score = 0;
    for (const n of nodes) score = Math.fround(score + this.score[n]);
    return { nodes, score };
  }
}

/** What the A* search needs of a lattice; nodes are numbered in insertion order. */
export interface SearchLattice {
  readonly length: number;
  readonly begin: ArrayLike<number>;
  readonly score: ArrayLike<number>;
  /** Nodes ending at a position, in insertion order. */
  endNodes(pos: number): ArrayLike<number>;
  /** Best-path score from the start through each node (Google's backtrace_score). */
  readonly backtrace: ArrayLike<number>;
}

/**
 * SentencePiece's Lattice::NBest: A* from the end of the text, g = score of the suffix so far, f = g + the
 * exact best score of the prefix; the agenda is shrunk to max(512, 10n) hypotheses past 10,000, as 0.1.97 does.
 */
export function aStarNbest(lattice: SearchLattice, n: number): Path[] {
  const { begin, score, backtrace: bt } = lattice;
  const BOS = -1;
  const EOS = -2;
  const hypNode: number[] = [];
  const hypNext: number[] = [];
  const hypFx: number[] = [];
  const hypGx: number[] = [];
  const newHyp = (node: number, next: number, fx: number, gx: number): number => {
    hypNode.push(node); hypNext.push(next); hypFx.push(fx); hypGx.push(gx);
    return hypNode.length - 1;
  };
  let heap: number[] = [];
  const less = (a: number, b: number): boolean => hypFx[a] < hypFx[b];
  const results: Path[] = [];
  heap = heapPush(heap, newHyp(EOS, -1, 0, 0), less);
  while (heap.length > 0) {
    const top = heap[0];
    heapPop(heap, less);
    const node = hypNode[top];
    if (node === BOS) {
      const nodes: number[] = [];
      let total = 0;
      for (let h = hypNext[top]; hypNext[h] !== -1; h = hypNext[h]) { nodes.push(hypNode[h]); total = Math.fround(total + score[hypNode[h]]); }
      results.push({ nodes, score: total });
      if (results.length === n) break;
      continue;
    }
    const pos = node === EOS ? lattice.length : begin[node];
    if (pos === 0) {
      heap = heapPush(heap, newHyp(BOS, top, Math.fround(0 + hypGx[top]), Math.fround(0 + hypGx[top])), less);
    } else {
      const ends = lattice.endNodes(pos);
      for (let k = 0; k < ends.length; k++) {
        const l = ends[k];
        heap = heapPush(heap, newHyp(l, top, Math.fround(bt[l] + hypGx[top]), Math.fround(score[l] + hypGx[top])), less);
      }
    }
    // Google's guard against agendas exploding on long or repetitive input.
    if (heap.length >= 10000) {
      const keep = Math.min(512, n * 10);
      let shrunk: number[] = [];
      for (let i = 0; i < keep; i++) { shrunk = heapPush(shrunk, heap[0], less); heapPop(heap, less); }
      heap = shrunk;
    }
  }
  return results;
}

function logAdd(x: number, y: number): number {
  if (x === -Infinity) return y;
  const hi = Math.max(x, y);
  const lo = Math.min(x, y);
  return hi > lo + 50 ? hi : hi + Math.log(Math.exp(lo - hi) + 1);
}

// libstdc++'s push_heap / pop_heap, so that ties leave the agenda in the same order as in Google's build.
function siftUp(heap: number[], hole: number, top: number, value: number, less: (a: number, b: number) => boolean): void {
  let parent = (hole - 1) >> 1;
  while (hole > top && less(heap[parent], value)) {
    heap[hole] = heap[parent];
    hole = parent;
    parent = (hole - 1) >> 1;
  }
  heap[hole] = value;
}

function heapPush(heap: number[], value: number, less: (a: number, b: number) => boolean): number[] {
  heap.push(value);
  siftUp(heap, heap.length - 1, 0, value, less);
  return heap;
}

function heapPop(heap: number[], less: (a: number, b: number) => boolean): void {
  const last = heap.length - 1;
  const value = heap[last];
  heap[last] = heap[0];
  const len = last;
  let hole = 0;
  let second = 0;
  while (second < ((len - 1) >> 1)) {
    second = 2 * (second + 1);
    if (less(heap[second], heap[second - 1])) second--;
    heap[hole] = heap[second];
    hole = second;
  }
  if ((len & 1) === 0 && second === ((len - 2) >> 1)) {
    second = 2 * (second + 1);
    heap[hole] = heap[second - 1];
    hole = second - 1;
  }
  siftUp(heap, hole, 0, value, less);
  heap.pop();
}
