import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { codeDigest } from '../directories.js';
import { describeFileError, MedbertError } from '../errors.js';
import { fileErrorMessage } from './file-errors.js';
import { Deduper, formatFromFileName, parseCorpusFormat, WarningCounter, type CorpusFormat } from '../corpus/index.js';
import { readCorpusFile } from '../corpus/node-io.js';
import { BatchPacker, type PackResult } from '../data/batch-packer.js';
import { addPackStats, ConceptNumbering, emptyPackStats, type PackDocument } from '../data/pack.js';
import { LocalPackPort, OrderedPackPool, type PackPort } from '../data/pack-pool.js';
import { startPackWorkers, type PackWorkers } from '../data/pack-workers-node.js';
import { PROGRESS_FILE, ProgressSaver, PROGRESS_FILES, readProgress, type ReadPosition, type RunSettings, type SavedPoint, type SavedProgress } from '../data/prepare-progress.js';
import { ShardWriter } from '../data/shard-writer.js';
import { specialIds, type SpecialIds } from '../data/special-tokens.js';
import { readSharedModel, type LoadedModel } from '../tokenizer/node-io.js';
import { intFlag, parseFlags, printJson, required } from './args.js';
import type { Command } from './command.js';
import { lexiconCacheDir, lexiconCacheFlag } from './lexicon-cache.js';
import { parseJatsParts, warnIfNotText, warnUnusedFlags, type JatsPart } from './prepare-inputs.js';
import { Progress } from './progress.js';
import { stopOnInterrupt } from './runtime.js';

export const prepareCommand: Command = {
  name: 'prepare',
  async run(argv) {
    const parsed = parseFlags(argv, {
      input: { type: 'string', multiple: true, valueName: 'PATH', description: 'input file (repeat the flag, or list several after it)' },
      format: { type: 'string', valueName: 'F', description: 'pubmed | jats | jsonl | csv | text (default: from each file name)' },
      'text-fields': { type: 'string', valueName: 'A,B', default: 'title,abstract', description: 'JSONL fields that hold text, in order' },
      'text-column': { type: 'string', valueName: 'C', default: 'transcription', description: 'CSV column that holds the note' },
      include: { type: 'string', valueName: 'A,B', description: 'JATS parts left out by default to read too: references, tables, figures (captions of figures and supplements)' },
      tokenizer: { type: 'string', valueName: 'M.model', description: 'SentencePiece model (copied into OUT)' },
      ontology: { type: 'string', valueName: 'FILE', description: 'lexicon TSV(.gz) for entity linking, or "builtin"; omit for none' },
      deid: { type: 'boolean', description: 'de-identify the text first (clinical notes)' },
      'deid-mode': { type: 'string', valueName: 'M', default: 'tag', description: 'tag ([NAME], [DATE], ...) or surrogate' },
      'near-dedup': { type: 'boolean', description: 'also drop near-duplicate documents (MinHash)' },
      'seq-len': { type: 'string', valueName: 'N', default: '128', description: 'tokens per sequence, [CLS] and [SEP] included: 128 or 512, as in the paper (any of 8 to 4096 is accepted)' },
      'lexicon-cache': lexiconCacheFlag,
      workers: { type: 'string', valueName: 'N', description: 'worker threads that pack documents (default: one per core; 0: none); the output is the same for any N' },
      out: { type: 'string', valueName: 'DIR', description: 'shard folder to write (atomically)' },
      resume: { type: 'boolean', description: 'go on from where a stopped run of the same command left off (its finished shards wait beside DIR)' },
      json: { type: 'boolean', description: 'print the counts as one JSON object (megabytes: millions of characters of the documents kept, duplicates left out, as the progress line counts; file_megabytes: the input files on disk)' },
    }, {
      usage: 'medbert prepare --input PATH... [--format pubmed|jats|jsonl|csv|text] --tokenizer M.model [--ontology FILE] [--deid] [--seq-len 128|512] --out DIR',
      description: 'Reads documents, de-identifies notes (--deid), splits sentences, tokenizes, links entity mentions to\n' +
        'ontology concepts (spans mapped to token positions), packs documents into sequences and writes shards of\n' +
        'token ids with entity spans plus manifest.json (counts, hashes) and the tokenizer. Exact duplicates are dropped\n' +
        '(across all inputs; near-duplicates too with --near-dedup; a text file\'s documents are runs of paragraphs cut\n' +
        'where its text says, so long stretches repeated anywhere are found). The shards are built in .DIR.partial beside DIR;\n' +
        'a run that stops (Ctrl-C, an error) after closing a shard keeps them there, and the same command with --resume\n' +
        'goes on from the last one, making the same output as a run that never stopped.',
      examples: [
        'medbert prepare --input ../shared/data/corpus/abstracts/abstracts.jsonl.gz --format jsonl --tokenizer spm.model --ontology ../shared/data/ontology/lexicon.tsv.gz --out runs/shards',
        'medbert prepare --input notes.csv --format csv --text-column transcription --deid --tokenizer spm.model --ontology builtin --out runs/notes',
      ],
    }, true);
    if (parsed === null) return 0;
    const v = parsed.values;
    const inputs = [...(v.input ?? []), ...parsed.positionals];
    if (inputs.length === 0) throw new MedbertError('missing required flag --input');
    for (const path of inputs) if (!existsSync(path)) throw new MedbertError(`input file not found: ${path}`);
    const format: CorpusFormat | undefined = v.format === undefined ? undefined : parseCorpusFormat(v.format);
    const tokenizerPath = required(v.tokenizer, 'tokenizer');
    const out = required(v.out, 'out');
    const seqLen = intFlag(v['seq-len'], 'seq-len', 128, 8, 4096);
    const workers = intFlag(v.workers, 'workers', defaultWorkers(), 0, 256);
    const deidMode = v['deid-mode'] ?? 'tag';
    if (deidMode !== 'tag' && deidMode !== 'surrogate') throw new MedbertError(`--deid-mode=${deidMode} is not valid: expected tag or surrogate`);
    const textFields = (v['text-fields'] ?? 'title,abstract').split(',').filter((f) => f !== '');
    const jatsParts = parseJatsParts(v.include);
    warnUnusedFlags(argv, inputs, format, v.deid === true);
    if (format === undefined) for (const path of inputs) warnIfNotText(path);
    const summary = await prepareShards({
      inputs: inputs.map((path) => ({
        path, format, textFields, textColumn: v['text-column'] ?? 'transcription', deid: v.deid === true ? deidMode : null,
        ...(jatsParts.length === 0 ? {} : { include: jatsParts }),
      })),
      tokenizerPath, out, seqLen, ontology: v.ontology ?? null, nearDedup: v['near-dedup'] === true, workers, resume: v.resume === true,
      lexiconCache: lexiconCacheDir(v['lexicon-cache']),
    });
    if (v.json === true) printJson(summary);
    else process.stdout.write(`${out}: ${summary.sequences} sequences, ${summary.tokens} tokens, ${summary.entities} entity spans ` +
      `(${summary.concepts} concepts) from ${summary.documents} documents; ${summary.warnings} input warnings\n`);
    return 0;
  },
};

/** One input file and how to read it. */
export interface PrepareInput {
  readonly path: string;
  /** Default: from the file name. */
  readonly format: CorpusFormat | undefined;
  readonly textFields: readonly string[];
  readonly textColumn: string;
  /** De-identify this input's text (clinical notes) in this mode; null leaves it as it is. */
  readonly deid: 'tag' | 'surrogate' | null;
  /** JATS parts left out by default that are read too (default none). */
  readonly include?: readonly JatsPart[];
}

export interface PrepareRequest {
  readonly inputs: readonly PrepareInput[];
  readonly tokenizerPath: string;
  /** Lexicon path, "builtin", or null for no linking. */
  readonly ontology: string | null;
  readonly nearDedup: boolean;
  readonly seqLen: number;
  readonly out: string;
  /** Worker threads that pack documents (default: one per available core); 0 packs in this thread. */
  readonly workers?: number;
  /**
   * A folder where the built lexicon matcher is kept between runs (ontology/snapshot-cache.ts): a run with a
   * lexicon built before skips the build (about a CPU-second for the full one). Default null: no cache.
   */
  readonly lexiconCache?: string | null;
  /** About how many characters of text go to a worker at a time (default 256,000; small values in tests). */
  readonly batchCharacters?: number;
  /** How much text the reader may be ahead of the packed output (default READ_AHEAD_CHARACTERS; small in tests). */
  readonly readAheadCharacters?: number;
  /** A shard is closed once it holds this many bytes (default 64 MiB; small values in tests). */
  readonly shardBytes?: number;
  /** Go on from the progress a stopped run with the same settings saved (none saved: start from the beginning). */
  readonly resume?: boolean;
  /** A stopped run keeps its saved shards for `resume` (default true; false: it removes them, as before any save). */
  readonly resumable?: boolean;
  /** Asked after each batch is read: true stops the run as Ctrl-C does (tests). */
  readonly shouldStop?: () => boolean;
}

export interface PrepareSummary {
  readonly documents: number;
  readonly duplicates: number;
  readonly sequences: number;
  readonly tokens: number;
  readonly entities: number;
  readonly entities_dropped: number;
  readonly concepts: number;
  readonly phi_spans: number;
  readonly warnings: number;
  /**
   * Millions of characters of the documents kept, before de-identification (duplicates dropped are not counted): what
   * the progress line's "MB" counts and mb_per_s divides.
   */
  readonly megabytes: number;
  /** Millions of bytes of the input files on disk (gzip compressed ones as they are). */
  readonly file_megabytes: number;
  readonly seconds: number;
  readonly mb_per_s: number;
}

/**
 * How much text the reader may be ahead of the packed output: enough to read the whole of a small corpus while
 * the lexicon is built (the workers de-identify meanwhile), and a bound on memory for a large one.
 */
const READ_AHEAD_CHARACTERS = 32_000_000;

/** The prepare pipeline with files; also used by `medbert demo`. */
export async function prepareShards(r: PrepareRequest): Promise<PrepareSummary> {
  const started = performance.now(); // everything counts: loading the lexicon and starting workers too
  const workers = r.workers ?? defaultWorkers();
  const batchCharacters = r.batchCharacters ?? 256_000;
  const shardBytes = r.shardBytes ?? 64 << 20;
  // What the run has done: made anew, or, resuming, as the stopped run saved it (set once the writer is made).
  let numbering = new ConceptNumbering();
  let stats = emptyPackStats();
  let counts = { seen: 0, kept: 0 };
  const warnings = new WarningCounter();
  // One for all inputs: a document repeated in another file is dropped too.
  const deduper = new Deduper(r.nearDedup, r.resumable !== false);
  let saver: ProgressSaver | null = null;
  let saves = 0;
  let settings: RunSettings | null = null; // what a save records and a resumed run checks, made when first needed
  const runSettings = (): RunSettings => (settings ??= settingsOf(r, batchCharacters, shardBytes));
  /** Each submitted batch's point (the reader's state after it), taken by the sink in the same order. */
  const points: BatchPoint[] = [];
  const progress = new Progress('prepare', 'docs');
  // The sink runs only once jobs come back, after `writer` below is made.
  const pool = new OrderedPackPool((batch) => {
    const point = points.shift()!;
    writer.addBatch(batch, numbering.numberBatch(batch));
    addPackStats(stats, batch.stats);
    // A shard closed after a whole number of batches: what a stopped run resumes from.
    if (writer.flushIfFull() && r.resumable !== false) {
      saver ??= new ProgressSaver(writer.folder, runSettings(), deduper, null);
      saver.save({ ...point, stats: { ...stats }, concepts: [...numbering.concepts], shards: writer.progress() });
      writer.resumable();
      saves++;
    }
    progress.update({ done: stats.documents, total: Math.max(counts.kept, counts.seen), fields: { 'MB': stats.characters / 1e6 } });
  }, Math.max(4 * workers, Math.ceil((r.readAheadCharacters ?? READ_AHEAD_CHARACTERS) / batchCharacters)));
  // The workers first: the lexicon build is the longest step, so it should start at once (it does not need the
  // tokenizer), and the workers start up while this thread reads the tokenizer.
  const threads = workers > 0 ? startWorkers(workers, r, pool) : null;
  // The tokenizer is read once here, for this thread and the workers (a bad one fails here, in one clear line).
  let tokenizer: LoadedModel;
  let special: SpecialIds;
  try {
    tokenizer = readSharedModel(r.tokenizerPath);
    special = specialIds(tokenizer.model, r.tokenizerPath);
  } catch (error) {
    progress.stop();
    if (threads !== null) await closePorts(Promise.resolve(threads.ports));
    throw error;
  }
  const sp = tokenizer.model;
  threads?.shareTokenizer(tokenizer, special);
  const ports = threads !== null ? Promise.resolve(threads.ports) : localPorts(r, pool, tokenizer, special);
  let writer: ShardWriter;
  const saved: { progress: SavedProgress | null } = { progress: null };
  try {
    // The saved progress is read once the writer holds the folder's lock (before, another run may be writing it).
    writer = new ShardWriter(r.out, sp.vocabSize <= 65536 ? 2 : 4, shardBytes, (folder) => {
      if (r.resume === true) saved.progress = readProgress(folder, runSettings(), deduper.signatureLength);
      else if (existsSync(join(folder, PROGRESS_FILE))) { // said, as the shards a stopped run kept are about to go
        process.stderr.write(`prepare: starting over: the shards a stopped run kept in ${folder} are replaced (--resume goes on from them)\n`);
      }
      return saved.progress?.point.shards ?? null;
    }, PROGRESS_FILES);
  } catch (error) {
    progress.stop();
    await closePorts(ports);
    throw error;
  }
  const from = saved.progress;
  // A run stopped after a save keeps its partial folder for --resume (unless the caller has no use for it, or a
  // failed finish took the progress away).
  const resumable = (): boolean => (saves > 0 || from !== null) && existsSync(join(writer.folder, PROGRESS_FILE));
  let stopping = false;
  let charactersBefore = 0;
  const interrupt = stopOnInterrupt('prepare');
  const stop = (): MedbertError => {
    stopping = true;
    const message = resumable() ? `prepare stopped by the user; ${keptNote(writer.folder)}` : `prepare stopped by the user; nothing was written to ${r.out}`;
    return new MedbertError(message, { exitCode: interrupt.requested() ? interrupt.exitCode() : 1 });
  };
  const stopped = (): boolean => interrupt.requested() || (r.shouldStop?.() ?? false);
  try {
    pool.attach(await ports); // first: from here on, pool.close() below stops the threads whatever fails
    if (from !== null) {
      const point = from.point;
      deduper.restore(from.deduper);
      numbering = ConceptNumbering.from(point.concepts);
      stats = { ...point.stats };
      counts = { ...point.counts };
      warnings.count = point.warnings.count;
      warnings.samples.push(...point.warnings.samples);
      saver = new ProgressSaver(writer.folder, runSettings(), deduper, point);
      process.stderr.write(`prepare: resuming after ${point.counts.seen} documents and ${point.shards.shards.length} shards (${writer.folder})\n`);
    } else if (r.resume === true) {
      process.stderr.write(`prepare: nothing saved to resume from (${writer.folder}); starting from the beginning\n`);
    }
    charactersBefore = stats.characters;
    const start: ReadPosition = from?.point.position ?? { input: 0, records: 0 };
    for (let i = start.input; i < r.inputs.length; i++) {
      const input = r.inputs[i]!;
      const skip = i === start.input ? start.records : 0;
      for await (const batch of documentBatches(input, i, skip, deduper, batchCharacters, warnings, counts)) {
        points.push(batch.point);
        await pool.submit(input.deid, batch.documents);
        if (stopped()) throw stop();
      }
    }
    await pool.finish(stopped); // a Ctrl-C now stops at the next batch, not after the work still in the threads
    // A Ctrl-C after the last input was read: still stopped, no output (though the work may be done, the user asked).
    if (stopped()) throw stop();
    if (stats.sequences === 0) { // random bytes read as XML, the wrong --format, an empty file: not a success
      const first = warnings.samples[0];
      const why = first === undefined ? '' : `; ${warnings.count} warning${warnings.count === 1 ? '' : 's'}, the first ${first.file}:${first.line}: ${first.message}`;
      throw new MedbertError(`no text to write: ${counts.seen} documents read from the inputs${why}; nothing was written to ${r.out}`);
    }
    writer.addFile('tokenizer.model', r.tokenizerPath); // inside the folder before it is renamed into place
    writer.finish({
      seq_len: r.seqLen, vocab_size: sp.vocabSize, concepts: numbering.concepts,
      info: { inputs: r.inputs.map(manifestInput), ontology: r.ontology, documents_read: counts.seen, documents_kept: counts.kept,
        entities_dropped: stats.entitiesDropped, phi_spans: stats.phiSpans, warnings: warnings.count },
    }, PROGRESS_FILES);
  } catch (error) {
    pool.abandon(); // results still coming go nowhere: the folder is no longer this run's once abort releases it
    // Shards saved with their progress are kept to resume from, whatever stopped the run (Ctrl-C, a full disk).
    const keep = resumable();
    try {
      writer.abort(keep);
    } catch {
      // the run's own error is the one to report
    }
    if (stopping) throw error;
    const message = error instanceof MedbertError ? error.message : fileErrorMessage(error) ?? `prepare failed: ${describeFileError(error)}`;
    throw new MedbertError(keep ? `${message} (${keptNote(writer.folder)})` : message, { cause: error });
  } finally {
    progress.stop();
    interrupt.dispose();
    await pool.close();
  }
  for (const w of warnings.samples) process.stderr.write(`medbert prepare: warning: ${w.file}${w.line > 0 ? `:${w.line}` : ''}: ${w.message}\n`);
  if (warnings.count > warnings.samples.length) process.stderr.write(`medbert prepare: warning: ... ${warnings.count - warnings.samples.length} more\n`);
  const seconds = (performance.now() - started) / 1000;
  const totalBytes = r.inputs.reduce((s, input) => s + statSync(input.path).size, 0);
  return {
    documents: counts.kept, duplicates: counts.seen - counts.kept, sequences: stats.sequences, tokens: stats.tokens,
    entities: stats.entities, entities_dropped: stats.entitiesDropped, concepts: numbering.concepts.length,
    phi_spans: stats.phiSpans, warnings: warnings.count, megabytes: stats.characters / 1e6, file_megabytes: totalBytes / 1e6, seconds,
    mb_per_s: (stats.characters - charactersBefore) / 1e6 / seconds,
  };
}

/** Where a stopped run's saved shards wait for --resume. */
function keptNote(folder: string): string {
  return `the shards done are kept in ${folder}: the same command with --resume goes on from them`;
}

/**
 * What a resumed run must share with the stopped one for the two to make one output: the inputs (and their sizes
 * and times, so an edited file is noticed), the tokenizer's and lexicon's bytes, every setting of the pipeline, and
 * the code that runs it.
 */
function settingsOf(r: PrepareRequest, batchCharacters: number, shardBytes: number): RunSettings {
  const identity = (path: string): { bytes: number; modified: number } => {
    const s = statSync(path);
    return { bytes: s.size, modified: s.mtimeMs };
  };
  return {
    inputs: r.inputs.map((input) => ({ ...input, ...identity(input.path) })),
    tokenizer_sha256: sha256File(r.tokenizerPath),
    ontology: r.ontology, ontology_sha256: r.ontology === null || r.ontology === 'builtin' ? null : sha256File(r.ontology),
    seq_len: r.seqLen, near_dedup: r.nearDedup, batch_characters: batchCharacters, shard_bytes: shardBytes,
    // The build that made the saved shards: another one (an upgrade between stop and resume) may read, de-identify,
    // link or tokenize otherwise, and one folder would hold both outputs.
    code_sha256: codeDigest(['../corpus/', '../deid/', '../ontology/', '../data/', '../tokenizer/'].map((f) => new URL(f, import.meta.url))),
  };
}

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** A batch of documents to pack, and the run's state once the reader has made it. */
interface ReadBatch {
  readonly documents: PackDocument[];
  readonly point: BatchPoint;
}

type BatchPoint = Omit<SavedPoint, 'stats' | 'concepts' | 'shards'>;

/**
 * One input's documents, duplicates (of any input's earlier ones) dropped, in batches of about `batchCharacters`
 * characters; the first `skip` documents (done by the run resumed) are read past, their warnings not counted again.
 */
async function* documentBatches(input: PrepareInput, inputIndex: number, skip: number, deduper: Deduper, batchCharacters: number,
  warnings: WarningCounter, counts: { seen: number; kept: number }): AsyncIterable<ReadBatch> {
  let records = 0;
  const include = input.include ?? [];
  const docs = readCorpusFile(input.path, {
    ...(input.format === undefined ? {} : { format: input.format }), textFields: [...input.textFields], textColumn: input.textColumn,
    includeReferences: include.includes('references'), includeTables: include.includes('tables'), includeFigures: include.includes('figures'),
    onWarning: (warning) => {
      if (records >= skip) warnings.handler(warning);
    },
  });
  let batch: PackDocument[] = [];
  let size = 0;
  // After the input's last batch, the next input is where to read on (a resumed run need not read this one again).
  const point = (last = false): BatchPoint => ({
    position: last ? { input: inputIndex + 1, records: 0 } : { input: inputIndex, records },
    counts: { ...counts }, warnings: { count: warnings.count, samples: [...warnings.samples] }, deduper: deduper.counts,
  });
  // The deduper called here, not through dedupe(): each async generator a document passes costs it a few promise
  // turns.
  for await (const doc of docs) {
    if (++records <= skip) continue;
    counts.seen++;
    if (deduper.duplicate(doc) !== null) continue;
    counts.kept++;
    batch.push({ id: doc.id, paragraphs: doc.paragraphs }); // what packing reads: metadata is not copied to workers
    let replaced = false;
    for (const p of doc.paragraphs) {
      size += p.length;
      replaced ||= p.includes('\uFFFD'); // V8 answers at once for a one-byte string, which cannot hold it
    }
    // Invalid UTF-8 is replaced, not fatal, but counted: a binary file read as text shows as hundreds of these.
    if (replaced) {
      const line = doc.meta['line'];
      warnings.handler({ file: basename(input.path), line: typeof line === 'number' ? line : 0, message: `document ${doc.id}: invalid UTF-8 replaced by U+FFFD` });
    }
    if (size >= batchCharacters) {
      yield { documents: batch, point: point() };
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) yield { documents: batch, point: point(true) };
}

async function closePorts(ports: Promise<PackPort[]>): Promise<void> {
  await Promise.all((await ports.catch(() => [])).map((p) => p.close()));
}

/** Worker threads; they get the tokenizer once this thread has read it (PackWorkers.shareTokenizer). */
function startWorkers(workers: number, r: PrepareRequest, pool: OrderedPackPool): PackWorkers {
  // With two workers or more and notes to de-identify, one worker only prepares (de-identifies, and with two
  // workers tokenizes too) and the others pack: each thread's JIT then compiles its part alone (about a
  // CPU-second of compiling per thread that runs both de-identification and packing).
  const prepWorker = workers >= 2 && r.inputs.some((input) => input.deid !== null);
  return startPackWorkers(workers, { tokenizerPath: r.tokenizerPath, ontology: r.ontology, seqLen: r.seqLen, lexiconCache: r.lexiconCache ?? null },
    (result) => pool.receive(result), (e) => pool.fail(e), prepWorker);
}

/** An input as manifest.json lists it: its format, and the settings that format reads by (snake_case, as the manifest's own). */
function manifestInput(input: PrepareInput): Record<string, unknown> {
  const format = input.format ?? formatFromFileName(input.path);
  return {
    path: input.path, format,
    ...(format === 'jsonl' ? { text_fields: input.textFields } : {}),
    ...(format === 'csv' ? { text_column: input.textColumn } : {}),
    ...(format === 'jats' && (input.include?.length ?? 0) > 0 ? { include: input.include } : {}),
    deid: input.deid,
  };
}

/** With no workers, this thread packs (the reference the threaded runs must match byte for byte). */
async function localPorts(r: PrepareRequest, pool: OrderedPackPool, tokenizer: LoadedModel, special: SpecialIds): Promise<PackPort[]> {
  // This thread links and de-identifies only here: it loads those modules only here.
  const [{ loadMatcher }, { deidentifyDocument }] = await Promise.all([import('../ontology/node-io.js'), import('../data/deidentify-document.js')]);
  const matcher = r.ontology === null ? null : await loadMatcher(r.ontology, { cacheDir: r.lexiconCache ?? null });
  return [new LocalPackPort(new BatchPacker(tokenizer.model, special, matcher, r.seqLen, deidentifyDocument), (result: PackResult) => pool.receive(result))];
}

/** One worker per core the process may use. */
export function defaultWorkers(): number {
  return availableParallelism();
}
