// Worker thread side of node-parallel.ts: holds the shared word corpus and computes E-step partials.
import { parentPort } from 'node:worker_threads';
import { expectedPartial, type CorpusView, type EStepInput } from './em.js';

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
  | { readonly kind: 'estep'; readonly input: EStepInput; readonly threadIds: number[] };

export interface WorkerReply {
  readonly results: Array<{ t: number; expected: Float32Array; objective: number }>;
}

let corpus: CorpusView | null = null;

parentPort?.on('message', (request: WorkerRequest) => {
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
  const results = request.threadIds.map((t) => ({ t, ...expectedPartial(corpus!, request.input, t) }));
  const reply: WorkerReply = { results };
  parentPort!.postMessage(reply, results.map((r) => r.expected.buffer as ArrayBuffer));
});
