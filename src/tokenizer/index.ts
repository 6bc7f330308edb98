// medbert's SentencePiece-compatible unigram tokenizer: the library API the other layers use.
export { SentencePieceModel, byteToPiece, pieceToByte, type EncodedPiece } from './model.js';
export {
  decodeModelProto, encodeModelProto, PieceType, trainerSpecValue, normalizerSpecValue,
  type ModelProto, type PieceProto, type TrainerSpecProto, type NormalizerSpecProto,
} from './model-proto.js';
export { Normalizer } from './normalizer.js';
export { parseCharsmap, compileCharsmap, charsmapRules } from './charsmap.js';
