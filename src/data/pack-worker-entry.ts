// The body of a pack worker thread (started by pack-workers-node.ts): loads the tokenizer and gets the matcher
// once (builds it, or receives the first worker's snapshot), then answers each PackJob with a PackedBatch whose
// buffers are transferred, not copied.
import { parentPort, workerData } from 'node:worker_threads';
import { EntityMatcher, type MatcherSnapshot } from '../ontology/index.js';
import { loadMatcher } from '../ontology/node-io.js';
import { readModelFile } from '../tokenizer/node-io.js';
import { BatchPacker, type PackJob } from './batch-packer.js';
import { batchBuffers } from './packed-batch.js';
import type { PackWorkerData, PackWorkerMessage } from './pack-workers-node.js';
import { specialIds } from './special-tokens.js';

const setup = workerData as PackWorkerData;
const port = parentPort!;
const tokenizer = readModelFile(setup.tokenizerPath);
const special = specialIds(tokenizer, setup.tokenizerPath);
const post = (m: PackWorkerMessage): void => port.postMessage(m, 'batch' in m ? batchBuffers(m.batch) : []);

let receiveMatcher: (m: EntityMatcher) => void = () => {};
const matcher: Promise<EntityMatcher | null> = setup.ontology === null ? Promise.resolve(null)
  : setup.matcherFrom === 'shared' ? new Promise((resolve) => { receiveMatcher = resolve; })
  : loadMatcher(setup.ontology).then((built) => {
    if (setup.matcherFrom === 'build-and-share') post({ matcher: built.snapshot() });
    return built;
  });
const packer = matcher.then((m) => new BatchPacker(tokenizer, special, m, setup.seqLen));

// Jobs that come before the matcher wait for it; `then` callbacks run in the order they were added, so the
// jobs are answered in the order they came.
port.on('message', (m: PackJob | { matcher: MatcherSnapshot }) => {
  if ('matcher' in m) receiveMatcher(new EntityMatcher(m.matcher));
  else void packer.then((p) => post(p.answer(m)));
});
