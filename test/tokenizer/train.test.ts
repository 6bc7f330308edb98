// The trainer: spm_train's file layout, and models that Google's spm_encode loads and encodes exactly as we do.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedFile } from '../helpers/shared-data.js';
import { encodeModelProto, PieceType, SentencePieceModel } from '../../src/tokenizer/index.js';
import { trainUnigram, UnigramTrainer } from '../../src/tokenizer/trainer/trainer.js';
import { WorkerEStep } from '../../src/tokenizer/trainer/node-parallel.js';
import { MedbertError } from '../../src/errors.js';
import { abstractSentences } from './corpus-lines.js';
import { hardLines, missingTool } from './fixtures.js';

const abstracts = sharedFile('corpus', 'abstracts', 'abstracts.jsonl.gz');

test('a model trained on our own lines has spm_train\'s layout: meta pieces, user symbols, bytes, then pieces by score', () => {
  // The hand-written hard lines (not the random ones), with shuffled words so there is something to learn.
  const lines = hardLines().slice(0, 49).map((l) => Buffer.from(l).toString('utf8'));
  const corpus: string[] = [];
  for (let k = 0; k < 20; k++) for (const l of lines) corpus.push(l.split(' ').map((_, i, a) => a[(i * 7 + k) % a.length]).join(' '));
  const { proto, vocab } = trainUnigram(corpus, {
    vocab_size: 600, byte_fallback: true, user_defined_symbols: ['[CLS]', '[MASK]'], control_symbols: ['<ctl>'],
    pad_id: 3, normalization_rule_name: 'identity', character_coverage: 0.98,
  });
  const pieces = proto.pieces;
  assert.equal(pieces.length, 600);
  assert.deepEqual(pieces.slice(0, 7).map((p) => [p.piece, p.type]), [
    ['<unk>', PieceType.UNKNOWN], ['<s>', PieceType.CONTROL], ['</s>', PieceType.CONTROL], ['<pad>', PieceType.CONTROL],
    ['<ctl>', PieceType.CONTROL], ['[CLS]', PieceType.USER_DEFINED], ['[MASK]', PieceType.USER_DEFINED],
  ]);
  assert.equal(pieces[7].piece, '<0x00>');
  assert.equal(pieces[7 + 255].piece, '<0xFF>');
  const normal = pieces.slice(7 + 256);
  assert.ok(normal.every((p) => p.type === PieceType.NORMAL && p.score < 0));
  for (let i = 1; i < normal.length; i++) assert.ok(normal[i - 1].score >= normal[i].score, 'sorted by score');
  assert.equal(new Set(pieces.map((p) => p.piece)).size, pieces.length, 'no duplicates');
  const vocabLines = vocab.split('\n');
  assert.equal(vocabLines[0], '<unk>\t0');
  assert.match(vocabLines[300], /^\S+\t-\d+(\.\d+)?$/);
  const model = SentencePieceModel.fromProto(proto);
  const text = 'x[CLS]y αβγ 😀';
  assert.ok(model.encode(text).includes(model.pieceToId('[CLS]')));
  assert.equal(model.decode(model.encode(text)), text, 'byte fallback round-trips');
});

test('E-steps and the seed pieces on worker threads give exactly the single-thread model', async () => {
  const lines = hardLines().slice(0, 36).map((l) => Buffer.from(l).toString('utf8'));
  const corpus: string[] = [];
  for (let k = 0; k < 15; k++) for (const l of lines) corpus.push(l.split(' ').map((_, i, a) => a[(i * 5 + k) % a.length]).join(' '));
  const options = { vocab_size: 300, num_threads: 5, normalization_rule_name: 'identity', character_coverage: 0.98 };
  const single = trainUnigram(corpus, options);
  const trainer = new UnigramTrainer(options);
  for (const line of corpus) trainer.addSentence(line);
  const pool = new WorkerEStep(2);
  try {
    const parallel = await trainer.trainParallel(pool);
    assert.deepEqual(parallel.proto, single.proto);
  } finally {
    await pool.close();
  }
});

test('with worker threads the seed pieces are made off the main thread: its event loop runs meanwhile (a Ctrl-C is seen)', async () => {
  const trainer = new UnigramTrainer({ vocab_size: 200, num_threads: 2, normalization_rule_name: 'identity', character_coverage: 0.98 });
  for (const line of hardLines().slice(0, 36)) trainer.addSentence(Buffer.from(line).toString('utf8'));
  let turned = false;
  let turnedDuringSeeds: boolean | null = null;
  const pool = new WorkerEStep(2);
  try {
    await trainer.trainParallel(pool, (p) => {
      if (p.phase !== 'seed') return;
      if (p.done === 0) setImmediate(() => { turned = true; });
      else turnedDuringSeeds = turned;
    });
  } finally {
    await pool.close();
  }
  assert.equal(turnedDuringSeeds, true);
});

test('bad training settings are clear errors', () => {
  assert.throws(() => trainUnigram(['a b c'], { vocab_size: 3 }), MedbertError);
  assert.throws(() => trainUnigram([], { vocab_size: 100 }), /no training sentences/);
  assert.throws(() => trainUnigram(['a'], { normalization_rule_name: 'nfd' }), /normalization_rule_name=nfd/);
  assert.throws(() => trainUnigram(['the cat sat on the mat'], { vocab_size: 5000 }), /too large for this corpus/);
});

test('models trained by medbert load in spm_encode and give the same ids and pieces', { skip: abstracts.skip || missingTool('spm_encode') }, () => {
  const sentences = abstractSentences(abstracts.path, 4000);
  const train = sentences.slice(0, 3000);
  const heldout = [...sentences.slice(3000), ...hardLines().map((l) => Buffer.from(l).toString('utf8'))];
  const dir = mkdtempSync(join(tmpdir(), 'medbert-train-'));
  try {
    const input = join(dir, 'heldout.txt');
    writeFileSync(input, heldout.join('\n') + '\n');
    const settings = [
      { vocab_size: 800, normalization_rule_name: 'identity', split_digits: true, add_dummy_prefix: false },
      { vocab_size: 1000, byte_fallback: true, user_defined_symbols: ['[CLS]', 'mg/dL'] },
    ];
    for (const options of settings) {
      const { proto } = trainUnigram(train, options);
      const path = join(dir, 'm.model');
      writeFileSync(path, encodeModelProto(proto));
      const model = SentencePieceModel.fromBytes(readFileSync(path));
      const ids = execFileSync('spm_encode', [`--model=${path}`, '--output_format=id', input], { maxBuffer: 1 << 28 }).toString().split('\n');
      const pieces = execFileSync('spm_encode', [`--model=${path}`, '--output_format=piece', input], { maxBuffer: 1 << 28 }).toString().split('\n');
      for (let i = 0; i < heldout.length; i++) {
        assert.equal(model.encode(heldout[i]).join(' '), ids[i], `${JSON.stringify(options)} line ${i + 1}`);
        assert.equal(model.encodeAsPieces(heldout[i]).join(' '), pieces[i], `${JSON.stringify(options)} line ${i + 1}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the same sentences give the same model as spm_train: identical .model bytes (identity) and pieces and scores (nmt_nfkc)', { skip: abstracts.skip || missingTool('spm_train') }, () => {
  const sentences = abstractSentences(abstracts.path, 5000);
  const dir = mkdtempSync(join(tmpdir(), 'medbert-train-'));
  try {
    const input = join(dir, 'train.txt');
    writeFileSync(input, sentences.join('\n') + '\n');
    // The third: a seed size the corpus's substrings fill (spm_train counts the characters in it). The fourth: user
    // symbols the text holds, and tabs (spm_train makes both a boundary after normalizing, which no piece crosses).
    const marked = sentences.map((line, i) => (i % 7 === 0 ? line.replace(' ', ' [MASK] ') : i % 11 === 0 ? line.replace(' ', '\t') : line));
    const markedInput = join(dir, 'marked.txt');
    writeFileSync(markedInput, marked.join('\n') + '\n');
    const settings = [['identity', 2, 1_000_000, false], ['nmt_nfkc', 16, 1_000_000, false], ['identity', 2, 1000, false], ['identity', 2, 1_000_000, true],
      ['nmt_nfkc', 2, 1_000_000, true]] as const;
    for (const [rule, threads, seeds, symbols] of settings) {
      const prefix = join(dir, `spm-${rule}-${seeds}-${symbols}`);
      const lines = symbols ? marked : sentences;
      execFileSync('spm_train', [`--input=${symbols ? markedInput : input}`, `--model_prefix=${prefix}`, '--vocab_size=800', `--normalization_rule_name=${rule}`,
        `--num_threads=${threads}`, `--seed_sentencepiece_size=${seeds}`, ...(symbols ? ['--user_defined_symbols=[CLS],[SEP],[MASK]'] : []), '--minloglevel=2'],
      { stdio: 'ignore' });
      const ours = trainUnigram(lines, { vocab_size: 800, normalization_rule_name: rule, num_threads: threads, input: [symbols ? markedInput : input],
        model_prefix: prefix, seed_sentencepiece_size: seeds, ...(symbols ? { user_defined_symbols: ['[CLS]', '[SEP]', '[MASK]'] } : {}) });
      const spm = SentencePieceModel.fromBytes(readFileSync(`${prefix}.model`));
      assert.deepEqual(ours.proto.pieces, spm.proto.pieces, `${rule}: pieces, scores and types`);
      assert.equal(ours.vocab, readFileSync(`${prefix}.vocab`, 'utf8'), `${rule}: .vocab file`);
      if (rule === 'identity') {
        // No charsmap (ours is built from a newer Unicode), so the whole file must match byte for byte.
        assert.deepEqual(Buffer.from(encodeModelProto(ours.proto)), readFileSync(`${prefix}.model`), 'identical .model bytes');
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
