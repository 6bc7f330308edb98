// A SentencePiece unigram model with its file format: PieceModel (piece-model.ts, encode and decode) that loads and
// saves `.model` bytes (model-proto.ts, protobufjs).
import { decodeModelProto, encodeModelProto } from './model-proto.js';
import type { ModelProto } from './model-spec.js';
import { PieceModel, type ModelOptions } from './piece-model.js';

export {
  BUFFER_START, byteToPiece, ENCODE_ASCII_EXTRA_ROOM, pieceToByte,
  type EncodedPiece, type ModelOptions, type SampleOptions, type SegmentationResult,
} from './piece-model.js';

export class SentencePieceModel extends PieceModel {
  /** Loads a `.model` file's bytes; `source` (e.g. the file name) names it in errors. */
  static fromBytes(bytes: Uint8Array, source = 'model', options: ModelOptions = {}): SentencePieceModel {
    return new SentencePieceModel(decodeModelProto(bytes, source), source, options);
  }

  static override fromProto(proto: ModelProto, source = 'model', options: ModelOptions = {}): SentencePieceModel {
    return new SentencePieceModel(proto, source, options);
  }

  /** The `.model` file's bytes. */
  toBytes(): Uint8Array {
    return encodeModelProto(this.proto);
  }

  /** Is `other` the same model (the same pieces, scores and settings, however its file was written)? */
  sameAs(other: SentencePieceModel): boolean {
    const a = this.toBytes(), b = other.toBytes();
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
}
