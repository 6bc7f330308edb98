import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareShards, type PrepareRequest, type PrepareSummary } from '../../src/cli/prepare.js';
import { generateAbstracts, generateNotes } from '../../src/synth/index.js';
import { repoRoot } from '../helpers/shared-data.js';

const tokenizerPath = join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model');

/**
 * Four generated inputs: abstracts over three files (some repeated, one near-repeated, two malformed lines) and
 * notes to de-identify (with an abstract again).
 */
async function writeCorpus(dir: string): Promise<void> {
  const abstracts = (await generateAbstracts(240, 21)).map((a) => JSON.stringify({ id: a.pmid, text: `${a.title}\n\n${a.abstract}` }));
  const near = JSON.parse(abstracts[7]!) as { id: string; text: string };
  const lines = [...abstracts, abstracts[3]!, JSON.stringify({ id: 'near', text: `${near.text} Funded.` })];
  lines.splice(5, 0, '{"id": "broken", "text": '); // a warning early: in the part a resumed run reads past
  // And one last in the second file: a save after its last batch has counted it already.
  for (const [k, part] of [lines.slice(0, 90), [...lines.slice(90, 170), '{"id": "cut'], lines.slice(170)].entries()) {
    writeFileSync(join(dir, `abstracts-${k}.jsonl`), part.join('\n') + '\n');
  }
  const notes = (await generateNotes(60, 22)).map((n) => JSON.stringify({ id: n.id, text: n.text }));
  writeFileSync(join(dir, 'notes.jsonl'), [...notes, abstracts[10]].join('\n') + '\n'); // an abstract again, in another input
}

const INPUT_FILES = ['abstracts-0.jsonl', 'abstracts-1.jsonl', 'abstracts-2.jsonl', 'notes.jsonl'];

function request(dir: string, o: Partial<PrepareRequest> = {}): PrepareRequest {
  return {
    inputs: INPUT_FILES.map((file) => ({ path: join(dir, file), format: 'jsonl' as const, textFields: ['text'], textColumn: 'x', deid: file === 'notes.jsonl' ? 'tag' as const : null })),
    tokenizerPath, ontology: 'builtin', nearDedup: true, seqLen: 64, out: join(dir, 'out'), workers: 2,
    // Small batches and shards: a shard closes every few batches, and each close saves the run's progress.
    batchCharacters: 4000, shardBytes: 12_000,
    // Little read ahead: a stop asked for comes soon after the shard it waits for.
    readAheadCharacters: 8000, ...o,
  };
}

/** Every file of a folder, by name. */
function folderBytes(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));
}

/** The folder holds exactly the reference's files, byte for byte. */
function assertSameFolder(dir: string, reference: Map<string, Buffer>, what: string): void {
  const files = folderBytes(dir);
  assert.deepEqual([...files.keys()], [...reference.keys()], what);
  for (const [name, bytes] of reference) assert.ok(bytes.equals(files.get(name)!), `${name} differs, ${what}`);
}

/** The progress saved so far in the partial folder of `out` (null: none saved). */
function savedPoint(dir: string): { position: { input: number; records: number }; shards: { shards: unknown[] } } | null {
  const path = join(dir, '.out.partial', 'progress.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { point: ReturnType<typeof savedPoint> }).point : null;
}

/** The shards saved so far (0: none). */
const savedShards = (dir: string): number => savedPoint(dir)?.shards.shards.length ?? 0;

/** Runs `body` in a new folder holding the generated corpus (writeCorpus), removed afterwards. */
async function withCorpus(body: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-resume-'));
  try {
    await writeCorpus(dir);
    await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const counts = (s: PrepareSummary): Omit<PrepareSummary, 'seconds' | 'mb_per_s'> => {
  const { seconds: _s, mb_per_s: _m, ...rest } = s;
  return rest;
};

test('prepare stopped after any of its saves and resumed writes the same folder as a run never stopped', async () => {
  await withCorpus(async (dir) => {
    const whole = await prepareShards(request(dir, { workers: 0 }));
    assert.equal(whole.warnings, 2, 'the malformed lines');
    assert.ok(whole.duplicates >= 3, `exact and near duplicates dropped (${whole.duplicates})`);
    const reference = folderBytes(join(dir, 'out'));
    const shards = [...reference.keys()].filter((f) => f.startsWith('shard-')).length;
    assert.ok(shards >= 10, `several shards (${shards})`);
    const outputIs = (what: string): void => {
      assertSameFolder(join(dir, 'out'), reference, what);
      assert.deepEqual(readdirSync(dir).sort(), [...INPUT_FILES, 'out'], `no partial folder or lock left, ${what}`);
      rmSync(join(dir, 'out'), { recursive: true });
    };
    rmSync(join(dir, 'out'), { recursive: true });

    // Stopped after each save in turn (no threads: the reference the threaded runs match), then resumed.
    const stoppedAt: string[] = [];
    for (let after = 1; after < shards; after++) {
      await assert.rejects(prepareShards(request(dir, { workers: 0, shouldStop: () => savedShards(dir) >= after })),
        /prepare stopped by the user; the shards done are kept in .*\.out\.partial: the same command with --resume goes on from them/);
      assert.ok(!existsSync(join(dir, 'out')), 'no output yet');
      const point = savedPoint(dir)!;
      stoppedAt.push(`${point.position.input}:${point.position.records}`);
      const resumed = await prepareShards(request(dir, { workers: 0, resume: true }));
      assert.deepEqual(counts(resumed), counts(whole), `the summary, stopped at ${stoppedAt.at(-1)}`);
      outputIs(`stopped at ${stoppedAt.at(-1)}`);
    }
    assert.ok(new Set(stoppedAt.map((at) => at.split(':')[0])).size === INPUT_FILES.length, `saves inside every input: ${stoppedAt.join(' ')}`);

    // With threads: stopped twice, the second time near the end, and resumed each time. Results still on their way
    // when a run stops are not written: the partial folder holds the shards saved, no more.
    const shardFiles = (): number => readdirSync(join(dir, '.out.partial')).filter((f) => f.startsWith('shard-')).length;
    for (const after of [2, shards - 2]) {
      // All read at once: many results are on their way when the stop comes.
      await assert.rejects(prepareShards(request(dir, { resume: true, readAheadCharacters: 1e9, shouldStop: () => savedShards(dir) >= after })),
        /--resume goes on/);
      assert.equal(shardFiles(), savedShards(dir), 'no shard written after the run stopped');
    }
    const resumed = await prepareShards(request(dir, { resume: true }));
    assert.deepEqual(counts(resumed), counts(whole));
    outputIs('stopped twice, with threads');
  });
});

test('prepare resumed from a save at the end of an input reads on from the next one', async () => {
  await withCorpus(async (dir) => {
    const oneBatchShards = { workers: 0, shardBytes: 1 }; // a shard, and a save, after every batch
    await prepareShards(request(dir, oneBatchShards));
    const reference = folderBytes(join(dir, 'out'));
    rmSync(join(dir, 'out'), { recursive: true });
    const atInputStart = (): boolean => {
      const point = savedPoint(dir);
      return point !== null && point.position.input === 2 && point.position.records === 0;
    };
    await assert.rejects(prepareShards(request(dir, { ...oneBatchShards, shouldStop: atInputStart })), /--resume goes on/);
    assert.ok(atInputStart(), JSON.stringify(savedPoint(dir)?.position));
    await prepareShards(request(dir, { ...oneBatchShards, resume: true }));
    assertSameFolder(join(dir, 'out'), reference, 'resumed at an input\'s start');
  });
});

test('prepare --resume: refused when an input or setting changed; without --resume a run starts over', async () => {
  await withCorpus(async (dir) => {
    const stopAtFirst = { shouldStop: () => savedShards(dir) >= 1 };
    // Stopped before any shard was closed: nothing is kept.
    await assert.rejects(prepareShards(request(dir, { shouldStop: () => true })), /prepare stopped by the user; nothing was written to .*out$/);
    assert.deepEqual(readdirSync(dir).sort(), INPUT_FILES);

    // A caller with no use for resuming (demo): no saves, and a stopped run keeps nothing.
    let batches = 0;
    await assert.rejects(prepareShards(request(dir, { resumable: false, shouldStop: () => ++batches > 20 })), /nothing was written/);
    assert.deepEqual(readdirSync(dir).sort(), INPUT_FILES);

    await assert.rejects(prepareShards(request(dir, stopAtFirst)), /--resume goes on/);
    await assert.rejects(prepareShards(request(dir, { resume: true, seqLen: 128 })),
      /cannot resume: seq_len \(was 64, now 128\) differs from the stopped run's \(.*\.out\.partial\); run without --resume to start over/);
    const progressFile = join(dir, '.out.partial', 'progress.json');
    const saved = readFileSync(progressFile);
    // Shards made by another build of medbert (an upgrade between the stop and the resume) are not taken for this one's.
    const otherBuild = JSON.parse(saved.toString()) as { settings: { code_sha256: string } };
    assert.match(otherBuild.settings.code_sha256, /^[0-9a-f]{64}$/);
    otherBuild.settings.code_sha256 = '0'.repeat(64);
    writeFileSync(progressFile, JSON.stringify(otherBuild));
    await assert.rejects(prepareShards(request(dir, { resume: true })), /cannot resume: the stopped run \(.*\.out\.partial\) was made by another build of medbert; run without --resume to start over/);
    writeFileSync(progressFile, '{"format": "medbert-prepare-progress", "version": 1}');
    await assert.rejects(prepareShards(request(dir, { resume: true })), /^MedbertError: cannot resume from .*progress\.json: not a progress file of this medbert/);
    const badEntry = JSON.parse(saved.toString()) as { point: { shards: { shards: unknown[] } } };
    badEntry.point.shards.shards[0] = { file: '../../elsewhere', sha256: 'x', sequences: 1, tokens: 1 };
    writeFileSync(progressFile, JSON.stringify(badEntry));
    await assert.rejects(prepareShards(request(dir, { resume: true })), /not a progress file of this medbert/);
    writeFileSync(progressFile, saved);
    const shard = join(dir, '.out.partial', 'shard-00000.bin');
    const shardBytes = readFileSync(shard);
    writeFileSync(shard, shardBytes.subarray(0, 100)); // as a power cut could leave it
    await assert.rejects(prepareShards(request(dir, { resume: true })), /cannot resume: .*shard-00000\.bin is missing or not as it was written/);
    writeFileSync(shard, shardBytes);

    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'notes.jsonl'), later, later);
    await assert.rejects(prepareShards(request(dir, { resume: true })), /cannot resume: inputs\[3\]\.modified \(was .*, now .*\) differs/);
    assert.ok(savedShards(dir) >= 1, 'a refused resume leaves the saved progress as it was');

    // Without --resume: from the beginning (the partial folder is replaced, and that is said), as a run never stopped.
    const said: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string | Uint8Array): boolean => said.push(String(chunk)) > 0) as typeof process.stderr.write;
    let fresh: PrepareSummary;
    try {
      fresh = await prepareShards(request(dir));
    } finally {
      process.stderr.write = write;
    }
    assert.ok(said.some((l) => /^prepare: starting over: the shards a stopped run kept in .*\.out\.partial are replaced \(--resume goes on from them\)\n$/.test(l)), said.join(''));
    const again = await prepareShards(request(dir, { out: join(dir, 'again'), resume: true })); // nothing saved: from the start
    assert.deepEqual(counts(again), counts(fresh));
    assertSameFolder(join(dir, 'again'), folderBytes(join(dir, 'out')), '--resume with nothing saved');
  });
});
