import type { Command } from './command.js';

export const deidCommand: Command = {
  name: 'deid',
  summary: 'de-identify clinical notes (tag or surrogate) and score against gold standards',
  async run(): Promise<number> {
    process.stderr.write('medbert deid: not implemented yet\n');
    return 1;
  },
};
