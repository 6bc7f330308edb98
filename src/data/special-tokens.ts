import { MedbertError } from '../errors.js';
import type { PieceModel } from '../tokenizer/piece-model.js';

/** The BERT special tokens' ids in a SentencePiece vocabulary. */
export interface SpecialIds {
  readonly pad: number;
  readonly unk: number;
  readonly cls: number;
  readonly sep: number;
  readonly mask: number;
}

/** Flags that give Google's spm_train (or medbert tokenizer train) the pieces BERT needs. */
export const SPECIAL_TOKEN_FLAGS = '--pad_id=0 --unk_id=1 --bos_id=-1 --eos_id=-1 --user_defined_symbols=[CLS],[SEP],[MASK]';

/**
 * Finds [PAD] (or <pad>), the unknown piece, [CLS], [SEP] and [MASK]. [MASK] as a user-defined symbol also
 * lets "[MASK]" typed in text (fill-mask) become the mask id.
 */
export function specialIds(sp: PieceModel, source: string): SpecialIds {
  const find = (...names: string[]): number => {
    for (const n of names) {
      const id = sp.pieces.indexOf(n);
      if (id >= 0) return id;
    }
    return -1;
  };
  const ids = { pad: sp.padId >= 0 ? sp.padId : find('[PAD]', '<pad>'), unk: sp.unkId, cls: find('[CLS]'), sep: find('[SEP]'), mask: find('[MASK]') };
  const missing = Object.entries(ids).filter(([, v]) => v < 0).map(([k]) => k === 'pad' ? '<pad>' : `[${k.toUpperCase()}]`);
  if (missing.length > 0) {
    throw new MedbertError(`${source} lacks the piece(s) ${missing.join(', ')} that BERT needs; train it with ${SPECIAL_TOKEN_FLAGS}`);
  }
  return ids;
}

/** [CLS] pieces [SEP], truncated to maxLength tokens. */
export function encodeSingle(sp: PieceModel, text: string, ids: SpecialIds, maxLength: number): Int32Array {
  const pieces = sp.encode(text).slice(0, Math.max(0, maxLength - 2));
  return Int32Array.from([ids.cls, ...pieces, ids.sep]);
}
