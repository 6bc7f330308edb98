import test from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { readCsv } from '../../src/corpus/csv.js';
import { generateNotes, toCsv, toJsonl } from '../../src/synth/index.js';

test('toCsv: quoting survives commas, quotes, line breaks and edge spaces (csv-parse reads it back)', () => {
  const records = [
    { id: 'a', text: 'plain' },
    { id: 'b,c', text: 'she said "no"\nthen left' },
    { id: ' d ', text: 'line one\r\nline two, with comma' },
    { id: 'e', text: null },
    { id: 7, text: true },
  ];
  const csv = toCsv(records, ['id', 'text']);
  const rows = parse(csv) as string[][];
  assert.deepEqual(rows, [
    ['id', 'text'],
    ['a', 'plain'],
    ['b,c', 'she said "no"\nthen left'],
    [' d ', 'line one\r\nline two, with comma'],
    ['e', ''],
    ['7', 'true'],
  ]);
});

test('toCsv: generated notes parse back byte for byte, and the corpus CSV reader reads their transcription column', async () => {
  const notes = await generateNotes(40, 3);
  const csv = toCsv(notes.map((n) => ({ id: n.id, style: n.style, transcription: n.text })), ['id', 'style', 'transcription']);
  const rows = parse(csv, { columns: true }) as { id: string; style: string; transcription: string }[];
  assert.deepEqual(rows.map((r) => r.transcription), notes.map((n) => n.text));
  assert.deepEqual(rows.map((r) => r.id), notes.map((n) => n.id));
  const ids = new Set<string>();
  for await (const doc of readCsv(csv, { fileName: 'notes.csv' })) ids.add(doc.id);
  assert.deepEqual([...ids], notes.map((n) => n.id));
});

test('toJsonl: one object per line, each parses back', () => {
  const records = [{ a: 1, b: 'x\ny' }, { a: 2, b: 'quote " and \\' }];
  const text = toJsonl(records);
  assert.equal(text.split('\n').length, 3);
  assert.ok(text.endsWith('\n'));
  assert.deepEqual(text.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown), records);
});
