// Worker thread side of node-parallel.ts: holds the shared word corpus and computes E-step partials; makes the seed
// pieces (one long computation) off the main thread.
import { parentPort } from 'node:worker_threads';
import { expectedPartial, viterbiPartial, type CorpusView, type EStepInput } from './em.js';
import { packArrays, unpackArrays, type PackedArrays, type SeedsReply } from './packed-arrays.js';
import type { PieceRules } from './piece-rules.js';
import { makeSeedPieces } from './seed.js';

export interface SharedCorpus {
  readonly count: number;
  readonly maxLength: number;
  readonly lengths: SharedArrayBuffer;
  readonly freqs: SharedArrayBuffer;
  readonly matchStart: SharedArrayBuffer;
  readonly matchBegin: SharedArrayBuffer;
  readonly matchLength: SharedArrayBuffer;
  readonly matchPiece: SharedArrayBuffer;
}

export type WorkerRequest =
  | { readonly kind: 'corpus'; readonly corpus: SharedCorpus }
  | { readonly kind: 'estep' | 'viterbi'; readonly input: EStepInput; readonly threadIds: number[] }
  | { readonly kind: 'seeds'; readonly sentences: PackedArrays; readonly rules: PieceRules; readonly seedSize: number };

export interface WorkerReply {
  /** E-step: expected counts and objective; Viterbi pass: counts and word total. */
  readonly results: Array<{ t: number; values: Float32Array; total: number }>;
}

let corpus: CorpusView | null = null;

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.kind === 'seeds') {
    const seeds = makeSeedPieces(unpackArrays(request.sentences), request.rules, request.seedSize);
    const reply: SeedsReply = { pieces: packArrays(seeds.map((p) => p.cps)), scores: Float64Array.from(seeds, (p) => p.score) };
    parentPort!.postMessage(reply, [reply.pieces.values.buffer as ArrayBuffer, reply.pieces.ends.buffer as ArrayBuffer, reply.scores.buffer as ArrayBuffer]);
    return;
  }
  if (request.kind === 'corpus') {
    const c = request.corpus;
    corpus = {
      count: c.count, maxLength: c.maxLength, lengths: new Int32Array(c.lengths), freqs: new Float64Array(c.freqs),
      matchStart: new Int32Array(c.matchStart), matchBegin: new Int32Array(c.matchBegin),
      matchLength: new Int32Array(c.matchLength), matchPiece: new Int32Array(c.matchPiece),
    };
    return;
  }
  if (corpus === null) throw new Error('em-worker: E-step before the corpus');
  const results = request.threadIds.map((t) => {
    if (request.kind === 'estep') {
      const r = expectedPartial(corpus!, request.input, t);
      return { t, values: r.expected, total: r.objective };
    }
    const r = viterbiPartial(corpus!, request.input, t);
    return { t, values: r.freq, total: r.vsum };
  });
  const reply: WorkerReply = { results };
  parentPort!.postMessage(reply, results.map((r) => r.values.buffer as ArrayBuffer));
});
