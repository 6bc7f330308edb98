/**
 * Prepares the pretraining study of issue 9 (BENCHMARKS.md, "Does pretraining pay?"): splits the shared
 * corpus (PubMed abstracts + MTSamples notes) by document into a training part and a held-out part (one
 * document in 25, chosen by a hash of its text so that exact duplicates, common in MTSamples, fall on the same
 * side), trains an 8k SentencePiece tokenizer on the training part, and writes two shard folders
 * with the same tokenizer and lexicon: OUT/shards (pretraining) and OUT/heldout (held-out MLM loss).
 *
 *   node dist/tools/study/prepare.js [--data ../shared/data] [--out runs/study]
 *
 * The split files are derived data and stay under OUT (never in the repository).
 */
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { csvRecords } from '../../bench/csv.js';
import { SHARED_PLAN, sharedFiles, type DemoFiles } from '../../src/cli/demo/plan.js';
import { trainTokenizer } from '../../src/cli/demo/stages.js';
import { prepareShards, type PrepareInput } from '../../src/cli/prepare.js';

const HELD_OUT_EVERY = 25;

/** FNV-1a over UTF-16 code units: a stable split that sends identical texts to the same side. */
function heldOut(text: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h % HELD_OUT_EVERY === 0;
}

async function* gunzipLines(path: string): AsyncGenerator<string> {
  yield* createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
}

/** Splits a gzipped JSONL file by line. */
async function splitJsonl(path: string, train: string, held: string): Promise<void> {
  const parts: [string[], string[]] = [[], []];
  for await (const line of gunzipLines(path)) if (line.trim() !== '') parts[heldOut(line) ? 1 : 0].push(line);
  writeFileSync(train, parts[0].join('\n') + '\n');
  writeFileSync(held, parts[1].join('\n') + '\n');
}

const quote = (field: string): string => `"${field.replace(/"/g, '""')}"`;

/** Splits a gzipped CSV file by the text in column `textColumn`, keeping its header in both parts. */
function splitCsv(path: string, textColumn: string, train: string, held: string): void {
  const parts: [string[], string[]] = [[], []];
  let header: string | null = null;
  let column = -1;
  for (const record of csvRecords(path)) {
    const line = record.map(quote).join(',');
    if (header === null) { header = line; column = record.indexOf(textColumn); continue; }
    parts[heldOut((record[column] ?? '').trim()) ? 1 : 0].push(line);
  }
  for (const [file, rows] of [[train, parts[0]], [held, parts[1]]] as const) writeFileSync(file, [header, ...rows].join('\n') + '\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string', default: '../shared/data' }, out: { type: 'string', default: 'runs/study' } } });
  const data = values.data!, out = values.out!;
  const shared = sharedFiles(data);
  const split = join(out, 'split');
  mkdirSync(split, { recursive: true });
  const [abstracts, notes] = shared.pretrainInputs;
  await splitJsonl(abstracts!.path, join(split, 'abstracts-train.jsonl'), join(split, 'abstracts-heldout.jsonl'));
  splitCsv(notes!.path, notes!.textColumn, join(split, 'notes-train.csv'), join(split, 'notes-heldout.csv'));
  const inputs = (part: string): PrepareInput[] => [
    { ...abstracts!, path: join(split, `abstracts-${part}.jsonl`) },
    { ...notes!, path: join(split, `notes-${part}.csv`) },
  ];
  const plan = { ...SHARED_PLAN, out, corpus: { dataDir: data } };
  const files: DemoFiles = { ...shared, pretrainInputs: inputs('train') };
  const tokenizer = await trainTokenizer(plan, files);
  console.log(JSON.stringify({ tokenizer: tokenizer.figures }));
  for (const [part, dir] of [['train', 'shards'], ['heldout', 'heldout']] as const) {
    const summary = await prepareShards({ inputs: inputs(part), tokenizerPath: tokenizer.path, ontology: shared.ontology,
      nearDedup: false, seqLen: plan.seqLen, out: join(out, dir) });
    console.log(JSON.stringify({ [dir]: summary }));
  }
}

main().catch((e: unknown) => { console.error(e instanceof Error ? e.message : String(e)); process.exitCode = 1; });
