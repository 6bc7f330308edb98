import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serialize } from 'node:v8';
import { CsvRows, type CsvRow } from '../../src/corpus/csv-rows.js';

const encoder = new TextEncoder();

/** All rows of the bytes, fed in chunks of `size` bytes. */
function rowsOf(bytes: Uint8Array, size: number): CsvRow[] {
  const rows = new CsvRows(',');
  const out: CsvRow[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(...rows.push(bytes.subarray(i, i + size)));
  out.push(...rows.end());
  return out;
}

/** A small deterministic random source (the test must not depend on the run). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = ['a', 'word ', 'é', '€', '𝛼', ',', '""', '\n', '\r\n', ' ', 'NA', 'µg'];

/** A CSV of `count` rows (id, quoted text, plain note) and what each row is: its fields and its lines. */
function sample(count: number, lineBreak: string, seed: number): { csv: string; rows: Array<{ fields: string[]; firstLine: number; lastLine: number }> } {
  const next = random(seed);
  const rows = [{ fields: ['id', 'text', 'note'], firstLine: 1, lastLine: 1 }];
  let csv = `id,text,note${lineBreak}`;
  let line = 1;
  for (let r = 1; r <= count; r++) {
    // One row in 50 is long: longer than a parse piece, so it spans many chunks.
    const length = r % 50 === 7 ? 150_000 : Math.floor(next() * 400);
    let quoted = '';
    while (quoted.length < length) quoted += PIECES[Math.floor(next() * PIECES.length)];
    const text = quoted.replaceAll('""', '"');
    const note = r % 3 === 0 ? '' : `n${r}é`;
    const firstLine = line + 1;
    line = firstLine + (text.match(/\n/g)?.length ?? 0);
    rows.push({ fields: [String(r), text, note], firstLine, lastLine: line });
    csv += `${r},"${quoted}",${note}${lineBreak}`;
  }
  return { csv, rows };
}

test('CSV rows: the same rows, fields and lines whatever the chunks, through rows longer than a parse piece', () => {
  for (const lineBreak of ['\n', '\r\n']) {
    const { csv, rows } = sample(400, lineBreak, lineBreak.length);
    const bytes = encoder.encode(csv);
    assert.ok(bytes.length > 10 * (1 << 16), `${bytes.length} bytes`);
    for (const size of [7, 1000, 65_536, 100_003, bytes.length]) {
      const got = rowsOf(bytes, size);
      assert.equal(got.length, rows.length, `chunks of ${size}, '${JSON.stringify(lineBreak)}'`);
      for (let i = 0; i < rows.length; i++) {
        assert.deepEqual({ ...got[i] }, { ...rows[i], error: null }, `row ${i}, chunks of ${size}, ${JSON.stringify(lineBreak)}`);
      }
    }
  }
});

test('CSV rows: a byte-order mark is dropped at the start, even cut between chunks, and kept further on', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('a,b\n\ufeffx,y\n')]);
  for (const size of [1, 2, 4, bytes.length]) {
    assert.deepEqual(rowsOf(bytes, size).map((r) => r.fields), [['a', 'b'], ['\ufeffx', 'y']], `chunks of ${size}`);
  }
});

test('CSV rows: a last row with or without a line break; blank lines are rows of one empty field', () => {
  assert.deepEqual(rowsOf(encoder.encode('a,b\n1,2'), 3).map((r) => [r.fields, r.lastLine]), [[['a', 'b'], 1], [['1', '2'], 2]]);
  assert.deepEqual(rowsOf(encoder.encode('a,b\n\n1,2\n'), 3).map((r) => [r.fields, r.lastLine]), [[['a', 'b'], 1], [[''], 2], [['1', '2'], 3]]);
  assert.deepEqual(rowsOf(new Uint8Array(0), 1), []);
});

test('CSV rows: bad quoting makes a malformed row of its first line, and the rows it took in are read again', () => {
  const bytes = encoder.encode('id,t\n1,"ok"\n2,"bad"x\n3,"y"\n4,"never closed\n5,more\n6,"multi\nline"\n');
  for (const size of [1, 5, 7, bytes.length]) {
    const rows = rowsOf(bytes, size);
    assert.deepEqual(rows.map((r) => [r.fields[0], r.firstLine, r.lastLine, r.error !== null]),
      [['id', 1, 1, false], ['1', 2, 2, false], [undefined, 3, 3, true], ['3', 4, 4, false], [undefined, 5, 5, true], ['5', 6, 6, false],
        ['6', 7, 8, false]], `chunks of ${size}`);
  }
});

test('CSV rows: many malformed rows among good ones are each one line, the good ones read, in any chunking', () => {
  const lines = ['id,t'];
  for (let i = 0; i < 3000; i++) lines.push(i % 3 === 0 ? `${i},"unclosed ${i}` : `${i},"fine, ${i}"`);
  const bytes = encoder.encode(lines.join('\n') + '\n');
  for (const size of [4096, 1 << 16, bytes.length]) {
    const rows = rowsOf(bytes, size);
    assert.equal(rows.length, 3001, `chunks of ${size}`);
    assert.equal(rows.filter((r) => r.error !== null).length, 1000);
    assert.deepEqual(rows[3]?.fields, ['2', 'fine, 2']);
    assert.ok(rows.every((r, k) => r.firstLine === k + 1 && r.lastLine === k + 1));
  }
});

test('CSV rows: invalid UTF-8 becomes U+FFFD, as a TextDecoder gives it, and a character cut between chunks is whole', () => {
  const bytes = new Uint8Array([...encoder.encode('a,"x'), 0xc3, 0x28, 0xff, 0xe2, 0x82, ...encoder.encode('€"\n')]);
  const expected = new TextDecoder().decode(bytes.subarray(3, bytes.length - 2));
  for (const size of [1, 2, 3, bytes.length]) assert.deepEqual(rowsOf(bytes, size)[0].fields, ['a', expected], `chunks of ${size}`);
});

test('CSV rows: an ASCII field is a one-byte string even beside other characters (later steps and postMessage pay for two)', () => {
  const rows = rowsOf(encoder.encode('id,text\n1,plain ascii note\n2,"café €"\n'), 1 << 20);
  const oneByte = (s: string): boolean => serialize(s)[2] === 0x22; // V8's serializer tags a one-byte string '"'
  assert.equal(rows[2].fields[1], 'café €');
  assert.ok(oneByte(rows[1].fields[1]));
  assert.ok(!oneByte(rows[2].fields[1]));
});

test('CSV rows: ASCII delimiters and ones beyond ASCII (as their UTF-8 bytes, parsed as Latin-1) split fields; an empty one is refused', () => {
  for (const delimiter of [';', '\t', '\u00a7', '\u2016']) {
    const rows = new CsvRows(delimiter);
    const bytes = encoder.encode(`a${delimiter}b\n1${delimiter}x \u00e9\n`);
    const fields = [...rows.push(bytes), ...rows.end()].map((r) => r.fields);
    assert.deepEqual(fields, [['a', 'b'], ['1', 'x \u00e9']], JSON.stringify(delimiter));
  }
  assert.throws(() => new CsvRows(''), /delimiter/);
});
