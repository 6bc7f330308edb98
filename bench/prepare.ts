// `npm run bench -- prepare [--json]`: MB/s of raw text through the whole prepare pipeline (read, de-identify the
// notes, sentence split, link with the full lexicon, tokenize with offsets, pack, write shards) on the shared
// abstracts and MTSamples notes, and of de-identification alone on the notes. MB = 10^6 characters of text.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readCorpusFile } from '../src/corpus/node-io.js';
import { deidentify } from '../src/deid/index.js';
import { prepareShards } from '../src/cli/prepare.js';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: {
    data: { type: 'string', default: '../shared/data' }, tokenizer: { type: 'string' }, json: { type: 'boolean', default: false },
  } });
  const data = values.data!;
  const abstracts = join(data, 'corpus', 'abstracts', 'abstracts.jsonl.gz');
  const notes = join(data, 'corpus', 'mtsamples', 'mtsamples.csv.gz');
  const tokenizer = values.tokenizer ?? join(process.cwd(), 'test', 'fixtures', 'spm-bert-2k.model');
  const out = mkdtempSync(join(tmpdir(), 'medbert-bench-prepare-'));
  try {
    const summary = await prepareShards({
      inputs: [
        { path: abstracts, format: 'jsonl', textFields: ['title', 'abstract'], textColumn: 'transcription', deid: null },
        { path: notes, format: 'csv', textFields: [], textColumn: 'transcription', deid: 'tag' },
      ],
      tokenizerPath: tokenizer, ontology: join(data, 'ontology', 'lexicon.tsv.gz'), nearDedup: false, seqLen: 128, out: join(out, 'shards'),
    });
    const texts: string[] = [];
    for await (const d of readCorpusFile(notes, { format: 'csv', textColumn: 'transcription' })) texts.push(...d.paragraphs);
    const chars = texts.reduce((s, t) => s + t.length, 0);
    const t0 = performance.now();
    for (const t of texts) deidentify(t, { mode: 'tag' });
    const deidSeconds = (performance.now() - t0) / 1000;
    const result = {
      pipeline_mb_per_s: Math.round(summary.mb_per_s * 100) / 100, pipeline_seconds: Math.round(summary.seconds * 10) / 10,
      documents: summary.documents, sequences: summary.sequences, tokens: summary.tokens, entities: summary.entities,
      deid_mb_per_s: Math.round((chars / 1e6 / deidSeconds) * 100) / 100, deid_megabytes: Math.round(chars / 1e4) / 100,
    };
    if (values.json === true) process.stdout.write(JSON.stringify({ prepare: result }) + '\n');
    else process.stdout.write(`prepare: ${result.pipeline_mb_per_s} MB/s through the pipeline (${result.documents} documents, ${result.tokens} tokens); de-identification alone ${result.deid_mb_per_s} MB/s\n`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
