import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { gunzipSync } from 'node:zlib';
import { normalizeSpace, readCsv, readJsonl, readText } from '../../src/corpus/index.js';
import { readCorpusFile } from '../../src/corpus/node-io.js';
import { decodeUtf8, linesOf } from '../../src/corpus/text-stream.js';
import { sharedFile } from '../helpers/shared-data.js';
import { collect } from './helpers.js';

const abstracts = sharedFile('corpus', 'abstracts', 'abstracts.jsonl.gz');
const mtsamples = sharedFile('corpus', 'mtsamples', 'mtsamples.csv.gz');

test('JSONL abstracts: 3,218 records, title then abstract, id from pmid, other fields in meta', { skip: abstracts.skip }, async () => {
  const { docs, warnings } = await collect((onWarning) => readCorpusFile(abstracts.path, { onWarning, textFields: ['title', 'abstract'] }));
  assert.equal(warnings.length, 0);
  assert.equal(docs.length, 3218);
  assert.equal(new Set(docs.map((d) => d.id)).size, 3218); // SOURCE.md: 3,218 unique PMIDs
  const pubmedqa = docs.filter((d) => d.meta['source'] === 'pubmedqa-pqal');
  assert.equal(pubmedqa.length, 1000);
  assert.ok(pubmedqa.every((d) => d.paragraphs.length === 1)); // no title in PubMedQA
  assert.equal(docs[0].id, '17942999');
  assert.match(docs[0].paragraphs[1], /^PURPOSE: An auditory/);
  const abstractOnly = await collect(() => readCorpusFile(abstracts.path, { textFields: ['abstract'] }));
  assert.equal(abstractOnly.docs[0].paragraphs.length, 1);
});

test('JSONL: a numeric id keeps its digits as written, past 2^53 too', async () => {
  const input = '{"id": 12345678901234567890, "title": "One"}\n{"pmid":42,"title":"Two"}';
  const { docs } = await collect(() => readJsonl(input));
  assert.deepEqual(docs.map((d) => d.id), ['12345678901234567890', '42']);
});

test('JSONL: a bad line is skipped with a warning naming file and line', async () => {
  const input = '{"id":"a","title":"One"}\n{"id":"b","title":\n["not an object"]\n\n{"id":"c","abstract":"Two","title":"Three"}\n';
  const { docs, warnings } = await collect((onWarning) => readJsonl(input, { fileName: 'x.jsonl', onWarning }));
  assert.deepEqual(docs.map((d) => [d.id, d.paragraphs]), [['a', ['One']], ['c', ['Three', 'Two']]]);
  assert.deepEqual(warnings.map((w) => [w.file, w.line]), [['x.jsonl', 2], ['x.jsonl', 3]]);
});

test('JSONL: a record with none of the text fields as a string is named; empty fields are dropped quietly; a field no record has is named', async () => {
  const input = '{"id":"a","title":"One"}\n{"id":"b","nothing":"here"}\n{"id":"c","title":5,"abstract":null}\n{"id":"d","title":"","abstract":""}\n';
  const { docs, warnings } = await collect((onWarning) => readJsonl(input, { fileName: 'x.jsonl', textFields: ['title', 'body'], onWarning }));
  assert.deepEqual(docs.map((d) => d.id), ['a']);
  assert.deepEqual(warnings.map((w) => [w.line, w.message]), [
    [2, 'skipped a record with no text field (title, body) holding a string'],
    [3, 'skipped a record with no text field (title, body) holding a string'],
    [4, 'no record holds the text field body'],
  ]);
});

test('CSV MTSamples: 4,999 rows minus 33 missing transcriptions, quoted newlines handled', { skip: mtsamples.skip }, async () => {
  const { docs, warnings } = await collect((onWarning) => readCorpusFile(mtsamples.path, { onWarning, textColumn: 'transcription' }));
  assert.equal(warnings.length, 0);
  assert.equal(docs.length, 4999 - 33);
  assert.equal(docs[0].id, '1');
  assert.equal(docs[0].meta['medical_specialty'], 'Allergy / Immunology');
  assert.match(docs[0].paragraphs[0], /^SUBJECTIVE:, This 23-year-old white female presents with complaint of allergies\./);
  assert.equal(new Set(docs.map((d) => d.id)).size, docs.length);
});

test('CSV: malformed rows are skipped with warnings naming their lines; a missing column is an error', async () => {
  const input = 'id,transcription\n1,"first note"\n2,too,many\n3,"multi\nline"\n4,"bad"quote\n5,"ok"\n6,NA\n7,"fine"\n';
  const { docs, warnings } = await collect((onWarning) => readCsv(input, { fileName: 'n.csv', onWarning }));
  // Row 2 has a field too many (line 3); row 4 (line 6) has a bad closing quote, and its field would run on to the
  // next quote, taking in row 5 (line 7): the malformed row is line 6 alone, and row 5 is read; row 6 is a missing
  // value, dropped without a warning.
  assert.deepEqual(docs.map((d) => [d.id, d.paragraphs]), [['1', ['first note']], ['3', ['multi line']], ['5', ['ok']], ['7', ['fine']]]);
  assert.deepEqual(docs.map((d) => d.meta['line']), [2, 5, 7, 9]); // the line each row ends on
  assert.deepEqual(warnings.map((w) => w.line), [3, 6]);
  assert.match(warnings[1].message, /malformed CSV row/);
  assert.ok(warnings.every((w) => w.file === 'n.csv'));
  await assert.rejects(collect(() => readCsv(input, { textColumn: 'text', fileName: 'n.csv' })), /n\.csv: no column named 'text'/);
  // JSON Lines read as CSV: the first line is no header; the message is short and says what the file looks like.
  const jsonl = `{"pmid": "1", "title": "A title", "abstract": "${'Words, more words. '.repeat(40)}End."}\n`; // as PubMed dumps write it
  const error = await collect(() => readCsv(jsonl, { textColumn: 'text', fileName: 'a.jsonl' })).then(() => null, (e: unknown) => e as Error);
  assert.match(error?.message ?? '', /^a\.jsonl: no column named 'text' \(columns: \{"pmid": "1".*, \.\.\. \d+ more; the file looks like JSON, not CSV: --format jsonl\?\)$/);
  assert.ok((error?.message.length ?? 0) < 400, `${error?.message.length}`);
});

test('CSV: missing values, trimmed for the text column, as given for the others, of any length', async () => {
  const input = 'id,note,ward\n1,"  not recorded  ",A\n2,NA,B\n3,"kept note",not recorded\n4,"not recorded, then more",\n5," NA ",C\n';
  const { docs } = await collect(() => readCsv(input, { textColumn: 'note', missingValues: ['', 'NA', 'not recorded'] }));
  assert.deepEqual(docs.map((d) => [d.id, d.paragraphs, d.meta['ward'] ?? null]), [['3', ['kept note'], null], ['4', ['not recorded, then more'], null]]);
  const defaults = await collect(() => readCsv(input, { textColumn: 'note' }));
  assert.deepEqual(defaults.docs.map((d) => [d.id, d.meta['ward'] ?? null]), [['1', 'A'], ['3', 'not recorded'], ['4', null]]);
});

test('CSV from bytes reads as CSV from decoded text: BOM, invalid UTF-8, characters cut between chunks', async () => {
  const encoder = new TextEncoder();
  const bytes = new Uint8Array([
    0xef, 0xbb, 0xbf, ...encoder.encode('id,transcription\n1,"Café résumé: naïve ü"\n2,"bad '), 0xc3, 0x28, 0xff,
    ...encoder.encode(' bytes, µg/α"\n3,"euro € and 𝛼 in a\nsecond line"\n'), 0xe2, 0x82,
  ]);
  const fromText = async function* (): AsyncIterable<Uint8Array> { yield bytes; };
  const expected = await collect(() => readCsv(decodeUtf8(fromText()), { fileName: 'b.csv' }));
  assert.deepEqual(expected.docs.map((d) => d.id), ['1', '2', '3']);
  assert.match(expected.docs[1].paragraphs[0], /^bad \uFFFD\(\uFFFD bytes/);
  for (const size of [1, 2, 3, 7, bytes.length]) {
    const chunks = async function* (): AsyncIterable<Uint8Array> {
      for (let i = 0; i < bytes.length; i += size) yield Buffer.from(bytes.subarray(i, i + size));
    };
    const got = await collect(() => readCsv(chunks(), { fileName: 'b.csv' }));
    assert.deepEqual(got.docs, expected.docs, `chunks of ${size} bytes`);
    assert.deepEqual(got.warnings, expected.warnings);
  }
});

test('JSONL and text from bytes read as from decoded text: BOM, invalid UTF-8, CRLF, characters cut between chunks', async () => {
  const encoder = new TextEncoder();
  const bytes = new Uint8Array([
    0xef, 0xbb, 0xbf, ...encoder.encode('{"id":"a","title":"Café résumé"}\r\n{"id":"b","title":"bad '), 0xc3, 0x28, 0xff,
    ...encoder.encode(' µg"}\n\n\ufeff{"id":"c","title":"euro € 𝛼 cut"}\n{"id":"d","title":"end '), 0xe2, 0x82,
    ...encoder.encode('"}\n{"id":"x","title":"not JSON'), 0xe2, 0x0a,
    ...encoder.encode('{"id":"e","title":"no line break at the end"}'),
  ]);
  const whole = async function* (): AsyncIterable<Uint8Array> { yield bytes; };
  const expectedJsonl = await collect((onWarning) => readJsonl(decodeUtf8(whole()), { fileName: 'b.jsonl', onWarning }));
  const expectedText = await collect(() => readText(decodeUtf8(whole()), { fileName: 'b.txt' }));
  assert.deepEqual(expectedJsonl.docs.map((d) => d.id), ['a', 'b', 'd', 'e']);
  // Line 4 starts with a U+FEFF (kept past the start of the file: not JSON), line 6 is cut short; at the end, no
  // record had an abstract.
  assert.deepEqual(expectedJsonl.warnings.map((w) => w.line), [4, 6, 7]);
  assert.equal(expectedJsonl.warnings[2]?.message, 'no record holds the text field abstract');
  for (const size of [1, 2, 3, 7, bytes.length]) {
    const chunks = async function* (): AsyncIterable<Uint8Array> {
      for (let i = 0; i < bytes.length; i += size) yield Buffer.from(bytes.subarray(i, i + size));
    };
    const jsonl = await collect((onWarning) => readJsonl(chunks(), { fileName: 'b.jsonl', onWarning }));
    assert.deepEqual(jsonl, expectedJsonl, `JSONL in chunks of ${size} bytes`);
    assert.deepEqual(await collect(() => readText(chunks(), { fileName: 'b.txt' })), expectedText, `text in chunks of ${size} bytes`);
  }
  // The lines themselves, at the edges: a bare byte-order mark is no line, a lone CR is an empty one.
  const lines = async (source: AsyncIterable<string> | AsyncIterable<Uint8Array>): Promise<string[]> => {
    const out: string[] = [];
    for await (const line of linesOf(source)) out.push(line);
    return out;
  };
  for (const edge of [[0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0x0d], [0x0d], [0x0a, 0x0a], [0x61, 0xef, 0xbb, 0xbf, 0x0a, 0xef, 0xbb, 0xbf], []]) {
    const bytesOf = async function* (): AsyncIterable<Uint8Array> { yield new Uint8Array(edge); };
    assert.deepEqual(await lines(bytesOf()), await lines(decodeUtf8(bytesOf())), JSON.stringify(edge));
  }
});

test('JSONL from bytes: an ASCII line is parsed as a one-byte string beside other characters (its text stays one-byte)', async () => {
  const source = async function* (): AsyncIterable<Uint8Array> { yield new TextEncoder().encode('{"id":"1","title":"10 €"}\n{"id":"2","title":"plain"}\n'); };
  const { docs } = await collect(() => readJsonl(source()));
  const oneByte = (s: string): boolean => serialize(s)[2] === 0x22; // V8's serializer tags a one-byte string '"'
  assert.ok(oneByte(docs[1].paragraphs[0]));
  assert.ok(!oneByte(docs[0].paragraphs[0]));
});

test('text: paragraphs at blank lines, long books cut into bounded documents', async () => {
  const input = 'Chapter 1\n\nThe heart\npumps blood.\n\n\n  \nThe lungs breathe.\n\nEnd.';
  const { docs } = await collect(() => readText(input, { fileName: 'book.txt' }));
  assert.deepEqual(docs[0].paragraphs, ['Chapter 1', 'The heart pumps blood.', 'The lungs breathe.', 'End.']);
  const cut = await collect(() => readText(input, { fileName: 'book.txt', maxParagraphs: 3 }));
  assert.deepEqual(cut.docs.map((d) => [d.id, d.paragraphs.length]), [['book.txt#1', 3], ['book.txt#2', 1]]);
});

test('text: documents are cut where the text says, so the same pages make the same documents wherever they start', async () => {
  const book = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i} of the book, on page ${i >> 3}.`).join('\n\n');
  const docsOf = async (text: string): Promise<string[]> => (await collect(() => readText(text, { fileName: 'b.txt' }))).docs.map((d) => JSON.stringify(d.paragraphs));
  const alone = await docsOf(book);
  assert.ok(alone.length >= 4 && alone.every((d) => (JSON.parse(d) as string[]).length <= 1000), `${alone.length} documents`);
  const twice = await docsOf(`${book}\n\n${book}`);
  const prefixed = await docsOf(`A preface.\n\nIn two paragraphs.\n\n${book}`);
  // After the first cut, the copy's documents are those of the book alone: exact duplicate removal finds them.
  assert.deepEqual(prefixed.slice(-(alone.length - 1)), alone.slice(1));
  assert.deepEqual(twice.slice(-(alone.length - 1)), alone.slice(1));
  // All of them but the last are duplicates of the first copy's (whose last document runs on into the second copy).
  assert.equal(new Set(twice).size, twice.length - (alone.length - 2));
});

test('text: a lone CR ends a line as LF does; a file with no line break is read in bounded pieces', async () => {
  const { docs } = await collect(() => readText('Chapter 1\r\rThe heart\rpumps blood.\r\r\rEnd.\r', { fileName: 'mac.txt' }));
  assert.deepEqual(docs[0].paragraphs, ['Chapter 1', 'The heart pumps blood.', 'End.']);
  const words = 'word '.repeat(500_000); // 2.5 million characters, no line break
  const oneLine = await collect(() => readText((async function* () { for (let i = 0; i < words.length; i += 65_536) yield words.slice(i, i + 65_536); })()));
  const paragraphs = oneLine.docs.flatMap((d) => d.paragraphs);
  assert.ok(paragraphs.length >= 3 && paragraphs.every((p) => p.length <= 1 << 20), paragraphs.map((p) => p.length).join(' '));
  assert.equal(paragraphs.join(' '), words.trim());
});

test('linesOf on bytes: a line longer than the limit comes in pieces cut after a space or CR, never inside a character', { timeout: 10_000 }, async () => {
  const pieces = async (bytes: Uint8Array, max: number, chunk: number): Promise<string[]> => {
    const out: string[] = [];
    const chunks = async function* (): AsyncIterable<Uint8Array> { for (let i = 0; i < bytes.length; i += chunk) yield bytes.slice(i, i + chunk); };
    for await (const line of linesOf(chunks(), max)) out.push(line);
    return out;
  };
  const text = 'αβγ δεζ ηθι\r\nκλμνξοπρστυ\rφχψω';
  for (const chunk of [1, 3, 7, 64]) {
    const got = await pieces(new TextEncoder().encode(text), 8, chunk);
    assert.equal(got.join(''), text.replace('\r\n', '').replaceAll('\r', ''), `chunks of ${chunk}`);
    assert.ok(got.every((line) => !line.includes('\ufffd')), JSON.stringify(got));
    // A line whose end is in sight comes whole; one still open is cut at the limit (byte by byte: every piece).
    if (chunk === 1) assert.ok(got.every((line) => new TextEncoder().encode(line).length <= 8), JSON.stringify(got));
  }
  // Bytes that begin no character (invalid UTF-8) are cut anyway: the reader goes on (it once looped on them).
  const invalid = await pieces(new Uint8Array(40).fill(0x80), 8, 16);
  assert.equal(invalid.join('').length, 40);
});

test('normalizeSpace equals replace(/\\s+/g, " ").trim() around every UTF-16 code unit', () => {
  const reference = (t: string): string => t.replace(/\s+/g, ' ').trim();
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    for (const t of [`a${ch}b`, `${ch}ab`, `a ${ch}b`, `a${ch} b`]) {
      if (normalizeSpace(t) !== reference(t)) assert.fail(`U+${c.toString(16)} in ${JSON.stringify(t)}`);
    }
  }
});

test('normalizeSpace equals replace(/\\s+/g, " ").trim() on real notes and abstracts and on every kind of space', { skip: mtsamples.skip || abstracts.skip }, async () => {
  const reference = (t: string): string => t.replace(/\s+/g, ' ').trim();
  const raw = [
    gunzipSync(readFileSync(mtsamples.path)).toString('utf8').slice(0, 3_000_000),
    gunzipSync(readFileSync(abstracts.path)).toString('utf8').slice(0, 1_000_000),
  ];
  const pieces = raw.flatMap((t) => t.split(/\n\s*\n|","/));
  const odd = [' ', '  ', '\t', 'a \u00a0 b', '\u2028x\ty  z\n', ' x ', 'a\u3000b', 'a \n b', 'a\r\nb', '\ufeffa\u2003 \u200ab', 'x\u0085y', '\u180ez'];
  let changed = 0;
  for (const t of [...pieces, ...odd]) {
    assert.equal(normalizeSpace(t), reference(t), JSON.stringify(t.slice(0, 80)));
    if (reference(t) !== t) changed++;
  }
  assert.ok(pieces.length > 1000 && changed > 500, `${pieces.length} pieces, ${changed} changed`);
});
