import type { Command } from './command.js';
import { deidCommand } from './deid.js';
import { demoCommand } from './demo.js';
import { fillMaskCommand } from './fill-mask.js';
import { linkCommand } from './link.js';
import { modelCommand } from './model.js';
import { prepareCommand } from './prepare.js';
import { pretrainCommand } from './pretrain.js';
import { evalCommand, finetuneCommand, predictCommand } from './tasks.js';
import { tokenizerCommand } from './tokenizer.js';

/** Every `medbert` subcommand, in the order `medbert --help` lists them. */
export const commands: readonly Command[] = [
  demoCommand,
  tokenizerCommand,
  deidCommand,
  linkCommand,
  prepareCommand,
  modelCommand,
  pretrainCommand,
  fillMaskCommand,
  finetuneCommand,
  evalCommand,
  predictCommand,
];
