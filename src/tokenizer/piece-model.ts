// A SentencePiece unigram model made from its decoded ModelProto: encode (ids, pieces, offsets), decode.
// Behaviour follows Google's SentencePieceProcessor (0.1.97) piece for piece; see
// ../shared/notes/sentencepiece.md and the parity tests in test/tokenizer/. SentencePieceModel (model.ts) adds the
// `.model` file format; this file needs no protobuf library, so a thread given a decoded model loads none.
import { MedbertError } from '../errors.js';
import { buildDoubleArray, DoubleArray } from './double-array.js';
import { PieceType, trainerSpecValue, type ModelProto } from './model-spec.js';
import { Normalizer } from './normalizer.js';
import { Segmentation, viterbi, type PieceLattice } from './viterbi.js';
import { Lattice, type Path } from './lattice.js';
import { utf8DecodeValid, validCharLength } from './utf8.js';
import { byteToPiece, pieceToByte } from './byte-pieces.js';
import { decodePiecesToBytes, type DecodingContext } from './decode.js';
import { FIXED_PIECES, MAX_CACHED_VOCABULARY, splitsAtEverySpace, WordCache } from './word-cache.js';

export { byteToPiece, pieceToByte };

/** One piece of an encoding, with where it came from in the input. */
export interface EncodedPiece {
  readonly id: number;
  /** The piece as printed by spm_encode: the vocabulary piece, or the normalized text for an unknown. */
  readonly piece: string;
  /** The input text this piece covers (empty for all but the last byte of a byte-fallback character). */
  readonly surface: string;
  /** Offsets into the input: UTF-16 code units for string input, bytes for byte input. */
  readonly begin: number;
  readonly end: number;
}

/** One segmentation from n-best search or sampling. */
export interface SegmentationResult {
  readonly ids: number[];
  readonly pieces: string[];
  /** Sum of the pieces' lattice scores (log probability). */
  readonly score: number;
}

export interface SampleOptions {
  /** Smoothing: scores are multiplied by alpha before normalizing (Google's default in spm_encode: 0.5). */
  readonly alpha?: number;
  /** < 0: sample from the whole lattice; > 1: from the n best; 0 or 1: no sampling. */
  readonly nbestSize?: number;
  readonly random?: () => number;
}

/** Bytes or pieces of a sentence the encoder's reused buffers hold at first (see inputBuf). */
export const BUFFER_START = 1 << 14;

/** encodeAsciiInto's output arrays need room for this many pieces past the sentence's byte count (see there). */
export const ENCODE_ASCII_EXTRA_ROOM = FIXED_PIECES;

export interface ModelOptions {
  /**
   * Segment each word once and reuse it (default true; only where that gives the same pieces, see word-cache.ts).
   * False runs the lattice over every sentence, the reference the cache is tested against; `maxEntries` bounds
   * the words kept before it starts afresh (rounded up to a power of two, at least 16; default MAX_WORD_CACHE_ENTRIES);
   * the cache's tables are made that large at once.
   */
  readonly wordCache?: boolean | { readonly maxEntries: number };
  /**
   * The piece trie as `pieceTrieUnits` of a model loaded from the same bytes (e.g. in another thread), instead of
   * building it again. Units from other bytes give wrong encodings: pass them only with the bytes they came with.
   */
  readonly pieceTrie?: Uint32Array;
}

const FLT_MAX = 3.4028234663852886e38;
const FLT_MIN = 1.1754943508222875e-38;
const UNK_PENALTY = 10;
const USER_DEFINED_PENALTY = 0.1;

/** The model; SentencePieceModel (model.ts) is this with `.model` bytes read and written. */
export class PieceModel {
  readonly proto: ModelProto;
  readonly pieces: readonly string[];
  readonly scores: Float32Array;
  readonly types: Uint8Array;
  readonly unkId: number;
  /** -1 when the model has no such piece (as Google's bos_id() etc.). */
  readonly bosId: number;
  readonly eosId: number;
  readonly padId: number;
  readonly byteFallback: boolean;
  readonly normalizer: Normalizer;
  /** id of `<0xNN>` for each byte when byte fallback is on. */
  private readonly byteIds = new Int32Array(256).fill(-1);
  private readonly byteOfId: Int16Array;
  private readonly lattice: PieceLattice;
  private readonly pieceTrie: DoubleArray;
  private readonly reserved = new Map<string, number>();
  private readonly seg = new Segmentation();
  private readonly decoding: DecodingContext;
  /** Null unless the lattice splits at every ▁ (then words are segmented once each; see word-cache.ts). */
  private readonly words: WordCache | null;
  /**
   * Whether sentences of plain ASCII words skip the normalizer and go to the word cache straight from their bytes
   * (WordCache.encodeAscii): needs the usual whitespace rules and no byte fallback.
   */
  private readonly asciiWords: boolean;
  // The reused buffers below start large enough for nearly every sentence (16K bytes or pieces): replacing one with a
  // larger one the first time a long sentence came threw away the optimized code that reads it (encodeOffsetsInto and
  // what it inlines) and compiled it again. They still grow for longer ones.
  private inputBuf = new Uint8Array(BUFFER_START);
  private readonly encoder = new TextEncoder();

  protected constructor(proto: ModelProto, source: string, options: ModelOptions) {
    this.proto = proto;
    const n = proto.pieces.length;
    const ts = proto.trainer_spec;
    const modelType = trainerSpecValue(ts, 'model_type');
    if (modelType !== 1) throw new MedbertError(`${source}: only unigram models are supported (model_type ${modelType})`);
    this.byteFallback = trainerSpecValue(ts, 'byte_fallback');
    this.pieces = proto.pieces.map((p) => p.piece);
    this.scores = new Float32Array(n);
    this.types = new Uint8Array(n);
    this.byteOfId = new Int16Array(n).fill(-1);
    const trieKeys: Uint8Array[] = [];
    const trieValues: number[] = [];
    const userDefinedKeys: Uint8Array[] = [];
    const seen = new Set<string>();
    let unkId = -1;
    let minScore = FLT_MAX;
    let maxScore = FLT_MIN;
    for (let i = 0; i < n; i++) {
      const p = proto.pieces[i];
      this.scores[i] = p.score;
      this.types[i] = p.type;
      if (seen.has(p.piece)) throw new MedbertError(`${source}: piece ${JSON.stringify(p.piece)} is defined twice (ids ${this.pieces.indexOf(p.piece)} and ${i})`);
      seen.add(p.piece);
      const inTrie = p.type === PieceType.NORMAL || p.type === PieceType.USER_DEFINED || p.type === PieceType.UNUSED;
      if (inTrie) {
        trieKeys.push(this.encoder.encode(p.piece));
        trieValues.push(i);
      } else {
        this.reserved.set(p.piece, i);
      }
      if (p.type === PieceType.USER_DEFINED) userDefinedKeys.push(this.encoder.encode(p.piece));
      if (p.type === PieceType.UNKNOWN) {
        if (unkId >= 0) throw new MedbertError(`${source}: more than one unknown piece (ids ${unkId} and ${i})`);
        unkId = i;
      }
      if (p.type === PieceType.BYTE) {
        if (!this.byteFallback) throw new MedbertError(`${source}: byte piece ${p.piece} found although byte_fallback is false`);
        const b = pieceToByte(p.piece);
        if (b < 0) throw new MedbertError(`${source}: byte piece ${p.piece} is not of the form <0xNN>`);
        this.byteIds[b] = i;
        this.byteOfId[i] = b;
      }
      if (p.type === PieceType.NORMAL) {
        minScore = Math.min(minScore, Math.fround(p.score));
        maxScore = Math.max(maxScore, Math.fround(p.score));
      }
    }
    if (unkId < 0) throw new MedbertError(`${source}: the model has no unknown piece`);
    if (this.byteFallback && this.byteIds.includes(-1)) throw new MedbertError(`${source}: byte_fallback is true but not all 256 <0xNN> pieces are present`);
    // Google's model: an all-negative vocabulary leaves max_score at FLT_MIN; both reset to 0 when unset.
    if (minScore === FLT_MAX) minScore = 0;
    if (maxScore === FLT_MIN) maxScore = 0;
    this.unkId = unkId;
    // The build is tens of milliseconds of cold code in each thread that loads the model; a thread given the units
    // by one that loaded the same bytes (options.pieceTrie) skips it.
    this.pieceTrie = new DoubleArray(options.pieceTrie ?? (trieKeys.length > 0 ? buildDoubleArray(trieKeys, trieValues) : new Uint32Array(0)));
    const latticeScore = new Float32Array(n);
    const skip = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (this.types[i] === PieceType.UNUSED) skip[i] = 1;
      if (this.types[i] === PieceType.USER_DEFINED) {
        const bytes = this.encoder.encode(this.pieces[i]).length;
        latticeScore[i] = Math.fround(Math.fround(bytes * maxScore) - USER_DEFINED_PENALTY);
      } else {
        latticeScore[i] = this.scores[i];
      }
    }
    this.lattice = {
      units: this.pieceTrie.units, latticeScore, skip, unkId, unkScore: Math.fround(minScore - UNK_PENALTY),
    };
    const triePieces = proto.pieces.filter((_, i) => this.types[i] === PieceType.NORMAL || this.types[i] === PieceType.USER_DEFINED || this.types[i] === PieceType.UNUSED);
    this.words = options.wordCache !== false && n < MAX_CACHED_VOCABULARY && splitsAtEverySpace(triePieces.map((p) => p.piece)) ? new WordCache(this.lattice, typeof options.wordCache === 'object' ? options.wordCache.maxEntries : undefined) : null;
    const userDefined = userDefinedKeys.length > 0
      ? new DoubleArray(buildDoubleArray(userDefinedKeys, userDefinedKeys.map((_, i) => i)))
      : null;
    this.normalizer = new Normalizer({
      spec: proto.normalizer_spec,
      treatWhitespaceAsSuffix: trainerSpecValue(ts, 'treat_whitespace_as_suffix'),
      userDefined,
      source,
    });
    const nz = this.normalizer;
    this.asciiWords = this.words !== null && !this.byteFallback && nz.addDummyPrefix && nz.removeExtraWhitespaces && nz.escapeWhitespaces &&
      !nz.treatWhitespaceAsSuffix && nz.asciiIdentity[0x20] === 1;
    this.decoding = {
      pieceToId: (piece) => this.pieceToId(piece), pieces: this.pieces, types: this.types, byteOfId: this.byteOfId,
      unkSurface: trainerSpecValue(ts, 'unk_surface'),
      addDummyPrefix: this.normalizer.addDummyPrefix, removeExtraWhitespaces: this.normalizer.removeExtraWhitespaces,
    };
    this.bosId = this.specialId(trainerSpecValue(ts, 'bos_piece'));
    this.eosId = this.specialId(trainerSpecValue(ts, 'eos_piece'));
    this.padId = this.specialId(trainerSpecValue(ts, 'pad_piece'));
  }

  /** A model from a decoded ModelProto (decodeModelProto, or a copy of another model's `proto`). */
  static fromProto(proto: ModelProto, source = 'model', options: ModelOptions = {}): PieceModel {
    return new PieceModel(proto, source, options);
  }

  /** The piece trie's darts-clone units, for ModelOptions.pieceTrie (a copy). */
  get pieceTrieUnits(): Uint32Array {
    return this.pieceTrie.units.slice();
  }

  /** Whether encoding reuses each word's segmentation (see ModelOptions.wordCache and word-cache.ts). */
  get cachesWords(): boolean {
    return this.words !== null;
  }

  /** Words the word cache holds (0 without one): a word is one entry, however it came (see word-cache.ts). */
  get cachedWordCount(): number {
    return this.words === null ? 0 : this.words.size;
  }

  get vocabSize(): number {
    return this.pieces.length;
  }

  /** The id of a piece; the unknown id when the vocabulary has no such piece (as Google's PieceToId). */
  pieceToId(piece: string): number {
    const reserved = this.reserved.get(piece);
    if (reserved !== undefined) return reserved;
    const id = this.pieceTrie.exactMatch(this.encoder.encode(piece));
    return id < 0 ? this.unkId : id;
  }

  idToPiece(id: number): string {
    if (!Number.isInteger(id) || id < 0 || id >= this.pieces.length) throw new MedbertError(`invalid id ${id}: the vocabulary has ${this.pieces.length} pieces`);
    return this.pieces[id];
  }

  isControl(id: number): boolean { return this.types[id] === PieceType.CONTROL; }
  isUnknown(id: number): boolean { return this.types[id] === PieceType.UNKNOWN; }
  isByte(id: number): boolean { return this.types[id] === PieceType.BYTE; }
  isUserDefined(id: number): boolean { return this.types[id] === PieceType.USER_DEFINED; }

  private specialId(piece: string): number {
    const id = this.pieceToId(piece);
    return this.types[id] === PieceType.CONTROL ? id : -1;
  }

  /**
   * Segments bytes; the pieces are left in this.seg. Returns the normalized length, with the pieces over
   * this.normalizer.out, or -1 when the sentence was plain ASCII words and the pieces are over the input bytes
   * (then there are no unknowns to expand into bytes: see asciiWords).
   */
  private segment(bytes: Uint8Array, length: number, inputOffsetsOk = true): number {
    if (this.asciiWords && inputOffsetsOk) {
      const seg = this.seg;
      seg.reserve(length + FIXED_PIECES);
      const count = this.words!.encodeAscii(bytes, 0, length, this.normalizer, seg.ids, seg.starts, seg.ends, 0);
      if (count >= 0) { seg.count = count; return -1; }
    }
    const n = this.normalizer.normalize(bytes, length);
    if (n === 0) { this.seg.count = 0; return 0; }
    if (this.words === null || !this.segmentByWords(this.words, n)) viterbi(this.lattice, this.normalizer.out, n, this.seg);
    return n;
  }

  /**
   * The segmentation of the normalized text from the word cache, word by word (a word runs from one ▁ to the
   * next); false, with nothing usable in this.seg, when a word is too long to cache or its margin too thin for
   * the sentence's score (see WordCache.safe), and the sentence must go through viterbi().
   */
  private segmentByWords(words: WordCache, n: number): boolean {
    const text = this.normalizer.out;
    const seg = this.seg;
    seg.reserve(n + 1);
    let count = 0;
    let exact = 0; // a bound on the sentence's |score| so far in exact arithmetic
    let rounding = 0; // how far the float32 score of the sentence Viterbi can be from it
    for (let b = 0; b < n;) {
      let e = b + 1;
      for (; e < n; e++) {
        if (text[e] === 0xe2 && e + 2 < n && text[e + 1] === 0x96 && text[e + 2] === 0x81) break;
      }
      const entry = words.entryFor(text, b, e);
      if (entry < 0) return false;
      const bound = exact + rounding;
      if (!words.safe(entry, e - b, bound)) return false;
      count = words.emit(entry, seg.ids, seg.starts, seg.ends, count, b, b);
      exact += words.scoreBound(entry);
      rounding += words.roundingAfter(e - b, bound);
      b = e;
    }
    seg.count = count;
    return true;
  }

  private utf8(text: string): number {
    if (this.inputBuf.length < text.length * 3) this.inputBuf = new Uint8Array(text.length * 3 + 16);
    return this.encoder.encodeInto(text, this.inputBuf).written;
  }

  /** Ids for a string, as spm_encode --output_format=id. */
  encode(text: string): number[] {
    const length = this.utf8(text);
    return this.encodeBytes(this.inputBuf, length);
  }

  /** Ids for UTF-8 bytes (malformed bytes handled as Google does: each becomes U+FFFD after normalization). */
  encodeBytes(bytes: Uint8Array, length = bytes.length): number[] {
    const count = this.encodeIdsInto(bytes, length);
    const out = new Array<number>(count);
    const ids = this.idBuf;
    for (let i = 0; i < count; i++) out[i] = ids[i];
    return out;
  }

  private idBuf = new Int32Array(BUFFER_START);

  /**
   * The allocation-free form of encodeBytes for hot loops: writes the ids to `idBuffer` and returns how many.
   * The buffer is reused by the next call.
   */
  encodeIdsInto(bytes: Uint8Array, length = bytes.length): number {
    this.segment(bytes, length);
    const seg = this.seg;
    const unkId = this.unkId;
    const text = this.normalizer.out;
    // Byte fallback can turn one unknown piece into several ids; the normalized length bounds the total.
    if (this.idBuf.length < seg.count + (this.byteFallback ? this.normalizer.normalizedLength : 0)) {
      this.idBuf = new Int32Array(2 * (seg.count + this.normalizer.normalizedLength) + 16);
    }
    const out = this.idBuf;
    let n = 0;
    let prevUnk = false;
    for (let i = 0; i < seg.count; i++) {
      const id = seg.ids[i];
      const isUnk = id === unkId;
      if (isUnk && this.byteFallback) {
        for (let k = seg.starts[i]; k < seg.ends[i]; k++) out[n++] = this.byteIds[text[k]];
      } else if (!(isUnk && prevUnk)) {
        out[n++] = id;
      }
      prevUnk = isUnk;
    }
    return n;
  }

  /** The ids written by the last encodeIdsInto. */
  get idBuffer(): Int32Array {
    return this.idBuf;
  }

  /**
   * The n best segmentations (ids, pieces and log-probability score), best first, as spm_encode
   * --output_format=nbest_id; n is clamped to [1, 1024] as Google does. Empty input gives one empty result.
   */
  nbestEncode(text: string, n: number): SegmentationResult[] {
    const length = this.utf8(text);
    return this.nbestEncodeBytes(this.inputBuf, n, length);
  }

  nbestEncodeBytes(bytes: Uint8Array, n: number, length = bytes.length): SegmentationResult[] {
    const size = Math.max(1, Math.min(n, 1024));
    const normalizedLength = this.normalizer.normalize(bytes, length);
    if (normalizedLength === 0) return [{ ids: [], pieces: [], score: 0 }];
    const lattice = new Lattice(this.lattice, this.normalizer.out, normalizedLength);
    return lattice.nbest(size).map((path) => this.resultOfPath(lattice, path));
  }

  /**
   * Subword regularization, as Google's SampleEncode: with nbestSize < 0 a segmentation drawn from the whole
   * lattice with probability proportional to exp(alpha × score); with nbestSize > 1 one of the n best drawn
   * the same way; with 0 or 1 the best. `random` returns numbers in [0, 1) (our own source, not Google's).
   */
  sampleEncode(text: string, options: SampleOptions = {}): SegmentationResult {
    const length = this.utf8(text);
    return this.sampleEncodeBytes(this.inputBuf, options, length);
  }

  sampleEncodeBytes(bytes: Uint8Array, options: SampleOptions = {}, length = bytes.length): SegmentationResult {
    const alpha = options.alpha ?? 0.1;
    const nbestSize = options.nbestSize ?? -1;
    const random = options.random ?? Math.random;
    if (nbestSize > 512) throw new MedbertError(`nbest_size ${nbestSize} is too large for sampling (at most 512)`);
    if (nbestSize > 1) {
      const nbests = this.nbestEncodeBytes(bytes, nbestSize, length);
      const weights = nbests.map((r) => Math.exp(alpha * r.score));
      let r = random() * weights.reduce((x, y) => x + y, 0);
      for (let i = 0; i < nbests.length; i++) { r -= weights[i]; if (r < 0) return nbests[i]; }
      return nbests[nbests.length - 1];
    }
    const normalizedLength = this.normalizer.normalize(bytes, length);
    if (normalizedLength === 0) return { ids: [], pieces: [], score: 0 };
    const lattice = new Lattice(this.lattice, this.normalizer.out, normalizedLength);
    const path = nbestSize < 0 ? lattice.sample(alpha, random) : lattice.nbest(1)[0];
    return this.resultOfPath(lattice, path);
  }

  /** Ids and pieces of a lattice path, with Google's merging of unknowns and byte fallback. */
  private resultOfPath(lattice: Lattice, path: Path): SegmentationResult {
    const ids: number[] = [];
    const pieces: string[] = [];
    const text = this.normalizer.out;
    let prevUnk = false;
    for (const node of path.nodes) {
      const id = lattice.id[node];
      const isUnk = id === this.unkId;
      if (isUnk && this.byteFallback) {
        for (let k = lattice.begin[node]; k < lattice.end[node]; k++) {
          const byteId = this.byteIds[text[k]];
          ids.push(byteId);
          pieces.push(this.pieces[byteId]);
        }
      } else if (isUnk && prevUnk) {
        pieces[pieces.length - 1] += utf8DecodeValid(text, lattice.begin[node], lattice.end[node]);
      } else {
        ids.push(id);
        pieces.push(isUnk ? utf8DecodeValid(text, lattice.begin[node], lattice.end[node]) : this.pieces[id]);
      }
      prevUnk = isUnk;
    }
    return { ids, pieces, score: path.score };
  }

  /** Pieces for a string, as spm_encode --output_format=piece. */
  encodeAsPieces(text: string): string[] {
    const length = this.utf8(text);
    return this.encodeBytesAsPieces(this.inputBuf, length);
  }

  encodeBytesAsPieces(bytes: Uint8Array, length = bytes.length): string[] {
    return this.encodeDetailedBytes(bytes, length, null).map((p) => p.piece);
  }

  /**
   * Pieces with their ids and the span of the input each covers (UTF-16 offsets into `text`), as Google's
   * EncodeAsImmutableProto gives them (there in bytes). Byte-fallback pieces of one character share its
   * span: all but the last are empty at its start.
   */
  encodeWithOffsets(text: string): EncodedPiece[] {
    const length = this.utf8(text);
    const byteToUnit = new Int32Array(length + 1);
    mapBytesToUnits(text, length, byteToUnit);
    return this.encodeDetailedBytes(this.inputBuf, length, { text, byteToUnit });
  }

  private beginBuf = new Int32Array(BUFFER_START);
  private endBuf = new Int32Array(BUFFER_START);
  private unitOfByte = new Int32Array(BUFFER_START);

  /**
   * The allocation-free form of encodeWithOffsets: writes ids to `idBuffer` and each piece's UTF-16 span in
   * `text` to `beginBuffer`/`endBuffer`; returns the count. The buffers are reused by the next call.
   */
  encodeOffsetsInto(text: string): number {
    const length = this.utf8(text);
    if (this.asciiWords) {
      // Plain ASCII words: their pieces go from the cache straight to the output, offsets being input bytes.
      if (this.idBuf.length < length + FIXED_PIECES) this.idBuf = new Int32Array(2 * length + 16);
      if (this.beginBuf.length < length + FIXED_PIECES) { this.beginBuf = new Int32Array(2 * length + 16); this.endBuf = new Int32Array(2 * length + 16); }
      const count = this.words!.encodeAscii(this.inputBuf, 0, length, this.normalizer, this.idBuf, this.beginBuf, this.endBuf, 0);
      if (count >= 0) return count;
    }
    // As many bytes as UTF-16 units: all ASCII, so byte b is unit b and the map is not needed.
    const ascii = length === text.length;
    if (!ascii) {
      if (this.unitOfByte.length < length + 1) this.unitOfByte = new Int32Array(2 * length + 16);
      mapBytesToUnits(text, length, this.unitOfByte);
    }
    const unitOfByte = this.unitOfByte;
    // Not plain ASCII words (tried above when the model allows): segmented from the normalized text, whose offsets
    // map back through normToOrig.
    this.segment(this.inputBuf, length, false);
    const seg = this.seg;
    const norm = this.normalizer.out;
    const map = this.normalizer.normToOrig;
    const most = seg.count + (this.byteFallback ? this.normalizer.normalizedLength : 0);
    if (this.idBuf.length < most) this.idBuf = new Int32Array(2 * most + 16);
    if (this.beginBuf.length < most) { this.beginBuf = new Int32Array(2 * most + 16); this.endBuf = new Int32Array(2 * most + 16); }
    const ids = this.idBuf;
    const begins = this.beginBuf;
    const ends = this.endBuf;
    const byteFallback = this.byteFallback;
    let n = 0;
    let prevUnk = false;
    let runBegin = 0; // where the last piece written begins
    for (let i = 0; i < seg.count; i++) {
      const id = seg.ids[i];
      const isUnk = id === this.unkId;
      const s = seg.starts[i];
      const e = seg.ends[i];
      const byteBegin = map[s];
      const byteEnd = map[e];
      const origBegin = ascii ? byteBegin : unitOfByte[byteBegin];
      const origEnd = ascii ? byteEnd : unitOfByte[byteEnd];
      if (isUnk && byteFallback) {
        for (let k = s; k < e; k++) {
          ids[n] = this.byteIds[norm[k]];
          begins[n] = origBegin;
          ends[n] = k === e - 1 ? origEnd : origBegin;
          n++;
        }
      } else {
        // An unknown after an unknown rewrites it (one piece), without a branch that only such runs take: its
        // operations would have had no type feedback when TurboFan compiled this, and the first run would have
        // thrown the compiled code away (see WordCache.encodeAscii).
        const back = isUnk && prevUnk ? 1 : 0;
        n -= back;
        runBegin = back === 1 ? runBegin : origBegin;
        ids[n] = id; begins[n] = runBegin; ends[n] = origEnd; n++;
      }
      prevUnk = isUnk;
    }
    return n;
  }

  /**
   * What encodeOffsetsInto gives for a sentence of plain ASCII words given as bytes[start, end) (offsets from
   * `start`: in ASCII, bytes and UTF-16 units are one), written to ids/begins/ends from `at` on. Returns where its
   * pieces end (at + their count), or -1 when it is not such a sentence or the model has no such path: then use
   * encodeOffsetsInto. The arrays need room for end - start + ENCODE_ASCII_EXTRA_ROOM pieces from `at` (more than the
   * pieces fill: the last few are written whatever the count).
   */
  encodeAsciiInto(bytes: Uint8Array, start: number, end: number, ids: Int32Array, begins: Int32Array, ends: Int32Array, at: number): number {
    if (!this.asciiWords) return -1;
    return this.words!.encodeAscii(bytes, start, end, this.normalizer, ids, begins, ends, at);
  }

  /** Spans written by the last encodeOffsetsInto (UTF-16 offsets). */
  get beginBuffer(): Int32Array { return this.beginBuf; }
  get endBuffer(): Int32Array { return this.endBuf; }

  /** Like encodeWithOffsets for bytes: offsets are byte offsets, surfaces decoded spm-style. */
  encodeBytesWithOffsets(bytes: Uint8Array, length = bytes.length): EncodedPiece[] {
    return this.encodeDetailedBytes(bytes, length, null);
  }

  private encodeDetailedBytes(bytes: Uint8Array, length: number, stringInput: { text: string; byteToUnit: Int32Array } | null): EncodedPiece[] {
    this.segment(bytes, length, false);
    const seg = this.seg;
    const norm = this.normalizer.out;
    const map = this.normalizer.normToOrig;
    const out: Array<{ id: number; piece: string; surface: string; begin: number; end: number }> = [];
    const surfaceOf = (begin: number, end: number): string => stringInput !== null
      ? stringInput.text.slice(stringInput.byteToUnit[begin], stringInput.byteToUnit[end])
      : decodeLossy(bytes.subarray(begin, end));
    const offset = (o: number): number => (stringInput !== null ? stringInput.byteToUnit[o] : o);
    let prevUnk = false;
    for (let i = 0; i < seg.count; i++) {
      const id = seg.ids[i];
      const isUnk = id === this.unkId;
      const s = seg.starts[i];
      const e = seg.ends[i];
      const origBegin = map[s];
      const origEnd = map[e];
      if (isUnk && this.byteFallback) {
        for (let k = s; k < e; k++) {
          const last = k === e - 1;
          const byteId = this.byteIds[norm[k]];
          out.push({
            id: byteId, piece: this.pieces[byteId], surface: last ? surfaceOf(origBegin, origEnd) : '',
            begin: offset(origBegin), end: offset(last ? origEnd : origBegin),
          });
        }
      } else if (isUnk && prevUnk) {
        const merged = out[out.length - 1];
        merged.piece += utf8DecodeValid(norm, s, e);
        merged.surface += surfaceOf(origBegin, origEnd);
        merged.end = offset(origEnd);
      } else {
        out.push({
          id, piece: isUnk ? utf8DecodeValid(norm, s, e) : this.pieces[id], surface: surfaceOf(origBegin, origEnd),
          begin: offset(origBegin), end: offset(origEnd),
        });
      }
      prevUnk = isUnk;
    }
    return out;
  }

  /** The normalized text the encoder segments (spaces as U+2581 when escaping, dummy prefix included). */
  normalize(text: string): string {
    const length = this.utf8(text);
    const n = this.normalizer.normalize(this.inputBuf, length);
    return utf8DecodeValid(this.normalizer.out, 0, n);
  }

  /** Text for ids, as spm_decode --input_format=id. An id outside the vocabulary is a MedbertError. */
  decode(ids: readonly number[]): string {
    return utf8DecodeValid(this.decodeToBytes(ids.map((id) => this.idToPiece(id))));
  }

  /** Text for pieces, as spm_decode --input_format=piece (a piece not in the vocabulary is copied as is). */
  decodePieces(pieces: readonly string[]): string {
    return utf8DecodeValid(this.decodeToBytes(pieces));
  }

  /** Decoded UTF-8 bytes (always well-formed: stray byte pieces become U+FFFD). */
  decodeToBytes(pieces: readonly string[]): Uint8Array {
    return decodePiecesToBytes(this.decoding, pieces);
  }
}

function decodeLossy(bytes: Uint8Array): string {
  let valid = true;
  for (let i = 0; i < bytes.length;) {
    const n = bytes[i] < 0x80 ? 1 : validCharLength(bytes, i, bytes.length);
    if (n === 0) { valid = false; break; }
    i += n;
  }
  if (valid) return utf8DecodeValid(bytes);
  let s = '';
  for (let i = 0; i < bytes.length;) {
    const n = validCharLength(bytes, i, bytes.length);
    if (n === 0) { s += '\ufffd'; i++; } else { s += utf8DecodeValid(bytes, i, i + n); i += n; }
  }
  return s;
}

/**
 * out[b] = the UTF-16 index of the character that UTF-8 byte b of `text` belongs to, and out[length] =
 * text.length (a lone surrogate is 3 bytes, as the encoder writes U+FFFD for it).
 */
function mapBytesToUnits(text: string, length: number, out: Int32Array): void {
  let b = 0;
  for (let u = 0; u < text.length;) {
    const c = text.charCodeAt(u);
    let bytes = 3;
    let units = 1;
    if (c < 0x80) bytes = 1;
    else if (c < 0x800) bytes = 2;
    else if (c >= 0xd800 && c <= 0xdbff && u + 1 < text.length && (text.charCodeAt(u + 1) & 0xfc00) === 0xdc00) { bytes = 4; units = 2; }
    for (let k = 0; k < bytes; k++) out[b + k] = u;
    b += bytes;
    u += units;
  }
  out[length] = text.length;
}
