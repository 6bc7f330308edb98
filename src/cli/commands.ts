import type { Command } from './command.js';
import { demoCommand } from './demo.js';

/** Every `medbert` subcommand, in the order `medbert --help` lists them. */
export const commands: readonly Command[] = [
  demoCommand,
];
