// The body of a pack worker thread (started by pack-workers-node.ts), in one of two roles.
// - pack: loads the tokenizer, waits for the matcher snapshot that the builder thread posts (de-identifying the
//   jobs that come meanwhile, since that needs no matcher), or loads the lexicon itself (buildsMatcher), then
//   answers each PackJob with a PackedBatch whose buffers are transferred, not copied.
// - deid: de-identifies the documents of each DeidJob and answers with their text; the pool hands them on to a
//   packing worker. One thread then runs (and has the JIT compile) de-identification alone, instead of every
//   worker compiling both de-identification and packing.
import { parentPort, workerData } from 'node:worker_threads';
import { EntityMatcher } from '../ontology/matcher.js';
import { loadMatcher } from '../ontology/node-io.js';
import type { MatcherSnapshot } from '../ontology/matcher-snapshot.js';
import { SentencePieceModel } from '../tokenizer/model.js';
import { BatchPacker, type DeidJob, type DeidResult, type PackJob, type PackResult } from './batch-packer.js';
import { deidentifyDocument, type DeidentifiedDocument } from './pack.js';
import { batchBuffers } from './packed-batch.js';
import type { PackWorkerData } from './pack-workers-node.js';
import { specialIds } from './special-tokens.js';

const setup = workerData as PackWorkerData;
const port = parentPort!;
const errorOf = (seq: number, error: unknown): PackResult => ({ seq, error: error instanceof Error ? error.message : String(error) });

if (setup.role === 'deid') deidentifying();
else packing();

function deidentifying(): void {
  port.on('message', (m: DeidJob) => {
    try {
      const answer: DeidResult = { seq: m.seq, deidentified: m.documents.map((d) => deidentifyDocument(d, m.deid)) };
      port.postMessage(answer);
    } catch (error) {
      port.postMessage(errorOf(m.seq, error));
    }
  });
}

function packing(): void {
  const tokenizer = SentencePieceModel.fromBytes(setup.model!.bytes, setup.tokenizerPath, { pieceTrie: setup.model!.pieceTrie });
  const special = specialIds(tokenizer, setup.tokenizerPath);
  const post = (m: PackResult): void => port.postMessage(m, 'batch' in m ? batchBuffers(m.batch) : []);
  let packer = setup.ontology === null ? new BatchPacker(tokenizer, special, null, setup.seqLen) : null;
  /** Jobs that came before the matcher, de-identified already, in the order they came. */
  const waiting: { job: PackJob; deidentified: DeidentifiedDocument[] }[] = [];
  const matcherReady = (matcher: EntityMatcher): void => {
    const ready = new BatchPacker(tokenizer, special, matcher, setup.seqLen);
    packer = ready;
    for (const w of waiting.splice(0)) post(ready.answer(w.job, w.deidentified));
  };
  if (setup.buildsMatcher) {
    // A bad lexicon fails the thread as the builder thread's would (thrown outside the promise: an uncaught error).
    // (matcherReady's own errors too: they would otherwise be an unhandled rejection.)
    loadMatcher(setup.ontology!, { cacheDir: setup.lexiconCache }).then(matcherReady).catch((error: unknown) => {
      setImmediate(() => { throw error; });
    });
  }
  port.on('message', (m: PackJob | { matcher: MatcherSnapshot }) => {
    if ('matcher' in m) {
      matcherReady(new EntityMatcher(m.matcher));
    } else if (packer !== null) {
      post(packer.answer(m));
    } else {
      try {
        waiting.push({ job: m, deidentified: m.deidentified ?? m.documents.map((d) => deidentifyDocument(d, m.deid)) });
      } catch (error) {
        post(errorOf(m.seq, error));
      }
    }
  });
}
