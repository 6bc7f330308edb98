/**
 * An error the user can act on: bad input, a missing file, an impossible flag value. The CLI prints only its
 * message (one line, naming what and where) and exits non-zero; `--debug` adds the stack. Every layer may
 * throw it; anything else reaching the CLI is a bug and is reported as such.
 */
export class MedbertError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MedbertError';
  }
}
