// Node adapter for the pack pool: each port is a worker_threads Worker running pack-worker-entry.js.
import { Worker } from 'node:worker_threads';
import type { MatcherSnapshot } from '../ontology/index.js';
import type { PackJob, PackResult } from './batch-packer.js';
import type { PackPort } from './pack-pool.js';

/** What a pack worker loads once: the tokenizer, the lexicon (path, "builtin" or null) and the sequence length. */
export interface PackWorkerSetup {
  readonly tokenizerPath: string;
  readonly ontology: string | null;
  readonly seqLen: number;
}

/** workerData of one worker: the first builds the matcher and shares it; the others wait for that copy. */
export interface PackWorkerData extends PackWorkerSetup {
  readonly matcherFrom: 'build' | 'build-and-share' | 'shared';
}

/** What a worker posts: a job's result, or (the first worker, once) the matcher it built. */
export type PackWorkerMessage = PackResult | { readonly matcher: MatcherSnapshot };

/**
 * Starts `count` pack workers. Building the matcher from the full lexicon takes over a second, so only the first
 * worker builds it; its snapshot is passed on to the others, which queue their jobs until it comes. Each worker
 * calls `onResult` with its answers and `onFailure` if it dies (a load error, out of memory).
 */
export function startPackWorkers(count: number, setup: PackWorkerSetup, onResult: (r: PackResult) => void,
  onFailure: (error: Error) => void): PackPort[] {
  const workers: Worker[] = [];
  const closing = { now: false };
  for (let i = 0; i < count; i++) {
    const matcherFrom = setup.ontology === null ? 'build' : i === 0 ? (count > 1 ? 'build-and-share' : 'build') : 'shared';
    const data: PackWorkerData = { ...setup, matcherFrom };
    const worker = new Worker(new URL('./pack-worker-entry.js', import.meta.url), { workerData: data });
    worker.on('message', (m: PackWorkerMessage) => {
      if ('matcher' in m) for (const other of workers.slice(1)) other.postMessage(m);
      else onResult(m);
    });
    worker.on('error', (error) => onFailure(error));
    worker.on('exit', (code) => {
      if (!closing.now) onFailure(new Error(`a pack worker stopped unexpectedly (exit code ${code})`));
    });
    workers.push(worker);
  }
  return workers.map((worker) => ({
    send: (job: PackJob) => worker.postMessage(job),
    close: async () => {
      closing.now = true;
      await worker.terminate();
    },
  }));
}
