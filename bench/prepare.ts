// `npm run bench -- prepare [--json] [--workers N] [--copies N] [--lexicon-cache DIR]`: MB/s of raw text through the
// whole prepare pipeline (load the tokenizer and the full lexicon, start the workers, read, drop duplicates,
// de-identify the notes, sentence split, link, tokenize, pack, write shards: nothing excluded) on the shared
// abstracts and MTSamples notes, and of de-identification alone on the notes. MB = 10^6 characters of text
// (duplicates dropped before packing are not counted). The machine is shared, so each figure comes with MB per
// CPU-second (process.cpuUsage: every thread of the process, the workers included) and the load average when it
// started.
//
// `--copies N` (default 4) also runs the pipeline on the corpus fed N times (prepare-copies.ts) and reports the
// steady-state rate: the extra megabytes over the extra seconds against a second single run, what the pipeline does
// once its one-off costs (lexicon build, thread starts, first compiles) are paid, as on a real corpus of gigabytes.
// `--copies 1` skips it.
//
// `--lexicon-cache DIR` keeps the built lexicon matcher in DIR between runs (as `medbert prepare` does by default):
// the first run builds and stores it, later runs read it back. Without the flag every run builds it. The output
// is the same either way: `output_sha256` is a hash of every file the run wrote (shards, manifest, tokenizer).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readCorpusFile } from '../src/corpus/node-io.js';
import { deidentify } from '../src/deid/index.js';
import { defaultWorkers, prepareShards, type PrepareInput, type PrepareSummary } from '../src/cli/prepare.js';
import { markedCsvCopy, markedJsonlCopy } from './prepare-copies.js';

const round2 = (x: number): number => Math.round(x * 100) / 100;

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** One prepareShards call on `inputs` with the bench's settings: its summary, CPU-seconds and output digest. */
async function timedPrepare(inputs: PrepareInput[], data: string, tokenizer: string, workers: number | undefined,
  lexiconCache: string | null, out: string): Promise<{ summary: PrepareSummary; cpu: number; megabytes: number; digest: string }> {
  const cpu0 = process.cpuUsage();
  const summary = await prepareShards({
    inputs, tokenizerPath: tokenizer, ontology: join(data, 'ontology', 'lexicon.tsv.gz'), nearDedup: false, seqLen: 128, out,
    ...(workers === undefined ? {} : { workers }), lexiconCache,
  });
  const cpu = cpuSeconds(cpu0);
  const output = createHash('sha256');
  for (const file of readdirSync(out).sort()) output.update(file).update(readFileSync(join(out, file)));
  rmSync(out, { recursive: true, force: true });
  return { summary, cpu, megabytes: summary.mb_per_s * summary.seconds, digest: output.digest('hex') };
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: {
    data: { type: 'string', default: '../shared/data' }, tokenizer: { type: 'string' }, json: { type: 'boolean', default: false },
    workers: { type: 'string' }, 'lexicon-cache': { type: 'string' }, copies: { type: 'string', default: '4' },
  } });
  const lexiconCache = values['lexicon-cache'] ?? null;
  const cacheFilled = lexiconCache !== null && existsSync(lexiconCache) && readdirSync(lexiconCache).length > 0;
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) throw new Error(`--workers must be a whole number >= 0, got ${values.workers}`);
  const copies = Number(values.copies);
  if (!(Number.isInteger(copies) && copies >= 1)) throw new Error(`--copies must be a whole number >= 1, got ${values.copies}`);
  const load = loadavg()[0];
  const data = values.data!;
  const abstracts = join(data, 'corpus', 'abstracts', 'abstracts.jsonl.gz');
  const notes = join(data, 'corpus', 'mtsamples', 'mtsamples.csv.gz');
  const tokenizer = values.tokenizer ?? join(process.cwd(), 'test', 'fixtures', 'spm-bert-2k.model');
  const corpus = (abstractsPath: string, notesPath: string): PrepareInput[] => [
    { path: abstractsPath, format: 'jsonl', textFields: ['title', 'abstract'], textColumn: 'transcription', deid: null },
    { path: notesPath, format: 'csv', textFields: [], textColumn: 'transcription', deid: 'tag' },
  ];
  const out = mkdtempSync(join(tmpdir(), 'medbert-bench-prepare-'));
  try {
    const single = await timedPrepare(corpus(abstracts, notes), data, tokenizer, workers, lexiconCache, join(out, 'shards'));
    const { summary } = single;
    let steady: { mb_per_s: number; mb_per_cpu_s: number; megabytes: number; seconds: number; cpu_seconds: number } | null = null;
    if (copies > 1) {
      const inputs = corpus(abstracts, notes);
      for (let k = 2; k <= copies; k++) inputs.push(...corpus(markedJsonlCopy(abstracts, 'title', k, out), markedCsvCopy(notes, 'transcription', k, out)));
      // The single run again, then the copies: both after the first run, so both find this thread's code compiled
      // and a lexicon cache filled (when one is used); the difference holds only what the extra copies cost.
      const again = await timedPrepare(corpus(abstracts, notes), data, tokenizer, workers, lexiconCache, join(out, 'shards'));
      const many = await timedPrepare(inputs, data, tokenizer, workers, lexiconCache, join(out, 'shards'));
      const extraMegabytes = many.megabytes - again.megabytes;
      const extraSeconds = many.summary.seconds - again.summary.seconds;
      const extraCpu = many.cpu - again.cpu;
      if (extraSeconds <= 0 || extraCpu <= 0) throw new Error(`the ${copies} copies took no longer than one (${round2(many.summary.seconds)} s vs ${round2(again.summary.seconds)} s): no steady-state figure`);
      steady = {
        mb_per_s: round2(extraMegabytes / extraSeconds), mb_per_cpu_s: round2(extraMegabytes / extraCpu),
        megabytes: round2(many.megabytes), seconds: round2(many.summary.seconds), cpu_seconds: round2(many.cpu),
      };
    }
    const texts: string[] = [];
    for await (const d of readCorpusFile(notes, { format: 'csv', textColumn: 'transcription' })) texts.push(...d.paragraphs);
    const chars = texts.reduce((s, t) => s + t.length, 0);
    // Two passes over the notes on this thread: the first is the honest figure (no text seen before; the pipeline
    // above de-identified on its workers), the second shows how much faster repeated text goes (V8 caches, and
    // the notes hold many duplicates), which is what a run after warm-up on the same texts measures.
    const deidPass = (): { seconds: number; cpu: number } => {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      for (const t of texts) deidentify(t, { mode: 'tag' });
      return { cpu: cpuSeconds(cpu0), seconds: (performance.now() - t0) / 1000 };
    };
    const first = deidPass();
    const second = deidPass();
    const result = {
      pipeline_mb_per_s: round2(summary.mb_per_s), pipeline_mb_per_cpu_s: round2(single.megabytes / single.cpu),
      pipeline_seconds: round2(summary.seconds), pipeline_cpu_seconds: round2(single.cpu), pipeline_megabytes: round2(single.megabytes),
      workers: workers ?? defaultWorkers(), documents: summary.documents, sequences: summary.sequences, tokens: summary.tokens,
      entities: summary.entities, output_sha256: single.digest,
      lexicon_cache: lexiconCache === null ? 'off' : cacheFilled ? 'warm' : 'cold (filled by this run)',
      ...(steady === null ? {} : {
        steady_copies: copies, steady_mb_per_s: steady.mb_per_s, steady_mb_per_cpu_s: steady.mb_per_cpu_s,
        steady_run_megabytes: steady.megabytes, steady_run_seconds: steady.seconds, steady_run_cpu_seconds: steady.cpu_seconds,
      }),
      deid_mb_per_s: round2(chars / 1e6 / first.seconds), deid_mb_per_cpu_s: round2(chars / 1e6 / first.cpu),
      deid_second_pass_mb_per_s: round2(chars / 1e6 / second.seconds), deid_second_pass_mb_per_cpu_s: round2(chars / 1e6 / second.cpu),
      deid_megabytes: round2(chars / 1e6),
      load_average: round2(load),
    };
    if (values.json === true) process.stdout.write(JSON.stringify({ prepare: result }) + '\n');
    else {
      const steadyLine = steady === null ? '' : `; steady state (the corpus fed ${copies} times, ${steady.megabytes} MB in ${steady.seconds} s): ` +
        `${steady.mb_per_s} MB/s (${steady.mb_per_cpu_s} MB per CPU-second)`;
      process.stdout.write(`prepare: ${result.pipeline_mb_per_s} MB/s through the pipeline (${result.pipeline_mb_per_cpu_s} MB per CPU-second, ` +
        `${result.workers} workers, lexicon cache ${result.lexicon_cache}; ${result.documents} documents, ${result.tokens} tokens)${steadyLine}; ` +
        `de-identification alone ${result.deid_mb_per_s} MB/s ` +
        `(${result.deid_mb_per_cpu_s} MB per CPU-second; second pass over the same notes ${result.deid_second_pass_mb_per_s} MB/s, ` +
        `${result.deid_second_pass_mb_per_cpu_s} per CPU-second); load average ${result.load_average}\n`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
