import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCorpusFile } from '../../src/corpus/node-io.js';
import { prepareShards, type PrepareRequest } from '../../src/cli/prepare.js';
import { generateAbstracts, generateNotes } from '../../src/synth/index.js';
import { repoRoot, sharedFile } from '../helpers/shared-data.js';

const abstracts = sharedFile('corpus', 'abstracts', 'abstracts.jsonl.gz');
const notes = sharedFile('corpus', 'mtsamples', 'mtsamples.csv.gz');
const tokenizerPath = join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model');

/** The first `count` documents of a real corpus file, as JSONL lines with one `text` field per paragraph. */
async function sample(path: string, format: 'jsonl' | 'csv', count: number): Promise<string> {
  const lines: string[] = [];
  const options = format === 'jsonl' ? { format, textFields: ['title', 'abstract'] } : { format, textColumn: 'transcription' };
  for await (const d of readCorpusFile(path, options)) {
    lines.push(JSON.stringify({ id: d.id, text: d.paragraphs.join('\n\n') }));
    if (lines.length === count) break;
  }
  return withDuplicate(lines);
}

/** JSONL text of the lines and a copy of the first: exact duplicates must be dropped the same way whatever the thread count. */
function withDuplicate(lines: string[]): string {
  return [...lines, lines[0]].join('\n') + '\n';
}

/** Every file of a shard folder, by name (the manifest holds no timings, so it must match byte for byte too). */
function folderBytes(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));
}

/**
 * Runs `prepare` with 0, 1, 2 and 3 worker threads over 150 abstracts and 40 notes (JSONL, each with one duplicate,
 * and an abstract among the notes) and checks the outputs are byte-identical.
 */
async function sameOutputForAnyWorkers(corpus: () => Promise<{ abstractLines: string; noteLines: string }>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-prepare-workers-'));
  try {
    const { abstractLines, noteLines } = await corpus();
    writeFileSync(join(dir, 'abstracts.jsonl'), abstractLines);
    // An abstract among the notes too: duplicates are dropped across inputs (the first copy wins).
    writeFileSync(join(dir, 'notes.jsonl'), noteLines + abstractLines.split('\n')[5] + '\n');
    const request = (out: string, workers: number): PrepareRequest => ({
      inputs: [
        { path: join(dir, 'abstracts.jsonl'), format: 'jsonl', textFields: ['text'], textColumn: 'x', deid: null },
        { path: join(dir, 'notes.jsonl'), format: 'jsonl', textFields: ['text'], textColumn: 'x', deid: 'tag' },
      ],
      tokenizerPath, ontology: 'builtin', nearDedup: false, seqLen: 64, out: join(dir, out), workers,
      // Small batches: many jobs, finishing out of order across the workers.
      batchCharacters: 3000,
    });
    const summaries = [];
    for (const workers of [0, 1, 2, 3]) summaries.push(await prepareShards(request(`w${workers}`, workers)));
    for (const s of summaries) {
      assert.equal(s.documents, 190);
      assert.equal(s.duplicates, 3);
    }
    assert.ok(summaries[0].entities > 100 && summaries[0].concepts > 20 && summaries[0].phi_spans > 20, JSON.stringify(summaries[0]));
    const reference = folderBytes(join(dir, 'w0'));
    assert.ok(reference.has('manifest.json') && reference.has('shard-00000.bin'));
    // Characters as read, notes before de-identification (a preparing worker sends a note's de-identified text alone).
    const characters = (s: { mb_per_s: number; seconds: number }): number => Math.round(s.mb_per_s * s.seconds * 1e6);
    for (const workers of [1, 2, 3]) {
      assert.equal(characters(summaries[workers]), characters(summaries[0]), `characters with ${workers} workers`);
      const files = folderBytes(join(dir, `w${workers}`));
      assert.deepEqual([...files.keys()], [...reference.keys()]);
      for (const [name, bytes] of reference) assert.ok(bytes.equals(files.get(name)!), `${name} differs with ${workers} workers`);
      const { seconds: _a, mb_per_s: _b, ...counts } = summaries[workers];
      const { seconds: _c, mb_per_s: _d, ...expected } = summaries[0];
      assert.deepEqual(counts, expected);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('prepare: 0, 1, 2 and 3 worker threads write byte-identical shards and manifest, and count the same characters', { skip: abstracts.skip || notes.skip }, () =>
  sameOutputForAnyWorkers(async () => ({ abstractLines: await sample(abstracts.path, 'jsonl', 150), noteLines: await sample(notes.path, 'csv', 40) })));

test('prepare: the same over generated abstracts and notes (no shared data needed)', () =>
  sameOutputForAnyWorkers(async () => ({
    abstractLines: withDuplicate((await generateAbstracts(150, 11)).map((a) => JSON.stringify({ id: a.pmid, text: `${a.title}\n\n${a.abstract}` }))),
    noteLines: withDuplicate((await generateNotes(40, 12)).map((n) => JSON.stringify({ id: n.id, text: n.text }))),
  })));

test('prepare: a lexicon error in a worker fails the run with its message and leaves no output', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-prepare-workers-'));
  try {
    writeFileSync(join(dir, 'a.jsonl'), JSON.stringify({ text: 'Aspirin and myocardial infarction.' }) + '\n');
    writeFileSync(join(dir, 'bad.tsv'), 'id\ttype\tpreferred_name\tsynonyms\nX:1\tplanet\tMars\t\n');
    await assert.rejects(prepareShards({
      inputs: [{ path: join(dir, 'a.jsonl'), format: 'jsonl', textFields: ['text'], textColumn: 'x', deid: null }],
      tokenizerPath, ontology: join(dir, 'bad.tsv'), nearDedup: false, seqLen: 64, out: join(dir, 'out'), workers: 2,
    }), /bad\.tsv:2: unknown entity type 'planet'/);
    assert.deepEqual(readdirSync(dir).sort(), ['a.jsonl', 'bad.tsv']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The workers start before the tokenizer is read: a bad one still fails the run in one clear line, and the workers
// started meanwhile are stopped (the test would not end otherwise).
test('prepare: a bad tokenizer fails the run with its message and leaves no output, workers or not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-prepare-workers-'));
  try {
    writeFileSync(join(dir, 'a.jsonl'), JSON.stringify({ text: 'Aspirin and myocardial infarction.' }) + '\n');
    writeFileSync(join(dir, 'bad.model'), 'not a protobuf at all');
    for (const workers of [0, 1, 2]) {
      await assert.rejects(prepareShards({
        inputs: [{ path: join(dir, 'a.jsonl'), format: 'jsonl', textFields: ['text'], textColumn: 'x', deid: 'tag' }],
        tokenizerPath: join(dir, 'bad.model'), ontology: 'builtin', nearDedup: false, seqLen: 64, out: join(dir, 'out'), workers,
      }), /bad\.model/, `${workers} workers`);
    }
    assert.deepEqual(readdirSync(dir).sort(), ['a.jsonl', 'bad.model']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
