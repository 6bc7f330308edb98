import type { Command } from './command.js';

export const linkCommand: Command = {
  name: 'link',
  summary: 'link biomedical entity mentions to ontology concepts',
  async run(): Promise<number> {
    process.stderr.write('medbert link: not implemented yet\n');
    return 1;
  },
};
