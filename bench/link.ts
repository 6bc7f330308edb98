// `npm run bench -- link [--json] [--runs N]`: throughput of corpus reading, sentence splitting and entity
// linking on the shared abstracts, reader throughput on the other shared formats, and lexicon load time.
import { existsSync, readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sentenceSpans, type CorpusDocument } from '../src/corpus/index.js';
import { readCorpusFile } from '../src/corpus/node-io.js';
import { linkWithAbbreviations, type EntityMatcher } from '../src/ontology/index.js';
import { loadMatcher } from '../src/ontology/node-io.js';

const data = resolve(fileURLToPath(import.meta.url), '..', '..', '..', '..', 'shared', 'data');
const encoder = new TextEncoder();

interface Pass {
  seconds: number;
  /** CPU seconds (user + system) of this process: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  megabytes: number;
  documents: number;
  sentences: number;
  spans: number;
}

type Stage = 'read' | 'split' | 'link';

async function pass(path: string, stage: Stage, matcher: EntityMatcher | null, options: object = {}): Promise<Pass> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let bytes = 0;
  let documents = 0;
  let sentences = 0;
  let spans = 0;
  for await (const doc of readCorpusFile(path, options) as AsyncIterable<CorpusDocument>) {
    documents += 1;
    for (const paragraph of doc.paragraphs) {
      bytes += encoder.encode(paragraph).length;
      if (stage === 'read') continue;
      // As the shard builder would: sentences for packing, entity spans over the whole paragraph (so an
      // abbreviation defined in one sentence is linked in the next).
      sentences += sentenceSpans(paragraph).length;
      if (stage === 'link' && matcher !== null) spans += linkWithAbbreviations(matcher, paragraph).length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, megabytes: bytes / 1e6, documents, sentences, spans };
}

/** Heap in use after a full collection, so the lexicon's size is not mixed with garbage from loading it. */
function settledHeap(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

async function best(runs: number, f: () => Promise<Pass>): Promise<Pass> {
  let top: Pass | null = null;
  for (let i = 0; i < runs; i++) {
    const p = await f();
    if (top === null || p.seconds < top.seconds) top = p;
  }
  return top as Pass;
}

export async function run(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 1) : 3;
  const lexiconPath = resolve(data, 'ontology', 'lexicon.tsv.gz');
  const abstracts = resolve(data, 'corpus', 'abstracts', 'abstracts.jsonl.gz');
  for (const p of [lexiconPath, abstracts]) {
    if (!existsSync(p)) {
      process.stdout.write(`bench link: needs ${p} (../shared/data beside the checkout)\n`);
      return;
    }
  }
  const heapBefore = settledHeap();
  const loadStarted = performance.now();
  const matcher = await loadMatcher(lexiconPath);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const heapMB = (settledHeap() - heapBefore) / 1e6;
  const size = matcher.size;

  const read = await best(runs, () => pass(abstracts, 'read', null, { textFields: ['title', 'abstract'] }));
  const split = await best(runs, () => pass(abstracts, 'split', null, { textFields: ['title', 'abstract'] }));
  const link = await best(runs, () => pass(abstracts, 'link', matcher, { textFields: ['title', 'abstract'] }));
  const readers: Record<string, Pass & { inputMegabytes: number }> = {};
  for (const [name, path] of [
    ['pubmed-xml', resolve(data, 'corpus', 'pubmed_xml_samples', 'medline16n0902.xml.gz')],
    ['csv-mtsamples', resolve(data, 'corpus', 'mtsamples', 'mtsamples.csv.gz')],
  ] as const) {
    if (!existsSync(path)) continue;
    const inputMegabytes = gunzipSync(readFileSync(path)).length / 1e6;
    readers[name] = { ...(await best(runs, () => pass(path, 'read', null))), inputMegabytes };
  }

  const rate = (p: Pass): number => Math.round((p.megabytes / p.seconds) * 10) / 10;
  const cpuRate = (p: Pass): number => Math.round((p.megabytes / p.cpuSeconds) * 10) / 10;
  const inputRate = (p: Pass & { inputMegabytes: number }): number => Math.round((p.inputMegabytes / p.seconds) * 10) / 10;
  const lines = [
    `lexicon: ${size.concepts} concepts, ${size.names} names, ${size.nodes} trie nodes; load ${loadSeconds.toFixed(2)} s, heap +${heapMB.toFixed(0)} MB`,
    `abstracts (${read.documents} docs, ${read.megabytes.toFixed(2)} MB of text, best of ${runs}):`,
    `  read (gunzip + JSONL)            ${rate(read).toFixed(1).padStart(6)} MB/s  (${cpuRate(read).toFixed(1)} MB per CPU-second)`,
    `  read + sentence split            ${rate(split).toFixed(1).padStart(6)} MB/s  (${cpuRate(split).toFixed(1)} MB per CPU-second; ${split.sentences} sentences)`,
    `  read + split + link              ${rate(link).toFixed(1).padStart(6)} MB/s  (${cpuRate(link).toFixed(1)} MB per CPU-second; ${link.spans} spans)`,
    ...Object.entries(readers).map(([name, p]) => `  reader ${name.padEnd(26)}${inputRate(p).toFixed(1).padStart(6)} MB/s of input `
      + `(${p.inputMegabytes.toFixed(1)} MB uncompressed; ${rate(p).toFixed(1)} MB/s of extracted text, ${p.documents} docs)`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  if (json) {
    process.stdout.write(JSON.stringify({
      lexicon_load_s: Math.round(loadSeconds * 1000) / 1000, lexicon_heap_mb: Math.round(heapMB), lexicon: size,
      abstracts_mb: Math.round(read.megabytes * 100) / 100,
      read_mb_s: rate(read), read_split_mb_s: rate(split), read_split_link_mb_s: rate(link),
      read_mb_per_cpu_s: cpuRate(read), read_split_mb_per_cpu_s: cpuRate(split), read_split_link_mb_per_cpu_s: cpuRate(link),
      sentences: split.sentences, spans: link.spans,
      readers_input_mb_s: Object.fromEntries(Object.entries(readers).map(([k, p]) => [k, inputRate(p)])),
      readers_text_mb_s: Object.fromEntries(Object.entries(readers).map(([k, p]) => [k, rate(p)])),
    }) + '\n');
  }
}
