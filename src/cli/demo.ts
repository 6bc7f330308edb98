import { join } from 'node:path';
import { SyntheticSource } from '../data/synthetic.js';
import { presetConfig } from '../model/index.js';
import { pretrain } from '../train/pretrain.js';
import { recipeFor } from '../train/recipe.js';
import { intFlag, parseFlags, printJson } from './args.js';
import type { Command } from './command.js';
import { engineFlags, engineFromFlags, stopOnInterrupt } from './runtime.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'the default run: train a small BERT on a built-in task and show the loss falling',
  async run(argv) {
    const parsed = parseFlags(argv, {
      out: { type: 'string', valueName: 'DIR', default: 'runs/demo', description: 'where everything is written' },
      steps: { type: 'string', valueName: 'N', default: '300', description: 'pretraining steps' },
      json: { type: 'boolean', description: 'print the figures as one JSON object' },
      ...engineFlags,
    }, {
      usage: 'medbert demo [--out DIR] [--steps N] [--json]',
      description: 'Pretrains a small BERT (MLM + entity prediction) on generated sequences with learnable structure\nand prints the loss as it falls.',
    });
    if (parsed === null) return 0;
    const v = parsed.values;
    const steps = intFlag(v.steps, 'steps', 300, 1);
    const out = v.out ?? 'runs/demo';
    const config = presetConfig('tiny', { vocab_size: 512, num_hidden_layers: 2, num_entity_concepts: 16, max_position_embeddings: 64 });
    const source = new SyntheticSource({ vocabSize: 512, firstRegularId: 5, clsId: config.cls_token_id, sepId: config.sep_token_id, seqLen: 64, concepts: 16, seed: 1 });
    const engine = await engineFromFlags(v);
    const interrupt = stopOnInterrupt('demo');
    const losses: [number, number][] = [];
    try {
      const every = Math.max(1, Math.round(steps / 20));
      await pretrain({
        engine, config, source, outDir: join(out, 'pretrain'), resume: false, shouldStop: interrupt.requested,
        options: { ...recipeFor('tiny', steps), steps, microBatch: 16, lr: 2e-3, checkpointEvery: 0 },
        onStep: (m) => {
          losses.push([m.step, m.loss]);
          if (m.step % every === 0 || m.step === 1) {
            process.stderr.write(`step ${String(m.step).padStart(5)}  loss ${m.loss.toFixed(4)}  (mlm ${m.mlm_loss.toFixed(4)}, entity ${m.entity_loss?.toFixed(4) ?? '-'})  ${m.tokens_per_s.toFixed(0)} tokens/s\n`);
          }
        },
      });
    } finally {
      interrupt.dispose();
      engine.backend.dispose();
    }
    const first = losses[0]?.[1] ?? NaN, last = losses[losses.length - 1]?.[1] ?? NaN;
    if (v.json === true) printJson({ pretrain: { losses } });
    else process.stdout.write(`loss fell from ${first.toFixed(4)} to ${last.toFixed(4)} in ${losses.length} steps; checkpoint in ${join(out, 'pretrain', 'checkpoint')}\n`);
    return 0;
  },
};
