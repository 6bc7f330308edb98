import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareShards, type PrepareRequest, type PrepareSummary } from '../../src/cli/prepare.js';
import { generateAbstracts, generateNotes } from '../../src/synth/index.js';
import { repoRoot } from '../helpers/shared-data.js';

const tokenizerPath = join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model');

/** Two generated inputs: abstracts (some repeated, one near-repeated, a malformed line late) and notes to de-identify. */
async function writeCorpus(dir: string): Promise<void> {
  const abstracts = (await generateAbstracts(240, 21)).map((a) => JSON.stringify({ id: a.pmid, text: `${a.title}\n\n${a.abstract}` }));
  const near = JSON.parse(abstracts[7]!) as { id: string; text: string };
  const lines = [...abstracts, abstracts[3]!, JSON.stringify({ id: 'near', text: `${near.text} Funded.` })];
  lines.splice(5, 0, '{"id": "broken", "text": '); // a warning early: in the part a resumed run reads past
  writeFileSync(join(dir, 'abstracts.jsonl'), lines.join('\n') + '\n');
  const notes = (await generateNotes(60, 22)).map((n) => JSON.stringify({ id: n.id, text: n.text }));
  writeFileSync(join(dir, 'notes.jsonl'), [...notes, abstracts[10]].join('\n') + '\n'); // an abstract again, in another input
}

function request(dir: string, o: Partial<PrepareRequest> = {}): PrepareRequest {
  return {
    inputs: [
      { path: join(dir, 'abstracts.jsonl'), format: 'jsonl', textFields: ['text'], textColumn: 'x', deid: null },
      { path: join(dir, 'notes.jsonl'), format: 'jsonl', textFields: ['text'], textColumn: 'x', deid: 'tag' },
    ],
    tokenizerPath, ontology: 'builtin', nearDedup: true, seqLen: 64, out: join(dir, 'out'), workers: 2,
    // Small batches and shards: a shard closes every few batches, and each close saves the run's progress.
    batchCharacters: 4000, shardBytes: 12_000, ...o,
    // Little read ahead: a stop asked for comes soon after the shard it waits for.
    readAheadCharacters: 8000,
  };
}

/** Every file of a folder, by name. */
function folderBytes(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));
}

/** The shards saved so far in the partial folder of `out` (0: none saved). */
function savedShards(dir: string): number {
  const path = join(dir, '.out.partial', 'progress.json');
  if (!existsSync(path)) return 0;
  return (JSON.parse(readFileSync(path, 'utf8')) as { point: { shards: { shards: unknown[] } } }).point.shards.shards.length;
}

const counts = (s: PrepareSummary): Omit<PrepareSummary, 'seconds' | 'mb_per_s'> => {
  const { seconds: _s, mb_per_s: _m, ...rest } = s;
  return rest;
};

test('prepare stopped after some shards and resumed writes the same folder as a run never stopped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-resume-'));
  try {
    await writeCorpus(dir);
    const whole = await prepareShards(request(dir));
    assert.equal(whole.warnings, 1, 'the malformed line');
    assert.ok(whole.duplicates >= 3, `exact and near duplicates dropped (${whole.duplicates})`);
    const reference = folderBytes(join(dir, 'out'));
    const shards = [...reference.keys()].filter((f) => f.startsWith('shard-')).length;
    assert.ok(shards >= 6, `several shards (${shards})`);
    rmSync(join(dir, 'out'), { recursive: true });

    for (const stops of [[1], [2, shards - 2]]) { // stopped once early; twice, the second time near the end
      for (const after of stops) {
        await assert.rejects(prepareShards(request(dir, { resume: true, shouldStop: () => savedShards(dir) >= after })),
          /prepare stopped by the user; the shards done are kept in .*\.out\.partial: the same command with --resume goes on from them/);
        assert.ok(!existsSync(join(dir, 'out')), 'no output yet');
        assert.ok(savedShards(dir) >= after, `${savedShards(dir)} shards saved`);
      }
      const resumed = await prepareShards(request(dir, { resume: true }));
      assert.deepEqual(counts(resumed), counts(whole), `the summary, stopped after ${stops.join(' and ')} shards`);
      const files = folderBytes(join(dir, 'out'));
      assert.deepEqual([...files.keys()], [...reference.keys()]);
      for (const [name, bytes] of reference) assert.ok(bytes.equals(files.get(name)!), `${name} differs, stopped after ${stops.join(' and ')} shards`);
      assert.deepEqual(readdirSync(dir).sort(), ['abstracts.jsonl', 'notes.jsonl', 'out'], 'no partial folder or lock left');
      rmSync(join(dir, 'out'), { recursive: true });
    }

    // With no workers too (the reference for threads), from a point saved by a threaded run.
    await assert.rejects(prepareShards(request(dir, { shouldStop: () => savedShards(dir) >= 3 })), /--resume goes on/);
    await prepareShards(request(dir, { resume: true, workers: 0 }));
    for (const [name, bytes] of reference) assert.ok(bytes.equals(readFileSync(join(dir, 'out', name))), `${name} differs (no workers)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('prepare --resume: refused when an input or setting changed; without --resume a run starts over', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-resume-'));
  try {
    await writeCorpus(dir);
    const stopAtFirst = { shouldStop: () => savedShards(dir) >= 1 };
    // Stopped before any shard was closed: nothing is kept.
    await assert.rejects(prepareShards(request(dir, { shouldStop: () => true })), /prepare stopped by the user; nothing was written to .*out$/);
    assert.deepEqual(readdirSync(dir).sort(), ['abstracts.jsonl', 'notes.jsonl']);

    await assert.rejects(prepareShards(request(dir, stopAtFirst)), /--resume goes on/);
    await assert.rejects(prepareShards(request(dir, { resume: true, seqLen: 128 })),
      /cannot resume: seq_len \(was 64, now 128\) differs from the stopped run's \(.*\.out\.partial\); run without --resume to start over/);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'notes.jsonl'), later, later);
    await assert.rejects(prepareShards(request(dir, { resume: true })), /cannot resume: inputs\[1\]\.modified \(was .*, now .*\) differs/);
    assert.ok(savedShards(dir) >= 1, 'a refused resume leaves the saved progress as it was');

    // Without --resume: from the beginning (the partial folder is replaced), as a run never stopped.
    const fresh = await prepareShards(request(dir));
    const again = await prepareShards(request(dir, { out: join(dir, 'again'), resume: true })); // nothing saved: from the start
    assert.deepEqual(counts(again), counts(fresh));
    for (const [name, bytes] of folderBytes(join(dir, 'out'))) assert.ok(bytes.equals(readFileSync(join(dir, 'again', name))), name);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
