// The prepare pipeline's output pinned byte for byte on real data: a sample of the shared abstracts (JSONL) and
// MTSamples notes (CSV, de-identified), linked with the full lexicon, on two worker threads with small batches.
// The digests were written by the code before the speed work of 2026-11-26 (commit b4aa25a); a change that
// alters any token id, entity span, concept number or manifest field fails here. Changes meant to alter the output
// (new linking and de-identification rules) update the pin, and their commits say by how much.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readCorpusFile } from '../../src/corpus/node-io.js';
import { prepareShards } from '../../src/cli/prepare.js';
import { repoRoot, sharedFile } from '../helpers/shared-data.js';

const abstracts = sharedFile('corpus', 'abstracts', 'abstracts.jsonl.gz');
const notes = sharedFile('corpus', 'mtsamples', 'mtsamples.csv.gz');
const lexicon = sharedFile('ontology', 'lexicon.tsv.gz');
const skip = abstracts.skip || notes.skip || lexicon.skip;

/** The first `count` lines of the abstracts as they are in the file, and the first again (a duplicate). */
function abstractLines(count: number): string {
  const lines = gunzipSync(readFileSync(abstracts.path)).toString('utf8').split('\n').slice(0, count);
  return [...lines, lines[0]].join('\n') + '\n';
}

/** Notes `from` to `to` as a two-column CSV (paragraphs kept apart by blank lines), and the first again. */
async function noteRows(from: number, to: number): Promise<string> {
  const rows: string[] = [];
  let k = 0;
  for await (const d of readCorpusFile(notes.path, { format: 'csv', textColumn: 'transcription' })) {
    if (k++ < from) continue;
    rows.push(`${d.id},"${d.paragraphs.join('\n\n').replaceAll('"', '""')}"`);
    if (k === to) break;
  }
  return ['note_id,transcription', ...rows, rows[0]].join('\n') + '\n';
}

const sha = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

test('prepare: shards and manifest on a real sample are byte for byte those of the code before the speed work', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-prepare-pinned-'));
  try {
    writeFileSync(join(dir, 'abstracts.jsonl'), abstractLines(500));
    writeFileSync(join(dir, 'notes.csv'), await noteRows(100, 350));
    const out = join(dir, 'out');
    const summary = await prepareShards({
      inputs: [
        { path: join(dir, 'abstracts.jsonl'), format: 'jsonl', textFields: ['title', 'abstract'], textColumn: 'x', deid: null },
        { path: join(dir, 'notes.csv'), format: 'csv', textFields: [], textColumn: 'transcription', deid: 'tag' },
      ],
      tokenizerPath: join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model'), ontology: lexicon.path, nearDedup: false,
      seqLen: 128, out, workers: 2, batchCharacters: 40_000,
    });
    const { seconds: _s, mb_per_s: _r, megabytes: _m, file_megabytes: _f, ...counts } = summary;
    // The manifest names the input files and the lexicon by path; only their names go into the digest.
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { info: { inputs: { path: string }[]; ontology: string } };
    for (const input of manifest.info.inputs) input.path = basename(input.path);
    manifest.info.ontology = basename(manifest.info.ontology);
    // Each input with the settings its format reads by, in the manifest's snake_case.
    assert.deepEqual(manifest.info.inputs, [
      { path: 'abstracts.jsonl', format: 'jsonl', text_fields: ['title', 'abstract'], deid: null },
      { path: 'notes.csv', format: 'csv', text_column: 'transcription', deid: 'tag' },
    ]);
    const digests = Object.fromEntries(readdirSync(out).sort().filter((f) => f !== 'manifest.json')
      .map((f) => [f, sha(readFileSync(join(out, f))).slice(0, 16)]));
    assert.deepEqual({ counts, manifest: sha(JSON.stringify(manifest)).slice(0, 16), digests }, PINNED);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const PINNED = {
  // 114 PHI spans since a clinician's town is found ("her dentist in X": 113 before; 5,297 sequences, 528,023 tokens)
  counts: { documents: 750, duplicates: 2, sequences: 5298, tokens: 528030, entities: 9269, entities_dropped: 18, concepts: 1728, phi_spans: 114, warnings: 0 },
  // 41e67fc101c645bb since the inputs are listed with their own format's settings alone (f91196e57c856925 before);
  // 48eb4c12f369b338 with the PHI span above
  manifest: '48eb4c12f369b338',
  digests: { 'shard-00000.bin': 'ee4a9832fbf0c8bb', 'tokenizer.model': '4cede7b4387f5667' },
};
