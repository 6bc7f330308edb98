// The body of a pack worker thread (started by pack-workers-node.ts), in one of two roles.
// - pack: loads the matcher (it builds it itself when it is the only packing worker, buildsMatcher, or takes the
//   snapshot the builder thread posts) and, if it tokenizes, the tokenizer, then answers each PackJob with a
//   PackedBatch whose buffers are transferred, not copied. With no preparing worker beside it, it also
//   de-identifies the notes (ahead, while it waits for the matcher).
// - prep: de-identifies the documents of each PrepJob that asks for it and, if it tokenizes, splits and tokenizes
//   every job, then sends the job on to the packing worker it names, over a line of their own. One thread then
//   runs (and has the JIT compile) de-identification and tokenizing, the other linking and packing, instead of
//   every worker compiling everything.
// Each thread imports only the modules of its part, when it needs them: the lexicon build is the run's critical path,
// and a packing worker that builds it starts it before it loads anything else (the packing modules, the tokenizer if
// it tokenizes). The tokenizer comes as a decoded model (PieceModel: no protobuf library to load).
import { parentPort, workerData } from 'node:worker_threads';
import type { EntityMatcher } from '../ontology/matcher.js';
import type { MatcherSnapshot } from '../ontology/matcher-snapshot.js';
import type { PieceModel } from '../tokenizer/piece-model.js';
import type { SharedModel } from '../tokenizer/node-io.js';
import type { BatchPacker, PackJob, PackResult, PrepJob } from './batch-packer.js';
import type { DocumentDeidentifier } from './deidentify-document.js';
import { charactersOf } from './document-size.js';
import type { PackWorkerData, TokenizerMessage } from './pack-workers-node.js';
import type { SpecialIds } from './special-tokens.js';

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

/**
 * The tokenizer module, loaded by a thread that tokenizes: it makes the model from the message's decoded model and
 * trie. (Not model.js: its file format would load protobufjs, 40-57 ms at the preparing worker's start, and the
 * model decoded again.)
 */
async function tokenizerLoader(): Promise<((model: SharedModel) => PieceModel) | null> {
  if (!setup.tokenizes) return null;
  const { PieceModel } = await import('../tokenizer/piece-model.js');
  return (model) => PieceModel.fromProto(model.proto, setup.tokenizerPath, { pieceTrie: model.pieceTrie });
}

/** The model a TokenizerMessage brings a thread that tokenizes (null to one that does not). */
function tokenizerOf(m: TokenizerMessage, load: ((model: SharedModel) => PieceModel) | null): PieceModel | null {
  const model = m.tokenizer.model;
  return model === null ? null : (load ?? noTokenizer)(model);
}

function noTokenizer(): never {
  throw new Error('a pack worker that does not tokenize was sent the tokenizer');
}

async function preparing(): Promise<void> {
  const [deidentifyDocument, load, { preTokenize, preTokenizedBuffers }] = await Promise.all([deidentifier(), tokenizerLoader(),
    import('./pretokenized.js')]);
  let tokenizer: PieceModel | null = null;
  const packers = setup.packers;
  if (packers === null) throw new Error('a preparing worker was started without its lines to the packing workers');
  port.on('message', (m: PrepJob | TokenizerMessage) => {
    if ('tokenizer' in m) { // the first message, before any job
      tokenizer = tokenizerOf(m, load);
      return;
    }
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
  // (Messages wait in the port until its listener is added below.) A worker that builds the matcher starts it first:
  // the build is one long task, after which the messages that came meanwhile are read.
  const [{ EntityMatcher }, { loadMatcher }] = await Promise.all([import('../ontology/matcher.js'), import('../ontology/node-io.js')]);
  const ontology = setup.ontology;
  let matcher: EntityMatcher | null = null;
  const building = setup.buildsMatcher && ontology !== null ? loadMatcher(ontology, { cacheDir: setup.lexiconCache }) : null;
  building?.catch(() => undefined); // its failure is handled below, once `ready` is made
  // Without a preparing worker, it de-identifies.
  const [{ BatchPacker }, { batchBuffers }, deidentify, load] = await Promise.all([import('./batch-packer.js'), import('./packed-batch.js'),
    setup.prepared === null ? deidentifier() : null, tokenizerLoader()]);
  const post = (m: PackResult): void => port.postMessage(m, 'batch' in m ? batchBuffers(m.batch) : []);
  let packer: BatchPacker | null = null;
  /** From the TokenizerMessage: the special tokens' ids, and the model if this worker tokenizes. */
  let special: SpecialIds | null = null;
  let tokenizer: PieceModel | null = null;
  /** Jobs that came before the matcher or the tokenizer, de-identified already where that applies, in the order they came. */
  const waiting: PackJob[] = [];
  /** Packs from when both the tokenizer and (with a lexicon) the matcher are here, what waited first. */
  const ready = (): void => {
    if (packer !== null || special === null || (ontology !== null && matcher === null)) return;
    const made = new BatchPacker(tokenizer, special, matcher, setup.seqLen, deidentify);
    packer = made;
    for (const job of waiting.splice(0)) post(made.answer(job));
  };
  // A bad lexicon fails the thread as the builder thread's would (thrown outside the promise: an uncaught error).
  // (what `ready` throws too: it would otherwise be an unhandled rejection.)
  building?.then((built) => {
    matcher = built;
    ready();
  }).catch((error: unknown) => {
    setImmediate(() => { throw error; });
  });
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
  port.on('message', (m: PackJob | TokenizerMessage | { matcher: MatcherSnapshot }) => {
    if ('matcher' in m) {
      matcher = new EntityMatcher(m.matcher);
      ready();
    } else if ('tokenizer' in m) {
      tokenizer = tokenizerOf(m, load);
      special = m.tokenizer.special;
      ready();
    } else {
      onJob(m);
    }
  });
  setup.prepared?.on('message', onJob);
}
