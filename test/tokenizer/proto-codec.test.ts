import assert from 'node:assert/strict';
import test from 'node:test';
import protobuf from 'protobufjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SentencePieceModel } from '../../src/tokenizer/index.js';
import { decodeModelProto, encodeModelProto } from '../../src/tokenizer/model-proto.js';
import { decodeMessage, encodeMessage } from '../../src/tokenizer/proto-codec.js';
import { repoRoot } from '../helpers/shared-data.js';
import { seededInts } from '../helpers/seeded.js';

// The reflection-walking codec against protobufjs's own generated decoder and encoder (the reference), on a schema
// with every kind of field the codec reads: scalars, 64-bit values, bytes, an enum, a nested message, repeated
// strings and messages, and packed repeated numbers (proto3 packs them; a proto2 writer may too).
const SCHEMA = `
syntax = "proto3";
message Inner { string name = 1; repeated int32 values = 2; }
message Outer {
  enum Kind { ZERO = 0; ONE = 1; TWO = 2; }
  string text = 1; bytes blob = 2; bool flag = 3; float ratio = 4; double exact = 5; int32 small = 6; uint32 count = 7;
  sint32 signed = 8; int64 big = 9; uint64 ubig = 10; sint64 sbig = 11; Kind kind = 12; Inner inner = 13;
  repeated string tags = 14; repeated Inner items = 15; repeated uint32 packed = 16; fixed32 f32 = 17; sfixed64 sf64 = 18;
}`;
/** The same messages in proto2, as SentencePiece's schema is (optional fields, repeated numbers not packed). */
const PROTO2_SCHEMA = `
syntax = "proto2";
message Inner { optional string name = 1; repeated int32 values = 2; }
message Outer {
  enum Kind { ZERO = 0; ONE = 1; TWO = 2; }
  optional string text = 1; optional bytes blob = 2; optional bool flag = 3; optional float ratio = 4; optional double exact = 5;
  optional int32 small = 6; optional uint32 count = 7; optional sint32 signed = 8; optional int64 big = 9; optional uint64 ubig = 10;
  optional sint64 sbig = 11; optional Kind kind = 12; optional Inner inner = 13;
  repeated string tags = 14; repeated Inner items = 15; repeated uint32 packed = 16; optional fixed32 f32 = 17; optional sfixed64 sf64 = 18;
}`;
const root = protobuf.parse(SCHEMA, { keepCase: true }).root;
const Outer = root.lookupType('Outer');
const TO_OBJECT = { longs: Number, enums: Number, bytes: Uint8Array, defaults: false, arrays: true } as const;

function randomOuter(rnd: (n: number) => number): Record<string, unknown> {
  const inner = (): Record<string, unknown> => ({ name: `n${rnd(1000)}`, values: Array.from({ length: rnd(4) }, () => rnd(2000) - 1000) });
  const m: Record<string, unknown> = {};
  const maybe = (name: string, value: () => unknown): void => { if (rnd(3) !== 0) m[name] = value(); };
  maybe('text', () => 'é▁x'.repeat(rnd(4)) + String(rnd(100)));
  maybe('blob', () => Uint8Array.from({ length: rnd(6) }, () => rnd(256)));
  maybe('flag', () => rnd(2) === 1);
  maybe('ratio', () => Math.fround((rnd(2000) - 1000) / 7));
  maybe('exact', () => (rnd(2000) - 1000) / 7);
  maybe('small', () => rnd(200000) - 100000);
  maybe('count', () => rnd(4000000));
  maybe('signed', () => rnd(2000) - 1000);
  maybe('big', () => (rnd(2) === 0 ? -1 : 1) * rnd(1 << 30) * 65536);
  maybe('ubig', () => rnd(1 << 30) * 1048576);
  maybe('sbig', () => -rnd(1 << 30) * 4096);
  maybe('kind', () => rnd(3));
  maybe('inner', inner);
  maybe('tags', () => Array.from({ length: rnd(3) }, () => `t${rnd(50)}`));
  maybe('items', () => Array.from({ length: rnd(3) }, inner));
  maybe('packed', () => Array.from({ length: rnd(5) }, () => rnd(100000)));
  maybe('f32', () => rnd(1 << 30) * 3);
  maybe('sf64', () => -rnd(1 << 30) * 1024);
  return m;
}

test('decodeMessage reads what protobufjs writes, as protobufjs reads it', () => {
  const rnd = seededInts(41);
  for (let t = 0; t < 300; t++) {
    const bytes = Outer.encode(Outer.fromObject(randomOuter(rnd))).finish();
    // protobufjs over a plain Uint8Array gives bytes fields as plain Uint8Arrays too (over a Buffer, as Buffers).
    assert.deepEqual(decodeMessage(Outer, bytes), Outer.toObject(Outer.decode(new Uint8Array(bytes)), TO_OBJECT));
  }
});

test('encodeMessage writes what protobufjs writes, byte for byte (proto2 files: not packed)', () => {
  const proto2 = protobuf.parse(PROTO2_SCHEMA, { keepCase: true }).root.lookupType('Outer');
  const rnd = seededInts(43);
  for (let t = 0; t < 300; t++) {
    const message = randomOuter(rnd);
    const expected = proto2.encode(proto2.fromObject(message)).finish();
    assert.deepEqual(new Uint8Array(encodeMessage(proto2, message)), new Uint8Array(expected));
  }
});

test('decodeMessage skips fields the schema does not know and refuses truncated input', () => {
  const Narrow = protobuf.parse('syntax = "proto3"; message Outer { string text = 1; }', { keepCase: true }).root.lookupType('Outer');
  const bytes = Outer.encode(Outer.fromObject({ text: 'kept', small: 7, inner: { name: 'x' }, ratio: 1.5, big: 5 })).finish();
  assert.deepEqual(decodeMessage(Narrow, bytes), { text: 'kept' });
  assert.throws(() => decodeMessage(Outer, bytes.subarray(0, bytes.length - 1)), RangeError);
});

test('SentencePieceModel.sameAs: the same model read twice, not one with a piece scored otherwise', () => {
  const bytes = new Uint8Array(readFileSync(join(repoRoot, 'test', 'fixtures', 'spm-bert-2k.model')));
  const model = SentencePieceModel.fromBytes(bytes);
  assert.ok(model.sameAs(SentencePieceModel.fromBytes(model.toBytes())));
  const proto = decodeModelProto(bytes);
  const other = SentencePieceModel.fromBytes(encodeModelProto({ ...proto, pieces: proto.pieces.map((p, i) => (i === 100 ? { ...p, score: p.score - 1 } : p)) }));
  assert.equal(model.sameAs(other), false);
  assert.equal(other.vocabSize, model.vocabSize);
});
