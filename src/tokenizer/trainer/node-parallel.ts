// E-steps on worker threads (Node only; the trainer itself stays browser-safe). Words live in shared memory;
// each worker computes the partial sums of some of SentencePiece's num_threads groups, and the partials are
// added in group order, so the result is bit-identical to a single-threaded run.
import { Worker } from 'node:worker_threads';
import { eStepInput, mergePartials, mergeViterbi, type LivePieces, type WordCorpus } from './em.js';
import type { ParallelEStep } from './trainer.js';
import type { SharedCorpus, WorkerReply, WorkerRequest } from './em-worker.js';
import { packArrays, unpackArrays, type SeedsReply } from './packed-arrays.js';
import type { PieceRules } from './piece-rules.js';
import type { SeedPiece } from './seed.js';

function toShared<T extends Int32Array | Float64Array>(array: T, make: (buffer: SharedArrayBuffer) => T): T {
  const shared = make(new SharedArrayBuffer(Math.max(8, array.byteLength)));
  shared.set(array as never);
  return array.length === shared.length ? shared : (shared.subarray(0, array.length) as T);
}

export class WorkerEStep implements ParallelEStep {
  private readonly workers: Worker[];

  constructor(count: number) {
    this.workers = Array.from({ length: count }, () => new Worker(new URL('./em-worker.js', import.meta.url)));
  }

  share(corpus: WordCorpus): void {
    // Move the corpus arrays to shared memory; compaction later rewrites them in place, which workers see.
    corpus.lengths = toShared(corpus.lengths, (b) => new Int32Array(b));
    corpus.freqs = toShared(corpus.freqs, (b) => new Float64Array(b));
    corpus.matchStart = toShared(corpus.matchStart, (b) => new Int32Array(b));
    corpus.matchBegin = toShared(corpus.matchBegin, (b) => new Int32Array(b));
    corpus.matchLength = toShared(corpus.matchLength, (b) => new Int32Array(b));
    corpus.matchPiece = toShared(corpus.matchPiece, (b) => new Int32Array(b));
    const shared: SharedCorpus = {
      count: corpus.count, maxLength: corpus.maxLength,
      lengths: corpus.lengths.buffer as SharedArrayBuffer, freqs: corpus.freqs.buffer as SharedArrayBuffer,
      matchStart: corpus.matchStart.buffer as SharedArrayBuffer, matchBegin: corpus.matchBegin.buffer as SharedArrayBuffer,
      matchLength: corpus.matchLength.buffer as SharedArrayBuffer, matchPiece: corpus.matchPiece.buffer as SharedArrayBuffer,
    };
    const request: WorkerRequest = { kind: 'corpus', corpus: shared };
    for (const w of this.workers) w.postMessage(request);
  }

  async expectedCounts(corpus: WordCorpus, live: LivePieces, threads: number): Promise<{ expected: Float32Array; objective: number }> {
    const partials = await this.run('estep', corpus, live, threads);
    return mergePartials(partials.map((p) => ({ expected: p.values, objective: p.total })));
  }

  async viterbiCounts(corpus: WordCorpus, live: LivePieces, threads: number): Promise<{ freq: Float32Array; vsum: number }> {
    const partials = await this.run('viterbi', corpus, live, threads);
    return mergeViterbi(partials.map((p) => ({ freq: p.values, vsum: p.total })));
  }

  /** makeSeedPieces on the first worker: the main thread's event loop stays free (a Ctrl-C is seen at once). */
  async seedPieces(sentences: readonly Int32Array[], rules: PieceRules, seedSize: number): Promise<SeedPiece[]> {
    const worker = this.workers[0] as Worker;
    const packed = packArrays(sentences);
    const reply = await new Promise<SeedsReply>((resolve, reject) => {
      const onError = (error: Error): void => { worker.off('message', onMessage); reject(error); };
      const onMessage = (message: SeedsReply): void => { worker.off('error', onError); resolve(message); };
      worker.once('message', onMessage);
      worker.once('error', onError);
      const request: WorkerRequest = { kind: 'seeds', sentences: packed, rules, seedSize };
      worker.postMessage(request, [packed.values.buffer as ArrayBuffer, packed.ends.buffer as ArrayBuffer]);
    });
    return unpackArrays(reply.pieces).map((cps, k) => ({ cps, score: reply.scores[k] as number }));
  }

  /** Deals thread groups 0..threads-1 round-robin to the workers; returns the partials in group order. */
  private async run(kind: 'estep' | 'viterbi', corpus: WordCorpus, live: LivePieces, threads: number): Promise<Array<{ values: Float32Array; total: number }>> {
    const input = eStepInput(corpus, live, threads);
    const replies = await Promise.all(this.workers.map((worker, k) => new Promise<WorkerReply>((resolve, reject) => {
      const threadIds: number[] = [];
      for (let t = k; t < threads; t += this.workers.length) threadIds.push(t);
      const onError = (error: Error): void => { worker.off('message', onMessage); reject(error); };
      const onMessage = (reply: WorkerReply): void => { worker.off('error', onError); resolve(reply); };
      worker.once('message', onMessage);
      worker.once('error', onError);
      const request: WorkerRequest = { kind, input, threadIds };
      worker.postMessage(request);
    })));
    const partials = new Array<{ values: Float32Array; total: number }>(threads);
    for (const reply of replies) for (const r of reply.results) partials[r.t] = r;
    return partials;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
