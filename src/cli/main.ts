import { removePendingOutputs } from '../directories.js';
import { fileErrorMessage } from './file-errors.js';
import { exitOnSignals } from './runtime.js';
import { fileErrorReason, MedbertError } from '../errors.js';
import { commands } from './commands.js';
import { packageVersion } from './version.js';

const usage = (): string => {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'medbert: build biomedical BERT models end to end',
    '',
    'Usage: medbert <command> [options]   (medbert <command> --help for its options)',
    '',
    'Commands:',
    ...lines,
    '',
    'Global options: --debug (show stack traces on errors), --help; medbert --version prints the version',
  ].join('\n');
};

/** Runs the CLI; returns the process exit code. Errors become one clear line on stderr. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  let args = argv.filter((a) => a !== '--debug');
  // "medbert help prepare", "medbert help link eval": that command's help.
  if (args[0] === 'help' && args.length > 1) args = [...args.slice(1), '--help'];
  const name = args[0];
  if (name === '--version' || name === '-v' || name === 'version') {
    process.stdout.write(`medbert ${packageVersion()}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name === undefined ? 2 : 0;
  }
  // A reader that closes early (`medbert ... | head`) is not an error, for any command; any other failure to write
  // standard output (a full disk) ends the command in one line.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    removePendingOutputs();
    process.stderr.write(`medbert: cannot write the standard output: ${fileErrorReason(error) ?? error.message}\n`);
    process.exit(1);
  });
  exitOnSignals();
  const entry = commands.find((c) => c.name === name);
  if (entry === undefined) {
    process.stderr.write(`medbert: unknown command '${name}' (see medbert --help)\n`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command.run(args.slice(1), { debug });
  } catch (error) {
    // What the failed command still held (a temporary twin, a lock its cleanup did not reach) goes with it.
    removePendingOutputs();
    return reportError(error, debug);
  }
}

export function reportError(error: unknown, debug: boolean): number {
  const fileMessage = fileErrorMessage(error);
  if (debug && error instanceof Error && error.stack !== undefined) {
    process.stderr.write(error.stack + '\n');
  } else if (error instanceof MedbertError || isArgError(error)) {
    process.stderr.write(`medbert: ${(error as Error).message}\n`);
  } else if (fileMessage !== null) {
    process.stderr.write(`medbert: ${fileMessage}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`medbert: internal error: ${message} (run with --debug for the stack)\n`);
  }
  return error instanceof MedbertError ? error.exitCode : 1;
}

/** Errors from util.parseArgs (unknown flag, missing value) are the user's, not ours. */
function isArgError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}

