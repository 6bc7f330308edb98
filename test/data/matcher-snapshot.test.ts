// The prepare workers get the matcher as a snapshot built on another thread (src/ontology/matcher-snapshot.ts);
// these tests check that a restored matcher links exactly like the one it came from.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readCorpusFile } from '../../src/corpus/node-io.js';
import { builtinMatcher, EntityMatcher, linkWithAbbreviations } from '../../src/ontology/index.js';
import { loadMatcher } from '../../src/ontology/node-io.js';
import { sharedFile } from '../helpers/shared-data.js';

const lexicon = sharedFile('ontology', 'lexicon.tsv.gz');
const abstracts = sharedFile('corpus', 'abstracts', 'abstracts.jsonl.gz');

test('matcher snapshot: the built-in lexicon restored through structuredClone links the same spans', async () => {
  const built = await builtinMatcher();
  const restored = new EntityMatcher(structuredClone(built.snapshot()));
  assert.deepEqual(restored.size, built.size);
  const text = "TNF-α and IL-6 rose in Alzheimer's disease; type 2 diabetes patients took metformin (MET). MET helped. " +
    'Breast cancers with BRCA1 mutations; tamoxifen; epileptic seizures; hypertensive crisis.';
  const spans = linkWithAbbreviations(built, text);
  assert.ok(spans.length >= 8, JSON.stringify(spans));
  assert.deepEqual(linkWithAbbreviations(restored, text), spans);
  // A snapshot of the restored matcher is the same data again (entries read back lazily are complete).
  assert.deepEqual(restored.snapshot(), built.snapshot());
});

test('matcher snapshot: a restored matcher takes new concepts like the built one (its arrays copied on the first add)', async () => {
  const built = await builtinMatcher();
  const restored = new EntityMatcher(structuredClone(built.snapshot()));
  const text = 'TNF-α, IL6 and Zorblatin Kinase ZBK1 in zorblatin-induced Frobnitz syndromes; BRCA1 and metformin.';
  linkWithAbbreviations(restored, text); // read first: the lazily restored parts are made before the add
  for (const m of [built, restored]) {
    m.add({ id: 'TEST:1', type: 'gene', preferredName: 'Zorblatin Kinase', synonyms: ['ZBK1', 'ZBK-1'] });
    m.add({ id: 'TEST:2', type: 'disease', preferredName: 'Frobnitz syndrome', synonyms: [] });
    m.add({ id: 'TEST:3', type: 'chemical', preferredName: 'zorblatin', synonyms: ['TNF-alpha'] });
  }
  const spans = linkWithAbbreviations(built, text);
  assert.ok(spans.some((s) => s.id === 'TEST:1') && spans.some((s) => s.id === 'TEST:2'), JSON.stringify(spans));
  assert.deepEqual(linkWithAbbreviations(restored, text), spans);
  assert.deepEqual(restored.snapshot(), built.snapshot());
  assert.deepEqual(restored.concepts, built.concepts);
});

test('matcher snapshot: the full lexicon restored links 300 real abstracts exactly as built', { skip: lexicon.skip || abstracts.skip }, async () => {
  const built = await loadMatcher(lexicon.path);
  const restored = new EntityMatcher(structuredClone(built.snapshot()));
  assert.deepEqual(restored.size, built.size);
  let documents = 0, mentions = 0;
  for await (const d of readCorpusFile(abstracts.path, { format: 'jsonl', textFields: ['title', 'abstract'] })) {
    for (const p of d.paragraphs) {
      const expected = linkWithAbbreviations(built, p);
      mentions += expected.length;
      assert.deepEqual(linkWithAbbreviations(restored, p), expected, `document ${d.id}`);
    }
    if (++documents === 300) break;
  }
  assert.ok(mentions > 3000, `only ${mentions} mentions in ${documents} abstracts`);
});
