// The word cache (src/tokenizer/word-cache.ts) against the encoder without it: the same ids and offsets on real
// text, through the cache's growth and restart, and on a model built to have exact and near ties, where the
// float32 sentence Viterbi's choice depends on where in the sentence the word is.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeModelProto, ENCODE_ASCII_EXTRA_ROOM, PieceType, SentencePieceModel, type ModelProto } from '../../src/tokenizer/index.js';
import { repoRoot, sharedFile } from '../helpers/shared-data.js';
import { abstractSentences } from './corpus-lines.js';
import { MODEL_NAMES, modelBytes } from './fixtures.js';
import { seededInts } from '../helpers/seeded.js';

const abstracts = sharedFile('corpus', 'abstracts', 'abstracts.jsonl.gz');
const bertModel = (): Uint8Array => new Uint8Array(readFileSync(resolve(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model')));

/** Every encoding of `lines` from `cached` equals `plain`'s: ids, ids with UTF-16 spans, and piece objects. */
function assertSameEncodings(cached: SentencePieceModel, plain: SentencePieceModel, lines: readonly string[], where: string): void {
  const enc = new TextEncoder();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const at = `${where} line ${i + 1}: ${JSON.stringify(line.slice(0, 80))}`;
    assert.deepEqual(cached.encode(line), plain.encode(line), `${at} ids`);
    const bytes = enc.encode(line);
    const n = cached.encodeIdsInto(bytes);
    assert.deepEqual(Array.from(cached.idBuffer.subarray(0, n)), plain.encodeBytes(bytes), `${at} encodeIdsInto`);
    const a = cached.encodeOffsetsInto(line);
    const got = [cached.idBuffer, cached.beginBuffer, cached.endBuffer].map((b) => Array.from(b.subarray(0, a)));
    const b = plain.encodeOffsetsInto(line);
    const want = [plain.idBuffer, plain.beginBuffer, plain.endBuffer].map((x) => Array.from(x.subarray(0, b)));
    assert.deepEqual(got, want, `${at} encodeOffsetsInto`);
    if (i % 10 === 0) assert.deepEqual(cached.encodeWithOffsets(line), plain.encodeWithOffsets(line), `${at} encodeWithOffsets`);
  }
}

test('the word cache is on for the BERT fixture (split by whitespace, ▁ as a prefix) and off when asked', () => {
  assert.equal(SentencePieceModel.fromBytes(bertModel()).cachesWords, true);
  assert.equal(SentencePieceModel.fromBytes(bertModel(), 'm', { wordCache: false }).cachesWords, false);
});

test('with the word cache, real abstract sentences encode exactly as without it, for every fixture model', { skip: abstracts.skip }, () => {
  // Plain lines, lines with odd whitespace (tabs, NBSP, runs of spaces, leading and trailing), and non-ASCII.
  const base = abstractSentences(abstracts.path, 3000);
  const lines = base.map((s, i) => (i % 7 === 3 ? `  ${s.replace(/ /g, i % 2 === 0 ? '\t ' : '  ')}\u00a0 ` : i % 7 === 5 ? `${s} µg · 37 °C — Ⅳ` : s));
  lines.push('', ' ', 'a', '  a  b  ', 'x'.repeat(600), `${'word '.repeat(300)}end`);
  let cachedModels = 0;
  const models: [string, Uint8Array][] = [['spm-bert-2k', bertModel()], ...MODEL_NAMES.map((name): [string, Uint8Array] => [name, modelBytes(name)])];
  for (const [name, bytes] of models) {
    const cached = SentencePieceModel.fromBytes(bytes, name);
    if (cached.cachesWords) cachedModels++;
    assertSameEncodings(cached, SentencePieceModel.fromBytes(bytes, name, { wordCache: false }), lines, name);
  }
  assert.ok(cachedModels >= 2, `only ${cachedModels} fixture models use the cache`);
});

test('the cache grows, fills and starts afresh without changing any encoding (~130,000 distinct words; a small cache restarts ~30 times)', () => {
  const next = seededInts(7);
  const letters = 'abcdefghijklmnopqrstuvwxyzeeaaiioo';
  const word = (): string => Array.from({ length: 3 + next(9) }, () => letters[next(letters.length)]).join('');
  const lines: string[] = [];
  for (let i = 0; i < 14000; i++) lines.push(Array.from({ length: 10 }, word).join(' '));
  const plain = SentencePieceModel.fromBytes(bertModel(), 'm', { wordCache: false });
  // The default cache (MAX_WORD_CACHE_ENTRIES) fills about once on these words; one of 4,096 entries many times.
  for (const wordCache of [true, { maxEntries: 4096 }]) {
    const cached = SentencePieceModel.fromBytes(bertModel(), 'm', { wordCache });
    assert.ok(cached.cachesWords, 'the BERT fixture model caches words');
    for (let i = 0; i < lines.length; i++) assert.deepEqual(cached.encode(lines[i]), plain.encode(lines[i]), `line ${i + 1}`);
    assertSameEncodings(cached, plain, lines.slice(0, 300), 'again');
  }
});

test('a small cache of long words grows its entry store and starts afresh without changing any encoding', () => {
  const next = seededInts(11);
  // Words of 40-250 letters: far more store than the 12 ints an entry a cache of 16 starts with.
  const word = (): string => Array.from({ length: 40 + next(211) }, () => 'abcdefghijklmnopqrstuvwxyz'[next(26)]).join('');
  const lines = Array.from({ length: 60 }, () => Array.from({ length: 4 }, word).join(' '));
  const plain = SentencePieceModel.fromBytes(bertModel(), 'm', { wordCache: false });
  const cached = SentencePieceModel.fromBytes(bertModel(), 'm', { wordCache: { maxEntries: 16 } });
  assert.ok(cached.cachesWords);
  for (const line of [...lines, ...lines]) assert.deepEqual(cached.encode(line), plain.encode(line));
  assertSameEncodings(cached, plain, lines, 'long words');
});

test('ties and near-ties between segmentations give the same pieces as the sentence Viterbi wherever the word is', () => {
  // A model where "▁ab" + "c" and "▁a" + "bc" (and "▁abc") score nearly or exactly the same: the float32 sums of
  // the sentence Viterbi then pick by rounding, which depends on the score of the sentence before the word.
  const proto: ModelProto = decodeModelProto(bertModel());
  const set = (piece: string, score: number): void => {
    const found = proto.pieces.find((p) => p.piece === piece);
    if (found !== undefined) { found.score = score; found.type = PieceType.NORMAL; } else proto.pieces.push({ piece, score, type: PieceType.NORMAL });
  };
  set('\u2581a', -3.1); set('b', -2.7); set('c', -4.3); set('\u2581ab', -5.8); set('bc', -7.0); set('\u2581abc', -10.1);
  set('\u2581q', -3.3000001); set('q', -3.3); set('\u2581qq', -6.6000001);
  const cached = SentencePieceModel.fromProto(structuredClone(proto), 'ties');
  const plain = SentencePieceModel.fromProto(structuredClone(proto), 'ties', { wordCache: false });
  assert.equal(cached.cachesWords, true);
  const filler = ['x', 'the patient', 'mg', 'zzz qqq', 'an unusually long preamble of many words'];
  const lines: string[] = [];
  for (let i = 0; i < 400; i++) {
    const before = Array.from({ length: i % 23 }, (_, k) => filler[(i + k) % filler.length]).join(' ');
    lines.push(`${before} abc ab a qq q abc`.trim(), `${before} qq abc`.trim());
  }
  assertSameEncodings(cached, plain, lines, 'ties');
});

test('encodeAsciiInto gives encodeOffsetsInto\'s pieces for ASCII sentences inside a larger buffer, from any output position', { skip: abstracts.skip }, () => {
  const cached = SentencePieceModel.fromBytes(bertModel());
  const plain = SentencePieceModel.fromBytes(bertModel(), 'm', { wordCache: false });
  // Real sentences, and words the BERT fixture has no piece for (runs of unknowns, which come out as one piece), words
  // of many pieces, one-letter words, and digits and punctuation.
  const sentences = abstractSentences(abstracts.path, 1500).filter((s) => /^[\x21-\x7e]+( [\x21-\x7e]+)*$/.test(s) && !s.includes('['));
  sentences.push('~~ a~~b ~x~ X', 'pneumonoultramicroscopicsilicovolcanoconiosis is long', 'a b c d e f g', '5 mg/kg (p < 0.05); n=12.', '~',
    ', , ,', ', ; a'); // a piece a byte (`▁` and `,` apart): the most pieces a sentence's bytes make
  const encoder = new TextEncoder();
  let at = 0;
  const ids = new Int32Array(1 << 16), begins = new Int32Array(1 << 16), ends = new Int32Array(1 << 16);
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i];
    // The sentence between other text, as a paragraph's bytes hold it.
    const before = i % 3 === 0 ? '' : 'Before it. ';
    const bytes = encoder.encode(`${before}${sentence} After it.`);
    ids.fill(-7, 0, at);
    const room = at + sentence.length + ENCODE_ASCII_EXTRA_ROOM;
    ids.fill(-9, room, room + 64);
    const end = cached.encodeAsciiInto(bytes, before.length, before.length + sentence.length, ids, begins, ends, at);
    const n = plain.encodeOffsetsInto(sentence);
    const want = [plain.idBuffer, plain.beginBuffer, plain.endBuffer].map((b) => Array.from(b.subarray(0, n)));
    assert.deepEqual([ids, begins, ends].map((b) => Array.from(b.subarray(at, end))), want, `sentence ${i + 1}: ${JSON.stringify(sentence.slice(0, 80))}`);
    assert.ok(ids.subarray(0, at).every((x) => x === -7), 'nothing written before `at`');
    assert.ok(ids.subarray(room, room + 64).every((x) => x === -9), 'nothing written past the room it asks for');
    at = (at + 13) % 4000;
  }
  assert.ok(sentences.length > 1000, `only ${sentences.length} plain ASCII sentences`);
});

test('encodeAsciiInto gives the uncached encoder\'s pieces for generated sentences: short words and words near the longest cached, any bytes after the sentence, sentences at the buffer\'s end, odd bytes in words (or the sentence declined)', () => {
  const cached = SentencePieceModel.fromBytes(bertModel());
  const plain = SentencePieceModel.fromBytes(bertModel(), 'm', { wordCache: false });
  // A small deterministic generator (xorshift), so that a failure can be replayed.
  let state = 0x9e3779b9;
  const next = (n: number): number => {
    state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
    return (state >>> 0) % n;
  };
  const plainBytes = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:()-/%+=<>~!?\'"#$&*@^_`{|}\\';
  const word = (): string => {
    const length = next(10) === 0 ? 240 + next(20) : 1 + next(13); // some near the longest cached (253 bytes)
    let w = '';
    for (let k = 0; k < length; k++) w += plainBytes[next(plainBytes.length)];
    // Now and then a byte that is not its own normalization, or may start a user-defined symbol, anywhere in a word.
    if (next(6) === 0) {
      const odd = ['[', '[CLS]', '[SEP', '\t', '\u0001', '[MASK]'][next(6)];
      const k = next(w.length + 1);
      w = w.slice(0, k) + odd + w.slice(k);
    }
    return w;
  };
  const enc = new TextEncoder();
  const ids = new Int32Array(1 << 12), begins = new Int32Array(1 << 12), ends = new Int32Array(1 << 12);
  let accepted = 0, plainSentences = 0, plainAccepted = 0;
  const seen: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const words = Array.from({ length: 1 + next(8) }, word);
    const sentence = words.join(' ');
    // What lies before and after the sentence in the buffer: nothing (it ends the buffer), a space and more words, or
    // bytes that go on the last word (only `to` ends it).
    const before = ['', 'Before it. ', 'x '][next(3)];
    const after = ['', ' After it.', 'xyz', 'ab', 'q', '  '][next(6)];
    const bytes = enc.encode(before + sentence + after);
    const end = cached.encodeAsciiInto(bytes, before.length, before.length + sentence.length, ids, begins, ends, 0);
    // Sentences of short plain words are all but never declined (a long word's margin is often too thin for the
    // rounding bound, and then the sentence is declined whichever way its words were packed).
    if (words.every((w) => w.length <= 40 && [...w].every((c) => plainBytes.includes(c)))) {
      plainSentences++;
      if (end >= 0) plainAccepted++;
    }
    if (end < 0) continue;
    accepted++;
    seen.push(sentence);
    const n = plain.encodeOffsetsInto(sentence);
    const want = [plain.idBuffer, plain.beginBuffer, plain.endBuffer].map((b) => Array.from(b.subarray(0, n)));
    assert.deepEqual([ids, begins, ends].map((b) => Array.from(b.subarray(0, end))), want, `sentence ${i}: ${JSON.stringify(sentence.slice(0, 80))} + ${JSON.stringify(after)}`);
  }
  // The same words with other bytes around them are the same keys: found, not stored again.
  const words = cached.cachedWordCount;
  assert.ok(words > 1000, `only ${words} words cached`);
  for (const sentence of seen) {
    const bytes = enc.encode(`${sentence}Z.. tail`);
    assert.ok(cached.encodeAsciiInto(bytes, 0, sentence.length, ids, begins, ends, 0) >= 0);
  }
  assert.equal(cached.cachedWordCount, words, 'words found again were stored again');
  assert.ok(plainSentences > 500 && plainAccepted > 0.98 * plainSentences, `${plainAccepted} of ${plainSentences} sentences of short plain words accepted`);
  assert.ok(accepted > plainAccepted + 300, `only ${accepted} sentences accepted`);
});

test('brackets and user-defined symbols ([CLS], [SEP], [MASK] in the BERT fixture) encode with the cache as without it', () => {
  const cached = SentencePieceModel.fromBytes(bertModel());
  const plain = SentencePieceModel.fromBytes(bertModel(), 'm', { wordCache: false });
  assert.equal(cached.normalizer.asciiIdentity[0x5b], 2, '`[` normalizes to itself where no symbol starts');
  const lines = ['[CLS] a b [SEP]', 'a [CLS] b', 'a[SEP]b', '[MASK]', '[MASK]x [NAME] y', '[NAME] was seen on [DATE].', '[', '[[', '[[CLS]]',
    '[CL', 'x [CLS', '[SEP', 'a [1] b [2-(13)C] c', '~[CLS]~', '[NAME]~ ~[DATE]', 'p[MASK]q [MAS] [MASKS]'];
  assertSameEncodings(cached, plain, [...lines, ...lines], 'brackets');
});

test('encodeAsciiInto declines what is not plain ASCII words (then encodeOffsetsInto is used), and models without the path', () => {
  const cached = SentencePieceModel.fromBytes(bertModel());
  const ids = new Int32Array(2000), begins = new Int32Array(2000), ends = new Int32Array(2000);
  const declined = (text: string): boolean => {
    const bytes = new TextEncoder().encode(text);
    return cached.encodeAsciiInto(bytes, 0, bytes.length, ids, begins, ends, 0) === -1;
  };
  // `[` starts the fixture's user-defined symbols ([CLS], [SEP], [MASK]): declined only where one starts.
  for (const text of ['', ' a', 'a ', 'a  b', 'a\tb', 'a\nb', 'caf\u00e9 au lait', 'a [CLS] b', 'x[SEP]', '[MASK]', 'a\u00a0b', `${'x'.repeat(254)} b`]) {
    assert.ok(declined(text), JSON.stringify(text.slice(0, 40)));
  }
  for (const text of ['a [1] b', '[NAME] was seen on [DATE].', '[', 'a[[b', '[CL', 'x [CLS', '[SEP', '[MASK x']) {
    assert.ok(!declined(text), JSON.stringify(text));
  }
  assert.ok(!declined(`${'x'.repeat(253)} b`), 'the longest cached word');
  assert.ok(!declined('a b'));
  const unCached = SentencePieceModel.fromBytes(bertModel(), 'm', { wordCache: false });
  assert.equal(unCached.encodeAsciiInto(new TextEncoder().encode('a b'), 0, 3, ids, begins, ends, 0), -1);
});
