import type { Command } from './command.js';

export const tokenizerCommand: Command = {
  name: 'tokenizer',
  summary: 'train, encode and decode SentencePiece unigram models (spm_train/spm_encode flags)',
  async run(): Promise<number> {
    process.stderr.write('medbert tokenizer: not implemented yet\n');
    return 1;
  },
};
