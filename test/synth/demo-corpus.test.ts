import test from 'node:test';
import assert from 'node:assert/strict';
import { readPubtator } from '../../src/corpus/pubtator.js';
import { readJsonl } from '../../src/corpus/jsonl.js';
import { isPhiCategory } from '../../src/deid/types.js';
import { DEMO_CORPUS_DEFAULTS, generateDemoCorpus } from '../../src/synth/index.js';

test('demo corpus: the default sizes, every file, disjoint NER splits; generation time reported', async (t) => {
  const started = performance.now();
  const corpus = await generateDemoCorpus();
  t.diagnostic(`default demo corpus generated in ${(performance.now() - started).toFixed(0)} ms (measured, not asserted)`);
  assert.deepEqual(Object.keys(corpus.files).sort(), [
    'README.md', 'abstracts-mentions.jsonl', 'abstracts.jsonl', 'ner-dev.pubtator', 'ner-test.pubtator', 'ner-train.pubtator',
    'notes-phi.jsonl', 'notes.csv',
  ]);
  const s = corpus.stats;
  assert.equal(s.abstracts, DEMO_CORPUS_DEFAULTS.abstracts);
  assert.equal(s.notes, DEMO_CORPUS_DEFAULTS.notes);
  assert.deepEqual([s.ner.train.documents, s.ner.dev.documents, s.ner.test.documents], [400, 100, 100]);
  assert.ok(s.nerTestUnseenMentions > 0.05 * (s.ner.test.chemical + s.ner.test.disease), `${s.nerTestUnseenMentions} unseen test mentions`);
  const pmids = new Map<string, string>();
  for (const split of ['ner-train', 'ner-dev', 'ner-test']) {
    for await (const doc of readPubtator(corpus.files[`${split}.pubtator`]!, split)) {
      assert.equal(pmids.get(doc.pmid), undefined, `PMID ${doc.pmid} in two splits`);
      pmids.set(doc.pmid, split);
    }
  }
  assert.equal(pmids.size, 600);
  let abstracts = 0;
  for await (const doc of readJsonl(corpus.files['abstracts.jsonl']!, { fileName: 'abstracts.jsonl' })) {
    assert.equal(doc.paragraphs.length, 2);
    abstracts += 1;
  }
  assert.equal(abstracts, 1500);
  t.diagnostic(`sizes: ${JSON.stringify(s.bytes)}`);
});

test('demo corpus: notes-phi.jsonl gold documents select their spans in the note text', async () => {
  const corpus = await generateDemoCorpus({ seed: 3, abstracts: 5, notes: 60, nerTrain: 5, nerDev: 2, nerTest: 2 });
  const lines = corpus.files['notes-phi.jsonl']!.trimEnd().split('\n');
  assert.equal(lines.length, 60);
  for (const line of lines) {
    const gold = JSON.parse(line) as { id: string; group: string; text: string; spans: { start: number; end: number; label: string; category: string | null }[] };
    assert.match(gold.id, /^note-\d{5}$/);
    assert.ok(gold.spans.length > 5);
    for (const span of gold.spans) {
      assert.ok(span.category === null ? span.label === 'HOSPITAL_GENERIC_HEAD' : isPhiCategory(span.category), JSON.stringify(span));
      assert.ok(gold.text.slice(span.start, span.end).trim().length > 0);
    }
  }
  // Same options, same files; another seed, other files.
  const again = await generateDemoCorpus({ seed: 3, abstracts: 5, notes: 60, nerTrain: 5, nerDev: 2, nerTest: 2 });
  assert.deepEqual(again.files, corpus.files);
  const other = await generateDemoCorpus({ seed: 4, abstracts: 5, notes: 60, nerTrain: 5, nerDev: 2, nerTest: 2 });
  assert.notEqual(other.files['notes.csv'], corpus.files['notes.csv']);
});
