/**
 * One `medbert` subcommand. `run` gets the arguments after the subcommand's name and returns the exit code. Its
 * one-line summary is in commands.ts, which lists every command without loading their modules.
 */
export interface Command {
  readonly name: string;
  run(argv: string[], context: CommandContext): Promise<number>;
}

/** What the command line says to every command: the global flags, taken out of `argv` before the command sees it. */
export interface CommandContext {
  /** `--debug`: errors come with their stacks (main reports a command's error; serve reports a request's). */
  readonly debug: boolean;
}
