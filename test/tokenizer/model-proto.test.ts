import test from 'node:test';
import assert from 'node:assert/strict';
import { decodeModelProto, encodeModelProto, PieceType, SentencePieceModel, trainerSpecValue, normalizerSpecValue } from '../../src/tokenizer/index.js';
import { MedbertError } from '../../src/errors.js';
import { schemaDefaults } from '../../src/tokenizer/model-proto.js';
import { specDefaults } from '../../src/tokenizer/model-spec.js';
import { MODEL_NAMES, modelBytes } from './fixtures.js';

test('spm_train models read and write back byte for byte', () => {
  for (const name of MODEL_NAMES) {
    const bytes = modelBytes(name);
    const proto = decodeModelProto(bytes, name);
    assert.deepEqual(Buffer.from(encodeModelProto(proto)), Buffer.from(bytes), name);
    assert.deepEqual(Buffer.from(SentencePieceModel.fromBytes(bytes).toBytes()), Buffer.from(bytes), name);
  }
});

test('specs carry the settings spm_train was given', () => {
  const uds = decodeModelProto(modelBytes('uds'));
  assert.deepEqual(trainerSpecValue(uds.trainer_spec, 'user_defined_symbols'), ['[CLS]', '[SEP]', '[MASK]', 'µg', 'mg/dL']);
  assert.deepEqual(trainerSpecValue(uds.trainer_spec, 'control_symbols'), ['<ctl1>', '<ctl2>']);
  assert.equal(normalizerSpecValue(uds.normalizer_spec, 'name'), 'nfkc');
  assert.equal(uds.pieces[3].type, PieceType.CONTROL);
  assert.equal(uds.pieces.find((p) => p.piece === '[CLS]')?.type, PieceType.USER_DEFINED);
  const bytefb = decodeModelProto(modelBytes('bytefb'));
  assert.equal(trainerSpecValue(bytefb.trainer_spec, 'byte_fallback'), true);
  assert.equal(bytefb.pieces.filter((p) => p.type === PieceType.BYTE).length, 256);
  const digits = SentencePieceModel.fromBytes(modelBytes('digits'));
  assert.deepEqual([digits.padId, digits.unkId, digits.bosId, digits.eosId], [0, 1, 2, 3]);
  const nmt = SentencePieceModel.fromBytes(modelBytes('nmt'));
  assert.deepEqual([nmt.unkId, nmt.bosId, nmt.eosId, nmt.padId], [0, 1, 2, -1]);
  assert.equal(nmt.vocabSize, 2000);
  assert.equal(normalizerSpecValue(nmt.proto.normalizer_spec, 'add_dummy_prefix'), true);
});

test('truncated or corrupt model files are rejected with one clear message', () => {
  const bytes = modelBytes('nmt');
  const cuts = [1, 7, 100, 5000, 20000, bytes.length - 1000, bytes.length - 1];
  for (const cut of cuts) {
    assert.throws(() => SentencePieceModel.fromBytes(bytes.subarray(0, cut), 'nmt.model'), (e: unknown) => {
      assert.ok(e instanceof MedbertError, `cut at ${cut}: ${String(e)}`);
      assert.match(e.message, /^nmt\.model: /);
      assert.ok(!e.message.includes('\n'));
      return true;
    }, `cut at ${cut}`);
  }
  const text = new TextEncoder().encode('this is not a protobuf at all\n');
  assert.throws(() => SentencePieceModel.fromBytes(text, 'notes.txt'), MedbertError);
  assert.throws(() => SentencePieceModel.fromBytes(new Uint8Array(0), 'empty.model'), /no pieces/);
  // A charsmap whose header lies about its size.
  const proto = decodeModelProto(bytes);
  const blob = proto.normalizer_spec!.precompiled_charsmap!.slice();
  blob[3] = 0x7f;
  proto.normalizer_spec!.precompiled_charsmap = blob;
  assert.throws(() => SentencePieceModel.fromProto(proto, 'bad.model'), /bad\.model: precompiled charsmap is broken/);
});

test('model edits write back and load (a new user-defined piece takes effect)', () => {
  const proto = decodeModelProto(modelBytes('identity'));
  proto.pieces.push({ piece: 'ZZtopZZ', score: 0, type: PieceType.USER_DEFINED });
  const model = SentencePieceModel.fromBytes(encodeModelProto(proto));
  const id = model.pieceToId('ZZtopZZ');
  assert.equal(id, proto.pieces.length - 1);
  assert.ok(model.encode('aZZtopZZb').includes(id));
});

// A model whose file leaves a field out gets its default from model-spec.ts's table, which must say what the schema
// says (a worker of `prepare` reads it without protobufjs): a wrong default there would change how such a model
// normalizes or decodes.
test('the spec defaults table is the schema\'s defaults', () => {
  const { trainer, normalizer } = specDefaults();
  const schemaTrainer = schemaDefaults('sentencepiece.TrainerSpec');
  assert.deepEqual(Object.keys(trainer).sort(), Object.keys(schemaTrainer).sort());
  for (const [key, value] of Object.entries(schemaTrainer)) {
    // protobufjs reads the schema's `" \xE2\x81\x87 "` as three Latin-1 characters; in Google's C++ they are the
    // UTF-8 bytes of U+2047, the unknown piece's surface spm_decode prints.
    const expected = key === 'unk_surface' ? Buffer.from(String(value), 'latin1').toString('utf8') : value;
    assert.deepEqual(trainer[key as keyof typeof trainer], expected, key);
  }
  const schemaNormalizer = schemaDefaults('sentencepiece.NormalizerSpec');
  assert.deepEqual(Object.keys(normalizer).sort(), Object.keys(schemaNormalizer).sort());
  for (const [key, value] of Object.entries(schemaNormalizer)) {
    const actual = normalizer[key as keyof typeof normalizer];
    if (key === 'precompiled_charsmap') assert.equal((actual as Uint8Array).length, (value as ArrayLike<number>).length);
    else assert.deepEqual(actual, value, key);
  }
  assert.equal(trainerSpecValue({}, 'unk_surface'), ' \u2047 ');
});
