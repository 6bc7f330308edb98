import { MedbertError } from '../errors.js';
import { encodeSingle, specialIds, type SpecialIds } from '../data/special-tokens.js';
import { softmax } from '../tensor/index.js';
import { SentencePieceModel } from '../tokenizer/index.js';
import { loadPretrainingModel } from '../train/load-model.js';
import { intFlag, parseFlags, printJson, required } from './args.js';
import type { Command } from './command.js';
import { engineFlags, engineFromFlags } from './engine-flags.js';

export const fillMaskCommand: Command = {
  name: 'fill-mask',
  async run(argv) {
    const parsed = parseFlags(argv, {
      checkpoint: { type: 'string', valueName: 'DIR', description: 'checkpoint folder (with tokenizer.model)' },
      text: { type: 'string', valueName: 'TEXT', description: 'text with at least one [MASK]' },
      'top-k': { type: 'string', valueName: 'K', default: '5', description: 'how many predictions' },
      json: { type: 'boolean', description: 'print one JSON object' },
      ...engineFlags,
    }, {
      usage: 'medbert fill-mask --checkpoint DIR --text "... [MASK] ..." [--top-k 5] [--json]',
      description: 'Runs the MLM head at the first [MASK] and prints the most likely tokens with their probabilities.',
      examples: ['medbert fill-mask --checkpoint runs/demo/pretrain/checkpoint --text "Patients with type 2 [MASK] were given metformin."'],
    });
    if (parsed === null) return 0;
    const v = parsed.values;
    const dir = required(v.checkpoint, 'checkpoint');
    const text = required(v.text, 'text');
    const k = intFlag(v['top-k'], 'top-k', 5, 1, 1000);
    const engine = await engineFromFlags(v);
    try {
      const { model, checkpoint } = loadPretrainingModel(engine, dir);
      if (checkpoint.tokenizer === null) throw new MedbertError(`${dir} has no tokenizer.model`);
      const sp = SentencePieceModel.fromBytes(checkpoint.tokenizer, `${dir}/tokenizer.model`);
      const ids = specialIds(sp, `${dir}/tokenizer.model`);
      const inputIds = withoutSpaceBeforeMask(encodeSingle(sp, text, ids, checkpoint.config.max_position_embeddings), sp.pieceToId('\u2581'), ids);
      const at = inputIds.indexOf(ids.mask);
      if (at < 0) {
        const position = sp.encode(text).indexOf(ids.mask);
        if (position < 0) throw new MedbertError('--text has no [MASK] token');
        const window = checkpoint.config.max_position_embeddings;
        throw new MedbertError(`--text's [MASK] is token ${position + 2}, past the model's ${window}-token window: shorten the text before it`);
      }
      model.eval();
      const probs = await engine.noGrad(() => engine.tidy(() => {
        // the last layer computes the [MASK] row alone
        const row = model.bert.forward({ batch: 1, seq: inputIds.length, inputIds }, Int32Array.of(at));
        return softmax(model.mlm.forward(row));
      })).data();
      const top = [...probs.keys()].sort((a, b) => probs[b]! - probs[a]!).slice(0, k);
      const predictions = top.map((id) => ({ token: sp.idToPiece(id), id, score: probs[id]! }));
      if (v.json === true) printJson({ input_ids: [...inputIds], predictions });
      else for (const p of predictions) process.stdout.write(`${p.score.toFixed(4)}  ${p.token}  (id ${p.id})\n`);
      model.dispose();
      return 0;
    } finally {
      engine.backend.dispose();
    }
  },
};

/**
 * "type 2 [MASK] were" encodes as ▁type ▁2 ▁ [MASK] ▁were: the space before [MASK] becomes a piece of its own. In
 * pretraining a [MASK] replaces a whole piece, its ▁ with it ("▁diabetes"), and a lone ▁ before one never occurs;
 * kept, it made the model predict word endings. It is dropped, as SentencePiece BERTs (ALBERT) strip the space
 * before their mask token.
 */
export function withoutSpaceBeforeMask(inputIds: Int32Array, spaceId: number, ids: SpecialIds): Int32Array {
  if (spaceId === ids.unk) return inputIds; // no "▁" piece in this vocabulary
  return inputIds.filter((id, i) => !(id === spaceId && inputIds[i + 1] === ids.mask));
}
