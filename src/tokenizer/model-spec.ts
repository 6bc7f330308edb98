// SentencePiece's ModelProto as plain data: its types, the piece types, and each spec field's default as the schema
// (model-proto.ts) declares it. Nothing here needs a protobuf library: a thread given a decoded model (a worker of
// `prepare`) loads the model from it without loading protobufjs (model-proto.ts reads and writes the bytes).

/** Piece types, with the numbers of the protobuf enum. */
export const PieceType = {
  NORMAL: 1, UNKNOWN: 2, CONTROL: 3, USER_DEFINED: 4, UNUSED: 5, BYTE: 6,
} as const;
export type PieceType = (typeof PieceType)[keyof typeof PieceType];

export interface PieceProto {
  piece: string;
  score: number;
  type: PieceType;
}

/**
 * TrainerSpec as a plain object: only the fields present in the file are set (proto2 presence), so writing
 * it back gives the same bytes. Read a value with its default through `trainerSpecValue`.
 */
export interface TrainerSpecProto {
  input?: string[];
  input_format?: string;
  model_prefix?: string;
  model_type?: number;
  vocab_size?: number;
  accept_language?: string[];
  self_test_sample_size?: number;
  enable_differential_privacy?: boolean;
  differential_privacy_noise_level?: number;
  differential_privacy_clipping_threshold?: number;
  character_coverage?: number;
  input_sentence_size?: number;
  shuffle_input_sentence?: boolean;
  mining_sentence_size?: number;
  training_sentence_size?: number;
  seed_sentencepiece_size?: number;
  shrinking_factor?: number;
  max_sentence_length?: number;
  num_threads?: number;
  num_sub_iterations?: number;
  max_sentencepiece_length?: number;
  split_by_unicode_script?: boolean;
  split_by_number?: boolean;
  split_by_whitespace?: boolean;
  treat_whitespace_as_suffix?: boolean;
  allow_whitespace_only_pieces?: boolean;
  split_digits?: boolean;
  control_symbols?: string[];
  user_defined_symbols?: string[];
  required_chars?: string;
  byte_fallback?: boolean;
  vocabulary_output_piece_score?: boolean;
  hard_vocab_limit?: boolean;
  use_all_vocab?: boolean;
  unk_id?: number;
  bos_id?: number;
  eos_id?: number;
  pad_id?: number;
  unk_piece?: string;
  bos_piece?: string;
  eos_piece?: string;
  pad_piece?: string;
  unk_surface?: string;
  train_extremely_large_corpus?: boolean;
}

export interface NormalizerSpecProto {
  name?: string;
  precompiled_charsmap?: Uint8Array;
  add_dummy_prefix?: boolean;
  remove_extra_whitespaces?: boolean;
  escape_whitespaces?: boolean;
  normalization_rule_tsv?: string;
}

export interface SelfTestSampleProto {
  input?: string;
  expected?: string;
}

export interface ModelProto {
  pieces: PieceProto[];
  trainer_spec?: TrainerSpecProto;
  normalizer_spec?: NormalizerSpecProto;
  self_test_data?: { samples?: SelfTestSampleProto[] };
  denormalizer_spec?: NormalizerSpecProto;
}

/**
 * TrainerSpec's defaults, as sentencepiece_model.proto declares them (test/tokenizer/model-proto.test.ts checks the
 * table against the schema). `unk_surface` is Google's " \xE2\x81\x87 ": those are the UTF-8 bytes of U+2047.
 */
const TRAINER_SPEC_DEFAULTS: Required<TrainerSpecProto> = {
  input: [], input_format: '', model_prefix: '', model_type: 1, vocab_size: 8000, accept_language: [], self_test_sample_size: 0,
  enable_differential_privacy: false, differential_privacy_noise_level: 0, differential_privacy_clipping_threshold: 0,
  character_coverage: 0.9995, input_sentence_size: 0, shuffle_input_sentence: true, mining_sentence_size: 0,
  training_sentence_size: 0, seed_sentencepiece_size: 1000000, shrinking_factor: 0.75, max_sentence_length: 4192,
  num_threads: 16, num_sub_iterations: 2, max_sentencepiece_length: 16, split_by_unicode_script: true, split_by_number: true,
  split_by_whitespace: true, treat_whitespace_as_suffix: false, allow_whitespace_only_pieces: false, split_digits: false,
  control_symbols: [], user_defined_symbols: [], required_chars: '', byte_fallback: false, vocabulary_output_piece_score: true,
  hard_vocab_limit: true, use_all_vocab: false, unk_id: 0, bos_id: 1, eos_id: 2, pad_id: -1, unk_piece: '<unk>',
  bos_piece: '<s>', eos_piece: '</s>', pad_piece: '<pad>', unk_surface: ' \u2047 ', train_extremely_large_corpus: false,
};

/** NormalizerSpec's defaults, as the schema declares them. */
const NORMALIZER_SPEC_DEFAULTS: Required<NormalizerSpecProto> = {
  name: '', precompiled_charsmap: new Uint8Array(0), add_dummy_prefix: true, remove_extra_whitespaces: true,
  escape_whitespaces: true, normalization_rule_tsv: '',
};

/** The schema defaults of TrainerSpec and NormalizerSpec (copies), for the test that checks them. */
export function specDefaults(): { trainer: Required<TrainerSpecProto>; normalizer: Required<NormalizerSpecProto> } {
  return structuredClone({ trainer: TRAINER_SPEC_DEFAULTS, normalizer: NORMALIZER_SPEC_DEFAULTS });
}

/** A TrainerSpec field's value: the one in the file, or the schema default. */
export function trainerSpecValue<K extends keyof TrainerSpecProto>(spec: TrainerSpecProto | undefined, key: K): NonNullable<TrainerSpecProto[K]> {
  return (spec?.[key] ?? TRAINER_SPEC_DEFAULTS[key]) as NonNullable<TrainerSpecProto[K]>;
}

/** A NormalizerSpec field's value: the one in the file, or the schema default. */
export function normalizerSpecValue<K extends keyof NormalizerSpecProto>(spec: NormalizerSpecProto | undefined, key: K): NonNullable<NormalizerSpecProto[K]> {
  return (spec?.[key] ?? NORMALIZER_SPEC_DEFAULTS[key]) as NonNullable<NormalizerSpecProto[K]>;
}
