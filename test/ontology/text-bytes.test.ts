import test from 'node:test';
import assert from 'node:assert/strict';
import { scanAsciiTokens, scanTokens, TokenBuffers, type TokenRuns } from '../../src/ontology/normalize.js';
import { TextBytes, PADDING } from '../../src/ontology/text-bytes.js';
import { readCorpusFile } from '../../src/corpus/node-io.js';
import type { CorpusDocument } from '../../src/corpus/index.js';
import { sharedFile } from '../helpers/shared-data.js';

const runsOf = (r: TokenRuns): number[][] => {
  const out: number[][] = [];
  for (let k = 0; k < r.count; k++) out.push([r.start[k], r.end[k], r.flags[k]]);
  return out;
};

/** The byte scanner's runs for an ASCII text, through a TextBytes as the matcher loads it. */
function asciiRuns(bytes: TextBytes, text: string, buffers = new TokenBuffers(4)): number[][] {
  assert.equal(bytes.load(text), true, text);
  return runsOf(scanAsciiTokens(bytes.bytes, text.length, buffers));
}

test('scanAsciiTokens gives scanTokens\' runs: possessives, gluing, digits, the text\'s ends', () => {
  const bytes = new TextBytes();
  for (const text of [
    '', 's', "'s", "a's", "a's.", "a'sb", "Alzheimer's disease", "patients' drugs", "1's", "IL6's", 'IL-6, TNFa2 and 5-FU',
    "it's", "x's'", "a''s", "ab's's", '  lead and trail  ', 'abc', '123', 'a1b2c3', "don't", "a's1",
  ]) assert.deepEqual(asciiRuns(bytes, text), runsOf(scanTokens(text)), JSON.stringify(text));
});

test('scanAsciiTokens gives scanTokens\' runs on generated ASCII text (letters, digits, apostrophes, s)', () => {
  const bytes = new TextBytes();
  const alphabet = "aAsSzZ09'' .,-()s\n";
  let x = 12345;
  for (let n = 0; n < 3000; n++) {
    let text = '';
    const length = n % 40;
    for (let i = 0; i < length; i++) {
      x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 1 | 0;
      text += alphabet[(x >>> 8) % alphabet.length];
    }
    assert.deepEqual(asciiRuns(bytes, text), runsOf(scanTokens(text)), JSON.stringify(text));
  }
});

test('TextBytes: ASCII texts byte for byte, others with every ASCII character in place, zeros after, any length', () => {
  const bytes = new TextBytes();
  assert.equal(bytes.load('IL-6 in µg/ml'), false);
  assert.deepEqual([...bytes.bytes.subarray(0, 13 + PADDING)],
    [...'IL-6 in '].map((c) => c.charCodeAt(0)).concat([0x80], [...'g/ml'].map((c) => c.charCodeAt(0)), [0, 0, 0, 0]));
  assert.equal(bytes.load('a\u{1F600}b'), false); // a surrogate pair: two characters, two 0x80s
  assert.deepEqual([...bytes.bytes.subarray(0, 4 + PADDING)], [97, 0x80, 0x80, 98, 0, 0, 0, 0]);
  assert.equal(bytes.load('naïve'), false);
  assert.equal(bytes.load('plain text.'), true);
  const long = 'word '.repeat(30000); // past the first buffer
  assert.equal(bytes.load(long), true);
  assert.equal(new TextDecoder().decode(bytes.bytes.subarray(0, long.length)), long);
  assert.deepEqual([...bytes.bytes.subarray(long.length, long.length + PADDING)], [0, 0, 0, 0]);
  // A shorter text after a longer one: the bytes after it are zeros again (the scanner's sentinel).
  assert.equal(bytes.load('ab'), true);
  assert.deepEqual([...bytes.bytes.subarray(0, 2 + PADDING)], [97, 98, 0, 0, 0, 0]);
});

const abstracts = sharedFile('corpus', 'abstracts', 'abstracts.jsonl.gz');
const mtsamples = sharedFile('corpus', 'mtsamples', 'mtsamples.csv.gz');

test('scanAsciiTokens gives scanTokens\' runs on every ASCII paragraph of the real abstracts and notes', { skip: abstracts.skip || mtsamples.skip }, async () => {
  const bytes = new TextBytes();
  const buffers = new TokenBuffers();
  let checked = 0;
  const files = [
    readCorpusFile(abstracts.path, { format: 'jsonl', textFields: ['title', 'abstract'] }),
    readCorpusFile(mtsamples.path, { format: 'csv', textColumn: 'transcription' }),
  ];
  for (const docs of files) {
    for await (const doc of docs as AsyncIterable<CorpusDocument>) {
      for (const text of doc.paragraphs) {
        if (!bytes.load(text)) continue;
        const fast = runsOf(scanAsciiTokens(bytes.bytes, text.length, buffers));
        assert.deepEqual(fast, runsOf(scanTokens(text)));
        checked++;
      }
    }
  }
  assert.ok(checked > 5000, `${checked} paragraphs`);
});
