import type { Command } from './command.js';
import { deidCommand } from './deid.js';
import { demoCommand } from './demo.js';
import { linkCommand } from './link.js';
import { tokenizerCommand } from './tokenizer.js';

/** Every `medbert` subcommand, in the order `medbert --help` lists them. */
export const commands: readonly Command[] = [
  demoCommand,
  tokenizerCommand,
  deidCommand,
  linkCommand,
];
