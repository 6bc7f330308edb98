import { MedbertError } from '../errors.js';
import type { Command } from './command.js';
import { evalMlmCommand } from './eval-mlm.js';
import { evalNerCommand, finetuneNerCommand, predictNerCommand } from './ner.js';
import { evalQaCommand, finetuneQaCommand } from './qa.js';

type Handler = (argv: string[]) => Promise<number>;

/** `medbert VERB TASK ...`: one command per verb, dispatching on the task (ner, qa). */
function taskCommand(name: string, handlers: Record<string, Handler>): Command {
  const tasks = Object.keys(handlers);
  return {
    name,
    async run(argv) {
      const [task, ...rest] = argv;
      if (task === undefined || task === '--help' || task === '-h') {
        process.stdout.write(`Usage: medbert ${name} ${tasks.join('|')} [options]   (medbert ${name} ${tasks[0]} --help)\n`);
        return task === undefined ? 2 : 0;
      }
      const handler = handlers[task];
      if (handler === undefined) throw new MedbertError(`unknown task '${name} ${task}': expected ${tasks.join(' or ')}`);
      return handler(rest);
    },
  };
}

export const finetuneCommand = taskCommand('finetune', { ner: finetuneNerCommand, qa: finetuneQaCommand });
export const evalCommand = taskCommand('eval', { ner: evalNerCommand, qa: evalQaCommand, mlm: evalMlmCommand });
export const predictCommand = taskCommand('predict', { ner: predictNerCommand });
