import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileText } from '../../src/corpus/node-io.js';
import { specialIds } from '../../src/data/special-tokens.js';
import {
  LabelSet, basicWords, buildExamples, decodeBio, readIob, readPubtatorNer, scoreNer, toPubtator, type NerDocument,
} from '../../src/tasks/ner/index.js';
import { SentencePieceModel } from '../../src/tokenizer/index.js';
import { repoRoot, sharedFile } from '../helpers/shared-data.js';

const doc = (id: string, mentions: [number, number, string][]): NerDocument =>
  ({ id, text: 'x'.repeat(100), mentions: mentions.map(([start, end, type]) => ({ start, end, type, text: '' })) });

test('scorer: exact boundaries and type, per type and micro-averaged', () => {
  const gold = [doc('1', [[0, 5, 'Chemical'], [10, 20, 'Disease'], [30, 35, 'Disease']]), doc('2', [[0, 4, 'Chemical']])];
  const pred = [
    doc('1', [[0, 5, 'Chemical'], [10, 19, 'Disease'], [30, 35, 'Chemical'], [40, 45, 'Disease']]),
    doc('2', [[0, 4, 'Chemical'], [0, 4, 'Chemical']]),
  ];
  const s = scoreNer(gold, pred);
  // tp: 1:[0,5,C], 2:[0,4,C]; fp: [10,19,D] (boundary off by one), [30,35,C] (wrong type), [40,45,D]
  assert.deepEqual([s.tp, s.fp, s.fn], [2, 3, 2]);
  assert.equal(s.precision, 2 / 5);
  assert.equal(s.recall, 2 / 4);
  assert.deepEqual([s.by_type['Chemical']!.tp, s.by_type['Chemical']!.fp, s.by_type['Chemical']!.fn], [2, 1, 0]);
  assert.deepEqual([s.by_type['Disease']!.tp, s.by_type['Disease']!.fp, s.by_type['Disease']!.fn], [0, 2, 2]);
  const empty = scoreNer(gold, [doc('1', []), doc('2', [])]);
  assert.deepEqual([empty.precision, empty.recall, empty.f1], [0, 0, 0]);
  const nested = scoreNer([doc('1', [[0, 10, 'Disease'], [0, 4, 'Chemical']])], [doc('1', [[0, 10, 'Disease'], [0, 4, 'Chemical']])]);
  assert.equal(nested.f1, 1);
  const adjacent = scoreNer([doc('1', [[0, 4, 'Disease'], [4, 8, 'Disease']])], [doc('1', [[0, 8, 'Disease']])]);
  assert.deepEqual([adjacent.tp, adjacent.fp, adjacent.fn], [0, 1, 2]);
});

test('BIO decoding repairs invalid sequences as conlleval does', () => {
  const set = new LabelSet(['Chemical', 'Disease']);
  const [O, BC, IC, BD, ID] = [0, 1, 2, 3, 4];
  assert.deepEqual(decodeBio([BC, IC, O, BD, ID, ID], set), [{ start: 0, end: 2, type: 'Chemical' }, { start: 3, end: 6, type: 'Disease' }]);
  assert.deepEqual(decodeBio([IC, IC, O], set), [{ start: 0, end: 2, type: 'Chemical' }], 'I after O starts a span');
  assert.deepEqual(decodeBio([BC, ID, ID], set), [{ start: 0, end: 1, type: 'Chemical' }, { start: 1, end: 3, type: 'Disease' }], 'type change');
  assert.deepEqual(decodeBio([BC, BC], set), [{ start: 0, end: 1, type: 'Chemical' }, { start: 1, end: 2, type: 'Chemical' }]);
});

test('basic words split on spaces and punctuation', () => {
  const text = 'TNF-α-induced (5 mg/kg) injury.';
  assert.deepEqual(basicWords(text).map((w) => text.slice(w.start, w.end)), ['TNF', '-', 'α', '-', 'induced', '(', '5', 'mg', '/', 'kg', ')', 'injury', '.']);
});

test('IOB reader and PubTator writer round-trip mentions', () => {
  const docs = readIob('Cisplatin\tB-Chemical\ninduced\tO\nrenal\tB-Disease\nfailure\tI-Disease\n\nOK\tO\n', 'x.tsv');
  assert.equal(docs.length, 2);
  assert.deepEqual(docs[0]!.mentions.map((m) => [m.text, m.type]), [['Cisplatin', 'Chemical'], ['renal failure', 'Disease']]);
  assert.throws(() => readIob('word\tX-Bad\n', 'bad.tsv'), /bad\.tsv:1: expected "token<TAB>tag"/);
  assert.deepEqual(docs.map((d) => d.id), ['line-1', 'line-6']);
  assert.match(toPubtator(docs), /^line-1\|t\|Cisplatin induced renal failure\n/);
  // A line break or tab in a text becomes a space: the file reads back, every offset the same.
  const written = toPubtator([{ id: '7', text: 'Famotidine caused\ndelirium\tand naloxone.', mentions: [{ start: 18, end: 26, text: 'delirium', type: 'Disease' }] }]);
  assert.equal(written, '7|t|Famotidine caused delirium and naloxone.\n7|a|\n7\t18\t26\tdelirium\tDisease\t-1\n\n');
});

const jnlpba = sharedFile('ner-extra', 'jnlpba', 'iob', 'devel.tsv');
test('IOB: CoNLL -DOCSTART- lines are not sentences (JNLPBA devel: 1,739 sentences, 4,551 entities, SOURCE.md)', { skip: jnlpba.skip }, () => {
  const docs = readIob(readFileSync(jnlpba.path, 'utf8'), 'devel.tsv');
  assert.equal(docs.length, 1739);
  assert.equal(docs.reduce((n, d) => n + d.mentions.length, 0), 4551);
  assert.ok(docs.every((d) => !d.text.includes('-DOCSTART-')));
});

const bc5cdr = sharedFile('bc5cdr', 'pubtator', 'CDR_TestSet.PubTator.txt');
test('every word-aligned BC5CDR gold mention maps to pieces and back to the same characters', { skip: bc5cdr.skip }, async () => {
  const tokenizerPath = join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model');
  const sp = SentencePieceModel.fromBytes(readFileSync(tokenizerPath), tokenizerPath);
  const docs = await readPubtatorNer(fileText(bc5cdr.path), bc5cdr.path);
  const set = new LabelSet(['Chemical', 'Disease']);
  const stats = { mentions: 0, aligned: 0, skippedTypes: 0 };
  const examples = buildExamples(docs, sp, specialIds(sp, tokenizerPath), set, 128, stats);
  assert.equal(stats.mentions, 5385 + 4424);
  assert.ok(stats.aligned / stats.mentions > 0.98, `aligned ${stats.aligned} of ${stats.mentions}`);
  // Decode the gold labels the model is trained on: the spans must be exactly the aligned gold mentions.
  const decoded: NerDocument[] = docs.map((d) => ({ ...d, mentions: [] as NerDocument['mentions'] }));
  for (const e of examples) {
    assert.ok(e.ids.length <= 128);
    for (const span of decodeBio(e.labels, set)) {
      const start = e.words[span.start]!.start, end = e.words[span.end - 1]!.end;
      (decoded[e.docIndex]!.mentions as NerDocument['mentions'][number][]).push({ start, end, type: span.type, text: '' });
    }
  }
  const s = scoreNer(docs, decoded);
  assert.equal(s.fp, 0, 'no span appears that gold does not have');
  assert.equal(s.tp, stats.aligned - duplicates(docs), 'every aligned mention comes back');
});

function duplicates(docs: readonly NerDocument[]): number {
  let n = 0;
  for (const d of docs) {
    const seen = new Set<string>();
    for (const m of d.mentions) {
      const k = `${m.start}:${m.end}:${m.type}`;
      if (seen.has(k)) n++;
      seen.add(k);
    }
  }
  return n;
}
