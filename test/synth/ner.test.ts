import test from 'node:test';
import assert from 'node:assert/strict';
import { readPubtator, type PubtatorDocument } from '../../src/corpus/pubtator.js';
import { MedbertError } from '../../src/errors.js';
import { builtinMatcher } from '../../src/ontology/index.js';
import {
  builtinSynthLexicon, generateNerDocuments, heldOutConcepts, toPubtator, type NerDocument,
} from '../../src/synth/index.js';

async function parse(text: string): Promise<PubtatorDocument[]> {
  const docs: PubtatorDocument[] = [];
  for await (const doc of readPubtator(text, 'synthetic.pubtator')) docs.push(doc);
  return docs;
}

test('ner: deterministic from the seed', async () => {
  assert.deepEqual(await generateNerDocuments(30, 9), await generateNerDocuments(30, 9));
  assert.notDeepEqual(toPubtator(await generateNerDocuments(30, 9)), toPubtator(await generateNerDocuments(30, 10)));
});

test('ner: toPubtator output parses with readPubtator and gives back every document and mention', async () => {
  const docs = await generateNerDocuments(200, 4);
  const text = toPubtator(docs);
  assert.match(text, /^20000000\|t\|.+\n20000000\|a\|.+\n20000000\t\d+\t\d+\t[^\t]+\t(Chemical|Disease)\t(D\d+|-1)\n/);
  const parsed = await parse(text);
  assert.equal(parsed.length, docs.length);
  parsed.forEach((p, k) => {
    const d = docs[k] as NerDocument;
    assert.equal(p.pmid, d.pmid);
    assert.equal(p.title, d.title);
    assert.equal(p.abstract, d.abstract);
    assert.deepEqual(p.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, type: m.type, ids: m.ids })),
      d.mentions.map((m) => ({ ...m, ids: [...m.ids] })));
    for (const m of p.mentions) assert.equal(p.text.slice(m.start, m.end), m.text);
  });
});

test('ner: every lexicon chemical and disease in the text is annotated, genes are not, ids are bare MeSH', async () => {
  const matcher = await builtinMatcher();
  let checked = 0;
  for (const d of await generateNerDocuments(300, 12)) {
    const text = `${d.title} ${d.abstract}`;
    const found = matcher.match(text).filter((s) => s.type !== 'gene').map((s) => `${s.start}-${s.end} ${s.id.replace(/^MESH:/, '')}`);
    const gold = d.mentions.filter((m) => m.ids.length > 0).map((m) => `${m.start}-${m.end} ${m.ids[0]}`);
    assert.deepEqual(found, gold, `${d.pmid}: ${text}`);
    for (const m of d.mentions) {
      assert.equal(text.slice(m.start, m.end), m.text);
      for (const id of m.ids) assert.match(id, /^D\d+$/);
    }
    checked += gold.length;
  }
  assert.ok(checked > 3000, `${checked} mentions checked`);
});

test('ner: invented drug names are Chemicals without ids; held-out concepts never reach the training split', async () => {
  const lexicon = await builtinSynthLexicon();
  const held = heldOutConcepts(lexicon, 0.2, 1);
  assert.equal(held.size, Math.round(lexicon.diseases.length * 0.2) + Math.round(lexicon.chemicals.length * 0.2));
  const train = await generateNerDocuments(300, 2, { exclude: held });
  const heldBare = new Set([...held].map((id) => id.replace(/^MESH:/, '')));
  const mentions = train.flatMap((d) => d.mentions);
  assert.ok(!mentions.some((m) => m.ids.some((id) => heldBare.has(id))));
  const invented = mentions.filter((m) => m.ids.length === 0);
  assert.ok(invented.length > 50, `${invented.length} invented drug mentions`);
  assert.ok(invented.every((m) => m.type === 'Chemical' && /^[A-Za-z]+$/.test(m.text)));
  const test_ = await generateNerDocuments(300, 3);
  assert.ok(test_.flatMap((d) => d.mentions).some((m) => m.ids.some((id) => heldBare.has(id))), 'the full split mentions held-out concepts');
});

test('toPubtator: a line break inside a title or abstract is a MedbertError, not a broken file', () => {
  const doc: NerDocument = { pmid: '1', title: 'two\nlines', abstract: 'x', mentions: [] };
  assert.throws(() => toPubtator([doc]), MedbertError);
});
