// Masked-token prediction with a pretraining checkpoint's MLM head: the most likely pieces at the first [MASK] of a
// text, for `medbert fill-mask` and the server.
import { encodeSingle, type SpecialIds } from '../data/special-tokens.js';
import { MedbertError } from '../errors.js';
import type { BertForPretraining } from '../model/index.js';
import { softmax } from '../tensor/index.js';
import type { SentencePieceModel } from '../tokenizer/index.js';

export interface FillMaskResult {
  /** The ids fed to the model: [CLS] text [SEP]. */
  readonly input_ids: number[];
  /** The k most likely pieces at the first [MASK], most likely first, with their softmax probability. */
  readonly predictions: { readonly token: string; readonly id: number; readonly score: number }[];
}

/** The top `k` pieces at the first [MASK] of `text`; a text without one, or with it past the window, is a MedbertError. */
export async function fillMask(model: BertForPretraining, sp: SentencePieceModel, ids: SpecialIds, text: string, k: number): Promise<FillMaskResult> {
  const engine = model.engine;
  const window = model.config.max_position_embeddings;
  const inputIds = withoutSpaceBeforeMask(encodeSingle(sp, text, ids, window), sp.pieceToId('\u2581'), ids);
  const at = inputIds.indexOf(ids.mask);
  if (at < 0) {
    const position = sp.encode(text).indexOf(ids.mask);
    if (position < 0) throw new MedbertError('the text has no [MASK] token');
    throw new MedbertError(`the text's [MASK] is token ${position + 2}, past the model's ${window}-token window: shorten the text before it`);
  }
  const wasTraining = model.training;
  model.eval();
  try {
    const probs = await engine.noGrad(() => engine.tidy(() => {
      // the last layer computes the [MASK] row alone
      const row = model.bert.forward({ batch: 1, seq: inputIds.length, inputIds }, Int32Array.of(at));
      return softmax(model.mlm.forward(row));
    })).data();
    const top = [...probs.keys()].sort((a, b) => probs[b]! - probs[a]!).slice(0, k);
    return { input_ids: [...inputIds], predictions: top.map((id) => ({ token: sp.idToPiece(id), id, score: probs[id]! })) };
  } finally {
    model.train(wasTraining);
  }
}

/**
 * "type 2 [MASK] were" encodes as ▁type ▁2 ▁ [MASK] ▁were: the space before [MASK] becomes a piece of its own. In
 * pretraining a [MASK] replaces one piece, most often a word with its ▁ ("▁diabetes"); after a lone ▁ it stands
 * for a piece without one, so the model predicted word endings. The ▁ is dropped, as SentencePiece BERTs (ALBERT)
 * strip the space before their mask token.
 */
function withoutSpaceBeforeMask(inputIds: Int32Array, spaceId: number, ids: SpecialIds): Int32Array {
  if (spaceId === ids.unk) return inputIds; // no "▁" piece in this vocabulary
  return inputIds.filter((id, i) => !(id === spaceId && inputIds[i + 1] === ids.mask));
}
