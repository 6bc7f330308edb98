// A Hugging Face `tokenizer.json` (Unigram model) for a SentencePiece model, in the shape transformers'
// SpmConverter writes, so HF tokenizers and transformers.js can load it: the stored precompiled charsmap as
// the normalizer, whitespace collapsing, a Metaspace pre-tokenizer/decoder, and the pieces with their scores.
import { MedbertError } from '../errors.js';
import type { SentencePieceModel } from './model.js';
import { PieceType, normalizerSpecValue, trainerSpecValue } from './model-spec.js';

export interface HuggingFaceTokenizerJson {
  version: string;
  truncation: null;
  padding: null;
  added_tokens: Array<{ id: number; content: string; single_word: boolean; lstrip: boolean; rstrip: boolean; normalized: boolean; special: boolean }>;
  normalizer: unknown;
  pre_tokenizer: unknown;
  post_processor: unknown;
  decoder: unknown;
  model: { type: 'Unigram'; unk_id: number; vocab: Array<[string, number]>; byte_fallback: boolean };
}

export function toHuggingFaceJson(model: SentencePieceModel): HuggingFaceTokenizerJson {
  // HF's Metaspace puts the space marker before a word only: a tokenizer.json would split every sentence otherwise.
  if (trainerSpecValue(model.proto.trainer_spec, 'treat_whitespace_as_suffix')) {
    throw new MedbertError('a model trained with --treat_whitespace_as_suffix has no Hugging Face tokenizer.json equivalent (Metaspace marks word starts only)');
  }
  const spec = model.proto.normalizer_spec;
  const charsmap = normalizerSpecValue(spec, 'precompiled_charsmap');
  const addDummyPrefix = normalizerSpecValue(spec, 'add_dummy_prefix');
  const removeExtra = normalizerSpecValue(spec, 'remove_extra_whitespaces');
  const normalizers: unknown[] = [];
  if (charsmap.length > 0) normalizers.push({ type: 'Precompiled', precompiled_charsmap: base64(charsmap) });
  if (removeExtra) {
    normalizers.push({ type: 'Strip', strip_left: true, strip_right: true });
    normalizers.push({ type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' });
  }
  const prependScheme = addDummyPrefix ? 'always' : 'never';
  const metaspace = { type: 'Metaspace', replacement: '\u2581', add_prefix_space: addDummyPrefix, prepend_scheme: prependScheme, split: false };
  const byteFallback = trainerSpecValue(model.proto.trainer_spec, 'byte_fallback');
  const added = [];
  for (let id = 0; id < model.vocabSize; id++) {
    const type = model.types[id];
    const piece = model.pieces[id];
    if (type === PieceType.CONTROL || type === PieceType.UNKNOWN || type === PieceType.USER_DEFINED) {
      // BERT's tokens are special whatever their SentencePiece type (medbert's models make them user-defined so that
      // "[MASK]" typed in text is the mask); [MASK] takes the space before it, as fill-mask does (ALBERT's lstrip).
      added.push({
        id, content: piece, single_word: false, lstrip: piece === '[MASK]', rstrip: false,
        normalized: false, special: type !== PieceType.USER_DEFINED || BERT_SPECIAL_TOKENS.has(piece),
      });
    }
  }
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: added,
    normalizer: normalizers.length === 0 ? null : { type: 'Sequence', normalizers },
    pre_tokenizer: metaspace,
    post_processor: bertTemplate(model),
    // Byte pieces ("<0xE6>") become their bytes, joined into characters, before the space marker becomes a space.
    decoder: byteFallback ? { type: 'Sequence', decoders: [{ type: 'ByteFallback' }, { type: 'Fuse' }, metaspace] } : metaspace,
    model: {
      type: 'Unigram',
      unk_id: model.unkId,
      vocab: model.pieces.map((p, i) => [p, model.scores[i]] as [string, number]),
      byte_fallback: byteFallback,
    },
  };
}

/** BERT's special tokens, by the names Google's BERT and medbert give them. */
const BERT_SPECIAL_TOKENS: ReadonlySet<string> = new Set(['[CLS]', '[SEP]', '[MASK]', '[PAD]', '[UNK]']);

/**
 * "[CLS] A [SEP]" and "[CLS] A [SEP] B [SEP]" (segment 1 for B), as medbert builds a model's inputs, when the
 * vocabulary has [CLS] and [SEP]; none otherwise (a SentencePiece model that is no BERT's).
 */
function bertTemplate(model: SentencePieceModel): unknown {
  const cls = model.pieces.indexOf('[CLS]');
  const sep = model.pieces.indexOf('[SEP]');
  if (cls < 0 || sep < 0) return null;
  const special = (id: string, typeId: number): unknown => ({ SpecialToken: { id, type_id: typeId } });
  const sequence = (id: 'A' | 'B', typeId: number): unknown => ({ Sequence: { id, type_id: typeId } });
  return {
    type: 'TemplateProcessing',
    single: [special('[CLS]', 0), sequence('A', 0), special('[SEP]', 0)],
    pair: [special('[CLS]', 0), sequence('A', 0), special('[SEP]', 0), sequence('B', 1), special('[SEP]', 1)],
    special_tokens: {
      '[CLS]': { id: '[CLS]', ids: [cls], tokens: ['[CLS]'] },
      '[SEP]': { id: '[SEP]', ids: [sep], tokens: ['[SEP]'] },
    },
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (no Buffer/btoa, so it runs anywhere). */
export function base64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    parts.push(ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63]);
  }
  if (i < bytes.length) {
    const n = (bytes[i] << 16) | ((i + 1 < bytes.length ? bytes[i + 1] : 0) << 8);
    parts.push(ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=') + '=');
  }
  return parts.join('');
}
