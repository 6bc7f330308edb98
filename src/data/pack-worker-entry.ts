// The body of a pack worker thread (started by pack-workers-node.ts), in one of two roles.
// - pack: loads the tokenizer, waits for the matcher snapshot that the builder thread posts (de-identifying the
//   jobs that come meanwhile, since that needs no matcher), then answers each PackJob with a PackedBatch whose
//   buffers are transferred, not copied.
// - deid: de-identifies the documents of each DeidJob and answers with their text; the pool hands them on to a
//   packing worker. One thread then runs (and has the JIT compile) de-identification alone while the notes are
//   read, instead of every worker compiling both. When it has nothing to de-identify the pool gives it PackJobs
//   too (see pack-pool.ts): it then loads the tokenizer and restores the matcher on its first one, and packs as
//   the other role does, so that both threads pack once the lexicon is built.
import { parentPort, workerData } from 'node:worker_threads';
import { EntityMatcher } from '../ontology/matcher.js';
import type { MatcherSnapshot } from '../ontology/matcher-snapshot.js';
import type { SentencePieceModel } from '../tokenizer/model.js';
import { modelFromBytes, readModelFile } from '../tokenizer/node-io.js';
import { BatchPacker, type DeidJob, type DeidResult, type PackJob, type PackResult } from './batch-packer.js';
import { deidentifyDocument, type DeidentifiedDocument } from './pack.js';
import { batchBuffers } from './packed-batch.js';
import type { PackWorkerData } from './pack-workers-node.js';
import { specialIds } from './special-tokens.js';

const setup = workerData as PackWorkerData;
const port = parentPort!;
const errorOf = (seq: number, error: unknown): PackResult => ({ seq, error: error instanceof Error ? error.message : String(error) });
const post = (m: PackResult): void => port.postMessage(m, 'batch' in m ? batchBuffers(m.batch) : []);

let tokenizer: SentencePieceModel | null = null;
/** The matcher as posted by the builder, until a packer is made with it. */
let snapshot: MatcherSnapshot | null = null;
let packer: BatchPacker | null = null;
/** Jobs that came before the matcher, de-identified already, in the order they came. */
const waiting: { job: PackJob; deidentified: DeidentifiedDocument[] | undefined }[] = [];

function loadTokenizer(): SentencePieceModel {
  tokenizer ??= setup.model === undefined ? readModelFile(setup.tokenizerPath) : modelFromBytes(setup.model.bytes, setup.tokenizerPath, setup.model.pieceTrie);
  return tokenizer;
}

/** The packer, once there is a matcher (or none is wanted); made on first use. */
function readyPacker(): BatchPacker | null {
  if (packer !== null) return packer;
  if (setup.ontology !== null && snapshot === null) return null;
  const sp = loadTokenizer();
  packer = new BatchPacker(sp, specialIds(sp, setup.tokenizerPath), snapshot === null ? null : new EntityMatcher(snapshot), setup.seqLen);
  snapshot = null;
  return packer;
}

// A packing worker loads the tokenizer at once (it packs from the start); a de-identifying one only if it packs.
if (setup.role === 'pack') {
  loadTokenizer();
  readyPacker();
}

port.on('message', (m: PackJob | DeidJob | { matcher: MatcherSnapshot }) => {
  if ('matcher' in m) {
    snapshot = m.matcher;
    // A de-identifying worker restores the matcher only when it has packing to do.
    if (setup.role === 'pack' || waiting.length > 0) {
      const ready = readyPacker()!;
      for (const w of waiting.splice(0)) post(ready.answer(w.job, w.deidentified));
    }
  } else if ('deidOnly' in m) {
    try {
      const answer: DeidResult = { seq: m.seq, deidentified: m.documents.map((d) => deidentifyDocument(d, m.deid)) };
      port.postMessage(answer);
    } catch (error) {
      port.postMessage(errorOf(m.seq, error));
    }
  } else {
    const ready = readyPacker();
    if (ready !== null) {
      post(ready.answer(m));
      return;
    }
    if (setup.role === 'deid') loadTokenizer(); // while the matcher is still being built
    try {
      waiting.push({ job: m, deidentified: m.deidentified ?? m.documents.map((d) => deidentifyDocument(d, m.deid)) });
    } catch (error) {
      post(errorOf(m.seq, error));
    }
  }
});
