import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchPacker } from '../../src/data/batch-packer.js';
import { deidentifyDocument } from '../../src/data/deidentify-document.js';
import { SequencePacker } from '../../src/data/pack.js';
import { decodePackedBatch } from '../../src/data/packed-batch.js';
import { openShardSource } from '../../src/data/shard-files.js';
import { specialIds } from '../../src/data/special-tokens.js';
import { builtinMatcher } from '../../src/ontology/index.js';
import { SentencePieceModel } from '../../src/tokenizer/index.js';
import { prepareShards } from '../../src/cli/prepare.js';
import { repoRoot } from '../helpers/shared-data.js';

const tokenizerPath = join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model');
const sp = SentencePieceModel.fromBytes(readFileSync(tokenizerPath), tokenizerPath);
const special = specialIds(sp, tokenizerPath);

test('packing: [CLS] … [SEP] sequences within the length, entity spans on the pieces of their mention', async () => {
  const packer = new SequencePacker({ tokenizer: sp, special, matcher: await builtinMatcher(), deid: null, seqLen: 32 });
  const text = 'Metformin is the first-line therapy for type 2 diabetes. Patients with breast cancer carrying BRCA1 ' +
    'mutations were treated with tamoxifen. ' + 'Long filler sentence without any entity mention at all here. '.repeat(3);
  const seqs = packer.pack({ id: 'd1', paragraphs: [text] });
  assert.ok(seqs.length >= 3);
  const mentions: string[] = [];
  for (const s of seqs) {
    assert.equal(s.ids[0], special.cls);
    assert.equal(s.ids[s.ids.length - 1], special.sep);
    assert.ok(s.ids.length <= 32);
    for (const e of s.entities) {
      mentions.push(sp.decode([...s.ids.slice(e.start, e.end)]).trim().toLowerCase());
      assert.ok(packer.concepts[e.concept] !== undefined);
    }
  }
  for (const m of ['metformin', 'type 2 diabetes', 'breast cancer', 'brca1', 'tamoxifen']) {
    assert.ok(mentions.includes(m), `${m} in ${JSON.stringify(mentions)}`);
  }
});

test('a sentence with more mentions than the encoder first has room for (256) keeps every one', async () => {
  const packer = new SequencePacker({ tokenizer: sp, special, matcher: await builtinMatcher(), deid: null, seqLen: 4096 });
  const seqs = packer.pack({ id: 'd1', paragraphs: [`${'metformin and tamoxifen, '.repeat(150)}all of them.`] });
  assert.equal(seqs.length, 1);
  const mentions = seqs[0].entities.map((e) => sp.decode([...seqs[0].ids.slice(e.start, e.end)]).trim().toLowerCase());
  assert.equal(mentions.length, 300);
  assert.deepEqual(new Set(mentions), new Set(['metformin', 'tamoxifen']));
  assert.equal(packer.stats.entitiesDropped, 0);
});

test('a packer de-identifies a note itself only when given the de-identifier, and fails it otherwise', async () => {
  const matcher = await builtinMatcher();
  const note = { id: 'n1', paragraphs: ['Mr. John Smith was seen on 03/14/2021 for type 2 diabetes; call 555-123-4567.'] };
  const job = { seq: 0, deid: 'tag' as const, documents: [note] };
  const given = new BatchPacker(sp, special, matcher, 32).run({ ...job, deidentified: [deidentifyDocument(note, 'tag')] });
  const itself = new BatchPacker(sp, special, matcher, 32, deidentifyDocument).run(job);
  assert.deepEqual(decodePackedBatch(itself), decodePackedBatch(given));
  assert.deepEqual(itself.stats, given.stats);
  assert.ok(given.stats.phiSpans >= 3, `${given.stats.phiSpans} PHI spans`);
  const text = sp.decode([...decodePackedBatch(given)[0].sequences[0].ids]);
  assert.ok(!text.includes('Smith') && !text.includes('4567'), text);
  const result = new BatchPacker(sp, special, matcher, 32).answer(job);
  assert.ok('error' in result && /n1.*neither given it nor a de-identifier/.test(result.error), JSON.stringify(result));
  // The same for a packer used alone.
  const options = { tokenizer: sp, special, matcher, deid: 'tag' as const, seqLen: 32 };
  assert.deepEqual(new SequencePacker({ ...options, deidentify: deidentifyDocument }).pack(note).map((q) => [...q.ids]),
    decodePackedBatch(given)[0].sequences.map((q) => [...q.ids]));
  assert.throws(() => new SequencePacker(options).pack(note), /n1/);
});

test('prepare writes shards the trainer reads, de-identifying notes and dropping exact duplicates', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbert-prepare-'));
  try {
    const note = 'Patient John Smith (MRN 4455667) seen on 03/14/2021 for type 2 diabetes; call 617-555-0199.';
    const lines = [note, note, 'Aspirin reduced the risk of myocardial infarction.'].map((t, i) => JSON.stringify({ id: i, text: t }));
    writeFileSync(join(dir, 'notes.jsonl'), lines.join('\n') + '\n');
    const summary = await prepareShards({
      inputs: [{ path: join(dir, 'notes.jsonl'), format: 'jsonl', textFields: ['text'], textColumn: 'x', deid: 'tag' }], tokenizerPath,
      ontology: 'builtin', nearDedup: false, seqLen: 64, out: join(dir, 'shards'),
    });
    assert.equal(summary.documents, 2);
    assert.equal(summary.duplicates, 1);
    assert.ok(summary.phi_spans >= 4, `PHI spans found: ${summary.phi_spans}`);
    assert.ok(summary.entities >= 3);
    const { manifest, source } = openShardSource(join(dir, 'shards'), 1);
    assert.equal(manifest.sequences, summary.sequences);
    assert.equal(manifest.concepts.length, summary.concepts);
    const decoded = [source.next(), source.next()].map((s) => sp.decode([...s.ids]));
    const all = decoded.join(' ');
    assert.ok(!all.includes('John') && !all.includes('Smith') && !all.includes('617-555'), all);
    assert.ok(all.includes('[NAME]') || all.includes('NAME'), all);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
