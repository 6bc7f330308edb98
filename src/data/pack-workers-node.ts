// Node adapter for the pack pool: each port is a worker_threads Worker running pack-worker-entry.js.
import { Worker } from 'node:worker_threads';
import type { MatcherSnapshot } from '../ontology/index.js';
import type { DeidJob, DeidResult, PackJob, PackResult } from './batch-packer.js';
import type { PackPort } from './pack-pool.js';
import type { LoadedModel, SharedModel } from '../tokenizer/node-io.js';
import { preTokenize, preTokenizedBuffers } from './pretokenized.js';
import { matcherLoadsQuickly } from '../ontology/node-io.js';

/** What a pack worker loads once: the tokenizer, the lexicon (path, "builtin" or null) and the sequence length. */
export interface PackWorkerSetup {
  readonly tokenizerPath: string;
  readonly ontology: string | null;
  readonly seqLen: number;
  /** Where built matchers are kept between runs (null: build every time); see ontology/snapshot-cache.ts. */
  readonly lexiconCache: string | null;
}

/** What a worker does: pack (link, tokenize, and de-identify what comes before the matcher), or only de-identify. */
export type PackWorkerRole = 'pack' | 'deid';

/** A worker's workerData. */
export interface PackWorkerData extends PackWorkerSetup {
  readonly role: PackWorkerRole;
  /** The tokenizer's bytes and built piece trie (null for the de-identifying worker, which does not tokenize). */
  readonly model: SharedModel | null;
  /** This packing worker loads the lexicon itself (it is the only one, and idle until then; see startPackWorkers). */
  readonly buildsMatcher: boolean;
}

/**
 * Starts `count` workers, and with a lexicon one more thread that builds the matcher once (over a second with the
 * full lexicon, unless cached) and shares its snapshot with the packing workers, which de-identify the jobs that
 * come meanwhile (or, when a de-identifying worker leaves one packing worker, that worker loads the lexicon).
 * With `deidWorker` the first worker only de-identifies (see pack-worker-entry.ts). Each worker calls `onResult`
 * with its answers; `onFailure` is called if a thread dies (a bad lexicon, out of memory). `tokenizer` is the
 * model at setup.tokenizerPath as the caller loaded it (readSharedModel): the workers load it from its bytes and
 * built piece trie.
 */
export function startPackWorkers(count: number, setup: PackWorkerSetup, tokenizer: LoadedModel,
  onResult: (r: PackResult | DeidResult) => void, onFailure: (error: Error) => void, deidWorker = false): PackPort[] {
  const closing = { now: false };
  const roles: PackWorkerRole[] = Array.from({ length: count }, (_, i) => (deidWorker && i === 0 ? 'deid' : 'pack'));
  // With a de-identifying worker and one packing worker, the packing worker has nothing to do until the lexicon is
  // loaded, so it loads it itself: no builder thread to start, and no snapshot to make, copy and restore. Otherwise
  // a builder thread loads it once for all packing workers, which de-identify meanwhile if there is no
  // de-identifying worker.
  const packers = roles.filter((r) => r === 'pack').length;
  const buildInWorker = setup.ontology !== null && deidWorker && packers === 1;
  const workers = roles.map((role) => {
    const data: PackWorkerData = { ...setup, role, model: role === 'pack' ? tokenizer.shared : null, buildsMatcher: role === 'pack' && buildInWorker };
    const worker = new Worker(new URL('./pack-worker-entry.js', import.meta.url), { workerData: data });
    worker.on('message', (m: PackResult | DeidResult) => onResult(m));
    worker.on('error', (error) => onFailure(error));
    worker.on('exit', (code) => {
      if (!closing.now) onFailure(new Error(`a pack worker stopped unexpectedly (exit code ${code})`));
    });
    return worker;
  });
  let builder: Worker | null = null;
  if (setup.ontology !== null && !buildInWorker) {
    builder = new Worker(new URL('./matcher-builder-entry.js', import.meta.url), { workerData: { ontology: setup.ontology, lexiconCache: setup.lexiconCache } });
    builder.on('message', (m: { matcher: MatcherSnapshot }) => {
      workers.forEach((w, i) => {
        if (roles[i] === 'pack') w.postMessage(m);
      });
    });
    builder.on('error', (error) => onFailure(error));
  }
  const built = builder;
  // In the same layout, this thread, which only reads, is idle once the input is read, while the one packing
  // worker first loads the lexicon and then packs everything: so this thread splits and tokenizes each job's
  // paragraphs before sending it (those it knows the final text of), and the packer only links and packs. With
  // several packers this thread would become the bottleneck, so they tokenize for themselves.
  // Only when the lexicon takes long to load: with it cached the packer is busy from the start, and this thread's
  // tokenizing would only take CPU from it and the de-identifier.
  const preTokenizeHere = buildInWorker && !matcherLoadsQuickly(setup.ontology!, { cacheDir: setup.lexiconCache });
  const sendPack = (worker: Worker, job: PackJob): void => {
    if (!preTokenizeHere || (job.deid !== null && job.deidentified === undefined)) {
      worker.postMessage(job);
      return;
    }
    const tokens = preTokenize(tokenizer.model, job.documents.map((d, k) => job.deidentified?.[k].paragraphs ?? d.paragraphs));
    worker.postMessage({ ...job, tokens }, preTokenizedBuffers(tokens));
  };
  return workers.map((worker, i) => ({
    role: roles[i],
    send: (job: PackJob | DeidJob) => {
      if ('deidOnly' in job) worker.postMessage(job);
      else sendPack(worker, job);
    },
    close: async () => {
      closing.now = true;
      // The builder has usually exited by now; the first port stops it if not (a run that failed early).
      if (i === 0 && built !== null) await built.terminate();
      await worker.terminate();
    },
  }));
}
