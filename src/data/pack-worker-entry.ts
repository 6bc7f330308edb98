// The body of a pack worker thread (started by pack-workers-node.ts), in one of two roles.
// - pack: loads the tokenizer and the matcher (it builds it itself when it is the only packing worker,
//   buildsMatcher, or takes the snapshot the builder thread posts), then answers each PackJob with a PackedBatch
//   whose buffers are transferred, not copied. With no preparing worker beside it, it also de-identifies the
//   notes (ahead, while it waits for the matcher).
// - prep: de-identifies the documents of each PrepJob that asks for it and, when given the tokenizer, splits and
//   tokenizes every job, then sends the job on to the packing worker it names, over a line of their own. One
//   thread then runs (and has the JIT compile) de-identification and tokenizing, the other linking and packing,
//   instead of every worker compiling everything.
import { parentPort, workerData } from 'node:worker_threads';
import type { EntityMatcher } from '../ontology/matcher.js';
import type { MatcherSnapshot } from '../ontology/matcher-snapshot.js';
import { SentencePieceModel } from '../tokenizer/model.js';
import { BatchPacker, type PackJob, type PackResult, type PrepJob } from './batch-packer.js';
import type { DocumentDeidentifier } from './deidentify-document.js';
import type { PackDocument } from './pack.js';
import { batchBuffers } from './packed-batch.js';
import type { PackWorkerData } from './pack-workers-node.js';
import { preTokenize, preTokenizedBuffers } from './pretokenized.js';
import { specialIds } from './special-tokens.js';

// V8 compiles typed-array code on the promise that no ArrayBuffer is ever detached, and the first transfer (this
// thread posts token arrays or packed batches with a transfer list) breaks it: every function compiled on it is
// dropped and compiled again (45 "code dependencies" deopts a run of `prepare`, --trace-deopt). A buffer of this
// thread's own detached before any code runs hot makes V8 compile each once, with the checks: 5 such deopts, and
// 2.62 -> 2.54 and 2.64 -> 2.51 CPU-s a run (2 x 10 interleaved pairs, 9/10 and 10/10 lower), the corpus x4
// 5.31 -> 5.25 (5 pairs, 4/5). (An earlier measurement, when a run took 4.5 CPU-s, found no change.)
const spent = new ArrayBuffer(8);
structuredClone(spent, { transfer: [spent] });

const setup = workerData as PackWorkerData;
const port = parentPort!;
const errorOf = (seq: number, error: unknown): PackResult => ({ seq, error: error instanceof Error ? error.message : String(error) });

if (setup.role === 'prep') await preparing();
else await packing();

/**
 * The de-identifier, loaded only by a thread that uses it: a packing worker beside a preparing one gets every note
 * de-identified, and loading it took about 28 ms of CPU at the start of that thread's critical path.
 * (Messages wait in the port until a listener is added.)
 */
async function deidentifier(): Promise<DocumentDeidentifier> {
  return (await import('./deidentify-document.js')).deidentifyDocument;
}

async function preparing(): Promise<void> {
  const deidentifyDocument = await deidentifier();
  const model = setup.model;
  const tokenizer = model === null ? null : SentencePieceModel.fromBytes(model.bytes, setup.tokenizerPath, { pieceTrie: model.pieceTrie });
  const packers = setup.packers;
  if (packers === null) throw new Error('a preparing worker was started without its lines to the packing workers');
  port.on('message', (m: PrepJob) => {
    try {
      const { seq, deid } = m;
      const line = packers[m.to];
      if (line === null || line === undefined) throw new Error(`job ${seq} names port ${m.to}, which is not a packing worker`);
      const deidentified = deid === null ? undefined : m.documents.map((d) => deidentifyDocument(d, deid));
      // A note goes on as its de-identified text alone: the documents hold the same paragraph arrays as
      // `deidentified` (copied once), and the count of the characters read stands for the original text.
      const prepared: Pick<PackJob, 'documents' | 'deidentified' | 'characters'> = deidentified === undefined
        ? { documents: m.documents }
        : {
          documents: deidentified.map((d, i) => ({ id: m.documents[i].id, paragraphs: d.paragraphs })),
          deidentified,
          characters: charactersOf(m.documents),
        };
      const tokens = tokenizer === null ? undefined : preTokenize(tokenizer, prepared.documents.map((d) => d.paragraphs));
      const job: PackJob = { seq, deid, ...prepared, ...(tokens === undefined ? {} : { tokens }) };
      line.postMessage(job, tokens === undefined ? [] : preTokenizedBuffers(tokens));
    } catch (error) {
      port.postMessage(errorOf(m.seq, error));
    }
  });
}

async function packing(): Promise<void> {
  // The lexicon's modules only here: a preparing worker never links, and loading them took it about 13 ms of CPU.
  // (Messages wait in the port until its listener is added below.) Without a preparing worker, it de-identifies.
  const [{ EntityMatcher }, { loadMatcher }, deidentify] = await Promise.all([import('../ontology/matcher.js'),
    import('../ontology/node-io.js'), setup.prepared === null ? deidentifier() : null]);
  const tokenizer = SentencePieceModel.fromBytes(setup.model!.bytes, setup.tokenizerPath, { pieceTrie: setup.model!.pieceTrie });
  const special = specialIds(tokenizer, setup.tokenizerPath);
  const post = (m: PackResult): void => port.postMessage(m, 'batch' in m ? batchBuffers(m.batch) : []);
  let packer = setup.ontology === null ? new BatchPacker(tokenizer, special, null, setup.seqLen, deidentify) : null;
  /** Jobs that came before the matcher, de-identified already where that applies, in the order they came. */
  const waiting: PackJob[] = [];
  const matcherReady = (matcher: EntityMatcher): void => {
    const ready = new BatchPacker(tokenizer, special, matcher, setup.seqLen, deidentify);
    packer = ready;
    for (const job of waiting.splice(0)) post(ready.answer(job));
  };
  if (setup.buildsMatcher) {
    // A bad lexicon fails the thread as the builder thread's would (thrown outside the promise: an uncaught error).
    // (matcherReady's own errors too: they would otherwise be an unhandled rejection.)
    loadMatcher(setup.ontology!, { cacheDir: setup.lexiconCache }).then(matcherReady).catch((error: unknown) => {
      setImmediate(() => { throw error; });
    });
  }
  const onJob = (m: PackJob): void => {
    if (packer !== null) {
      post(packer.answer(m));
    } else {
      try {
        // While the matcher is built elsewhere this thread is idle: it de-identifies ahead, if that is its part.
        const mode = m.deid;
        const deidentified = m.deidentified ?? (mode === null || deidentify === null ? undefined : m.documents.map((d) => deidentify(d, mode)));
        waiting.push(deidentified === undefined ? m : { ...m, deidentified });
      } catch (error) {
        post(errorOf(m.seq, error));
      }
    }
  };
  port.on('message', (m: PackJob | { matcher: MatcherSnapshot }) => {
    if ('matcher' in m) matcherReady(new EntityMatcher(m.matcher));
    else onJob(m);
  });
  setup.prepared?.on('message', onJob);
}

function charactersOf(documents: readonly PackDocument[]): number {
  let characters = 0;
  for (const d of documents) for (const p of d.paragraphs) characters += p.length;
  return characters;
}
