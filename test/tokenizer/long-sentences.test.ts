// Sentences longer than the encoder's reused buffers start with (BUFFER_START bytes, model.ts; the normalizer's and
// the segmentation's are as large): they grow, and the pieces are those of the sentence's words one by one (the
// BERT fixture splits at every space, so a sentence's pieces are its words' pieces in turn).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SentencePieceModel } from '../../src/tokenizer/index.js';
import { BUFFER_START } from '../../src/tokenizer/model.js';
import { repoRoot } from '../helpers/shared-data.js';

const bertModel = (): Uint8Array => new Uint8Array(readFileSync(resolve(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model')));

test('a sentence longer than the first buffers encodes as its words do, with and without the word cache', () => {
  const vocabulary = ['patient', 'émigré', 'hypertension', 'mg/dL', 'TNF-α', 'of', 'x'];
  const words = Array.from({ length: 9000 }, (_, i) => vocabulary[i % vocabulary.length] + (i % 11 === 0 ? String(i) : ''));
  const sentence = words.join(' ');
  assert.ok(new TextEncoder().encode(sentence).length > 3 * BUFFER_START, 'longer than the buffers');
  for (const wordCache of [true, false]) {
    const model = SentencePieceModel.fromBytes(bertModel(), 'm', { wordCache });
    const expected = words.flatMap((w) => model.encode(w));
    assert.deepEqual(model.encode(sentence), expected, `encode, word cache ${wordCache}`);
    const n = model.encodeOffsetsInto(sentence);
    assert.deepEqual(Array.from(model.idBuffer.subarray(0, n)), expected, `encodeOffsetsInto, word cache ${wordCache}`);
    const pieces = model.encodeWithOffsets(sentence);
    assert.deepEqual(pieces.map((p) => p.id), expected);
    assert.deepEqual(Array.from(model.beginBuffer.subarray(0, n)), pieces.map((p) => p.begin), 'begins as encodeWithOffsets gives them');
    assert.deepEqual(Array.from(model.endBuffer.subarray(0, n)), pieces.map((p) => p.end), 'ends as encodeWithOffsets gives them');
    // And a short sentence after it still encodes as before.
    assert.deepEqual(model.encode('of patient'), [...model.encode('of'), ...model.encode('patient')]);
  }
});
