// Node adapter for the pack pool: each port is a worker_threads Worker running pack-worker-entry.js.
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { MedbertError } from '../errors.js';
import type { MatcherSnapshot } from '../ontology/index.js';
import type { PackJob, PackResult, PrepJob } from './batch-packer.js';
import type { PackPort } from './pack-pool.js';
import type { LoadedModel, SharedModel } from '../tokenizer/node-io.js';
import type { SpecialIds } from './special-tokens.js';

/** What a pack worker is set up with: the tokenizer's path (its model comes in a TokenizerMessage), the lexicon (path, "builtin" or null), the sequence length. */
export interface PackWorkerSetup {
  readonly tokenizerPath: string;
  readonly ontology: string | null;
  readonly seqLen: number;
  /** Where built matchers are kept between runs (null: build every time); see ontology/snapshot-cache.ts. */
  readonly lexiconCache: string | null;
}

/**
 * What a worker does: pack (link, tokenize what comes untokenized, and de-identify when no preparing worker does),
 * or prepare (de-identify, and tokenize if given the tokenizer).
 */
export type PackWorkerRole = 'pack' | 'prep';

/** A worker's workerData. */
export interface PackWorkerData extends PackWorkerSetup {
  readonly role: PackWorkerRole;
  /**
   * It splits and tokenizes (a preparing worker with one packing worker beside it, or packing workers without
   * one): it gets the decoded model and built piece trie in its TokenizerMessage.
   */
  readonly tokenizes: boolean;
  /** This packing worker loads the lexicon itself (it is the only one, and idle until then; see startPackWorkers). */
  readonly buildsMatcher: boolean;
  /**
   * A preparing worker's lines to the packing workers, by port number (null at its own): it sends each job on,
   * prepared, to the one the job names. A packing worker's `prepared`: the end where those jobs come in.
   */
  readonly packers: readonly (MessagePort | null)[] | null;
  readonly prepared: MessagePort | null;
}

/**
 * The first message every worker gets, once this thread has read the tokenizer (the workers start before, so that
 * the lexicon build starts at once): the model (to a worker that tokenizes) and the special tokens' ids.
 */
export interface TokenizerMessage {
  readonly tokenizer: { readonly model: SharedModel | null; readonly special: SpecialIds };
}

/** The started workers: their ports, and `shareTokenizer` to call once the tokenizer is read. */
export interface PackWorkers {
  readonly ports: PackPort[];
  shareTokenizer(tokenizer: LoadedModel, special: SpecialIds): void;
}

/**
 * Starts `count` workers, and with a lexicon one more thread that builds the matcher once (over a second with the
 * full lexicon, unless cached) and shares its snapshot with the packing workers, which de-identify the jobs that
 * come meanwhile (or, when a preparing worker leaves one packing worker, that worker loads the lexicon).
 * With `prepWorker` the first worker only prepares: it de-identifies, and with one packing worker beside it it
 * also splits and tokenizes every job (see pack-worker-entry.ts). Each worker calls `onResult` with its answers;
 * `onFailure` is called if a thread dies (a bad lexicon, out of memory). The caller then reads the model at
 * setup.tokenizerPath (readSharedModel) and shares it (`shareTokenizer`): the workers load it from its decoded model
 * and built piece trie.
 */
export function startPackWorkers(count: number, setup: PackWorkerSetup,
  onResult: (r: PackResult) => void, onFailure: (error: Error) => void, prepWorker = false): PackWorkers {
  const closing = { now: false };
  const roles: PackWorkerRole[] = Array.from({ length: count }, (_, i) => (prepWorker && i === 0 ? 'prep' : 'pack'));
  // With a preparing worker and one packing worker, the packing worker has nothing to do until the lexicon is
  // loaded, so it loads it itself: no builder thread to start, and no snapshot to make, copy and restore. Otherwise
  // a builder thread loads it once for all packing workers, which de-identify meanwhile if there is no
  // preparing worker.
  const packerCount = roles.filter((r) => r === 'pack').length;
  const buildInWorker = setup.ontology !== null && prepWorker && packerCount === 1;
  // In the same layout the preparing worker also splits and tokenizes: the packer then only links and packs, and
  // this thread only reads (at steady state the three then cost about the same; tokenizing here made this thread
  // the bottleneck). With several packers the preparing worker would become the bottleneck, so they tokenize.
  const prepTokenizes = prepWorker && packerCount === 1;
  // A line from the preparing worker to each packing worker: a prepared job goes straight on, not through this
  // thread (which would take in and copy out again every note's de-identified text and tokens).
  const lines = roles.map((role) => (prepWorker && role === 'pack' ? new MessageChannel() : null));
  // The packing worker beside a tokenizing preparing worker never tokenizes (nor loads the tokenizer).
  const tokenizes = roles.map((role) => (role === 'prep') === prepTokenizes);
  const workers = roles.map((role, i) => {
    const packers = role === 'prep' ? lines.map((line) => line?.port1 ?? null) : null;
    const prepared = lines[i]?.port2 ?? null;
    const data: PackWorkerData = {
      ...setup, role, tokenizes: tokenizes[i], buildsMatcher: role === 'pack' && buildInWorker, packers, prepared,
    };
    const transferList = packers !== null ? packers.filter((p) => p !== null) : prepared !== null ? [prepared] : [];
    const worker = new Worker(new URL('./pack-worker-entry.js', import.meta.url), { workerData: data, transferList });
    worker.on('message', (m: PackResult) => onResult(m));
    worker.on('error', (error) => onFailure(fromThread(error)));
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
    builder.on('error', (error) => onFailure(fromThread(error)));
  }
  const built = builder;
  const ports = workers.map((worker, i) => ({
    role: roles[i],
    tokenizes: tokenizes[i],
    send: (job: PackJob | PrepJob) => worker.postMessage(job),
    close: async () => {
      closing.now = true;
      // The builder has usually exited by now; the first port stops it if not (a run that failed early).
      if (i === 0 && built !== null) await built.terminate();
      await worker.terminate();
    },
  }));
  return {
    ports,
    shareTokenizer: (tokenizer, special) => workers.forEach((worker, i) => {
      const message: TokenizerMessage = { tokenizer: { model: tokenizes[i] ? tokenizer.shared : null, special } };
      worker.postMessage(message);
    }),
  };
}

/**
 * An error a thread threw, as this thread gets it: the user's error (a missing or bad lexicon) again a MedbertError,
 * which crossing threads keeps only its name and message, so the CLI prints its one line as it is.
 */
function fromThread(error: Error): Error {
  return error.name === 'MedbertError' ? new MedbertError(error.message) : error;
}
