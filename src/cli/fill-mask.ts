import { MedbertError } from '../errors.js';
import { specialIds } from '../data/special-tokens.js';
import { fillMask } from '../tasks/fill-mask.js';
import { checkpointTokenizer } from '../train/checkpoint.js';
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
      const sp = checkpointTokenizer(checkpoint, dir);
      const ids = specialIds(sp, `${dir}/tokenizer.model`);
      const { input_ids: inputIds, predictions } = await fillMask(model, sp, ids, text, k).catch((error: unknown) => {
        // the flag's name, in the command's words
        throw error instanceof MedbertError ? new MedbertError(error.message.replace(/^the text/, '--text')) : error;
      });
      if (v.json === true) printJson({ input_ids: inputIds, predictions });
      else for (const p of predictions) process.stdout.write(`${p.score.toFixed(4)}  ${p.token}  (id ${p.id})\n`);
      model.dispose();
      return 0;
    } finally {
      engine.backend.dispose();
    }
  },
};

