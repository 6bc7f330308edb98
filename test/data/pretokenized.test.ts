// Packing with sentences and tokens made ahead (preTokenize, as the reading thread does for a single packer) gives
// the same sequences and entity spans as packing that tokenizes for itself, over real abstracts and notes.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpusFile } from '../../src/corpus/node-io.js';
import { BatchPacker, type PackJob } from '../../src/data/batch-packer.js';
import { decodePackedBatch } from '../../src/data/packed-batch.js';
import { deidentifyDocument } from '../../src/data/deidentify-document.js';
import type { PackDocument } from '../../src/data/pack.js';
import { sentenceSpans } from '../../src/corpus/sentences.js';
import { preTokenize } from '../../src/data/pretokenized.js';
import { specialIds } from '../../src/data/special-tokens.js';
import { builtinMatcher } from '../../src/ontology/index.js';
import { SentencePieceModel } from '../../src/tokenizer/model.js';
import { readModelFile } from '../../src/tokenizer/node-io.js';
import { repoRoot, sharedFile } from '../helpers/shared-data.js';

const abstracts = sharedFile('corpus', 'abstracts', 'abstracts.jsonl.gz');
const notes = sharedFile('corpus', 'mtsamples', 'mtsamples.csv.gz');

async function firstDocuments(path: string, options: Parameters<typeof readCorpusFile>[1], count: number): Promise<PackDocument[]> {
  const docs: PackDocument[] = [];
  for await (const d of readCorpusFile(path, options)) {
    docs.push({ id: d.id, paragraphs: d.paragraphs });
    if (docs.length === count) break;
  }
  return docs;
}

test('packing pre-tokenized jobs equals packing that tokenizes itself (abstracts, and de-identified notes)', { skip: abstracts.skip || notes.skip }, async () => {
  const tokenizerPath = join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model');
  const sp = readModelFile(tokenizerPath);
  const matcher = await builtinMatcher();
  const jobs: PackJob[] = [];
  const abstractDocs = await firstDocuments(abstracts.path, { format: 'jsonl', textFields: ['title', 'abstract'] }, 120);
  for (let i = 0; i < abstractDocs.length; i += 40) jobs.push({ seq: jobs.length, deid: null, documents: abstractDocs.slice(i, i + 40) });
  const noteDocs = await firstDocuments(notes.path, { format: 'csv', textColumn: 'transcription' }, 40);
  for (let i = 0; i < noteDocs.length; i += 20) {
    const documents = noteDocs.slice(i, i + 20);
    jobs.push({ seq: jobs.length, deid: 'tag', documents, deidentified: documents.map((d) => deidentifyDocument(d, 'tag')) });
  }
  let entities = 0;
  for (const job of jobs) {
    const plain = new BatchPacker(sp, specialIds(sp, tokenizerPath), matcher, 64).run(job);
    const texts = job.documents.map((d, k) => job.deidentified?.[k].paragraphs ?? d.paragraphs);
    // Without a tokenizer, as the packing worker beside a tokenizing preparing worker packs.
    const ahead = new BatchPacker(null, specialIds(sp, tokenizerPath), matcher, 64).run({ ...job, tokens: preTokenize(sp, texts) });
    assert.deepEqual(ahead.stats, plain.stats, `job ${job.seq} stats`);
    const a = decodePackedBatch(ahead), b = decodePackedBatch(plain);
    assert.deepEqual(a, b, `job ${job.seq}`);
    for (const d of b) for (const s of d.sequences) entities += s.entities.length;
  }
  assert.ok(entities > 100, `only ${entities} entity spans: the comparison would say little`);
  assert.throws(() => new BatchPacker(null, specialIds(sp, tokenizerPath), matcher, 64).run(jobs[0]), /came untokenized to a packer without a tokenizer/);
});

test('preTokenize gives each sentence encodeOffsetsInto\'s tokens, for ASCII and non-ASCII paragraphs and ones longer than its buffer', () => {
  const modelPath = join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model');
  const sp = readModelFile(modelPath);
  // The expected tokens come from a model without the word cache: encodeOffsetsInto with the cache takes the same
  // plain-ASCII path as preTokenize, so it could not show that path wrong.
  const plain = SentencePieceModel.fromBytes(new Uint8Array(readFileSync(modelPath)), 'm', { wordCache: false });
  assert.ok(sp.cachesWords && !plain.cachesWords);
  const long = Array.from({ length: 9000 }, (_, i) => `Sentence ${i} of a long paragraph has words.`).join(' ');
  const documents = [
    ['The patient was given 5 mg of drug X. It worked well.', 'Temperature 37 \u00b0C, p \u2264 0.05. Then   extra  spaces.\tAnd a tab.'],
    [long, `\u03b2-blockers. ${long.slice(0, 5000)}`, ''],
    ['~~ unknown~~ pieces here. Words [in brackets] too.', 'caf\u00e9 au lait. Plain ASCII after it.'],
  ];
  const t = preTokenize(sp, documents);
  let sentence = 0;
  documents.flat().forEach((text, p) => {
    assert.equal(t.paragraphStarts[p], sentence, `paragraph ${p} starts at its first sentence`);
    for (const s of sentenceSpans(text)) {
      const [start, end, first, count] = t.sentences.subarray(4 * sentence, 4 * sentence + 4);
      assert.deepEqual([start, end], [s.start, s.end]);
      const n = plain.encodeOffsetsInto(text.slice(s.start, s.end));
      const want = [plain.idBuffer, plain.beginBuffer, plain.endBuffer].map((b) => Array.from(b.subarray(0, n)));
      assert.deepEqual([t.ids, t.begins, t.ends].map((b) => Array.from(b.subarray(first, first + count))), want, `paragraph ${p}, sentence at ${s.start}`);
      sentence++;
    }
  });
  assert.equal(t.sentences.length, 4 * sentence);
  assert.ok(sentence > 9000);
});
