// medbert's SentencePiece-compatible unigram tokenizer: the library API the other layers use.
export { PieceModel } from './piece-model.js';
export { SentencePieceModel, ENCODE_ASCII_EXTRA_ROOM, byteToPiece, pieceToByte, type ModelOptions, type EncodedPiece, type SegmentationResult, type SampleOptions } from './model.js';
export { trainUnigram, UnigramTrainer, type UnigramTrainOptions, type TrainedModel, type TrainProgress } from './trainer/trainer.js';
export { toHuggingFaceJson } from './hf-export.js';
export { charsmapForRule } from './trainer/nfkc-charsmap.js';
export { decodeModelProto, encodeModelProto } from './model-proto.js';
export {
  PieceType, trainerSpecValue, normalizerSpecValue, type ModelProto, type PieceProto, type TrainerSpecProto, type NormalizerSpecProto,
} from './model-spec.js';
export { Normalizer } from './normalizer.js';
export { parseCharsmap, compileCharsmap, charsmapRules } from './charsmap.js';
