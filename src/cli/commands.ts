import type { Command } from './command.js';

/** A `medbert` subcommand as the launcher knows it: its name, its line in `medbert --help`, and how to load it. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  /**
   * Imports the command's module. Only the command that runs is loaded: importing them all took 0.19 s before any
   * command started (`medbert prepare --help`), most of it modules the command never used.
   */
  load(): Promise<Command>;
}

/** Every `medbert` subcommand, in the order `medbert --help` lists them. */
export const commands: readonly CommandEntry[] = [
  {
    name: 'demo',
    summary: 'the default run: corpus → de-identify → tokenizer → shards → pretrain → fine-tune NER (+ QA) → report',
    load: async () => (await import('./demo.js')).demoCommand,
  },
  {
    name: 'tokenizer',
    summary: 'train, encode and decode SentencePiece unigram models (spm_train/spm_encode flags)',
    load: async () => (await import('./tokenizer.js')).tokenizerCommand,
  },
  {
    name: 'deid',
    summary: 'de-identify clinical notes (tag or surrogate) and score against gold standards',
    load: async () => (await import('./deid.js')).deidCommand,
  },
  {
    name: 'link',
    summary: 'link disease, chemical and gene mentions to ontology concepts (and `link eval` on BC5CDR)',
    load: async () => (await import('./link.js')).linkCommand,
  },
  {
    name: 'prepare',
    summary: 'turn raw text into training shards: read, de-identify, tokenize, link entities, pack',
    load: async () => (await import('./prepare.js')).prepareCommand,
  },
  {
    name: 'model',
    summary: 'model info (parameter counts by preset) and model init (a fresh checkpoint)',
    load: async () => (await import('./model.js')).modelCommand,
  },
  {
    name: 'pretrain',
    summary: 'pretrain with masked language modelling + medical entity prediction',
    load: async () => (await import('./pretrain.js')).pretrainCommand,
  },
  {
    name: 'fill-mask',
    summary: 'predict the token at the first [MASK] of a text',
    load: async () => (await import('./fill-mask.js')).fillMaskCommand,
  },
  {
    name: 'finetune',
    summary: 'fine-tune a pretrained checkpoint: ner (BC5CDR) or qa (MedQA)',
    load: async () => (await import('./tasks.js')).finetuneCommand,
  },
  {
    name: 'eval',
    summary: 'score a checkpoint (or a prediction file) on a test set: ner, qa, or held-out mlm loss',
    load: async () => (await import('./tasks.js')).evalCommand,
  },
  {
    name: 'predict',
    summary: 'run a fine-tuned checkpoint on text',
    load: async () => (await import('./tasks.js')).predictCommand,
  },
  {
    name: 'serve',
    summary: 'an HTTP JSON API on this machine: de-identify, link, tag, fill masks, tokenize',
    load: async () => (await import('./serve.js')).serveCommand,
  },
];
