/**
 * One `medbert` subcommand. `run` gets the arguments after the subcommand's name and returns the exit code. Its
 * one-line summary is in commands.ts, which lists every command without loading their modules.
 */
export interface Command {
  readonly name: string;
  run(argv: string[]): Promise<number>;
}
