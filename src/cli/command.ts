/** One `medbert` subcommand. `run` gets the arguments after the subcommand's name and returns the exit code. */
export interface Command {
  readonly name: string;
  /** One line for `medbert --help`. */
  readonly summary: string;
  run(argv: string[]): Promise<number>;
}
