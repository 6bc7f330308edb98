import type { Command } from './command.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'run the whole pipeline on the built-in corpus (placeholder until the engine lands)',
  async run(): Promise<number> {
    process.stdout.write('demo: not built yet\n');
    return 0;
  },
};
