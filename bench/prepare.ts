// `npm run bench -- prepare [--json] [--workers N]`: MB/s of raw text through the whole prepare pipeline (load the
// tokenizer and the full lexicon, start the workers, read, drop duplicates, de-identify the notes, sentence split,
// link, tokenize, pack, write shards: nothing excluded) on the shared abstracts and MTSamples notes, and of
// de-identification alone on the notes. MB = 10^6 characters of text (duplicates dropped before packing are not
// counted). The machine is shared, so each figure comes with MB per CPU-second (process.cpuUsage: every thread of
// the process, the workers included) and the load average when it started.
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
import { defaultWorkers, prepareShards } from '../src/cli/prepare.js';

const round2 = (x: number): number => Math.round(x * 100) / 100;

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: {
    data: { type: 'string', default: '../shared/data' }, tokenizer: { type: 'string' }, json: { type: 'boolean', default: false },
    workers: { type: 'string' }, 'lexicon-cache': { type: 'string' },
  } });
  const lexiconCache = values['lexicon-cache'] ?? null;
  const cacheFilled = lexiconCache !== null && existsSync(lexiconCache) && readdirSync(lexiconCache).length > 0;
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) throw new Error(`--workers must be a whole number >= 0, got ${values.workers}`);
  const load = loadavg()[0];
  const data = values.data!;
  const abstracts = join(data, 'corpus', 'abstracts', 'abstracts.jsonl.gz');
  const notes = join(data, 'corpus', 'mtsamples', 'mtsamples.csv.gz');
  const tokenizer = values.tokenizer ?? join(process.cwd(), 'test', 'fixtures', 'spm-bert-2k.model');
  const out = mkdtempSync(join(tmpdir(), 'medbert-bench-prepare-'));
  try {
    const cpu0 = process.cpuUsage();
    const summary = await prepareShards({
      inputs: [
        { path: abstracts, format: 'jsonl', textFields: ['title', 'abstract'], textColumn: 'transcription', deid: null },
        { path: notes, format: 'csv', textFields: [], textColumn: 'transcription', deid: 'tag' },
      ],
      tokenizerPath: tokenizer, ontology: join(data, 'ontology', 'lexicon.tsv.gz'), nearDedup: false, seqLen: 128, out: join(out, 'shards'),
      ...(workers === undefined ? {} : { workers }), lexiconCache,
    });
    const pipelineCpu = cpuSeconds(cpu0);
    const output = createHash('sha256');
    for (const file of readdirSync(join(out, 'shards')).sort()) output.update(file).update(readFileSync(join(out, 'shards', file)));
    const pipelineMegabytes = summary.mb_per_s * summary.seconds;
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
      pipeline_mb_per_s: round2(summary.mb_per_s), pipeline_mb_per_cpu_s: round2(pipelineMegabytes / pipelineCpu),
      pipeline_seconds: round2(summary.seconds), pipeline_cpu_seconds: round2(pipelineCpu), pipeline_megabytes: round2(pipelineMegabytes),
      workers: workers ?? defaultWorkers(), documents: summary.documents, sequences: summary.sequences, tokens: summary.tokens,
      entities: summary.entities, output_sha256: output.digest('hex'),
      lexicon_cache: lexiconCache === null ? 'off' : cacheFilled ? 'warm' : 'cold (filled by this run)',
      deid_mb_per_s: round2(chars / 1e6 / first.seconds), deid_mb_per_cpu_s: round2(chars / 1e6 / first.cpu),
      deid_second_pass_mb_per_s: round2(chars / 1e6 / second.seconds), deid_second_pass_mb_per_cpu_s: round2(chars / 1e6 / second.cpu),
      deid_megabytes: round2(chars / 1e6),
      load_average: round2(load),
    };
    if (values.json === true) process.stdout.write(JSON.stringify({ prepare: result }) + '\n');
    else {
      process.stdout.write(`prepare: ${result.pipeline_mb_per_s} MB/s through the pipeline (${result.pipeline_mb_per_cpu_s} MB per CPU-second, ` +
        `${result.workers} workers, lexicon cache ${result.lexicon_cache}; ${result.documents} documents, ${result.tokens} tokens); de-identification alone ${result.deid_mb_per_s} MB/s ` +
        `(${result.deid_mb_per_cpu_s} MB per CPU-second; second pass over the same notes ${result.deid_second_pass_mb_per_s} MB/s, ` +
        `${result.deid_second_pass_mb_per_cpu_s} per CPU-second); load average ${result.load_average}\n`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
