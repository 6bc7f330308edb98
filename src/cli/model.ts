import { join } from 'node:path';
import { MedbertError } from '../errors.js';
import { specialIds } from '../data/special-tokens.js';
import { BertForPretraining, countParameters, isPresetName, presetConfig, PRESET_NAMES, type PresetName } from '../model/index.js';
import { stateDict } from '../nn/index.js';
import { Engine, ReferenceBackend, Rng } from '../tensor/index.js';
import { readModelFile } from '../tokenizer/node-io.js';
import { checkReplaceable, saveCheckpoint } from '../train/checkpoint.js';
import { intFlag, parseFlags, printJson, required } from './args.js';
import type { Command } from './command.js';

export function presetFlag(value: string | undefined): PresetName {
  const name = value ?? 'tiny';
  if (!isPresetName(name)) throw new MedbertError(`--preset=${name} is not valid: expected one of ${PRESET_NAMES.join(', ')}`);
  return name;
}

async function info(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, {
    preset: { type: 'string', valueName: 'P', default: 'tiny', description: `model size: ${PRESET_NAMES.join(', ')}` },
    vocab: { type: 'string', valueName: 'N', description: 'vocabulary size (default: the preset\'s)' },
    concepts: { type: 'string', valueName: 'N', description: 'entity-head concepts (default 0: no entity head)' },
    json: { type: 'boolean', description: 'print one JSON object' },
  }, {
    usage: 'medbert model info [--preset P] [--json]',
    description: 'Prints the architecture and exact parameter count by part, without allocating the weights.',
    examples: ['medbert model info --preset xl', 'medbert model info --preset base --vocab 64000 --json'],
  });
  if (parsed === null) return 0;
  const { values } = parsed;
  const preset = presetFlag(values.preset);
  const overrides = {
    ...(values.vocab === undefined ? {} : { vocab_size: intFlag(values.vocab, 'vocab', 0, 8) }),
    num_entity_concepts: intFlag(values.concepts, 'concepts', 0, 0),
  };
  const config = presetConfig(preset, overrides);
  const count = countParameters(config);
  if (values.json === true) {
    printJson({ preset, config, parameters: count });
    return 0;
  }
  const rows: [string, number][] = [
    ['embeddings', count.embeddings], [`encoder (${config.num_hidden_layers} × ${count.perLayer.toLocaleString('en-US')})`, count.encoder],
    ['pooler', count.pooler], ['MLM head (decoder tied)', count.mlmHead], ['entity head', count.entityHead], ['total', count.total],
  ];
  process.stdout.write(`preset ${preset}: ${config.num_hidden_layers} layers, hidden ${config.hidden_size}, ${config.num_attention_heads} heads, ` +
    `feed-forward ${config.intermediate_size}, vocabulary ${config.vocab_size}, ${config.max_position_embeddings} positions\n`);
  for (const [name, n] of rows) process.stdout.write(`  ${name.padEnd(32)} ${n.toLocaleString('en-US').padStart(16)}\n`);
  return 0;
}

async function init(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, {
    preset: { type: 'string', valueName: 'P', default: 'tiny', description: `model size: ${PRESET_NAMES.join(', ')}` },
    tokenizer: { type: 'string', valueName: 'M.model', description: 'SentencePiece model (sets the vocabulary and special ids)' },
    out: { type: 'string', valueName: 'DIR', description: 'checkpoint folder to write' },
    seed: { type: 'string', valueName: 'S', default: '42', description: 'initialisation seed' },
    concepts: { type: 'string', valueName: 'N', description: 'entity-head concepts (default 0)' },
  }, {
    usage: 'medbert model init --preset P --tokenizer M.model --out DIR [--seed S]',
    description: 'Writes a freshly initialised checkpoint (config.json, model.safetensors, tokenizer.model).',
    examples: ['medbert model init --preset tiny --tokenizer runs/spm.model --out runs/tiny-init'],
  });
  if (parsed === null) return 0;
  const { values } = parsed;
  const tokenizerPath = required(values.tokenizer, 'tokenizer');
  const out = required(values.out, 'out');
  checkReplaceable(out);
  const sp = readModelFile(tokenizerPath);
  const ids = specialIds(sp, tokenizerPath);
  const config = presetConfig(presetFlag(values.preset), {
    vocab_size: sp.vocabSize, pad_token_id: ids.pad, unk_token_id: ids.unk, cls_token_id: ids.cls, sep_token_id: ids.sep,
    mask_token_id: ids.mask, num_entity_concepts: intFlag(values.concepts, 'concepts', 0, 0),
  });
  const seed = intFlag(values.seed, 'seed', 42, 0);
  const engine = new Engine(new ReferenceBackend());
  const model = new BertForPretraining(engine, config, new Rng(seed), new Rng(seed + 1));
  saveCheckpoint(out, { config, weights: await stateDict(model), tokenizer: sp.toBytes() });
  process.stdout.write(`wrote ${join(out, 'model.safetensors')} (${model.parameterCount().toLocaleString('en-US')} parameters)\n`);
  return 0;
}

export const modelCommand: Command = {
  name: 'model',
  async run(argv) {
    const [verb, ...rest] = argv;
    if (verb === 'info') return info(rest);
    if (verb === 'init') return init(rest);
    if (verb === undefined || verb === '--help' || verb === '-h') {
      process.stdout.write('Usage: medbert model info|init [options]   (medbert model info --help)\n');
      return verb === undefined ? 2 : 0;
    }
    throw new MedbertError(`unknown verb 'model ${verb}': expected info or init`);
  },
};
