import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_LEXICON_TSV, EntityMatcher } from '../../src/ontology/index.js';
import { loadMatcher, loadMatcherSnapshot } from '../../src/ontology/node-io.js';
import { prepareShards, type PrepareRequest } from '../../src/cli/prepare.js';
import { repoRoot } from '../helpers/shared-data.js';

const TEXT = 'Metformin lowers glucose in type 2 diabetes; cisplatin-induced nephrotoxicity and BRCA1 mutations in breast cancer.';

test('lexicon cache: the first load builds and stores, the next reads back a matcher that links the same', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-lexicon-cache-'));
  try {
    const lexicon = join(dir, 'lexicon.tsv');
    writeFileSync(lexicon, BUILTIN_LEXICON_TSV);
    const cacheDir = join(dir, 'cache');
    const built = await loadMatcher(lexicon);
    const first = await loadMatcherSnapshot(lexicon, { cacheDir });
    assert.equal(first.cached, false);
    assert.equal(readdirSync(cacheDir).length, 1);
    const second = await loadMatcherSnapshot(lexicon, { cacheDir });
    assert.equal(second.cached, true);
    const expected = built.match(TEXT);
    assert.ok(expected.length >= 4, JSON.stringify(expected));
    assert.deepEqual(new EntityMatcher(second.snapshot).match(TEXT), expected);
    assert.deepEqual((await loadMatcher(lexicon, { cacheDir })).match(TEXT), expected);

    // Another lexicon (one concept fewer) is another entry, never the old one.
    writeFileSync(lexicon, BUILTIN_LEXICON_TSV.split('\n').filter((l) => !/\tMetformin\t/.test(l)).join('\n'));
    const edited = await loadMatcherSnapshot(lexicon, { cacheDir });
    assert.equal(edited.cached, false);
    assert.equal(readdirSync(cacheDir).length, 2);
    assert.ok(!new EntityMatcher(edited.snapshot).match(TEXT).some((s) => s.text === 'Metformin'));

    // A damaged entry is rebuilt and written again.
    for (const f of readdirSync(cacheDir)) writeFileSync(join(cacheDir, f), readFileSync(join(cacheDir, f)).subarray(0, 100));
    const rebuilt = await loadMatcherSnapshot(lexicon, { cacheDir });
    assert.equal(rebuilt.cached, false);
    assert.equal((await loadMatcherSnapshot(lexicon, { cacheDir })).cached, true);

    // Only the four most recently used entries stay.
    for (let k = 0; k < 5; k++) {
      writeFileSync(lexicon, BUILTIN_LEXICON_TSV + `MESH:X${k}\tDisease\tInvented disease ${k}\t\n`);
      await loadMatcherSnapshot(lexicon, { cacheDir });
    }
    assert.equal(readdirSync(cacheDir).length, 4);
    assert.equal((await loadMatcherSnapshot(lexicon, { cacheDir })).cached, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('lexicon cache: a cache folder that cannot be written is one warning line, and the matcher is still built', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-lexicon-cache-'));
  const written: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => { written.push(chunk); return true; }) as typeof process.stderr.write;
  try {
    const lexicon = join(dir, 'lexicon.tsv');
    writeFileSync(lexicon, BUILTIN_LEXICON_TSV);
    writeFileSync(join(dir, 'a-file'), 'x');
    const loaded = await loadMatcherSnapshot(lexicon, { cacheDir: join(dir, 'a-file') });
    assert.equal(loaded.cached, false);
    assert.ok(new EntityMatcher(loaded.snapshot).match(TEXT).length >= 4);
  } finally {
    process.stderr.write = write;
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(written.length, 1);
  assert.match(written[0] ?? '', /^medbert: warning: the lexicon cache .+a-file cannot be written \(.+a-file is a file, not a folder\); the matcher is built again next run/);
});

test('prepare writes the same shards with the lexicon cache cold, warm, and off, on 0 and 2 workers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-lexicon-cache-'));
  try {
    const lexicon = join(dir, 'lexicon.tsv');
    writeFileSync(lexicon, BUILTIN_LEXICON_TSV);
    writeFileSync(join(dir, 'a.jsonl'), JSON.stringify({ title: 'Cisplatin nephrotoxicity.', abstract: TEXT }) + '\n');
    const run = async (name: string, workers: number, lexiconCache: string | null): Promise<Buffer> => {
      const request: PrepareRequest = {
        inputs: [{ path: join(dir, 'a.jsonl'), format: 'jsonl', textFields: ['title', 'abstract'], textColumn: 'x', deid: null }],
        tokenizerPath: join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model'), ontology: lexicon, nearDedup: false, seqLen: 64,
        out: join(dir, name), workers, lexiconCache,
      };
      const summary = await prepareShards(request);
      assert.ok(summary.entities >= 4, JSON.stringify(summary));
      return readFileSync(join(dir, name, 'shard-00000.bin'));
    };
    const reference = await run('off', 0, null);
    const cache = join(dir, 'cache');
    for (const [name, workers] of [['cold', 2], ['warm', 2], ['warm0', 0]] as const) {
      assert.ok((await run(name, workers, cache)).equals(reference), `${name} differs`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
