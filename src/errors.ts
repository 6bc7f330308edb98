/**
 * An error the user can act on: bad input, a missing file, an impossible flag value. The CLI prints only its
 * message (one line, naming what and where) and exits non-zero; `--debug` adds the stack. Every layer may
 * throw it; anything else reaching the CLI is a bug and is reported as such.
 */
export class MedbertError extends Error {
  /** The process's exit code when this ends a command: 1, or the shell's code for a signal that stopped the job (130). */
  readonly exitCode: number;

  constructor(message: string, options?: { cause?: unknown; exitCode?: number }) {
    super(message, options);
    this.name = 'MedbertError';
    this.exitCode = options?.exitCode ?? 1;
  }
}

/** What a file-system error code means, in words (`ENOENT`: 'no such file or folder'). */
const FILE_ERROR_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder', ENOTDIR: 'a part of the path is a file, not a folder', EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied', EPERM: 'operation not permitted', EROFS: 'read-only file system', ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded', EEXIST: 'it already exists', ENOTEMPTY: 'the folder is not empty', EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long', EFBIG: 'the file is larger than allowed', EBUSY: 'it is busy', EXDEV: 'it is on another device',
};

/** The words for a file-system error's code, or undefined when it has none of those codes. */
export function fileErrorReason(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? FILE_ERROR_REASONS[code] : undefined;
}

/** fileErrorReason, else the error's message: for a message naming what failed. */
export function describeFileError(error: unknown): string {
  return fileErrorReason(error) ?? (error instanceof Error ? error.message : String(error));
}
