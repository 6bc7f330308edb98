import test from 'node:test';
import assert from 'node:assert/strict';
import { dedupe, documentText, hash64Hex, MinHashIndex, type CorpusDocument } from '../../src/corpus/index.js';
import { documentKey } from '../../src/corpus/dedup.js';
import { readCorpusFile } from '../../src/corpus/node-io.js';
import { sharedFile } from '../helpers/shared-data.js';

const abstracts = sharedFile('corpus', 'abstracts', 'abstracts.jsonl.gz');

async function* from(docs: CorpusDocument[]): AsyncIterable<CorpusDocument> {
  yield* docs;
}

async function all(docs: AsyncIterable<CorpusDocument>): Promise<CorpusDocument[]> {
  const out: CorpusDocument[] = [];
  for await (const d of docs) out.push(d);
  return out;
}

async function realAbstracts(limit: number): Promise<CorpusDocument[]> {
  const out: CorpusDocument[] = [];
  for await (const d of readCorpusFile(abstracts.path, { textFields: ['abstract'] })) {
    if (d.paragraphs[0].length > 800) out.push(d);
    if (out.length === limit) break;
  }
  return out;
}

test('exact duplicates (same text, other id or case) are dropped; the first copy wins', { skip: abstracts.skip }, async () => {
  const docs = await realAbstracts(200);
  const copies = docs.slice(0, 50).map((d) => ({ ...d, id: `${d.id}-copy`, paragraphs: d.paragraphs.map((p) => p.toUpperCase()) }));
  const dropped: string[] = [];
  const kept = await all(dedupe(from([...docs, ...copies]), { onDuplicate: (d, kind) => dropped.push(`${kind}:${d.id}`) }));
  assert.deepEqual(kept.map((d) => d.id), docs.map((d) => d.id));
  assert.equal(dropped.length, 50);
  assert.ok(dropped.every((x) => x.startsWith('exact:') && x.endsWith('-copy')));
});

test('near-duplicates (a few words edited) are found only with the option; distinct abstracts are kept', { skip: abstracts.skip }, async () => {
  const docs = await realAbstracts(300);
  const edited = docs.slice(0, 40).map((d) => {
    const words = d.paragraphs[0].split(' ');
    words[Math.floor(words.length / 2)] = 'EDITED';
    return { ...d, id: `${d.id}-edited`, paragraphs: [words.join(' ')] };
  });
  const input = [...docs, ...edited];
  assert.equal((await all(dedupe(from(input)))).length, input.length);
  const kept = await all(dedupe(from(input), { near: true }));
  assert.deepEqual(kept.map((d) => d.id), docs.map((d) => d.id));
});

test('MinHash similarity estimates Jaccard similarity of shingle sets', () => {
  const index = new MinHashIndex({ shingleSize: 1, bands: 32, rows: 8 });
  const words = Array.from({ length: 200 }, (_, i) => `w${i}`);
  const a = index.signature(words.slice(0, 150).join(' '));
  const b = index.signature(words.slice(50, 200).join(' ')); // 100 shared of 200 distinct: Jaccard 0.5
  const estimate = MinHashIndex.similarity(a, b);
  assert.ok(Math.abs(estimate - 0.5) < 0.1, `estimate ${estimate}`);
  assert.equal(MinHashIndex.similarity(a, a), 1);
});

test('documentKey equals hash64Hex(documentText(doc)) on real abstracts and notes, ASCII or not', { skip: abstracts.skip }, async () => {
  let ascii = 0, other = 0;
  const check = (doc: CorpusDocument): void => {
    assert.equal(documentKey(doc), hash64Hex(documentText(doc)), doc.id);
    if (/[^\x00-\x7f]/.test(doc.paragraphs.join(''))) other++;
    else ascii++;
  };
  for await (const d of readCorpusFile(abstracts.path, { textFields: ['title', 'abstract'] })) {
    check(d);
    if (ascii + other === 2000) break;
  }
  // Upper case, several paragraphs, and letters whose lower case differs in length (İ → i̇).
  check({ id: 'x', source: 's', paragraphs: ['ASPIRIN Dose', 'Second PARAGRAPH'], meta: {} });
  check({ id: 'y', source: 's', paragraphs: ['İstanbul ÉTUDE', 'Ωmega'], meta: {} });
  assert.ok(ascii > 100 && other > 10, `${ascii} ASCII and ${other} other documents`);
});
