// The body of a pack worker thread (started by pack-workers-node.ts): loads the tokenizer, waits for the matcher
// snapshot that the builder thread posts (de-identifying the jobs that come meanwhile, since that needs no
// matcher), then answers each PackJob with a PackedBatch whose buffers are transferred, not copied.
import { parentPort, workerData } from 'node:worker_threads';
import { EntityMatcher } from '../ontology/matcher.js';
import type { MatcherSnapshot } from '../ontology/matcher-snapshot.js';
import { readModelFile } from '../tokenizer/node-io.js';
import { BatchPacker, type PackJob, type PackResult } from './batch-packer.js';
import { deidentifyDocument, type DeidentifiedDocument } from './pack.js';
import { batchBuffers } from './packed-batch.js';
import type { PackWorkerSetup } from './pack-workers-node.js';
import { specialIds } from './special-tokens.js';

const setup = workerData as PackWorkerSetup;
const port = parentPort!;
const tokenizer = readModelFile(setup.tokenizerPath);
const special = specialIds(tokenizer, setup.tokenizerPath);
const post = (m: PackResult): void => port.postMessage(m, 'batch' in m ? batchBuffers(m.batch) : []);

let packer = setup.ontology === null ? new BatchPacker(tokenizer, special, null, setup.seqLen) : null;
/** Jobs that came before the matcher, de-identified already, in the order they came. */
const waiting: { job: PackJob; deidentified: DeidentifiedDocument[] }[] = [];

port.on('message', (m: PackJob | { matcher: MatcherSnapshot }) => {
  if ('matcher' in m) {
    const ready = new BatchPacker(tokenizer, special, new EntityMatcher(m.matcher), setup.seqLen);
    packer = ready;
    for (const w of waiting.splice(0)) post(ready.answer(w.job, w.deidentified));
  } else if (packer !== null) {
    post(packer.answer(m));
  } else {
    try {
      waiting.push({ job: m, deidentified: m.documents.map((d) => deidentifyDocument(d, m.deid)) });
    } catch (error) {
      post({ seq: m.seq, error: error instanceof Error ? error.message : String(error) });
    }
  }
});
