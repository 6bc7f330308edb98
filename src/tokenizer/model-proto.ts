// SentencePiece's ModelProto (`.model` files): the schema, read with clear errors, and write.
// The schema is Google's sentencepiece_model.proto (0.1.97 field numbers and defaults), parsed at run time by
// protobufjs's reflection API, so there is no code-generation step; messages are read and written by walking that
// reflection (proto-codec.ts), so no code is generated at run time either (pages that forbid eval load models too).
import protobuf from 'protobufjs';
import { MedbertError } from '../errors.js';
import { decodeMessage, encodeMessage, type ProtoObject } from './proto-codec.js';
import {
  PieceType, type ModelProto, type NormalizerSpecProto, type PieceProto, type SelfTestSampleProto, type TrainerSpecProto,
} from './model-spec.js';

const SCHEMA = `
syntax = "proto2";
package sentencepiece;
message TrainerSpec {
  repeated string input = 1;
  optional string input_format = 7;
  optional string model_prefix = 2;
  enum ModelType { UNIGRAM = 1; BPE = 2; WORD = 3; CHAR = 4; }
  optional ModelType model_type = 3 [default = UNIGRAM];
  optional int32 vocab_size = 4 [default = 8000];
  repeated string accept_language = 5;
  optional int32 self_test_sample_size = 6 [default = 0];
  optional bool enable_differential_privacy = 50 [default = false];
  optional float differential_privacy_noise_level = 51 [default = 0.0];
  optional uint64 differential_privacy_clipping_threshold = 52 [default = 0];
  optional float character_coverage = 10 [default = 0.9995];
  optional uint64 input_sentence_size = 11 [default = 0];
  optional bool shuffle_input_sentence = 19 [default = true];
  optional int32 mining_sentence_size = 12;
  optional int32 training_sentence_size = 13;
  optional int32 seed_sentencepiece_size = 14 [default = 1000000];
  optional float shrinking_factor = 15 [default = 0.75];
  optional int32 max_sentence_length = 18 [default = 4192];
  optional int32 num_threads = 16 [default = 16];
  optional int32 num_sub_iterations = 17 [default = 2];
  optional int32 max_sentencepiece_length = 20 [default = 16];
  optional bool split_by_unicode_script = 21 [default = true];
  optional bool split_by_number = 23 [default = true];
  optional bool split_by_whitespace = 22 [default = true];
  optional bool treat_whitespace_as_suffix = 24 [default = false];
  optional bool allow_whitespace_only_pieces = 26 [default = false];
  optional bool split_digits = 25 [default = false];
  repeated string control_symbols = 30;
  repeated string user_defined_symbols = 31;
  optional string required_chars = 36;
  optional bool byte_fallback = 35 [default = false];
  optional bool vocabulary_output_piece_score = 32 [default = true];
  optional bool hard_vocab_limit = 33 [default = true];
  optional bool use_all_vocab = 34 [default = false];
  optional int32 unk_id = 40 [default = 0];
  optional int32 bos_id = 41 [default = 1];
  optional int32 eos_id = 42 [default = 2];
  optional int32 pad_id = 43 [default = -1];
  optional string unk_piece = 45 [default = "<unk>"];
  optional string bos_piece = 46 [default = "<s>"];
  optional string eos_piece = 47 [default = "</s>"];
  optional string pad_piece = 48 [default = "<pad>"];
  optional string unk_surface = 44 [default = " \\xE2\\x81\\x87 "];
  optional bool train_extremely_large_corpus = 49 [default = false];
  extensions 200 to max;
}
message NormalizerSpec {
  optional string name = 1;
  optional bytes precompiled_charsmap = 2;
  optional bool add_dummy_prefix = 3 [default = true];
  optional bool remove_extra_whitespaces = 4 [default = true];
  optional bool escape_whitespaces = 5 [default = true];
  optional string normalization_rule_tsv = 6;
  extensions 200 to max;
}
message SelfTestData {
  message Sample {
    optional string input = 1;
    optional string expected = 2;
  }
  repeated Sample samples = 1;
  extensions 200 to max;
}
message ModelProto {
  message SentencePiece {
    enum Type { NORMAL = 1; UNKNOWN = 2; CONTROL = 3; USER_DEFINED = 4; BYTE = 6; UNUSED = 5; }
    optional string piece = 1;
    optional float score = 2;
    optional Type type = 3 [default = NORMAL];
    extensions 200 to max;
  }
  repeated SentencePiece pieces = 1;
  optional TrainerSpec trainer_spec = 2;
  optional NormalizerSpec normalizer_spec = 3;
  optional SelfTestData self_test_data = 4;
  optional NormalizerSpec denormalizer_spec = 5;
  extensions 200 to max;
}
`;

let modelType: protobuf.Type | null = null;
function modelProtoType(): protobuf.Type {
  if (modelType === null) {
    const root = protobuf.parse(SCHEMA, { keepCase: true }).root;
    modelType = root.lookupType('sentencepiece.ModelProto');
  }
  return modelType;
}

/**
 * A message type's field defaults as the schema declares them (repeated fields: [], 64-bit ones as numbers):
 * model-spec.ts keeps them as a table, which a test checks against these.
 */
export function schemaDefaults(typeName: string): Record<string, unknown> {
  const type = modelProtoType().root.lookupType(typeName);
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    field.resolve();
    out[field.name] = field.repeated ? [] : field.defaultValue;
  }
  return normalizeLongs(out);
}

function normalizeLongs(obj: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(obj)) {
    if (v !== null && typeof v === 'object' && 'low' in v && 'high' in v) {
      const long = v as { low: number; high: number };
      obj[k] = long.high * 4294967296 + (long.low >>> 0);
    }
  }
  return obj;
}

/**
 * Parses a `.model` file. `source` names it in errors. Throws MedbertError when the bytes are not a
 * ModelProto (truncated, corrupt, or another kind of file), or when it has no pieces.
 */
export function decodeModelProto(bytes: Uint8Array, source = 'model'): ModelProto {
  const type = modelProtoType();
  let obj: ProtoObject;
  try {
    obj = decodeMessage(type, bytes);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new MedbertError(`${source}: not a valid SentencePiece model (protobuf: ${why}); the file may be truncated or corrupt`);
  }
  const pieces = (obj.pieces as Array<Partial<PieceProto>> | undefined) ?? [];
  if (pieces.length === 0) {
    throw new MedbertError(`${source}: not a valid SentencePiece model (no pieces); the file may be truncated or corrupt`);
  }
  const model: ModelProto = {
    pieces: pieces.map((p, i) => {
      const type = p.type ?? PieceType.NORMAL;
      if (p.piece === undefined || p.piece === '') throw new MedbertError(`${source}: piece ${i} is empty`);
      if (!Object.values(PieceType).includes(type)) throw new MedbertError(`${source}: piece ${i} has an unknown type ${type}`);
      return { piece: p.piece, score: p.score ?? 0, type };
    }),
  };
  if (obj.trainer_spec === undefined && obj.normalizer_spec === undefined) {
    // Google's writers always store both specs after the pieces, so a file that ends before them was cut short.
    throw new MedbertError(`${source}: not a valid SentencePiece model (no trainer or normalizer spec after ${pieces.length} pieces); the file may be truncated`);
  }
  if (obj.trainer_spec !== undefined) model.trainer_spec = normalizeLongs(obj.trainer_spec as Record<string, unknown>) as TrainerSpecProto;
  if (obj.normalizer_spec !== undefined) model.normalizer_spec = obj.normalizer_spec as NormalizerSpecProto;
  if (obj.self_test_data !== undefined) model.self_test_data = obj.self_test_data as { samples?: SelfTestSampleProto[] };
  if (obj.denormalizer_spec !== undefined) model.denormalizer_spec = obj.denormalizer_spec as NormalizerSpecProto;
  return model;
}

/** Serializes a ModelProto (fields in field-number order, as Google's writer does). */
export function encodeModelProto(model: ModelProto): Uint8Array {
  const type = modelProtoType();
  // Google's trainer writes a piece's type only when it is not NORMAL; doing the same keeps files byte-identical.
  const pieces = model.pieces.map((p) => (p.type === PieceType.NORMAL ? { piece: p.piece, score: p.score } : p));
  return encodeMessage(type, { ...model, pieces } as unknown as ProtoObject);
}
