import test from 'node:test';
import assert from 'node:assert/strict';
import { Deduper, dedupe, documentText, MinHashIndex, type CorpusDocument } from '../../src/corpus/index.js';
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

test('documentKey is the same exactly when documentText is, on real abstracts and notes, ASCII or not', { skip: abstracts.skip }, async () => {
  const textOfKey = new Map<string, string>();
  const keyOfText = new Map<string, string>();
  let ascii = 0, other = 0;
  const check = (doc: CorpusDocument): void => {
    const key = documentKey(doc), text = documentText(doc);
    assert.equal(textOfKey.get(key) ?? text, text, `${doc.id}: another text has the key ${key}`);
    assert.equal(keyOfText.get(text) ?? key, key, `${doc.id}: the same text had another key`);
    textOfKey.set(key, text);
    keyOfText.set(text, key);
  };
  const variants = (doc: CorpusDocument): void => {
    // Upper-casing can change the lower case beyond ASCII (ß → SS → ss, µ → Μ → μ): the key follows the text.
    const same = (paragraphs: string[], what: string): void => {
      const copy = { ...doc, paragraphs };
      assert.equal(documentKey(copy) === documentKey(doc), documentText(copy) === documentText(doc), `${doc.id} ${what}`);
    };
    same(doc.paragraphs.map((p) => p.toUpperCase()), 'upper-cased');
    same(doc.paragraphs.map((p) => p.toLowerCase()), 'lower-cased');
    const middle = doc.paragraphs[0].length >> 1;
    const edited = [doc.paragraphs[0].slice(0, middle) + '#' + doc.paragraphs[0].slice(middle + 1), ...doc.paragraphs.slice(1)];
    if (documentText({ ...doc, paragraphs: edited }) !== documentText(doc)) check({ ...doc, id: `${doc.id} edited`, paragraphs: edited });
  };
  for await (const d of readCorpusFile(abstracts.path, { textFields: ['title', 'abstract'] })) {
    check(d);
    if (ascii + other < 300) variants(d);
    if (/[^\x00-\x7f]/.test(d.paragraphs.join(''))) other++;
    else ascii++;
    if (ascii + other === 2000) break;
  }
  assert.ok(ascii > 100 && other > 10, `${ascii} ASCII and ${other} other documents`);
  assert.ok(textOfKey.size > 2000, `${textOfKey.size} distinct texts`);
});

test('documentKey: paragraphs, lengths and lower-casing beyond ASCII', () => {
  const key = (...paragraphs: string[]): string => documentKey({ id: 'x', source: 's', paragraphs, meta: {} });
  assert.equal(key('ASPIRIN Dose', 'Second PARAGRAPH'), key('aspirin dose', 'second paragraph'));
  assert.notEqual(key('aspirin dose', 'second paragraph'), key('aspirin dose second paragraph'));
  assert.notEqual(key('aspirin dose', 'second paragraph'), key('aspirin dose\nsecond', 'paragraph'));
  assert.equal(key('aspirin dose', 'second paragraph'), key('aspirin dose\nsecond paragraph'));
  // Every length around the four-byte steps, and a trailing NUL, which the padding must not hide.
  const lengths = new Set(Array.from({ length: 12 }, (_, n) => key('abcdefghijkl'.slice(0, n + 1))));
  assert.equal(lengths.size, 12);
  assert.notEqual(key('abc'), key('abc\u0000'));
  assert.notEqual(key('@[`{'), key('`{@['));
  assert.equal(key('AZ@[`{'), key('az@[`{'));
  // Non-ASCII text lower-cases the long way: the Kelvin sign is k, İ becomes two characters, a final Σ is ς.
  assert.equal(key('\u212A DOSE'), key('k dose'));
  assert.equal(key('İstanbul ÉTUDE', 'Ωmega'), key('İstanbul ÉTUDE'.toLowerCase(), 'ωmega'));
  assert.notEqual(key('İstanbul'), key('istanbul'));
  assert.equal(key('ΟΔΟΣ'), key('οδος'));
  assert.notEqual(key('ΟΔΟΣ'), key('οδοσ'));
  assert.notEqual(key('é'), key('e'));
});

test('one Deduper across inputs drops a document repeated in a later input; separate ones do not', { skip: abstracts.skip }, async () => {
  const docs = await realAbstracts(60);
  const first = docs.slice(0, 40);
  const second = [...docs.slice(40), { ...docs[3], id: 'again' }];
  const deduper = new Deduper();
  const kept = [...await all(dedupe(from(first), { deduper })), ...await all(dedupe(from(second), { deduper }))];
  assert.deepEqual(kept.map((d) => d.id), docs.map((d) => d.id));
  assert.equal((await all(dedupe(from(second)))).length, second.length);
  await assert.rejects(all(dedupe(from(first), { deduper, near: true })), /Deduper/);
});

test('documentKey of a document too long to keep its buffer: same key for the same text, whatever comes between', () => {
  const long = 'Aspirin and Myocardial Infarction. '.repeat(60_000); // 2.1M characters: over the kept buffer
  const key = (text: string): string => documentKey({ id: 'x', source: 's', paragraphs: [text], meta: {} });
  const first = key(long);
  const short = key('a short note');
  assert.equal(key('A SHORT NOTE'), short);
  assert.equal(key(long.toUpperCase()), first);
  assert.notEqual(key(long + '.'), first);
  assert.equal(key('a short note'), short);
});
