import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest, shardSequences } from '../data/shard-files.js';
import { MedbertError } from '../errors.js';
import { SentencePieceModel } from '../tokenizer/index.js';
import { readModelFile } from '../tokenizer/node-io.js';
import { evaluateMlm } from '../train/evaluate-mlm.js';
import { loadPretrainingModel } from '../train/load-model.js';
import { intFlag, numberFlag, parseFlags, printJson, required } from './args.js';
import { Progress } from './progress.js';
import { engineFlags, engineFromFlags } from './engine-flags.js';

/** `medbert eval mlm`: held-out masked-language-model loss of a pretraining checkpoint. */
export async function evalMlmCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, {
    checkpoint: { type: 'string', valueName: 'DIR', description: 'pretraining checkpoint (medbert or Hugging Face BERT)' },
    data: { type: 'string', valueName: 'DIR', description: 'held-out shard folder from medbert prepare (same tokenizer)' },
    'max-sequences': { type: 'string', valueName: 'N', description: 'score only the first N sequences (default: all)' },
    'mask-rate': { type: 'string', valueName: 'P', default: '0.15', description: 'share of tokens masked' },
    batch: { type: 'string', valueName: 'B', default: '32', description: 'sequences per forward pass (changes nothing but speed and memory)' },
    seed: { type: 'string', valueName: 'S', default: '1', description: 'masking seed: the same seed masks the same tokens for every checkpoint' },
    json: { type: 'boolean', description: 'print {"mlm_loss":...,"perplexity":...,"accuracy":...,"masked_tokens":...,"sequences":...}' },
    ...engineFlags,
  }, {
    usage: 'medbert eval mlm --checkpoint DIR --data DIR [--max-sequences N] [--seed S] [--json]',
    description: 'Held-out masked-language-model loss: every sequence of the shard folder is masked once (BERT\'s\n' +
      '80/10/10 over single tokens, seeded), and the loss is the mean cross-entropy over all masked tokens.',
    examples: ['medbert eval mlm --checkpoint runs/tiny/checkpoint --data runs/heldout --json'],
  });
  if (parsed === null) return 0;
  const v = parsed.values;
  const dir = required(v.checkpoint, 'checkpoint');
  const data = required(v.data, 'data');
  const manifest = readManifest(data);
  const maxSequences = v['max-sequences'] === undefined ? Infinity : intFlag(v['max-sequences'], 'max-sequences', 0, 1);
  const engine = await engineFromFlags(v);
  try {
    const { model, checkpoint } = loadPretrainingModel(engine, dir);
    const config = checkpoint.config;
    if (manifest.vocab_size !== config.vocab_size) {
      throw new MedbertError(`${data} was prepared with a ${manifest.vocab_size}-piece tokenizer, ${dir} has a ${config.vocab_size}-piece vocabulary`);
    }
    const shardTokenizer = join(data, 'tokenizer.model');
    if (checkpoint.tokenizer !== null && existsSync(shardTokenizer) && !readModelFile(shardTokenizer).sameAs(checkpoint.tokenizerModel as SentencePieceModel)) {
      throw new MedbertError(`${data} was prepared with another tokenizer than ${dir}'s tokenizer.model`);
    }
    const total = Math.min(maxSequences, manifest.shards.reduce((s, e) => s + e.sequences, 0));
    const progress = new Progress('eval mlm', 'seqs');
    const result = await evaluateMlm(model, take(shardSequences(data, manifest), total), {
      masking: {
        rate: numberFlag(v['mask-rate'], 'mask-rate', 0.15, 0.001, 1), entityShare: 0, maskId: config.mask_token_id,
        vocabSize: config.vocab_size,
        specialIds: new Set([config.pad_token_id, config.cls_token_id, config.sep_token_id, config.mask_token_id, config.unk_token_id]),
      },
      padId: config.pad_token_id,
      seed: intFlag(v.seed, 'seed', 1, 0),
      batchSize: intFlag(v.batch, 'batch', 32, 1),
      onProgress: (done) => progress.update({ done, total }),
    });
    progress.stop();
    if (v.json === true) printJson(result);
    else process.stdout.write(`mlm loss ${result.mlm_loss.toFixed(4)} (perplexity ${result.perplexity.toFixed(1)}), accuracy ${(100 * result.accuracy).toFixed(2)}% over ${result.masked_tokens} masked tokens in ${result.sequences} sequences\n`);
    return 0;
  } finally {
    engine.backend.dispose();
  }
}

function* take<T>(items: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  let i = 0;
  for (const item of items) {
    yield item;
    if (++i >= n) return;
  }
}
